/**
 * `renderModel`: one model's gallery-style figure as a standalone SVG string.
 */
import type { ModelSpec } from "@archgal/schema";
import type { RenderableSpec } from "./analysis.js";
import { idToken } from "./escape.js";
import { layoutModel } from "./layout.js";
import { paletteFor, type Theme } from "./palette.js";
import { drawLayout, svgDocument } from "./svg.js";

/** Options of {@link renderModel}. */
export interface RenderOptions {
  /** Default colours: `light` (default) or `dark`. Either way every colour stays overridable by `--llm-arch-*` properties. */
  theme?: Theme;
  /** Rendered width in px (the SVG scales through its viewBox; the layout itself is computed in fixed units). */
  width?: number;
  /** Draw the zoom panels (default true). */
  panels?: boolean;
  /** Prefix of the ids inside the SVG, to keep them unique when several figures share a page. */
  idPrefix?: string;
  /** Draw the model name as a title (default true). */
  title?: boolean;
  /** Accent colour as `#rrggbb`; default: derived from the model id. */
  accent?: string;
}

/** The id prefix used when none is given. */
export const defaultIdPrefix = (id: string) => `llm-arch-${idToken(id)}`;

/**
 * Renders a model spec as a gallery-style SVG figure: the decoder stack bottom to top with its repeated block,
 * callouts with the spec's numbers, and zoom panels of the FFN, MoE and novel mixers.
 *
 * Pure and deterministic: the same spec and options give byte-identical output; no DOM or Node APIs are used.
 *
 * @example
 * ```ts
 * import { renderModel } from "@archgal/renderer";
 * const svg = renderModel(spec, { theme: "dark", width: 900 });
 * ```
 */
export function renderModel(spec: ModelSpec | RenderableSpec, options: RenderOptions = {}): string {
  const layout = layoutModel(spec, { panels: options.panels ?? true, title: options.title ?? true });
  const p = paletteFor(options.theme ?? "light", spec.id, options.accent);
  const content = drawLayout(layout, p);
  return svgDocument(layout, content, p, { idPrefix: options.idPrefix ?? defaultIdPrefix(spec.id), ...(options.width ? { width: options.width } : {}) });
}
