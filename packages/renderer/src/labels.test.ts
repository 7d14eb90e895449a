/**
 * The words and numbers a figure prints: context lengths as their creators write them (one rule shared with the
 * compare table), mechanisms drawn only when the spec has them, one callout line per fact, and layer-pattern
 * drawings that cover every layer.
 */
import { describe, expect, it } from "vitest";
import { formatTokens, type ModelSpec } from "@archgal/schema/metrics";
import { loadSpec } from "@archgal/test-kit/dataset";
import { layoutCompare } from "./compare.js";
import { contextText } from "./layout.js";
import type { Layout } from "./layout-types.js";
import { layoutModel } from "./model-layout.js";
import { contrastRatio, palette, type ColorName } from "./palette.js";

const textOf = (lines: readonly (readonly { text: string }[])[]) => lines.map((l) => l.map((s) => s.text).join("")).join(" ");
/** Every label's and box's text of a layout, one string per item. */
const texts = (l: Layout): string[] => [...l.labels.map((x) => textOf(x.lines)), ...l.boxes.map((b) => textOf(b.lines))];
const label = (l: Layout, id: string): string => textOf(l.labels.find((x) => x.id === id)?.lines ?? []);

describe("context length", () => {
  it.each([
    ["trinity-large", "512k"],
    ["glm-5", "202,752"],
    ["minimax-m2", "196,608"],
    ["deepseek-v3", "128k"],
  ])("%s's figure prints %s", (id, want) => {
    const spec = loadSpec(id);
    expect(label(layoutModel(spec), "callout-context")).toBe(`Supported context length of ${want} tokens`);
  });

  it("is the schema's formatTokens in the figure and the compare table alike", () => {
    for (const n of [512000, 202752, 196608, 131072, 1048576, 8192]) expect(contextText(n)).toBe(formatTokens(n));
    const glm = loadSpec("glm-5");
    const other: ModelSpec = { ...loadSpec("deepseek-v3") };
    const table = layoutCompare([glm, other]).table;
    const row = table.labels.find((l) => l.kind === "label" && textOf(l.lines).toLowerCase().includes("context"));
    expect(row, "a context row").toBeDefined();
    const values = table.labels
      .filter((l) => l.id.startsWith(row!.id.replace(/-0$/, "-")) && l.kind === "value")
      .map((l) => textOf(l.lines));
    expect(values).toEqual(["202,752", "128k"]);
  });
});

describe("drawn mechanisms follow the spec", () => {
  it("draws no RoPE in Kimi Linear's MLA panel (NoPE), but does in DeepSeek V3's", () => {
    const boxes = (id: string) => layoutModel(loadSpec(id)).boxes.filter((b) => b.component === "panel:mla");
    const kimi = boxes("kimi-linear-48b-a3b");
    expect(kimi.length).toBeGreaterThan(0);
    expect(kimi.filter((b) => b.kind === "positional")).toEqual([]);
    expect(kimi.map((b) => textOf(b.lines)).filter((s) => /RoPE/.test(s))).toEqual([]);
    expect(
      boxes("deepseek-v3")
        .filter((b) => b.kind === "positional")
        .map((b) => textOf(b.lines)),
    ).toEqual(["RoPE"]);
  });

  // The main column's positional box asks each mixer kind whether it rotates positions (the `rotary` facet), so
  // every attention kind counts, not only those on a list.
  it.each([
    ["qwen3.8-flash-next", "Partial RoPE (attention layers only)"], // Qwen sparse attention layers rotate, DeltaNet layers do not
    ["minimax-m3", "Partial RoPE"], // every layer is attention (full or MiniMax sparse)
    ["ling-2.5", "Partial RoPE"], // its lightning layers rotate half of each head, the MLA layers their RoPE part
    ["nemotron-3-super-120b-a12b", undefined], // no positional encoding at all
  ])("%s's positional box reads %s", (id, want) => {
    const box = layoutModel(loadSpec(id)).boxes.find((b) => b.component === "rope");
    expect(box && textOf(box.lines)).toBe(want);
  });

  // Dual RoPE bases and context-extension scaling are drawn in the positional box, from the spec's rope settings.
  it.each([
    ["gemma-3-27b", "RoPE θ 10k local θ 1M global Linear ×8 (global)"], // local layers drop the linear ×8 scaling
    ["mimo-v2.5-pro", "Partial RoPE θ 10k local θ 10M global"],
    ["deepseek-v3", "RoPE YaRN ×40"],
    ["llama-3.2-1b", "RoPE Llama 3 ×32"],
    ["qwen3-8b", "RoPE"], // one base, no scaling: nothing more to say
  ])("%s's positional box reads %s", (id, want) => {
    const box = layoutModel(loadSpec(id)).boxes.find((b) => b.component === "rope");
    expect(box && textOf(box.lines)).toBe(want);
  });
});

describe("hyper-connections", () => {
  it("draw the widened residual stream as a ribbon of its copies (DeepSeek V4-Flash: 4 streams), plain elsewhere", () => {
    const ribbon = (id: string) =>
      layoutModel(loadSpec(id))
        .edges.filter((e) => /^residual-\d+-stream-\d+$/.test(e.id))
        .map((e) => e.id);
    expect(ribbon("deepseek-v4-flash").sort()).toEqual(
      [
        "residual-1-stream-2",
        "residual-1-stream-3",
        "residual-1-stream-4",
        "residual-2-stream-2",
        "residual-2-stream-3",
        "residual-2-stream-4",
      ].sort(),
    );
    expect(ribbon("deepseek-v3")).toEqual([]);
  });

  it.each([
    ["deepseek-v4-flash", "manifold-constrained hyper-connections (mHC)"],
    ["hy4-preview", "independent hyper-connections (iHC)"],
    ["qwen3.8-flash-next", "low-rank gated residual streams"], // not mHC, which its callout said before
  ])("%s's callout names its form: %s", (id, want) => {
    const text = label(layoutModel(loadSpec(id)), "callout-hyper-connections").replace(/- /g, "-");
    expect(text).toBe(`Residual stream widened to 4 copies: ${want}`);
  });
});

describe("layer-pattern legend", () => {
  it("says how many layers each kind takes, as the gallery's hybrid stacks do (Nemotron 3 Super: 40 + 40 + 8)", () => {
    const legend = layoutModel(loadSpec("nemotron-3-super-120b-a12b"))
      .labels.filter((l) => l.component === "pattern" && l.kind === "legend")
      .map((l) => textOf(l.lines));
    expect(legend).toEqual(["Mamba-2 (40)", "MoE (40)", "GQA (8)"]);
  });
});

describe("callouts", () => {
  it.each(["gemma-4-e2b", "gemma-4-e4b"])("%s tells KV sharing in one line with the summed layer count", (id) => {
    const spec = loadSpec(id);
    const heads = label(layoutModel(spec), "callout-heads");
    const matches = [...heads.matchAll(/(\d+) layers reuse an earlier layer's KV cache/g)];
    expect(matches, heads).toHaveLength(1);
    const f = layoutModel(spec);
    expect(f.labels.length).toBeGreaterThan(0);
    // The count is every layer whose mixer reuses KV.
    const arch = spec.architecture as unknown as { mixers: Record<string, { reusesKV?: boolean }>; layers: unknown[] };
    const reusing = new Set(
      Object.entries(arch.mixers)
        .filter(([, m]) => m.reusesKV)
        .map(([k]) => k),
    );
    let count = 0;
    const walk = (entries: readonly unknown[], times: number) => {
      for (const e of entries as { repeat?: number; layers?: unknown[]; mixer?: string; count?: number }[]) {
        if (e.repeat !== undefined) walk(e.layers!, times * e.repeat);
        else if (e.mixer !== undefined && reusing.has(e.mixer)) count += times * (e.count ?? 1);
      }
    };
    walk(arch.layers, 1);
    expect(Number(matches[0]![1])).toBe(count);
  });
});

describe("layer-pattern drawing", () => {
  /**
   * The layers the drawn blocks cover, read off the figure: each block's range label under its count ("1–60",
   * "61–62") and the closing line's ("… 2 more blocks (layers 78–88)"). Fails on a gap, an overlap or a range
   * that does not match its count's multiple.
   */
  function covered(l: Layout): number[] {
    const ranges = l.labels
      .filter((x) => x.component === "pattern" && x.kind === "pattern-range")
      .map((x) => textOf(x.lines))
      .map((t) => /^(\d+)(?:–(\d+))?$/.exec(t)!)
      .map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as [number, number]);
    const more = l.labels.find((x) => x.id === "pattern-more");
    if (more) {
      const m = /\(layers? (\d+)(?:–(\d+))?\)/.exec(textOf(more.lines))!;
      ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
    }
    const layers: number[] = [];
    for (const [a, b] of ranges.sort((p, q) => p[0] - q[0])) for (let k = a; k <= b && layers.length < 10_000; k++) layers.push(k);
    return layers;
  }

  it("draws all 62 of Gemma 3 27B's layers: 10 × [5 × sliding, global] and 2 × sliding", () => {
    const l = layoutModel(loadSpec("gemma-3-27b"));
    const counts = l.labels.filter((x) => x.component === "pattern" && x.kind === "pattern-count").map((x) => textOf(x.lines));
    expect(counts.sort()).toEqual(["10 ×", "2 ×", "5 ×"]);
    expect(covered(l)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
  });

  it.each([
    "gemma-2-9b",
    "gemma-3-270m",
    "trinity-large",
    "gpt-oss-20b",
    "qwen3-next-80b-a3b",
    "nemotron-3-ultra-550b-a55b",
    "lfm2.5-1.2b",
  ])("%s's drawing reaches its last layer, each layer once", (id) => {
    const spec = loadSpec(id);
    const got = covered(layoutModel(spec));
    expect(got).toEqual(Array.from({ length: spec.architecture.numLayers }, (_, i) => i + 1));
  });
});

describe("title", () => {
  it("gives the size when the name does not", () => {
    expect(label(layoutModel(loadSpec("glm-5")), "title")).toBe("GLM-5 (744B)");
    expect(label(layoutModel(loadSpec("deepseek-v3")), "title")).toBe("DeepSeek V3 (671B)");
    expect(label(layoutModel(loadSpec("gemma-3-27b")), "title")).toBe("Gemma 3 27B");
    expect(label(layoutModel(loadSpec("gpt-2-small")), "title")).toBe("GPT-2 (124M)");
  });
});

describe("layer strip", () => {
  /** The fills of the layer map's legend, by legend label. */
  const legend = (id: string): Map<string, ColorName> => {
    const l = layoutModel(loadSpec(id));
    const out = new Map<string, ColorName>();
    for (const lab of l.labels.filter((x) => x.id.startsWith("map-key-label-"))) {
      const box = l.boxes.find((b) => b.id === lab.id.replace("map-key-label-", "map-key-"));
      if (box?.fill) out.set(textOf(lab.lines).replace(/ \(\d+\)$/, ""), box.fill); // the kind, without its layer count
    }
    return out;
  };
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]!));

  it.each([
    ["gemma-3-27b", ["sliding-window GQA", "GQA"]],
    ["nemotron-3-nano-30b-a3b", ["Mamba-2", "GQA"]],
    ["deepseek-v4-pro", ["HCA", "CSA"]],
  ])("%s draws its mixer kinds in clearly different colours in both themes", (id, kinds) => {
    const fills = legend(id);
    const used = kinds.map((k) => [...fills].find(([name]) => name.includes(k) && (k !== "GQA" || name === "GQA"))?.[1]);
    expect(used.every(Boolean), JSON.stringify([...fills])).toBe(true);
    for (const theme of ["light", "dark"] as const) {
      const p = palette[theme];
      const [a, b] = used.map((c) => p[c!]);
      expect(distance(a!, b!), `${theme} ${a} vs ${b}`).toBeGreaterThan(120);
      for (const c of [a!, b!]) expect(contrastRatio(c, p.background), `${theme} ${c} on the page`).toBeGreaterThan(1.8);
    }
  });
});

describe("dense FFN widths", () => {
  it("says how many layers use each width when two widths share the stack (Gemma 4 E2B)", () => {
    const all = texts(layoutModel(loadSpec("gemma-4-e2b"))).join("\n");
    expect(all).toContain("Hidden layer dimension of 6,144 in 15 layers");
    expect(all).toContain("Hidden layer dimension of 12,288 in 20 layers");
  });

  it("prints a single width without a layer count", () => {
    const all = texts(layoutModel(loadSpec("llama-3-8b"))).join("\n");
    expect(all).toContain("Hidden layer dimension of 14,336");
    expect(all).not.toMatch(/Hidden layer dimension of [\d,]+ in/);
  });
});
