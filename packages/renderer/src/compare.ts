/**
 * `renderCompare`: two to four figures side by side, the components that differ highlighted, and the list of
 * differences (the schema's `compareRows`, as every compare view shows them) drawn below.
 */
import { compareRows, diffModels, formatCompareValue } from "@archgal/schema/metrics";
import type { ModelDiffEntry, ModelSpec } from "@archgal/schema/metrics";
import type { RenderableSpec } from "./analysis.js";
import { Canvas, labelRect } from "./canvas.js";
import { escapeXml } from "./escape.js";
import { checkRenderOptions, defaultIdPrefix } from "./figure.js";
import { layoutModel } from "./model-layout.js";
import type { Box, Layout } from "./layout-types.js";
import { paletteFor, type Theme } from "./palette.js";
import { drawLayout, num, svgDocument } from "./svg.js";
import type { Line } from "./text-metrics.js";
import { parseComponentId } from "./component-id.js";

/** Options of {@link renderCompare}. */
export interface CompareOptions {
  /** Default colours (default light). */
  theme?: Theme;
  /** Rendered width in px; the height follows. */
  width?: number;
  /** Draw each model's zoom panels (default false: the stacks side by side). */
  panels?: boolean;
  /**
   * Draw each model's compact figure (notes listed below the stack, a layer strip; no panels), for narrow
   * containers: each figure then stays legible at about 360 px wide.
   */
  compact?: boolean;
  /** Prefix of ids inside the SVG. */
  idPrefix?: string;
  /** Draw each model's title (default true). */
  title?: boolean;
  /** Most difference rows to list (default 60). */
  maxRows?: number;
}

/** The geometry of a comparison. */
export interface CompareLayout {
  /** Width in user units. */
  width: number;
  /** Height in user units. */
  height: number;
  /** Each model's figure and where it is placed. */
  figures: { id: string; layout: Layout; x: number; y: number }[];
  /** The differences table (boxes, edges and labels in absolute coordinates). */
  table: Layout;
  /** The differences, per model after the first, against the first. */
  diffs: ModelDiffEntry[][];
  /** Accessible title. */
  title: string;
  /** Text alternative: the models and how many differences. */
  description: string;
}

const GAP = 48;
const MARGIN = 24;

/** Top-level architecture paths → figure components they show up in. */
const FIELD_COMPONENTS: [string, string[]][] = [
  ["architecture.vocabSize", ["head", "embedding"]],
  ["architecture.contextLength", ["rope"]],
  ["architecture.dModel", ["embedding"]],
  ["architecture.numLayers", ["block"]],
  ["architecture.embedding.perLayer", ["per-layer-embedding"]],
  ["architecture.embedding", ["embedding", "head"]],
  ["architecture.positional", ["rope", "positional"]],
  ["architecture.mtp", ["mtp"]],
  ["architecture.finalLogitSoftcap", ["head"]],
];

/** Components of one side of a diff entry. */
function componentsOf(e: ModelDiffEntry, side: "a" | "b"): string[] {
  const c = e.components?.[side];
  if (c) return [c];
  if (e.path.startsWith("architecture.norm")) return ["norm:*"];
  const hit = FIELD_COMPONENTS.find(([prefix]) => e.path === prefix || e.path.startsWith(`${prefix}.`));
  return hit ? hit[1] : [];
}

function highlight(layout: Layout, components: Set<string>): void {
  const match = (b: Box) =>
    components.has(b.component) ||
    (b.refs ?? []).some((r) => components.has(r)) ||
    (components.has("norm:*") && b.kind === "norm" && parseComponentId(b.component).kind !== "panel");
  for (const b of layout.boxes) if (!b.container && match(b)) b.highlight = true;
  for (const b of layout.boxes) if (b.container && b.kind === "block" && components.has("block")) b.highlight = true;
}

/** Computes the comparison's geometry: figures placed side by side, highlights set, the table laid out. */
export function layoutCompare(specs: readonly (ModelSpec | RenderableSpec)[], options: CompareOptions = {}): CompareLayout {
  if (specs.length < 2 || specs.length > 4) throw new RangeError(`renderCompare takes 2 to 4 specs, got ${specs.length}`);
  const layouts = specs.map((s) =>
    layoutModel(s, { panels: options.panels ?? false, title: options.title ?? true, compact: options.compact === true }),
  );
  const base = specs[0]! as ModelSpec;
  const diffs = specs.slice(1).map((s) => diffModels(base, s as ModelSpec));
  // Highlights: the first model gets every component that differs from any other; each other model its own.
  const first = new Set<string>();
  diffs.forEach((d, i) => {
    const mine = new Set<string>();
    for (const e of d) {
      for (const c of componentsOf(e, "a")) first.add(c);
      for (const c of componentsOf(e, "b")) mine.add(c);
    }
    highlight(layouts[i + 1]!, mine);
  });
  highlight(layouts[0]!, first);

  let x = MARGIN;
  const figures = layouts.map((layout, i) => {
    const f = { id: specs[i]!.id, layout, x, y: MARGIN };
    x += layout.width + GAP;
    return f;
  });
  const figuresW = x - GAP + MARGIN;
  const figuresH = Math.max(...layouts.map((l) => l.height)) + MARGIN;

  // The table: label column and one value column per model.
  const c = new Canvas("differences");
  const width = Math.max(figuresW, 1100);
  const labelW = 300;
  const colW = (width - 2 * MARGIN - labelW - 20) / specs.length;
  let y = figuresH + 20;
  c.edge(
    "rule",
    [
      [MARGIN, y],
      [width - MARGIN, y],
    ],
    { kind: "rule", arrow: false, width: 1.5 },
  );
  y += 16;
  // The table's rows and their text: the schema's comparison layer, shared with every compare view.
  const rows = compareRows(specs as ModelSpec[]);
  const heading = c.label({
    id: "diff-title",
    kind: "title",
    x: MARGIN,
    y,
    lines: [[{ text: rows.length ? `Differences (${rows.length})` : "No differences" }]],
    fontSize: 22,
    weight: "bold",
  });
  y += labelRect(heading).h + 4;
  c.label({
    id: "diff-legend",
    kind: "legend",
    x: MARGIN,
    y,
    lines: [[{ text: `Outlined in the figures: components that differ from ${specs[0]!.name}.` }]],
    maxW: width - 2 * MARGIN,
    fontSize: 14,
    color: "diff",
  });
  y += 28;
  // Header row with model names.
  const header = specs.map((s, i) =>
    c.label({
      id: `diff-head-${i}`,
      kind: "header",
      x: MARGIN + labelW + 20 + i * colW,
      y,
      lines: [[{ text: s.name }]],
      maxW: colW - 16,
      fontSize: 15,
      weight: "bold",
    }),
  );
  y += Math.max(...header.map((l) => labelRect(l).h)) + 8;
  const maxRows = options.maxRows ?? 60;
  const entries = rows;
  entries.slice(0, maxRows).forEach((row, r) => {
    const texts = row.values.map((v) => formatCompareValue(row.path, v));
    const cells: Line[][] = [
      [[{ text: row.label }]],
      ...texts.map((text, i) => [[{ text, ...(i > 0 && text !== texts[0] ? { accent: true } : {}) }]]),
    ];
    const labels = cells.map((lines, i) =>
      c.label({
        id: `diff-${r}-${i}`,
        kind: i ? "value" : "label",
        x: i ? MARGIN + labelW + 20 + (i - 1) * colW : MARGIN,
        y,
        lines,
        maxW: i ? colW - 16 : labelW,
        fontSize: 15,
        accentColor: "diff",
      }),
    );
    const h = Math.max(...labels.map((l) => labelRect(l).h));
    y += h + 6;
    c.edge(
      `diff-row-${r}`,
      [
        [MARGIN, y - 3],
        [width - MARGIN, y - 3],
      ],
      { kind: "rule", arrow: false, width: 0.6, color: "frame-stroke" },
    );
  });
  if (entries.length > maxRows) {
    c.label({ id: "diff-more", kind: "note", x: MARGIN, y, lines: [[{ text: `… and ${entries.length - maxRows} more` }]], fontSize: 15 });
    y += 24;
  }
  const height = Math.ceil(y + MARGIN);
  const names = specs.map((s) => s.name);
  return {
    width: Math.ceil(width),
    height,
    figures,
    table: c.toLayout(width, height, "", ""),
    diffs,
    title: `Comparison: ${names.join(" vs ")}`,
    description: `${names.join(" compared with ")}: ${rows.length} differences. ${figures.map((f) => f.layout.description).join(" ")}`,
  };
}

/**
 * Renders two to four models side by side with the components that differ outlined, and the list of
 * differences below.
 *
 * @example
 * ```ts
 * const svg = renderCompare([llama3, deepseekV3], { theme: "light" });
 * ```
 */
export function renderCompare(specs: readonly (ModelSpec | RenderableSpec)[], options: CompareOptions = {}): string {
  checkRenderOptions(options);
  const theme = options.theme ?? "light";
  const cl = layoutCompare(specs, options);
  const parts = cl.figures.map((f) => {
    const p = paletteFor(theme, f.id);
    return `<g data-model="${escapeXml(f.id)}" transform="translate(${num(f.x)} ${num(f.y)})">\n${drawLayout(f.layout, p)}\n</g>`;
  });
  const p0 = paletteFor(theme, specs[0]!.id);
  parts.push(`<g data-component="differences">${drawLayout(cl.table, p0)}</g>`);
  return svgDocument(cl, parts.join("\n"), p0, {
    idPrefix: options.idPrefix ?? `${defaultIdPrefix(specs.map((s) => s.id).join("-vs-"))}`,
    ...(options.width ? { width: options.width } : {}),
  });
}
