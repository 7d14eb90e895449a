/**
 * `renderPoster`: every model's figure in one large SVG grid, grouped by release year or decoder type, with
 * group headings — the gallery's poster, generated.
 */
import { decoderType } from "@archgal/schema/metrics";
import type { ModelSpec } from "@archgal/schema/metrics";
import type { RenderableSpec } from "./analysis.js";
import { Canvas, labelRect } from "./canvas.js";
import { lineWidth } from "./text-metrics.js";
import { escapeXml } from "./escape.js";
import { checkRenderOptions, renderCheckedLayout } from "./figure.js";
import { layoutModel } from "./model-layout.js";
import type { Layout } from "./layout-types.js";
import { palette as themes, paletteFor, type Theme } from "./palette.js";
import { drawLayout, num, svgDocument } from "./svg.js";
import { formatComponentId } from "./component-id.js";

/** Options of {@link renderPoster}. */
export interface PosterOptions {
  /** Group by release year (`date`, default) or by decoder type (`type`); models are in date order within a group. */
  order?: "date" | "type";
  /**
   * What each cell holds: the compact figure (`compact`, default: the main column, its notes and a layer strip,
   * every cell the same width, a row as tall as its tallest) or the full figure with its zoom panels (`full`).
   */
  cells?: "compact" | "full";
  /**
   * Figures per row (default, compact cells: the count that brings the whole sheet closest to an A-series
   * portrait page, 1 : √2; full cells: as many as make the poster at least 14,570 units wide).
   */
  columns?: number;
  /** Default colours (default light). */
  theme?: Theme;
  /** Draw each full figure's zoom panels (default true; compact cells have none). */
  panels?: boolean;
  /** Rendered width in px (default: the layout width). */
  width?: number;
  /** Prefix of ids inside the SVG. */
  idPrefix?: string;
  /** Heading at the top of the poster. */
  heading?: string;
}

/** Minimum poster width with full cells at default settings (the gallery poster's width). */
export const POSTER_MIN_WIDTH = 14570;

/** Type size of the group headings. */
const HEADING_SIZE = 64;

/** Most figures per row a poster takes. */
const MAX_COLUMNS = 1000;

/** Height to width of an A-series page held upright. */
const A_PORTRAIT = Math.SQRT2;

const MARGIN = 60;
const GAP = 50;

const typeOrder = ["Dense", "Sparse MoE", "Sparse hybrid", "Hybrid MoE", "Dense hybrid", "Recurrent"];

/** The geometry of a poster. */
export interface PosterLayout {
  /** Width in user units. */
  width: number;
  /** Height in user units. */
  height: number;
  /** Each model's figure, where it is placed and at what scale (below 1 for a figure wider than its cell). */
  figures: { id: string; layout: Layout; x: number; y: number; scale: number }[];
  /** Headings (poster title and group names). */
  headings: Layout;
  /** Accessible title (the heading). */
  title: string;
  /** Text alternative: the groups and their models. */
  description: string;
}

type PosterSpec = ModelSpec | RenderableSpec;

/** The cells placed in `columns` columns under the heading, with group headings and rules. */
function placeCells(
  groups: ReadonlyMap<string, readonly PosterSpec[]>,
  layouts: ReadonlyMap<PosterSpec, Layout>,
  columns: number,
  cellW: number,
  minWidth: number,
  heading: string,
): Omit<PosterLayout, "title" | "description"> {
  const width = Math.max(minWidth, 2 * MARGIN + columns * cellW + (columns - 1) * GAP);
  const c = new Canvas("poster");
  const h = c.label({
    id: "poster-title",
    component: "poster-title",
    kind: "title",
    x: width / 2,
    y: MARGIN,
    anchor: "middle",
    lines: [[{ text: heading }]],
    maxW: width - 2 * MARGIN,
    fontSize: 96,
    weight: "bold",
  });
  let y = labelRect(h).y + labelRect(h).h + 60;
  const figures: PosterLayout["figures"] = [];
  const pitch = cellW + GAP;
  // The row a one-row group left room in: the next group joins it when it fits in the room and its heading fits
  // above its own cells, so that years with a few models do not each take a row of their own.
  let open: { headingY: number; rowY: number; col: number; rowH: number } | undefined;
  let g = 0;
  for (const [name, list] of groups) {
    const line = [{ text: name }, { text: `  ${list.length} model${list.length > 1 ? "s" : ""}`, accent: true }];
    const oneRow = list.length <= columns;
    const joins =
      open !== undefined && open.col + list.length <= columns && lineWidth(line, HEADING_SIZE, "bold") <= list.length * pitch - GAP;
    const col0 = joins ? open!.col : 0;
    const x0 = MARGIN + col0 * pitch;
    const gl = c.label({
      id: `group-${g}`,
      component: formatComponentId({ kind: "group", name }),
      kind: "group-heading",
      x: x0,
      y: joins ? open!.headingY : y,
      lines: [line],
      maxW: oneRow ? Math.max(list.length * pitch - GAP, width - MARGIN - x0) : width - 2 * MARGIN,
      fontSize: HEADING_SIZE,
      weight: "bold",
      accentColor: "text-muted",
    });
    const gr = labelRect(gl);
    c.edge(
      `group-rule-${g}`,
      [
        [x0, gr.y + gr.h + 12],
        [oneRow ? x0 + list.length * pitch - GAP : width - MARGIN, gr.y + gr.h + 12],
      ],
      { component: formatComponentId({ kind: "group", name }), kind: "rule", arrow: false, width: 3 },
    );
    let rowY = joins ? open!.rowY : gr.y + gr.h + 40;
    let rowH = joins ? open!.rowH : 0;
    for (let i = 0; i < list.length; i += columns) {
      if (i > 0) {
        rowY += rowH + GAP;
        rowH = 0;
      }
      list.slice(i, i + columns).forEach((s, j) => {
        const layout = layouts.get(s)!;
        const scale = Math.min(1, Math.floor((cellW / layout.width) * 1000) / 1000);
        const x = MARGIN + (col0 + j) * pitch + (cellW - layout.width * scale) / 2;
        figures.push({ id: s.id, layout, x, y: rowY, scale });
        rowH = Math.max(rowH, layout.height * scale);
      });
    }
    open = oneRow ? { headingY: joins ? open!.headingY : gr.y, rowY, col: col0 + list.length, rowH } : undefined;
    y = rowY + rowH + GAP + 40;
    g++;
  }
  const height = Math.ceil(y + MARGIN);
  return { width: Math.ceil(width), height, figures, headings: c.toLayout(width, height, "", "") };
}

/** Throws a TypeError or RangeError naming the option when `order`, `cells` or `columns` is not one it takes. */
function checkPosterOptions(o: PosterOptions): void {
  const oneOf = (name: "order" | "cells", allowed: readonly string[]) => {
    const v: unknown = o[name];
    if (v === undefined || allowed.includes(v as string)) return;
    const expected = allowed.map((a) => `"${a}"`).join(" or ");
    if (typeof v !== "string") throw new TypeError(`${name}: expected ${expected}, got ${typeof v}`);
    throw new RangeError(`${name}: expected ${expected}, got ${JSON.stringify(v.slice(0, 40))}`);
  };
  oneOf("order", ["date", "type"]);
  oneOf("cells", ["compact", "full"]);
  const c: unknown = o.columns;
  if (c !== undefined && (typeof c !== "number" || !(c >= 1 && c <= MAX_COLUMNS)))
    throw new (typeof c === "number" ? RangeError : TypeError)(
      `columns: expected a number from 1 to ${MAX_COLUMNS}, got ${typeof c === "number" ? c : typeof c}`,
    );
}

/** Computes the poster's geometry. */
export function layoutPoster(specs: readonly PosterSpec[], options: PosterOptions = {}): PosterLayout {
  checkPosterOptions(options);
  const order = options.order ?? "date";
  const compact = (options.cells ?? "compact") === "compact";
  const sorted = [...specs].sort(
    (a, b) => (a.releaseDate ?? "9999").localeCompare(b.releaseDate ?? "9999") || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const groupOf = (s: PosterSpec) => (order === "type" ? decoderType(s as ModelSpec) : (s.releaseDate?.slice(0, 4) ?? "Undated"));
  const groups = new Map<string, PosterSpec[]>();
  const keys = order === "type" ? [...typeOrder, ...new Set(sorted.map(groupOf))] : [...new Set(sorted.map(groupOf))];
  for (const k of keys) if (!groups.has(k)) groups.set(k, []);
  for (const s of sorted) groups.get(groupOf(s))!.push(s);
  for (const [k, list] of groups) if (list.length === 0) groups.delete(k);

  const layouts = new Map(
    sorted.map((s) => [s, layoutModel(s, compact ? { compact: true, title: true } : { panels: options.panels ?? true, title: true })]),
  );
  // Full cells: as wide as the widest figure. Compact cells: as wide as nine figures in ten; the few wider ones
  // (a parallel block's side box) are scaled down to fit, which packs the sheet tighter for every other model.
  const widths = [...layouts.values()].map((l) => l.width).sort((a, b) => a - b);
  const cellW = compact ? (widths[Math.floor((widths.length - 1) * 0.9)] ?? 0) : Math.max(600, ...widths);
  const heading = options.heading ?? `LLM architectures: ${specs.length} models, by ${order === "type" ? "decoder type" : "release year"}`;
  let placed: Omit<PosterLayout, "title" | "description">;
  if (options.columns) placed = placeCells(groups, layouts, Math.max(1, Math.floor(options.columns)), cellW, 0, heading);
  else if (!compact) {
    const columns = Math.max(1, Math.ceil((POSTER_MIN_WIDTH - 2 * MARGIN + GAP) / (cellW + GAP)));
    placed = placeCells(groups, layouts, columns, cellW, POSTER_MIN_WIDTH, heading);
  } else {
    // The column count whose sheet comes closest to an upright A-series page (each try is linear in the models).
    const most = Math.max(1, Math.min(sorted.length, 24));
    placed = placeCells(groups, layouts, 1, cellW, 0, heading);
    for (let n = 2; n <= most; n++) {
      const next = placeCells(groups, layouts, n, cellW, 0, heading);
      const off = (p: typeof next) => Math.abs(Math.log(p.height / p.width / A_PORTRAIT));
      if (off(next) < off(placed)) placed = next;
    }
  }
  return {
    ...placed,
    title: heading,
    description: `${heading}. ${[...groups].map(([k, l]) => `${k}: ${l.map((s) => s.name).join(", ")}`).join(". ")}.`,
  };
}

/**
 * Renders every model in one SVG grid with group headings: by default a cell per model holding its compact
 * figure, the sheet shaped like an upright A-series page; with `cells: "full"`, the full figures on a sheet at
 * least 14,570 units wide (the gallery poster's width).
 *
 * @example
 * ```ts
 * const svg = renderPoster(allSpecs, { order: "type" });
 * ```
 */
export function renderPoster(specs: readonly (ModelSpec | RenderableSpec)[], options: PosterOptions = {}): string {
  checkRenderOptions(options);
  const theme = options.theme ?? "light";
  const pl = layoutPoster(specs, options);
  const base = themes[theme];
  const parts = pl.figures.map(
    (f) =>
      `<g data-model="${escapeXml(f.id)}" transform="translate(${num(f.x)} ${num(f.y)})${f.scale < 1 ? ` scale(${f.scale})` : ""}">\n${drawLayout(f.layout, paletteFor(theme, f.id))}\n</g>`,
  );
  parts.unshift(drawLayout(pl.headings, base));
  return svgDocument(pl, parts.join("\n"), base, {
    idPrefix: options.idPrefix ?? "llm-arch-poster",
    ...(options.width ? { width: options.width } : {}),
  });
}

/** One piece of a poster drawn on its own: a standalone SVG document and where it goes on the sheet. */
export interface PosterTile {
  /** `headings` for the sheet's background, title and group headings; otherwise the model id. */
  id: string;
  /** Position and size on the sheet, in poster units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The tile as an SVG document, `width` × `height` units. */
  svg: string;
}

/** A poster in pieces: see {@link renderPosterTiles}. */
export interface PosterTiles {
  /** Size of the whole sheet, in poster units. */
  width: number;
  height: number;
  /** Accessible title and text alternative of the whole sheet. */
  title: string;
  description: string;
  /** The headings tile first (the whole sheet: background, title, group headings), then one tile per figure. */
  tiles: PosterTile[];
}

/**
 * The same poster as {@link renderPoster}, as a headings layer and one SVG document per figure, for viewers that
 * decode and show it piece by piece (a browser then never parses the whole sheet in one task). Drawn where each
 * tile says, in order, the tiles make the same picture as `renderPoster` with the same options.
 *
 * @example
 * ```ts
 * const { width, height, tiles } = renderPosterTiles(allSpecs, { theme: "dark" });
 * ```
 */
export function renderPosterTiles(specs: readonly PosterSpec[], options: Omit<PosterOptions, "width"> = {}): PosterTiles {
  checkRenderOptions(options);
  const theme = options.theme ?? "light";
  const pl = layoutPoster(specs, options);
  const prefix = options.idPrefix ?? "llm-arch-poster";
  const base = themes[theme];
  const tiles: PosterTile[] = [
    {
      id: "headings",
      x: 0,
      y: 0,
      width: pl.width,
      height: pl.height,
      svg: svgDocument({ ...pl, title: pl.title, description: pl.description }, drawLayout(pl.headings, base), base, {
        idPrefix: prefix,
      }),
    },
  ];
  pl.figures.forEach((f, i) => {
    const width = f.layout.width * f.scale;
    tiles.push({
      id: f.id,
      x: f.x,
      y: f.y,
      width,
      height: f.layout.height * f.scale,
      svg: renderCheckedLayout(f.layout, { id: f.id, theme, width, idPrefix: `${prefix}-${i}` }),
    });
  });
  return { width: pl.width, height: pl.height, title: pl.title, description: pl.description, tiles };
}
