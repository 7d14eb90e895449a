import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { svgText as textOf } from "@archgal/test-kit";
import { datasetSpecs } from "@archgal/test-kit/dataset";
import { deepseekV3, extended, fixtures, gemma3, gpt2, llama3, nemotronH, qwen3Next, xlstm } from "@archgal/test-kit/fixtures";
import { layoutCompare, renderCompare } from "./compare.js";
import { renderLayout } from "./figure.js";
import { renderModel } from "./model-layout.js";
import { layoutModel } from "./model-layout.js";
import { layoutPoster, POSTER_MIN_WIDTH, renderPoster, renderPosterTiles } from "./poster.js";
import { inlineColors } from "./svg.js";
import { assertSafeSvg } from "../test-fixtures/check.js";

const dataset = datasetSpecs();
const all = [...fixtures, ...dataset];

describe("renderModel", () => {
  it.each(all.map((s) => [s.id, s] as const))("%s renders a safe, well-formed SVG", (_id, spec) => {
    const svg = renderModel(spec);
    assertSafeSvg(svg);
    assertSafeSvg(renderModel(spec, { theme: "dark", panels: false }));
  });
  it.each(all.map((s) => [s.id, s] as const))("%s renders a safe, well-formed compact SVG with its components", (_id, spec) => {
    const svg = renderModel(spec, { compact: true, width: 360 });
    assertSafeSvg(svg);
    expect(svg).toMatch(/<svg[^>]* width="360"/);
    for (const c of ["embedding", "block", "head", "final-norm"]) expect(svg, c).toContain(`data-component="${c}"`);
    expect(svg).not.toContain('data-component="panel:');
    expect(textOf(svg)).toContain("Vocabulary size of");
  });
  it("is deterministic", () => {
    for (const s of [deepseekV3, qwen3Next, gemma3]) {
      expect(renderModel(s)).toBe(renderModel(structuredClone(s)));
      expect(renderModel(s, { theme: "dark", width: 800, idPrefix: "x" })).toBe(
        renderModel(s, { theme: "dark", width: 800, idPrefix: "x" }),
      );
    }
  });
  it("has an accessible root with title and description", () => {
    const svg = renderModel(deepseekV3, { idPrefix: "fig1" });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(svg);
    expect(doc.svg["@role"]).toBe("img");
    expect(doc.svg["@aria-labelledby"]).toBe("fig1-title fig1-desc");
    expect(doc.svg.title["#text"]).toBe("DeepSeek V3");
    expect(doc.svg.title["@id"]).toBe("fig1-title");
    const desc = doc.svg.desc["#text"] as string;
    expect(desc).toContain("Sparse MoE");
    expect(desc).toContain("61 layers");
    expect(desc).toContain("MLA");
    expect(desc).toMatch(/\d+(\.\d+)?B parameters, \d+(\.\d+)?B active/);
  });
  it("marks components with data-component and data-kind", () => {
    const svg = renderModel(deepseekV3);
    for (const c of [
      "embedding",
      "block",
      "mixer:mla",
      "ffn",
      "norm-1",
      "norm-2",
      "final-norm",
      "head",
      "rope",
      "panel:moe",
      "panel:ffn",
      "panel:mla",
      "mtp",
    ]) {
      expect(svg, c).toContain(`data-component="${c}"`);
    }
    expect(svg).toContain('data-refs="ffn:dense ffn:moe"');
    expect(renderModel(llama3)).toContain('data-component="ffn:mlp"');
  });
  it("width scales through the viewBox only", () => {
    const a = renderModel(llama3);
    const b = renderModel(llama3, { width: 500 });
    const vb = (s: string) => /viewBox="([^"]+)"/.exec(s)![1];
    expect(vb(a)).toBe(vb(b));
    expect(b).toMatch(/<svg[^>]* width="500"/);
  });
  it("themes change only colour defaults", () => {
    const strip = (s: string) => s.replace(/#[0-9a-f]{6}/g, "#");
    expect(strip(renderModel(qwen3Next, { theme: "dark" }))).toBe(strip(renderModel(qwen3Next)));
  });
  it("draws every number from the spec (no per-model constants)", () => {
    const svg = renderModel(deepseekV3);
    for (const text of ["129,280", "7,168", "128k", "61 ×", "18,432", "2,048", "256", "512", "1,536"]) expect(svg).toContain(text);
    const changed = structuredClone(deepseekV3);
    changed.architecture.vocabSize = 99991;
    changed.architecture.ffns.dense = { kind: "mlp", hidden: 12345, activation: "silu", gated: true };
    const svg2 = renderModel(changed);
    expect(svg2).toContain("99,991");
    expect(svg2).toContain("12,345");
    expect(svg2).not.toContain("129,280");
  });
  it("draws the layer pattern of hybrids and local/global stacks", () => {
    expect(renderModel(qwen3Next)).toContain("3 Gated DeltaNet : 1 gated GQA");
    expect(renderModel(gemma3)).toContain("5 sliding-window GQA : 1 GQA");
    expect(renderModel(nemotronH)).toContain("Layer pattern");
    expect(renderModel(llama3)).not.toContain("pattern");
  });
  it("renders recurrent-only, mixer-only/FFN-only and extension specs", () => {
    expect(textOf(renderModel(xlstm))).toContain("No explicit context limit");
    expect(renderModel(xlstm)).toContain('data-component="panel:mlstm"');
    expect(renderModel(nemotronH)).toContain('data-component="panel:mamba2"');
    const ext = renderModel(extended);
    expect(ext).toContain("retention");
    expect(ext).toContain("Custom mixer: retention");
  });
  it("draws sinks, windows and norms as the spec says", () => {
    expect(textOf(renderModel(gpt2))).toContain("Positional embedding");
    expect(renderModel(gpt2)).toContain("LayerNorm 1");
    expect(renderModel(gemma3)).toContain("Post-RMSNorm 2");
    expect(renderModel(gemma3)).toContain("QK-Norm");
    expect(renderModel(gemma3)).toContain("1,024");
  });
  it("layoutModel is the geometry renderModel draws", () => {
    const layout = layoutModel(llama3);
    const svg = renderModel(llama3);
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
    for (const b of layout.boxes.filter((x) => !x.container && x.lines.length))
      expect(svg).toContain(`>${b.lines[0]!.map((s) => s.text).join("")}<`.replace(/<\/?tspan[^>]*>/g, "").slice(0, 5));
  });
  it("renderLayout draws exactly what renderModel draws", () => {
    for (const s of [llama3, qwen3Next]) {
      expect(renderLayout(layoutModel(s, { panels: false }), { id: s.id, theme: "dark" })).toBe(
        renderModel(s, { panels: false, theme: "dark" }),
      );
    }
  });
  it("inlineColors resolves every custom property to its default", () => {
    const svg = inlineColors(renderModel(qwen3Next));
    expect(svg).not.toContain("var(");
    expect(inlineColors('<rect fill="var(--llm-arch-text, #000000)"/>', { text: "#123456" })).toBe('<rect fill="#123456"/>');
    expect(inlineColors('<rect fill="var(--llm-arch-text, #000000)"/>', { text: "red;}" })).toBe('<rect fill="#000000"/>');
  });
});

describe("renderCompare", () => {
  it("highlights what differs and lists the differences", () => {
    const svg = renderCompare([llama3, deepseekV3]);
    assertSafeSvg(svg);
    expect(svg).toContain('data-model="llama-3-8b"');
    expect(svg).toContain('data-model="deepseek-v3"');
    expect(svg).toContain('data-diff="changed"');
    expect(svg).toContain("Differences (");
    expect(svg).toContain("Vocabulary size");
  });
  it("shows no differences for a model against itself", () => {
    const cl = layoutCompare([llama3, llama3]);
    expect(cl.diffs[0]).toEqual([]);
    expect(cl.figures.every((f) => f.layout.boxes.every((b) => !b.highlight))).toBe(true);
    expect(renderCompare([llama3, llama3])).toContain("No differences");
  });
  it("takes 2 to 4 models", () => {
    expect(() => renderCompare([llama3])).toThrow(RangeError);
    expect(() => renderCompare([llama3, llama3, llama3, llama3, llama3])).toThrow(RangeError);
    assertSafeSvg(renderCompare([gpt2, llama3, gemma3, qwen3Next], { theme: "dark" }));
  });
  it("is deterministic", () => {
    expect(renderCompare([gemma3, qwen3Next])).toBe(renderCompare([gemma3, qwen3Next]));
  });
});

describe("renderPoster", () => {
  const specs = dataset.length ? dataset : fixtures;
  it("puts each model's compact figure in a cell by default, the sheet shaped like an upright A-series page", () => {
    const pl = layoutPoster(specs);
    expect(pl.figures).toHaveLength(specs.length);
    const aspect = pl.height / pl.width;
    expect(aspect).toBeGreaterThan(1.1);
    expect(aspect).toBeLessThan(1.8);
    for (const f of pl.figures) {
      expect(f.layout.width, f.id).toBeLessThan(700);
      expect(
        f.layout.boxes.some((b) => b.component.startsWith("panel:")),
        f.id,
      ).toBe(false);
    }
    // one cell width: the cells' centres fall on as many columns as the widest row has figures
    const centres = new Set(pl.figures.map((f) => Math.round(f.x + (f.layout.width * f.scale) / 2)));
    const rows = new Map<number, number>();
    for (const f of pl.figures) rows.set(f.y, (rows.get(f.y) ?? 0) + 1);
    expect(centres.size).toBe(Math.max(...rows.values()));
    const svg = renderPoster(specs);
    assertSafeSvg(svg);
    expect(svg).not.toContain('data-component="panel:');
  });
  it("prints box text at least 1.35 mm high on A0 (841 mm wide) in nine cells of ten", () => {
    if (!dataset.length) return;
    for (const order of ["date", "type"] as const) {
      const pl = layoutPoster(dataset, { order });
      const mm = pl.figures.map(
        (f) => (Math.min(...f.layout.boxes.filter((b) => b.lines.length).map((b) => b.fontSize)) * f.scale * 841) / pl.width,
      );
      expect(mm.filter((x) => x >= 1.35).length, order).toBeGreaterThanOrEqual(Math.ceil(mm.length * 0.9));
      expect(Math.min(...mm), order).toBeGreaterThanOrEqual(1);
      // the full figures print 0.87 mm at best
      const full = layoutPoster(dataset, { order, cells: "full" });
      expect((16 * 841) / full.width).toBeLessThan(Math.min(...mm) + 0.01);
    }
  });
  it("draws the full figures at least 14,570 wide with cells: full", () => {
    const pl = layoutPoster(specs, { cells: "full" });
    expect(pl.width).toBeGreaterThanOrEqual(POSTER_MIN_WIDTH);
    expect(pl.figures).toHaveLength(specs.length);
    const svg = renderPoster(specs, { cells: "full" });
    assertSafeSvg(svg);
    expect(Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1])).toBeGreaterThanOrEqual(POSTER_MIN_WIDTH);
  });
  it("names the option it cannot take", () => {
    expect(() => layoutPoster(fixtures, { cells: "tiny" as never })).toThrow('cells: expected "compact" or "full", got "tiny"');
    expect(() => layoutPoster(fixtures, { order: 3 as never })).toThrow(TypeError);
    expect(() => layoutPoster(fixtures, { columns: 0 })).toThrow("columns: expected a number from 1 to 1000, got 0");
    expect(() => renderPoster(fixtures, { columns: Number.NaN })).toThrow(RangeError);
  });
  it("comes in tiles that draw the same sheet: the headings, then one standalone figure per model where the poster puts it", () => {
    const subset = specs.slice(0, 12);
    const pl = layoutPoster(subset, { order: "type", theme: "dark" });
    const { width, height, tiles } = renderPosterTiles(subset, { order: "type", theme: "dark" });
    expect([width, height]).toEqual([pl.width, pl.height]);
    expect(tiles.map((t) => t.id)).toEqual(["headings", ...pl.figures.map((f) => f.id)]);
    tiles.slice(1).forEach((t, i) => {
      const f = pl.figures[i]!;
      expect([t.x, t.y, t.width, t.height]).toEqual([f.x, f.y, f.layout.width * f.scale, f.layout.height * f.scale]);
    });
    for (const t of tiles) assertSafeSvg(t.svg);
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]).sort();
    expect(tiles.flatMap((t) => texts(t.svg)).sort()).toEqual(texts(renderPoster(subset, { order: "type", theme: "dark" })));
    expect(() => renderPosterTiles(subset, { theme: "sepia" as never })).toThrow('theme: expected "light" or "dark"');
  });
  it("groups by type with headings and respects columns", () => {
    const pl = layoutPoster(fixtures, { order: "type", columns: 3 });
    const headings = pl.headings.labels.filter((l) => l.kind === "group-heading").map((l) => l.lines[0]![0]!.text.trim());
    expect(headings).toEqual(expect.arrayContaining(["Dense", "Sparse MoE", "Recurrent"]));
    const xs = new Set(pl.figures.map((f) => Math.round(f.x + (f.layout.width * f.scale) / 2)));
    expect(xs.size).toBeLessThanOrEqual(3);
    // no figure overlaps another
    for (let i = 0; i < pl.figures.length; i++)
      for (let j = i + 1; j < pl.figures.length; j++) {
        const a = pl.figures[i]!;
        const b = pl.figures[j]!;
        const [aw, ah, bw, bh] = [a.layout.width * a.scale, a.layout.height * a.scale, b.layout.width * b.scale, b.layout.height * b.scale];
        const overlap = a.x < b.x + bw && b.x < a.x + aw && a.y < b.y + bh && b.y < a.y + ah;
        expect(overlap, `${a.id} / ${b.id}`).toBe(false);
      }
  });
});
