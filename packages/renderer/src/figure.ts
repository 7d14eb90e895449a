/**
 * Options of the figure renderers, and `renderLayout`: a computed layout as a standalone SVG string.
 */
import type { KindOptions } from "@archgal/schema/lean";
import { idToken } from "./escape.js";
import type { Layout } from "./layout-types.js";
import { paletteFor, parseHex, type Theme } from "./palette.js";
import { drawLayout, svgDocument } from "./svg.js";
import type { HighlightOption } from "./highlight.js";

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
  /**
   * Mechanisms new in this model to outline in the accent colour: `@archgal/data`'s `newMechanisms` of the model
   * (`newMechanismsOf(id)`), or bare concept tags (see `LayoutOptions.highlight`). Absent: no outlines.
   */
  highlight?: HighlightOption;
}

/** Widest rendered width in px the renderers accept. */
export const MAX_RENDER_WIDTH = 100_000;

/**
 * Checks the options every renderer shares, at its entry: `theme` light or dark, `accent` a `#rrggbb` (or
 * `#rgb`) colour, `width` a number from 1 to {@link MAX_RENDER_WIDTH}; absent options are fine. Throws a
 * TypeError for a value of the wrong type and a RangeError for one out of range, naming the option and quoting
 * at most 40 characters of the value (and at most 48 once escaped).
 */
export function checkRenderOptions(o: Pick<RenderOptions, "theme" | "accent" | "width">): void {
  const check = (name: keyof typeof o, type: string, ok: (v: never) => boolean, expected: string) => {
    const v: unknown = o[name];
    if (v !== undefined && (typeof v !== type || !ok(v as never))) {
      const got = typeof v === "string" ? quoted(v) : typeof v === "number" ? v : typeof v;
      throw new (typeof v === type ? RangeError : TypeError)(`${name}: expected ${expected}, got ${got}`);
    }
  };
  check("theme", "string", (v: string) => v === "light" || v === "dark", '"light" or "dark"');
  check("accent", "string", (v: string) => !!parseHex(v), "a #rrggbb colour");
  check("width", "number", (v: number) => v >= 1 && v <= MAX_RENDER_WIDTH, `a number from 1 to ${MAX_RENDER_WIDTH}`);
}

/** The value as a JSON string of at most 40 characters and 48 once escaped (control characters take six each). */
function quoted(v: string): string {
  let n = Math.min(v.length, 40);
  let q = JSON.stringify(v.slice(0, n));
  while (q.length > 48 && n > 0) q = JSON.stringify(v.slice(0, --n));
  return q;
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
  checkRenderOptions(options);
  return renderCheckedLayout(layout, options);
}

/**
 * {@link renderLayout} for options already known to be good (checked with {@link checkRenderOptions}, or built by
 * the host from a closed set, as the web components do): the same SVG without checking them again, so that hosts
 * on a size budget do not carry the check.
 */
export function renderCheckedLayout(layout: Layout, options: RenderLayoutOptions): string {
  const p = paletteFor(options.theme ?? "light", options.id, options.accent);
  return svgDocument(layout, drawLayout(layout, p), p, {
    idPrefix: options.idPrefix ?? defaultIdPrefix(options.id),
    ...(options.width ? { width: options.width } : {}),
  });
}
