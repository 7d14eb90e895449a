/**
 * Proportion and type of the full figure over every dataset model, measured at 1:1 (one user unit = one pixel):
 * canvas width and aspect, box text, callout text and stroke widths. The distribution is written to the test
 * output; the type and stroke targets are asserted, and so are the canvas targets: median width at most 1,600
 * and median aspect 1.1–1.4:1, with at least 95 % of the figures at most 1,600 wide.
 */
import { describe, expect, it } from "vitest";
import { datasetSpecs } from "@archgal/test-kit/dataset";
import type { Layout } from "./layout-types.js";
import { layoutModel } from "./model-layout.js";

const layouts: [string, Layout][] = datasetSpecs().map((s) => [s.id, layoutModel(s)]);

/** Boxes whose text is not running text: operator and gate glyphs in circles, an expert's number badge. */
const glyph = (kind: string, shape: string) => shape === "circle" || kind === "badge" || kind === "gate";
/** Hairlines of data drawings (the layer map's cells and legend swatches, attention masks and their sink columns, listing rules). */
const hairline = new Set(["layer-map", "layer-cell", "legend", "mask", "mask-row", "mask-sink", "rule"]);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
};

interface Measure {
  id: string;
  width: number;
  aspect: number;
  boxText: number;
  callout: number;
  strokes: [number, number];
}

function measure(id: string, l: Layout): Measure {
  const boxText = l.boxes.filter((b) => b.lines.length && !b.symbol && !glyph(b.kind, b.shape)).map((b) => b.fontSize);
  const callout = l.labels.filter((x) => x.kind === "callout").map((x) => x.fontSize);
  const strokes = [
    ...l.edges.filter((e) => !hairline.has(e.kind) && !e.brace).map((e) => e.width),
    ...l.boxes.filter((b) => !hairline.has(b.kind) && !b.symbol).map((b) => b.strokeWidth),
  ];
  return {
    id,
    width: l.width,
    aspect: l.width / l.height,
    boxText: Math.min(...boxText),
    callout: Math.min(...callout),
    strokes: [Math.min(...strokes), Math.max(...strokes)],
  };
}

const all = layouts.map(([id, l]) => measure(id, l));

describe("proportion and type of single figures", () => {
  it("reports the distribution", () => {
    expect(all.length).toBeGreaterThan(50);
    const report = {
      models: all.length,
      medianWidth: median(all.map((m) => m.width)),
      medianAspect: Number(median(all.map((m) => m.aspect)).toFixed(2)),
      widthAtMost1600: all.filter((m) => m.width <= 1600).length,
      aspect1_1to1_4: all.filter((m) => m.aspect >= 1.1 && m.aspect <= 1.4).length,
      minBoxText: Math.min(...all.map((m) => m.boxText)),
      minCallout: Math.min(...all.map((m) => m.callout)),
      strokes: [Math.min(...all.map((m) => m.strokes[0])), Math.max(...all.map((m) => m.strokes[1]))],
    };
    console.log(`figure proportions: ${JSON.stringify(report)}`);
    expect(report.medianWidth).toBeGreaterThan(0);
  });

  it("sets box text at 18 px or more and callouts at 22 px or more", () => {
    expect(all.filter((m) => m.boxText < 18).map((m) => `${m.id}: ${m.boxText}`)).toEqual([]);
    expect(all.filter((m) => m.callout < 22).map((m) => `${m.id}: ${m.callout}`)).toEqual([]);
  });

  it("strokes boxes and lines 2.5–3 px wide", () => {
    expect(all.filter((m) => m.strokes[0] < 2.5 || m.strokes[1] > 3).map((m) => `${m.id}: ${m.strokes.join("–")}`)).toEqual([]);
  });

  it("keeps single figures about 1,600 wide or less at 1.1–1.4:1 (medians; nearly every figure at most 1,600 wide)", () => {
    const widths = all.map((m) => m.width);
    expect(median(widths)).toBeLessThanOrEqual(1600);
    expect(median(all.map((m) => m.aspect))).toBeGreaterThanOrEqual(1.1);
    expect(median(all.map((m) => m.aspect))).toBeLessThanOrEqual(1.4);
    expect(widths.filter((w) => w <= 1600).length / widths.length).toBeGreaterThanOrEqual(0.95);
  });
});
