/**
 * The layer strip: the whole stack at a glance, one cell per layer (its mixer above, its FFN below), coloured by
 * kind, with a legend. Drawn by the layer-pattern panel, by the compact figure and in comparisons.
 */
import { ffnKind } from "@archgal/schema/lean";
import type { Facts } from "./analysis.js";
import type { Canvas } from "./canvas.js";
import { mixerCategory, mixerShortName } from "./naming.js";
import type { ColorName } from "./palette.js";
import { textWidth } from "./text-metrics.js";

/** Where and how large {@link layerStrip} draws. */
export interface LayerStripOptions {
  /** Left edge and top of the strip. */
  x: number;
  y: number;
  /** Width of the strip (the legend wraps within it). */
  width: number;
  /** Component of everything drawn. */
  component: string;
  /** Height of a row of cells (default 18). */
  rowH?: number;
  /** Text size of the axis (default 12) and of the legend (default 13). */
  axisSize?: number;
  legendSize?: number;
  /** Write each legend entry's layer count, `Mamba-2 (23)` (default false). */
  counts?: boolean;
}

/** A layer kind of the strip: its legend label and colour. */
export type StripKey = [label: string, colour: ColorName];

/**
 * The strip's colours: each mixer and FFN definition's legend label and colour, the legend (labels in order of
 * first use with their colours and layer counts) and the rows of cells. Shared by the strip and the macro-block
 * drawing of the layer-pattern panel, so that a kind has one colour in both. Linear in the number of layers.
 */
export interface StripColours {
  /** Key of a mixer / FFN definition (by name), or undefined when the layer has none. */
  mixer(name: string | undefined): StripKey | undefined;
  ffn(name: string | undefined): StripKey | undefined;
  legend: Map<string, { col: ColorName; layers: number }>;
  /** One row (every layer has a single sublayer: its mixer or its FFN) or two (mixers, then FFNs). */
  rows: ((i: number) => StripKey | undefined)[];
}

/** Colours the strip gives the layer kinds of `f` (see {@link StripColours}). */
export function stripColours(f: Facts): StripColours {
  // Mixer kinds get the strip colours (distinct hues in both themes: sliding vs global, HCA vs CSA, Mamba-2 vs
  // attention), each category its own first choice; FFN kinds keep their box fills (a row of their own).
  const fills: ColorName[] = ["strip-a", "strip-b", "strip-c", "strip-d", "strip-e", "strip-f", "core", "conv", "positional", "embedding"];
  const stripOf: Partial<Record<ColorName, ColorName>> = {
    attention: "strip-a",
    "linear-mixer": "strip-c",
    ssm: "strip-b",
    mixer: "strip-d",
  };
  const legend = new Map<string, { col: ColorName; layers: number }>();
  const colourOf = (key: string, preferred: ColorName): ColorName => {
    let entry = legend.get(key);
    if (!entry) {
      const used = new Set([...legend.values()].map((e) => e.col));
      entry = { col: used.has(preferred) ? (fills.find((x) => !used.has(x)) ?? preferred) : preferred, layers: 0 };
      legend.set(key, entry);
    }
    return entry.col;
  };
  // Keyed by definition name, looked up once per definition (there may be many layers).
  const mixerKeys = new Map<string | undefined, StripKey | undefined>();
  const mixer = (name: string | undefined): StripKey | undefined => {
    if (mixerKeys.has(name)) return mixerKeys.get(name);
    const m = name !== undefined ? f.arch.mixers[name] : undefined;
    const cat = m ? mixerCategory(m.kind, f.kinds) : undefined;
    const key: StripKey | undefined =
      m && cat ? [mixerShortName(m, f.kinds), colourOf(mixerShortName(m, f.kinds), stripOf[cat] ?? "strip-e")] : undefined;
    mixerKeys.set(name, key);
    return key;
  };
  const ffnKeys = new Map<string | undefined, StripKey | undefined>();
  const ffn = (name: string | undefined): StripKey | undefined => {
    if (ffnKeys.has(name)) return ffnKeys.get(name);
    const ff = name !== undefined ? f.arch.ffns[name] : undefined;
    // Each FFN kind's own short name and sparsity: `MoE` in the MoE colour, `dense FFN` in the FFN colour.
    const k = ff ? ffnKind(ff.kind) : undefined;
    const label = k ? (k.sparse ? k.shortName : `dense ${k.shortName}`) : undefined;
    const key: StripKey | undefined = k && label ? [label, colourOf(label, k.sparse ? "moe" : "ffn")] : undefined;
    ffnKeys.set(name, key);
    return key;
  };
  const mixerKey = (i: number) => mixer(f.layers[i]!.mixer);
  const ffnKey = (i: number) => ffn(f.layers[i]!.ffn);
  // One row when every layer has a single sublayer (a mixer or an FFN), else mixers above FFNs.
  const rows = f.layers.every((l) => (l.mixer === undefined) !== (l.ffn === undefined))
    ? [(i: number) => mixerKey(i) ?? ffnKey(i)]
    : [mixerKey, ffnKey];
  // Colours in order of first use, row by row (the legend's order), and each kind's layer count.
  for (const key of rows)
    for (let i = 0; i < f.layers.length; i++) {
      const k = key(i);
      if (k) legend.get(k[0])!.layers++;
    }
  return { mixer, ffn, legend, rows };
}

/**
 * Draws the strip on `c` and returns the bottom of its legend. Runs of equal cells are one rectangle; a row
 * holds the mixers and one the FFNs, or one row when every layer has a single sublayer.
 */
export function layerStrip(f: Facts, c: Canvas, o: LayerStripOptions): number {
  const n = f.layers.length;
  const { x: x0, y: y0, width, component } = o;
  const rowH = o.rowH ?? 18;
  const legendSize = o.legendSize ?? 13;
  const cell = width / n;
  const { legend, rows: keys } = stripColours(f);
  const rows = keys.map((key, ri) => ({ y: y0 + ri * (rowH + 3), key }));
  for (const [ri, row] of rows.entries()) {
    c.box({
      id: `map-row-${ri}`,
      component,
      kind: "layer-map",
      left: x0,
      y: row.y,
      w: width,
      h: rowH,
      lines: [],
      fill: "background",
      stroke: "frame-stroke",
      strokeWidth: 0.8,
      rx: 0,
      container: true,
    });
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const a = row.key(start);
      const b = i < n ? row.key(i) : undefined;
      if (i < n && a?.[0] === b?.[0]) continue;
      if (a) {
        c.box({
          id: `map-${ri}-${start}`,
          component,
          kind: "layer-cell",
          left: x0 + start * cell,
          y: row.y,
          w: (i - start) * cell,
          h: rowH,
          lines: [],
          fill: a[1],
          stroke: a[1],
          strokeWidth: 0.5,
          rx: 0,
        });
      }
      start = i;
    }
  }
  let y = y0 + rows.length * (rowH + 3) + 3;
  const axis = { component, kind: "tag", y, fontSize: o.axisSize ?? 12, color: "text-muted" } as const;
  c.label({ ...axis, id: "map-axis", x: x0, lines: [[{ text: "layer 1" }]] });
  c.label({ ...axis, id: "map-axis-end", x: x0 + width, anchor: "end", lines: [[{ text: `layer ${n}` }]] });
  y += Math.round(axis.fontSize * 1.65);
  // Legend, flowing left to right.
  const swatch = Math.round(legendSize * 1.08);
  let x = x0;
  let i = 0;
  for (const [key, { col, layers }] of legend) {
    const name = o.counts ? `${key} (${layers})` : key;
    const w = swatch + 6 + textWidth(name, legendSize);
    if (x + w > x0 + width) {
      x = x0;
      y += Math.round(legendSize * 1.7);
    }
    c.box({
      id: `map-key-${i}`,
      component,
      kind: "legend",
      left: x,
      y: y + 2,
      w: swatch,
      h: swatch,
      lines: [],
      fill: col,
      stroke: "frame-stroke",
      strokeWidth: 0.8,
      rx: 2,
    });
    c.label({ id: `map-key-label-${i}`, component, kind: "legend", x: x + swatch + 6, y, lines: [[{ text: name }]], fontSize: legendSize });
    x += w + 18;
    i++;
  }
  return y + Math.round(legendSize * 1.7);
}
