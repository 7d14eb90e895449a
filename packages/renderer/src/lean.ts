/**
 * `@archgal/renderer/lean`: the figure without zoom panels, for hosts that draw many small figures (galleries,
 * thumbnails) and want the smallest bundle. Same API as the main entry's `renderModel` / `layoutModel`; the
 * `panels` option is ignored (always off).
 *
 * @packageDocumentation
 */
import type { ModelSpec } from "@archgal/schema/lean";
import type { RenderableSpec } from "./analysis.js";
import { checkRenderOptions, renderCheckedLayout, type RenderOptions } from "./figure.js";
import { layoutFigure, type LayoutOptions } from "./layout.js";
import type { Layout } from "./layout-types.js";

/**
 * The figure's geometry without panels (`{ compact: true }`: the narrow-column figure, without its layer strip and
 * MTP note) and without the `highlight` option's outlines (the main entry and `@archgal/renderer/panels` draw them).
 */
export function layoutModel(spec: ModelSpec | RenderableSpec, options: LayoutOptions = {}): Layout {
  return layoutFigure(spec, { ...options, panels: false });
}

/** The figure as an SVG string, without panels (see the main entry's `renderModel`). */
export function renderModel(spec: ModelSpec | RenderableSpec, options: RenderOptions = {}): string {
  checkRenderOptions(options);
  return renderCheckedLayout(layoutModel(spec, { title: options.title ?? true, compact: options.compact === true, kinds: options.kinds }), {
    ...options,
    id: spec.id,
  });
}

export { renderLayout, renderCheckedLayout, defaultIdPrefix, type RenderOptions, type RenderLayoutOptions } from "./figure.js";
export type { LayoutOptions } from "./layout.js";
export type { Layout, Box, Edge, Label, Point, Rect } from "./layout-types.js";
export type { RenderableSpec } from "./analysis.js";
export type { MechanismHighlight, HighlightOption } from "./highlight.js";
export { textWidth, type FontWeight, type FontFamily, type Span, type Line } from "./text-metrics.js";
export { palette, paletteFor, cssVariables, colorNames, type Theme, type Palette, type ColorName } from "./palette.js";
export { inlineColors } from "./svg.js";
export { formatComponentId, parseComponentId, type ComponentId, type ParsedComponentId } from "./component-id.js";
