import { describe, expect, it } from "vitest";
import type { Architecture } from "../spec-types.js";
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
  layers: [{ repeat: 2, layers: [{ mixer: "sliding", ffn: "mlp" }, { mixer: "full", ffn: "mlp" }] }],
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
      layers: [{ mixer: "sliding", ffn: "mlp", count: 3 }, { mixer: "full", ffn: "mlp" }],
    };
    expect(compareArchitectures(base, other)).toEqual([
      "contextLength",
      "positional.theta",
      "layers.0-2.mixer.window", // sliding 512 → 1024, full → sliding 1024, sliding 512 → 1024
    ]);
  });

  it("compares layer counts and MTP modules", () => {
    const mtp: Architecture = { ...base, numLayers: 3, layers: [{ mixer: "full", ffn: "mlp", count: 3 }], mtp: { layers: 1, mixer: "full", ffn: "mlp" } };
    expect(compareArchitectures(base, mtp)).toEqual(["numLayers", "layers.length", "layers.0.mixer.window", "layers.2.mixer.window", "mtp"]);
  });
});
