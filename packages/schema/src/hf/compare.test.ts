import { describe, expect, it } from "vitest";
import type { Architecture } from "../spec-types.js";
import { expandLayers } from "../layers.js";
import { compareArchitectures } from "./compare.js";

const base: Architecture = {
  vocabSize: 1000,
  contextLength: 4096,
  dModel: 64,
  numLayers: 4,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 10000 },
  norm: { kind: "rmsnorm", placement: "pre", eps: 1e-6 },
  mixers: {
    sliding: { kind: "attention", heads: 8, kvHeads: 2, headDim: 8, window: 512 },
    full: { kind: "attention", heads: 8, kvHeads: 2, headDim: 8 },
  },
  ffns: { mlp: { kind: "mlp", hidden: 128, activation: "silu", gated: true } },
  layers: [
    {
      repeat: 2,
      layers: [
        { mixer: "sliding", ffn: "mlp" },
        { mixer: "full", ffn: "mlp" },
      ],
    },
  ],
};

describe("compareArchitectures", () => {
  it("ignores definition names, pattern grouping and documented defaults", () => {
    const renamed: Architecture = {
      ...base,
      mixers: {
        local: { kind: "attention", heads: 8, kvHeads: 2, headDim: 8, window: 512, qkvBias: false },
        global: { kind: "attention", heads: 8, kvHeads: 2, headDim: 8, outBias: false },
      },
      ffns: { ffn: { kind: "mlp", hidden: 128, activation: "silu", gated: true, bias: false } },
      layers: [
        { mixer: "local", ffn: "ffn" },
        { mixer: "global", ffn: "ffn" },
        { mixer: "local", ffn: "ffn" },
        { mixer: "global", ffn: "ffn" },
      ],
    };
    expect(compareArchitectures(base, renamed)).toEqual([]);
  });

  it("lists differing paths, per run of layers", () => {
    const other: Architecture = {
      ...base,
      contextLength: 8192,
      positional: { kind: "rope", theta: 500000 },
      mixers: { ...base.mixers, sliding: { kind: "attention", heads: 8, kvHeads: 2, headDim: 8, window: 1024 } },
      layers: [
        { mixer: "sliding", ffn: "mlp", count: 3 },
        { mixer: "full", ffn: "mlp" },
      ],
    };
    expect(compareArchitectures(base, other)).toEqual([
      "contextLength",
      "positional.theta",
      "layers.0-2.mixer.window", // sliding 512 → 1024, full → sliding 1024, sliding 512 → 1024
    ]);
  });

  it("compares layer counts and MTP modules", () => {
    const mtp: Architecture = {
      ...base,
      numLayers: 3,
      layers: [{ mixer: "full", ffn: "mlp", count: 3 }],
      mtp: { layers: 1, mixer: "full", ffn: "mlp" },
    };
    expect(compareArchitectures(base, mtp)).toEqual([
      "numLayers",
      "layers.length",
      "layers.0.mixer.window",
      "layers.2.mixer.window",
      "mtp",
    ]);
  });

  it("compares patterns of 10^12 blocks run by run, without expanding them", () => {
    const nested = (mixer: string) => [{ repeat: 1_000_000, layers: [{ repeat: 1_000_000, layers: [{ mixer, ffn: "mlp" }] }] }];
    const huge: Architecture = { ...base, numLayers: 1e12, layers: nested("full") };
    expect(compareArchitectures(huge, { ...huge, layers: nested("full") })).toEqual([]);
    expect(compareArchitectures(huge, { ...huge, layers: nested("sliding") })).toEqual(["layers.0-999999999999.mixer.window"]);
    const tail: Architecture = { ...huge, layers: [...nested("full"), { mixer: "sliding", ffn: "mlp" }] };
    expect(compareArchitectures(huge, tail)).toEqual(["layers.length"]);
    const split: Architecture = {
      ...huge,
      layers: [
        { mixer: "full", ffn: "mlp", count: 5 },
        { repeat: 999_999, layers: [{ repeat: 1_000_000, layers: [{ mixer: "sliding", ffn: "mlp" }] }] },
        { mixer: "sliding", ffn: "mlp", count: 999_995 },
      ],
    };
    expect(compareArchitectures(huge, split)).toEqual(["layers.5-999999999999.mixer.window"]);
  });

  it("reports the same runs as a layer-by-layer comparison, for 300 random small patterns", () => {
    let seed = 20261202;
    const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const names = ["sliding", "full"];
    const pattern = (depth: number): Architecture["layers"] =>
      Array.from({ length: 1 + rand(3) }, () =>
        depth < 2 && rand(3) === 0
          ? { repeat: 1 + rand(3), layers: pattern(depth + 1) }
          : { mixer: names[rand(2)]!, ffn: "mlp", ...(rand(2) ? { count: 1 + rand(3) } : {}) },
      );
    // The comparison as it was: every layer expanded and diffed, paths grouped over consecutive layers.
    const reference = (a: Architecture, b: Architecture) => {
      const la = expandLayers(a.layers).map((l) => l.mixer);
      const lb = expandLayers(b.layers).map((l) => l.mixer);
      const out = la.length !== lb.length ? ["layers.length"] : [];
      const hits = la.slice(0, Math.min(la.length, lb.length)).map((m, i) => m !== lb[i]);
      for (let i = 0, start = -1; i <= hits.length; i++) {
        if (hits[i] && start < 0) start = i;
        if (!hits[i] && start >= 0) {
          out.push(`layers.${start === i - 1 ? start : `${start}-${i - 1}`}.mixer.window`);
          start = -1;
        }
      }
      return out;
    };
    for (let n = 0; n < 300; n++) {
      const a: Architecture = { ...base, layers: pattern(0) };
      const b: Architecture = { ...base, layers: pattern(0) };
      expect(compareArchitectures(a, b), JSON.stringify([a.layers, b.layers])).toEqual(reference(a, b));
    }
  });
});
