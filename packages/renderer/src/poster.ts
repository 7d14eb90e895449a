/**
 * `renderPoster`: every model's figure in one large SVG grid, grouped by release year or decoder type, with
 * group headings — the gallery's poster, generated.
 */
import { decoderType } from "@archgal/schema/metrics";
import type { ModelSpec } from "@archgal/schema/metrics";
import type { RenderableSpec } from "./analysis.js";
import { Canvas, labelRect } from "./canvas.js";
import { escapeXml } from "./escape.js";
import { checkRenderOptions } from "./figure.js";
import { layoutModel } from "./model-layout.js";
import type { Layout } from "./layout-types.js";
import { palette as themes, paletteFor, type Theme } from "./palette.js";
import { drawLayout, num, svgDocument } from "./svg.js";
import { formatComponentId } from "./component-id.js";

/** Options of {@link renderPoster}. */
export interface PosterOptions {
  /** Group by release year (`date`, default) or by decoder type (`type`); models are in date order within a group. */
  order?: "date" | "type";
  /** Figures per row (default: as many as make the poster at least 14,570 units wide). */
  columns?: number;
  /** Default colours (default light). */
  theme?: Theme;
  /** Draw each figure's zoom panels (default true). */
  panels?: boolean;
  /** Rendered width in px (default: the layout width, at least 14,570). */
  width?: number;
  /** Prefix of ids inside the SVG. */
  idPrefix?: string;
  /** Heading at the top of the poster. */
  heading?: string;
}

/** Minimum poster width at default settings (the gallery poster's width). */
export const POSTER_MIN_WIDTH = 14570;

const MARGIN = 60;
const GAP = 50;

const typeOrder = ["Dense", "Sparse MoE", "Sparse hybrid", "Hybrid MoE", "Dense hybrid", "Recurrent"];

/** The geometry of a poster. */
export interface PosterLayout {
  /** Width in user units (at least 14,570 at default settings). */
  width: number;
  /** Height in user units. */
  height: number;
  /** Each model's figure and where it is placed. */
  figures: { id: string; layout: Layout; x: number; y: number }[];
  /** Headings (poster title and group names). */
  headings: Layout;
  /** Accessible title (the heading). */
  title: string;
  /** Text alternative: the groups and their models. */
  description: string;
}

/** Computes the poster's geometry. */
export function layoutPoster(specs: readonly (ModelSpec | RenderableSpec)[], options: PosterOptions = {}): PosterLayout {
  const order = options.order ?? "date";
  const sorted = [...specs].sort(
    (a, b) => (a.releaseDate ?? "9999").localeCompare(b.releaseDate ?? "9999") || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const groupOf = (s: ModelSpec | RenderableSpec) =>
    order === "type" ? decoderType(s as ModelSpec) : (s.releaseDate?.slice(0, 4) ?? "Undated");
  const groups = new Map<string, (ModelSpec | RenderableSpec)[]>();
  const keys = order === "type" ? [...typeOrder, ...new Set(sorted.map(groupOf))] : [...new Set(sorted.map(groupOf))];
  for (const k of keys) if (!groups.has(k)) groups.set(k, []);
  for (const s of sorted) groups.get(groupOf(s))!.push(s);
  for (const [k, list] of groups) if (list.length === 0) groups.delete(k);

  const layouts = new Map(sorted.map((s) => [s, layoutModel(s, { panels: options.panels ?? true, title: true })]));
  const cellW = Math.max(600, ...[...layouts.values()].map((l) => l.width));
  const columns = Math.max(1, Math.floor(options.columns ?? Math.ceil((POSTER_MIN_WIDTH - 2 * MARGIN + GAP) / (cellW + GAP))));
  const width = Math.max(options.columns ? 0 : POSTER_MIN_WIDTH, 2 * MARGIN + columns * cellW + (columns - 1) * GAP);

  const c = new Canvas("poster");
  const heading = options.heading ?? `LLM architectures: ${specs.length} models, by ${order === "type" ? "decoder type" : "release year"}`;
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
  let g = 0;
  for (const [name, list] of groups) {
    const gl = c.label({
      id: `group-${g}`,
      component: formatComponentId({ kind: "group", name }),
      kind: "group-heading",
      x: MARGIN,
      y,
      lines: [[{ text: name }, { text: `  ${list.length} model${list.length > 1 ? "s" : ""}`, accent: true }]],
      maxW: width - 2 * MARGIN,
      fontSize: 64,
      weight: "bold",
      accentColor: "text-muted",
    });
    const gr = labelRect(gl);
    c.edge(
      `group-rule-${g}`,
      [
        [MARGIN, gr.y + gr.h + 12],
        [width - MARGIN, gr.y + gr.h + 12],
      ],
      { component: formatComponentId({ kind: "group", name }), kind: "rule", arrow: false, width: 3 },
    );
    y = gr.y + gr.h + 40;
    for (let i = 0; i < list.length; i += columns) {
      const row = list.slice(i, i + columns);
      let rowH = 0;
      row.forEach((s, j) => {
        const layout = layouts.get(s)!;
        figures.push({ id: s.id, layout, x: MARGIN + j * (cellW + GAP) + (cellW - layout.width) / 2, y });
        rowH = Math.max(rowH, layout.height);
      });
      y += rowH + GAP;
    }
    y += 40;
    g++;
  }
  const height = Math.ceil(y + MARGIN);
  return {
    width: Math.ceil(width),
    height,
    figures,
    headings: c.toLayout(width, height, "", ""),
    title: heading,
    description: `${heading}. ${[...groups].map(([k, l]) => `${k}: ${l.map((s) => s.name).join(", ")}`).join(". ")}.`,
  };
}

/**
 * Renders every model in one SVG grid with group headings. At default settings the poster is at least
 * 14,570 units wide (the gallery poster's width).
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
      `<g data-model="${escapeXml(f.id)}" transform="translate(${num(f.x)} ${num(f.y)})">\n${drawLayout(f.layout, paletteFor(theme, f.id))}\n</g>`,
  );
  parts.unshift(drawLayout(pl.headings, base));
  return svgDocument(pl, parts.join("\n"), base, {
    idPrefix: options.idPrefix ?? "llm-arch-poster",
    ...(options.width ? { width: options.width } : {}),
  });
}
