/**
 * The layer-pattern panel: linear in the number of layers (fuzz finding F8: the period search was quadratic, so
 * a 400-byte spec with 100,000 layers hung the renderer), writing out only what it lists, and listing the same
 * as before for ordinary stacks.
 */
import { countLayerPattern } from "@archgal/schema/metrics";
import type { LayerEntry, ModelSpec } from "@archgal/schema";
import { describe, expect, it } from "vitest";
import { analyse, layerKey, type Facts } from "../analysis.js";
import { checkLayout } from "../../test-fixtures/check.js";
import { layoutModel, renderModel } from "../model-layout.js";
import { patternPanel } from "./pattern.js";

/** A spec with an attention mixer `a`, a Mamba-2 mixer `b` and an MLP `f`, over the given layer pattern. */
function stack(layers: LayerEntry[]): ModelSpec {
  return {
    id: "a",
    name: "a",
    architecture: {
      vocabSize: 1,
      contextLength: 1,
      dModel: 1,
      numLayers: countLayerPattern(layers),
      embedding: { tied: false },
      positional: { kind: "rope" },
      norm: { kind: "rmsnorm", placement: "pre" },
      mixers: {
        a: { kind: "attention", heads: 1, kvHeads: 1, headDim: 1 },
        b: { kind: "mamba2", heads: 1, headDim: 1, stateSize: 1, groups: 1, convKernel: 1 },
      },
      ffns: { f: { kind: "mlp", hidden: 1, activation: "silu", gated: false } },
      layers,
    },
  };
}

/** The fuzz counterexample: n layers of one kind, then one of another (no period: the worst case). */
const twoKind = (n: number) =>
  stack([
    { mixer: "a", ffn: "f", count: n },
    { mixer: "b", ffn: "f" },
  ]);

/** Heading and listing text of the pattern panel, without white space (wrapping and padding differ). */
function listing(f: Facts): { heading: string; text: string } | undefined {
  const p = patternPanel(f);
  if (!p) return undefined;
  const text = (id: string) =>
    p.canvas.labels
      .find((l) => l.id === id)!
      .lines.map((l) => l.map((s) => s.text).join(""))
      .join(" ");
  return { heading: text("pattern-title"), text: text("pattern-lines").replace(/\s+/g, "") };
}

/** The listing as the former (quadratic) code wrote it: every run and entry expanded (the partial last period too), then cut to 16 lines. */
function formerListing(f: Facts): { heading: string; text: string } | undefined {
  const keys = f.layerKeys;
  if (new Set(keys).size < 2) return undefined;
  if (f.densePrefix > 0 && new Set(keys.slice(0, f.densePrefix)).size === 1 && new Set(keys.slice(f.densePrefix)).size === 1)
    return undefined;
  const naivePeriod = (seq: readonly string[]) => {
    for (let p = 1; p <= seq.length / 2; p++) if (seq.every((x, i) => i < p || x === seq[i - p])) return p;
    return seq.length;
  };
  let offset = -1;
  let per = keys.length;
  for (let s = 0; s <= Math.min(8, keys.length / 2); s++) {
    const p = naivePeriod(keys.slice(s));
    if (p <= (keys.length - s) / 2) {
      offset = s;
      per = p;
      break;
    }
  }
  const label = (a: number, b: number) => (a === b ? `Layer ${a + 1}` : `Layers ${a + 1}–${b + 1}`);
  let text: string[];
  let heading = "Layer pattern";
  if (offset >= 0) {
    const runs: { start: number; end: number; key: string }[] = [];
    for (let i = 0; i < (per === 1 ? keys.length : offset + per); i++) {
      const last = runs[runs.length - 1];
      if (last && last.key === keys[i]) last.end = i;
      else runs.push({ start: i, end: i, key: keys[i]! });
    }
    text = runs.map((r) => `${label(r.start, r.end)} : ${r.key}`);
    if (per > 1) {
      const reps = Math.floor((keys.length - offset) / per);
      const end = offset + reps * per;
      text.push(
        `… layers ${offset + 1}–${offset + per} repeat ${reps}× (${end === keys.length ? `${keys.length} layers` : `to layer ${end}`})`,
      );
      const tail: { start: number; end: number; key: string }[] = [];
      for (let i = end; i < keys.length; i++) {
        const last = tail[tail.length - 1];
        if (last && last.key === keys[i]) last.end = i;
        else tail.push({ start: i, end: i, key: keys[i]! });
      }
      text.push(...tail.map((r) => `${label(r.start, r.end)} : ${r.key}`));
      const counts = new Map<string, number>();
      for (let i = offset; i < offset + per; i++) counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
      if (counts.size === 2) heading = `${[...counts.values()].join(":")} pattern`;
    }
  } else {
    const describe = (e: LayerEntry): string =>
      "repeat" in e
        ? `${e.repeat}×[${e.layers.map(describe).join(", ")}]`
        : (e.count ?? 1) > 1
          ? `${e.count}× ${layerKey(f.arch, e.mixer, e.ffn)}`
          : layerKey(f.arch, e.mixer, e.ffn);
    let start = 0;
    text = f.arch.layers.map((e) => {
      const count = countLayerPattern([e]);
      const range = count === 1 ? `Layer ${start + 1}` : `Layers ${start + 1}–${start + count}`;
      start += count;
      return `${range} : ${"repeat" in e ? `${e.repeat} × [${e.layers.map(describe).join(", ")}]` : layerKey(f.arch, e.mixer, e.ffn)}`;
    });
  }
  const lines = text.slice(0, 16);
  if (text.length > 16) lines.push("…");
  return { heading, text: lines.join("").replace(/\s+/g, "") };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("layer-pattern panel (F8)", () => {
  it("lists the fuzz counterexample's two runs", () => {
    const l = listing(analyse(twoKind(8_000)))!;
    expect(l.text).toBe("Layers1–8000:MHA→FFNLayer8001:Mamba-2→FFN");
  });

  it("renders the largest stack the schema allows, 10,000 layers, listing its two runs", () => {
    const svg = renderModel(twoKind(9_999));
    expect(svg).toContain("Layers 1–9999");
  });

  it("builds the listing from a bounded number of period searches over the layer keys", () => {
    // The panel's work is linear in the layers: count the reads of the key sequence rather than timing it.
    const f = analyse(twoKind(9_999));
    let reads = 0;
    const keys = f.layerKeys;
    f.layerKeys = new Proxy(keys, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(patternPanel(f)).toBeDefined();
    expect(reads).toBeLessThan(64 * keys.length);
  });

  it("refuses a stack beyond the schema's cap with a clear error", () => {
    expect(() => renderModel(twoKind(100_000))).toThrow("expands to 100001 blocks; at most 10000 are allowed");
  });

  it("lists the same as the former code for random stacks of runs and groups", () => {
    const r = rng(7);
    const simple = (): LayerEntry => {
      const e: LayerEntry = r() < 0.2 ? { mixer: r() < 0.5 ? "a" : "b" } : { mixer: r() < 0.5 ? "a" : "b", ffn: "f" };
      return r() < 0.4 ? { ...e, count: 1 + Math.floor(r() * 4) } : e;
    };
    let listed = 0;
    for (let trial = 0; trial < 600; trial++) {
      const layers: LayerEntry[] = Array.from({ length: 1 + Math.floor(r() * 5) }, () =>
        r() < 0.4 ? { repeat: 1 + Math.floor(r() * 5), layers: Array.from({ length: 1 + Math.floor(r() * 3) }, simple) } : simple(),
      );
      const f = analyse(stack(layers));
      const got = listing(f);
      expect(got, JSON.stringify(layers)).toEqual(formerListing(f));
      if (got) listed++;
    }
    expect(listed).toBeGreaterThan(300);
  });

  it("expands only what it lists: a long period's first 16 runs, then …", () => {
    // A 4,000-layer period of alternating kinds in uneven runs, twice: ~4,000 runs, of which 16 are listed.
    const r = rng(3);
    const group: LayerEntry[] = [];
    let n = 0;
    while (n < 4_000) {
      const count = 1 + Math.floor(r() * 3);
      group.push({ mixer: group.length % 2 ? "b" : "a", ffn: "f", count });
      n += count;
    }
    const f = analyse(stack([{ repeat: 2, layers: group }]));
    const p = patternPanel(f)!;
    const lines = p.canvas.labels.find((l) => l.id === "pattern-lines")!.lines.map((l) => l.map((s) => s.text).join(""));
    expect(lines).toHaveLength(17);
    expect(lines[16]).toBe("…");
    expect(lines[0]).toMatch(/^Layers? 1(–\d+)? +: MHA → FFN$/);
  });

  it("writes a huge group's contents out only in part", () => {
    const r = rng(5);
    const group: LayerEntry[] = Array.from({ length: 2_000 }, () => ({
      mixer: r() < 0.5 ? "a" : "b",
      ffn: "f",
      count: 1 + Math.floor(r() * 3),
    }));
    const spec = stack([{ repeat: 1, layers: group }]);
    const l = listing(analyse(spec))!;
    expect(l.text).toMatch(/^Layers1–\d+:1×\[.*,…\]$/);
    expect(l.text.length).toBeLessThan(300);
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });
});
