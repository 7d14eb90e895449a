import { validateSpec } from "@archgal/schema";
import { describe, expect, it } from "vitest";
import { fixtures } from "@archgal/test-kit/fixtures";
import { datasetSpecs } from "@archgal/test-kit/dataset";
import { checkLayout } from "../test-fixtures/check.js";
import { COMPACT_MIN_TEXT_PX, COMPACT_REFERENCE_WIDTH, describeModel } from "./layout.js";
import { layoutModel } from "./model-layout.js";
import { layoutCompare } from "./compare.js";
import type { RenderableSpec } from "./analysis.js";

const all: RenderableSpec[] = [...fixtures, ...datasetSpecs()];

describe("layout geometry", () => {
  it.each(all.map((s) => [s.id, s] as const))("%s: text fits, no stray overlaps, all finite (with panels)", (_id, spec) => {
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });
  it.each(all.map((s) => [s.id, s] as const))("%s: clean without panels and without title", (_id, spec) => {
    expect(checkLayout(layoutModel(spec, { panels: false, title: false }))).toEqual([]);
  });
  it.each(all.map((s) => [s.id, s] as const))("%s: clean in the compact layout", (_id, spec) => {
    expect(checkLayout(layoutModel(spec, { compact: true }))).toEqual([]);
  });
  it("fixture specs (except the extension) are valid specs", () => {
    for (const f of fixtures.filter((x) => x.id !== "retnet-fixture")) {
      const v = validateSpec(f);
      expect(v.success ? [] : v.issues, f.id).toEqual([]);
    }
  });
  it("comparison figures are clean", () => {
    const cl = layoutCompare([fixtures[1]!, fixtures[3]!, fixtures[4]!]);
    for (const f of cl.figures) expect(checkLayout(f.layout)).toEqual([]);
  });
});

describe("compact layout (narrow columns)", () => {
  /** Font sizes of every text drawn: box lines and free labels. */
  const fonts = (spec: RenderableSpec) => {
    const l = layoutModel(spec, { compact: true });
    return { l, sizes: [...l.boxes.filter((b) => b.lines.length && !b.symbol).map((b) => b.fontSize), ...l.labels.map((x) => x.fontSize)] };
  };

  it.each(all.map((s) => [s.id, s] as const))("%s: every text is at least 11 px when the figure is drawn 360 px wide", (_id, spec) => {
    const { l, sizes } = fonts(spec);
    expect(COMPACT_REFERENCE_WIDTH).toBe(360);
    expect(COMPACT_MIN_TEXT_PX).toBe(11);
    expect(sizes.length).toBeGreaterThan(10);
    // fontSize (user units) × rendered width / viewBox width = rendered px
    expect(Math.min(...sizes) * (COMPACT_REFERENCE_WIDTH / l.width)).toBeGreaterThanOrEqual(COMPACT_MIN_TEXT_PX);
  });

  it("is about half as wide as the figure without panels, and draws neither panels nor leaders", () => {
    for (const spec of all) {
      const compact = layoutModel(spec, { compact: true });
      const lean = layoutModel(spec, { panels: false });
      expect(compact.width, spec.id).toBeLessThanOrEqual(620);
      expect(compact.width / lean.width, spec.id).toBeLessThan(0.65);
      expect(
        compact.boxes.some((b) => b.component.startsWith("panel:")),
        spec.id,
      ).toBe(false);
      expect(
        compact.edges.some((e) => e.kind === "leader" || e.kind === "zoom"),
        spec.id,
      ).toBe(false);
      // panels: true is ignored
      expect(layoutModel(spec, { compact: true, panels: true })).toEqual(compact);
    }
  });

  it("lists the notes below the stack, model sizes first, each bullet starting with a capital or a number", () => {
    const l = layoutModel(fixtures[3]!, { compact: true });
    const notes = l.labels.filter((x) => x.kind === "callout" && !x.id.endsWith("-bullet"));
    const text = notes.map((x) => x.lines.map((line) => line.map((s) => s.text).join("")).join(" "));
    expect(text[0]).toMatch(/^Vocabulary size of [\d,]+$/);
    expect(text[1]).toMatch(/^(Supported context length of|No explicit context limit)/);
    expect(text[2]).toMatch(/^Embedding dimension of /);
    for (const t of text) expect(t).toMatch(/^[A-Z0-9]/);
    const tokenized = l.boxes.find((b) => b.id === "tokenized")!;
    for (const n of notes) expect(n.y).toBeGreaterThan(tokenized.y + tokenized.h);
    expect(notes.every((n) => n.fontSize === notes[0]!.fontSize)).toBe(true);
  });
});

describe("causal encoder-decoder", () => {
  const spec = fixtures[1]!;
  const layers = spec.architecture.numLayers;
  const split: RenderableSpec = {
    ...spec,
    architecture: { ...spec.architecture, encoderDecoder: { encoderLayers: Math.floor(layers / 2), decoderReplay: 64 } },
  } as RenderableSpec;
  const text = (s: RenderableSpec) =>
    layoutModel(s).labels.map((l) =>
      l.lines
        .map((line) => line.map((p) => p.text).join(""))
        .join(" ")
        .replace(/\s+/g, " "),
    );

  it("says which blocks are the encoder and which the decoder, with clean geometry", () => {
    const lines = text(split);
    const half = Math.floor(layers / 2);
    expect(lines.some((line) => line.includes(`Blocks 1–${half}: causal encoder`))).toBe(true);
    expect(lines.some((line) => line.includes(`${half + 1}–${layers}: decoder`) && line.includes("last 64 prompt tokens"))).toBe(true);
    expect(lines.some((line) => line.includes("(causal encoder-decoder)"))).toBe(true);
    expect(text(spec).some((line) => line.includes("encoder"))).toBe(false);
    expect(describeModel(split)).toContain(`the lower ${half} an encoder every prompt token runs`);
    expect(checkLayout(layoutModel(split))).toEqual([]);
    expect(checkLayout(layoutModel(split, { compact: true }))).toEqual([]);
  });
});

describe("looped depth", () => {
  const spec = fixtures[1]!;
  const looped: RenderableSpec = { ...spec, architecture: { ...spec.architecture, loop: { passes: 4 } } } as RenderableSpec;
  /** Every label's text, wrapped lines joined again. */
  const text = (s: RenderableSpec) =>
    layoutModel(s).labels.map((l) =>
      l.lines
        .map((line) => line.map((p) => p.text).join(""))
        .join(" ")
        .replace(/\s+/g, " "),
    );

  it("names the passes in a callout, with clean geometry", () => {
    expect(text(looped).some((line) => line.includes("× 4 passes"))).toBe(true);
    expect(text(spec).some((line) => line.includes("passes"))).toBe(false);
    expect(checkLayout(layoutModel(looped))).toEqual([]);
    expect(checkLayout(layoutModel(looped, { compact: true }))).toEqual([]);
  });
});
