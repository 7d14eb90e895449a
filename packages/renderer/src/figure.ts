/**
 * Options of the figure renderers, and `renderLayout`: a computed layout as a standalone SVG string.
 */
import type { KindOptions } from "@archgal/schema/lean";
import { idToken } from "./escape.js";
import type { Layout } from "./layout-types.js";
import { paletteFor, type Theme } from "./palette.js";
import { drawLayout, svgDocument } from "./svg.js";

/**
 * Options of {@link renderModel}. `kinds` (from `KindOptions`): downstream mixer kinds defined with
 * `defineMixerKind`, as a list or a `KindRegistry`; without it such a mixer is drawn from its fields alone.
 */
export interface RenderOptions extends KindOptions {
  /** Default colours: `light` (default) or `dark`. Either way every colour stays overridable by `--llm-arch-*` properties. */
  theme?: Theme;
  /** Rendered width in px (the SVG scales through its viewBox; the layout itself is computed in fixed units). */
  width?: number;
  /** Draw the zoom panels (default true; never in a compact figure). */
  panels?: boolean;
  /**
   * The compact figure for narrow columns (320–700 px wide): the main column with its notes listed below it, no
   * panels, and text that stays at least 11 px high when the figure is drawn 360 px wide (see `LayoutOptions`).
   */
  compact?: boolean;
  /** Prefix of the ids inside the SVG, to keep them unique when several figures share a page. */
  idPrefix?: string;
  /** Draw the model name as a title (default true). */
  title?: boolean;
  /** Accent colour as `#rrggbb`; default: derived from the model id. */
  accent?: string;
}

/** The id prefix used when none is given. */
export const defaultIdPrefix = (id: string) => `llm-arch-${idToken(id)}`;

/** Options of {@link renderLayout}. */
export interface RenderLayoutOptions extends Pick<RenderOptions, "theme" | "width" | "idPrefix" | "accent"> {
  /** The model id, for the default accent and id prefix. */
  id: string;
}

/**
 * Draws a layout computed by `layoutModel` — for hosts that use the geometry themselves (e.g. to place
 * focusable controls over components) and do not want it computed twice. `renderModel(spec, o)` equals
 * `renderLayout(layoutModel(spec, o), { ...o, id: spec.id })`.
 */
export function renderLayout(layout: Layout, options: RenderLayoutOptions): string {
  const p = paletteFor(options.theme ?? "light", options.id, options.accent);
  return svgDocument(layout, drawLayout(layout, p), p, { idPrefix: options.idPrefix ?? defaultIdPrefix(options.id), ...(options.width ? { width: options.width } : {}) });
}
