/**
 * What the compact figure keeps of the full one: the layer mix (a mini strip with counts), the shared experts and
 * the MTP modules.
 */
import { describe, expect, it } from "vitest";
import { countParams, formatCount } from "@archgal/schema";
import type { ModelSpec } from "@archgal/schema";
import { datasetSpecs } from "@archgal/test-kit/dataset";
import { deepseekV3, fixtures, gemma3, llama3, nemotronH } from "@archgal/test-kit/fixtures";
import { analyse, type RenderableSpec } from "./analysis.js";
import { COMPACT_MIN_TEXT_PX, COMPACT_REFERENCE_WIDTH } from "./layout.js";
import type { Layout } from "./layout-types.js";
import { layoutModel } from "./model-layout.js";

const all: RenderableSpec[] = [...fixtures, ...datasetSpecs()];
const texts = (l: Layout) => l.labels.map((x) => x.lines.map((line) => line.map((s) => s.text).join("")).join(" "));
const cells = (l: Layout) => l.boxes.filter((b) => b.kind === "layer-cell");

describe("compact figure: what it keeps", () => {
  it("draws the layer mix of a hybrid as a strip covering every layer, with counts that add up", () => {
    for (const spec of [nemotronH, gemma3]) {
      const l = layoutModel(spec, { compact: true });
      const n = analyse(spec).layers.length;
      expect(texts(l)).toContain("Layer mix");
      const strip = cells(l);
      expect(strip.length, spec.id).toBeGreaterThan(1);
      const row = l.boxes.find((b) => b.id === "map-row-0")!;
      // The cells of the first row tile it exactly.
      const covered = strip.filter((b) => b.y === row.y).reduce((s, b) => s + b.w, 0);
      expect(covered).toBeCloseTo(row.w, 6);
      const counts = texts(l).flatMap((t) => [...t.matchAll(/\((\d+)\)$/g)].map((m) => Number(m[1])));
      // Every layer is counted once per row (mixer row, and FFN row when there is one).
      const rows = l.boxes.filter((b) => b.kind === "layer-map").length;
      expect(
        counts.reduce((a, b) => a + b, 0),
        spec.id,
      ).toBe(n * rows);
      expect(texts(l)).toContain(`layer ${n}`);
    }
  });

  it("draws no strip for a stack of one kind of layer", () => {
    const l = layoutModel(llama3, { compact: true });
    expect(cells(l)).toEqual([]);
    expect(texts(l)).not.toContain("Layer mix");
  });

  it("every dataset model with more than one kind of layer gets the strip", () => {
    for (const spec of all) {
      const f = analyse(spec);
      const mixed = new Set(f.layerKeys).size > 1;
      expect(cells(layoutModel(spec, { compact: true })).length > 0, spec.id).toBe(mixed);
    }
  });

  it("the strip's text stays legible at the reference width", () => {
    const l = layoutModel(nemotronH, { compact: true });
    const stripText = l.labels.filter((x) => x.component === "pattern");
    expect(stripText.length).toBeGreaterThan(3);
    for (const x of stripText) expect((x.fontSize * COMPACT_REFERENCE_WIDTH) / l.width).toBeGreaterThanOrEqual(COMPACT_MIN_TEXT_PX);
  });

  it("names the shared experts and the MTP modules with their size", () => {
    const l = layoutModel(deepseekV3, { compact: true });
    const moe = Object.values(deepseekV3.architecture.ffns).find((f) => f.kind === "moe")!;
    expect(moe.kind === "moe" && moe.sharedExperts).toBeTruthy();
    const text = texts(l).join("\n");
    expect(text).toMatch(/8 of 256 experts active \+ 1 shared/);
    const mtp = formatCount(countParams(deepseekV3 as ModelSpec).breakdown.mtp);
    expect(text).toContain(`1 multi-token prediction module (MLA + MoE, ${mtp} parameters)`);
    expect(l.boxes.some((b) => b.id === "mtp")).toBe(true);
  });

  it("has no MTP note without MTP modules", () => {
    expect(texts(layoutModel(llama3, { compact: true })).join("\n")).not.toMatch(/multi-token/);
  });
});
