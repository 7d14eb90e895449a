/**
 * The layer-pattern panel: the stack drawn as macro blocks (from the spec's own groups, or from the period of
 * the layer keys when it has none), every layer accounted for, the headline in the title, the boxes in the
 * strip's colours, and everything bounded by the input (fuzz finding F8: the period search was quadratic, so a
 * 400-byte spec with 100,000 layers hung the renderer).
 */
import { countLayerPattern } from "@archgal/schema/metrics";
import type { LayerEntry, ModelSpec } from "@archgal/schema";
import { loadSpec } from "@archgal/test-kit/dataset";
import { describe, expect, it } from "vitest";
import { analyse, type Facts } from "../analysis.js";
import { checkLayout } from "../../test-fixtures/check.js";
import { layoutModel, renderModel } from "../model-layout.js";
import { MAX_BLOCKS, MAX_ROWS, macroBlocks, patternPanel, type MacroBlocks, type MacroItem } from "./pattern.js";

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

/** An item written compactly: `M→F` for a row, `3×[…]` for a frame, `"…"` for a text item. */
function show(f: Facts, it: MacroItem): string {
  const name = (m?: string, g?: string) =>
    [m !== undefined ? f.arch.mixers[m]!.kind : undefined, g !== undefined ? f.arch.ffns[g]!.kind : undefined].filter(Boolean).join("→");
  if (it.kind === "layer") return name(it.mixer, it.ffn);
  if (it.kind === "frame") return `${it.repeat}×[${it.items.map((x) => show(f, x)).join(", ")}]`;
  return `"${it.text}"`;
}
const shape = (f: Facts, mb: MacroBlocks) => mb.blocks.map((b) => `${b.repeat}×[${b.items.map((x) => show(f, x)).join(", ")}]`);

/** Layers of one pass of an item. */
function itemLayers(it: MacroItem): number {
  if (it.kind === "layer" || it.kind === "text") return it.layers;
  return it.repeat * it.layers;
}
/** Fails unless the blocks and the closing line account for every layer once, in order. */
function expectAccounted(f: Facts, mb: MacroBlocks): void {
  let at = 0;
  const frame = (items: readonly MacroItem[], start: number, per: number) => {
    let k = start;
    for (const it of items) {
      if (it.kind !== "layer") expect(it.start).toBe(k);
      if (it.kind === "frame") frame(it.items, it.start, it.layers);
      k += itemLayers(it);
    }
    expect(k - start, "a frame's items make one pass").toBe(per);
  };
  for (const b of mb.blocks) {
    expect(b.start).toBe(at);
    frame(b.items, b.start, b.per);
    at += b.repeat * b.per;
  }
  if (mb.more) {
    expect(mb.more.start).toBe(at);
    at = mb.more.end + 1;
  }
  expect(at).toBe(countLayerPattern(f.arch.layers));
}

/** Text of a label of the panel. */
const labelText = (f: Facts, id: string) =>
  patternPanel(f)!
    .canvas.labels.filter((l) => l.id === id)
    .map((l) => l.lines.map((line) => line.map((s) => s.text).join("")).join(" "))
    .join("");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("macro blocks of the dataset's stacks", () => {
  it("Nemotron 3 Super: 3 × [3 × [Mamba-2 → MoE], Mamba-2, GQA → MoE], 4 × […], 3 ×, 1 ×, 4 × (88 layers)", () => {
    const f = analyse(loadSpec("nemotron-3-super-120b-a12b"));
    const mb = macroBlocks(f);
    expect(shape(f, mb)).toEqual([
      "3×[3×[mamba2→moe], mamba2, attention→moe]",
      "4×[4×[mamba2→moe], mamba2, attention→moe]",
      "3×[mamba2→moe]",
      "1×[mamba2, attention→moe]",
      "4×[mamba2→moe]",
    ]);
    expect(mb.more).toBeUndefined();
    expectAccounted(f, mb);
    expect(labelText(f, "pattern-title")).toBe("Layer pattern: 40 Mamba-2, 40 MoE, 8 GQA");
  });

  it("Gemma 3 27B: 10 × [5 × sliding, global] and 2 × sliding, titled 5:1", () => {
    const f = analyse(loadSpec("gemma-3-27b"));
    const mb = macroBlocks(f);
    expect(shape(f, mb)).toEqual(["10×[5×[attention→mlp], attention→mlp]", "2×[attention→mlp]"]);
    expect(mb.blocks.map((b) => [b.start, b.repeat * b.per])).toEqual([
      [0, 60],
      [60, 2],
    ]);
    expectAccounted(f, mb);
    expect(labelText(f, "pattern-title")).toBe("Layer pattern: 5 sliding-window GQA : 1 GQA");
  });

  it("Qwen3-Next: 12 × [3 × Gated DeltaNet → MoE, gated GQA → MoE], titled 3:1", () => {
    const f = analyse(loadSpec("qwen3-next-80b-a3b"));
    const mb = macroBlocks(f);
    expect(shape(f, mb)).toEqual(["12×[3×[gated-deltanet→moe], attention→moe]"]);
    expectAccounted(f, mb);
    expect(labelText(f, "pattern-title")).toBe("Layer pattern: 3 Gated DeltaNet : 1 gated GQA");
  });

  it("Kimi Linear: the layers around the repeated block are blocks of one pass, their counted runs nested", () => {
    const f = analyse(loadSpec("kimi-linear-48b-a3b"));
    const mb = macroBlocks(f);
    expect(mb.blocks.map((b) => `${b.repeat}×${b.per}`)).toEqual(["1×4", "5×4", "1×3"]);
    expect(shape(f, mb)[0]).toBe("1×[kimi-delta→mlp, 2×[kimi-delta→moe], mla→moe]");
    expectAccounted(f, mb);
  });

  it("DeepSeek V3's 3 dense then 58 MoE layers are two blocks, 3 × and 58 × (the panel itself is left to the callout)", () => {
    const f = analyse(loadSpec("deepseek-v3"));
    const mb = macroBlocks(f);
    expect(shape(f, mb)).toEqual(["3×[mla→mlp]", "58×[mla→moe]"]);
    expectAccounted(f, mb);
    expect(patternPanel(f)).toBeUndefined();
  });

  it("a flat dense stack gets no panel", () => {
    expect(patternPanel(analyse(loadSpec("llama-3-8b")))).toBeUndefined();
    expect(renderModel(loadSpec("llama-3-8b"))).not.toContain('data-kind="pattern-block"');
  });

  it("finds the period of a stack written flat: Gemma 3's pattern without groups draws as with them", () => {
    const flat: LayerEntry[] = [];
    for (let r = 0; r < 10; r++) flat.push({ mixer: "b", ffn: "f", count: 5 }, { mixer: "a", ffn: "f" });
    flat.push({ mixer: "b", ffn: "f", count: 2 });
    const f = analyse(stack(flat));
    const mb = macroBlocks(f);
    expect(shape(f, mb)).toEqual(["10×[5×[mamba2→mlp], attention→mlp]", "2×[mamba2→mlp]"]);
    expectAccounted(f, mb);
    expect(labelText(f, "pattern-title")).toBe("Layer pattern · 5 Mamba-2 : 1 MHA");
  });

  it("colours each box as the strip colours its kind (Nemotron 3 Super)", () => {
    const p = patternPanel(analyse(loadSpec("nemotron-3-super-120b-a12b")))!;
    const swatch = new Map<string, string>();
    for (const l of p.canvas.labels.filter((x) => x.id.startsWith("map-key-label-"))) {
      const box = p.canvas.boxes.find((b) => b.id === l.id.replace("map-key-label-", "map-key-"))!;
      swatch.set(l.lines[0]![0]!.text.replace(/ \(\d+\)$/, ""), box.fill);
    }
    const boxes = p.canvas.boxes.filter((b) => b.kind === "pattern-layer");
    expect(boxes.length).toBe(17);
    for (const b of boxes) expect(b.fill, b.lines[0]![0]!.text).toBe(swatch.get(b.lines[0]![0]!.text));
    expect(new Set(boxes.map((b) => b.fill)).size).toBe(3);
    for (const b of boxes) expect(b.fontSize).toBeGreaterThanOrEqual(18);
  });

  it("lays out cleanly and keeps the panel width for every dataset stack it draws", () => {
    for (const id of ["nemotron-3-super-120b-a12b", "gemma-3-27b", "qwen3-next-80b-a3b", "deepseek-v4-flash", "nemotron-3-nano-4b"]) {
      const spec = loadSpec(id);
      const p = patternPanel(analyse(spec))!;
      expect(p.w).toBe(470);
      expect(checkLayout(layoutModel(spec)), id).toEqual([]);
    }
  });
});

describe("bounded by the input (F8)", () => {
  it("draws the fuzz counterexample's two runs", () => {
    const f = analyse(twoKind(8_000));
    expect(shape(f, macroBlocks(f))).toEqual(["1×[8000×[attention→mlp], mamba2→mlp]"]);
  });

  it("renders the largest stack the schema allows, 10,000 layers", () => {
    const svg = renderModel(twoKind(9_999));
    expect(svg).toContain("9999 ×");
    expect(svg).toContain("1–10000");
  });

  it("a hostile 10,000-layer stack of 5,000 groups draws at most MAX_BLOCKS blocks and MAX_ROWS rows, and tells the rest", () => {
    const r = rng(11);
    const layers: LayerEntry[] = [];
    for (let n = 0; n < 10_000;) {
      const e: LayerEntry =
        r() < 0.5
          ? { repeat: 1, layers: [{ mixer: "a", ffn: "f" }, { mixer: "b" }] }
          : { mixer: r() < 0.5 ? "a" : "b", ffn: "f", count: 2 };
      layers.push(e);
      n += 2;
    }
    const spec = stack(layers);
    const f = analyse(spec);
    const mb = macroBlocks(f);
    expect(mb.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(mb.more!.blocks).toBeGreaterThan(1000);
    expectAccounted(f, mb);
    const p = patternPanel(f)!;
    expect(p.canvas.boxes.filter((b) => b.kind.startsWith("pattern-")).length).toBeLessThan(3 * MAX_ROWS + 2 * MAX_BLOCKS);
    expect(p.h).toBeLessThan(1000);
    expect(labelText(f, "pattern-more")).toMatch(/^… \d+ more blocks \(layers \d+–10000\)$/);
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });

  it("builds the blocks from a bounded number of period searches over the layer keys", () => {
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

  it("accounts for every layer of random stacks of runs and groups, nested up to three deep", () => {
    const r = rng(7);
    const simple = (): LayerEntry => {
      const e: LayerEntry =
        r() < 0.2 ? { mixer: r() < 0.5 ? "a" : "b" } : r() < 0.2 ? { ffn: "f" } : { mixer: r() < 0.5 ? "a" : "b", ffn: "f" };
      return r() < 0.4 ? { ...e, count: 1 + Math.floor(r() * 4) } : e;
    };
    const entry = (depth: number): LayerEntry =>
      depth < 3 && r() < 0.4
        ? { repeat: 1 + Math.floor(r() * 4), layers: Array.from({ length: 1 + Math.floor(r() * 3) }, () => entry(depth + 1)) }
        : simple();
    let drawn = 0;
    for (let trial = 0; trial < 400; trial++) {
      const layers = Array.from({ length: 1 + Math.floor(r() * 12) }, () => entry(0));
      const f = analyse(stack(layers));
      const mb = macroBlocks(f);
      expectAccounted(f, mb);
      if (patternPanel(f)) drawn++;
    }
    expect(drawn).toBeGreaterThan(200);
  });

  it("keeps one huge block to about MAX_ROWS rows: 6 groups of 6 counted entries each", () => {
    const group = (): LayerEntry => ({
      repeat: 2,
      layers: Array.from({ length: 6 }, (_, i): LayerEntry => ({ mixer: i % 2 ? "a" : "b", ffn: "f", count: 2 })),
    });
    const spec = stack([{ repeat: 3, layers: Array.from({ length: 6 }, group) }]);
    const f = analyse(spec);
    const mb = macroBlocks(f);
    const rows = (items: readonly MacroItem[]): number => items.reduce((s, x) => s + (x.kind === "frame" ? rows(x.items) : 1), 0);
    expect(mb.blocks).toHaveLength(1);
    expect(rows(mb.blocks[0]!.items)).toBeLessThanOrEqual(MAX_ROWS + 2);
    expect(JSON.stringify(mb)).toContain("more entries");
    expectAccounted(f, mb);
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });

  it("writes a group nested deeper than two frames in a box", () => {
    const f = analyse(
      stack([{ repeat: 2, layers: [{ repeat: 2, layers: [{ repeat: 3, layers: [{ mixer: "a", ffn: "f" }, { mixer: "b" }] }] }] }]),
    );
    expect(shape(f, macroBlocks(f))).toEqual(['2×[2×["3 × [MHA → FFN, Mamba-2]"]]']);
  });

  it("draws a long period's first MAX_ITEMS entries, then says how many more", () => {
    // A 4,000-layer period of alternating kinds in uneven runs, twice: ~2,000 entries, 6 of them drawn.
    const r = rng(3);
    const group: LayerEntry[] = [];
    let n = 0;
    while (n < 4_000) {
      const count = 1 + Math.floor(r() * 3);
      group.push({ mixer: group.length % 2 ? "b" : "a", ffn: "f", count });
      n += count;
    }
    const f = analyse(stack([{ repeat: 2, layers: group }]));
    const mb = macroBlocks(f);
    expect(mb.blocks).toHaveLength(1);
    const items = mb.blocks[0]!.items;
    expect(items).toHaveLength(7);
    expect(items[6]).toMatchObject({ kind: "text", text: expect.stringMatching(/^… \d+ more entries \(layers \d+–\d+\)$/) as unknown });
    expectAccounted(f, mb);
  });

  it("writes a huge group's deep contents out only in part", () => {
    const r = rng(5);
    const inner: LayerEntry[] = Array.from({ length: 2_000 }, () => ({
      mixer: r() < 0.5 ? "a" : "b",
      ffn: "f",
      count: 1 + Math.floor(r() * 3),
    }));
    const spec = stack([{ repeat: 1, layers: [{ repeat: 2, layers: [{ repeat: 1, layers: inner }] }] }]);
    const f = analyse(spec);
    const text = macroBlocks(f).blocks[0]!.items[0]!;
    expect(text.kind).toBe("frame");
    const deep = (text as Extract<MacroItem, { kind: "frame" }>).items[0]!;
    expect(deep.kind).toBe("text");
    expect((deep as { text: string }).text.length).toBeLessThan(120);
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });
});
