/**
 * `@archgal/renderer`: model specs to SVG — gallery-style figures, side-by-side comparisons and a poster —
 * as pure functions that run anywhere (Node, workers, browsers).
 *
 * @packageDocumentation
 */
export {
  renderLayout,
  renderCheckedLayout,
  defaultIdPrefix,
  checkRenderOptions,
  MAX_RENDER_WIDTH,
  type RenderOptions,
  type RenderLayoutOptions,
} from "./figure.js";
export { layoutModel, renderModel, describeModel } from "./model-layout.js";
export { contextText, COMPACT_REFERENCE_WIDTH, COMPACT_MIN_TEXT_PX, type LayoutOptions } from "./layout.js";
export type { Layout, Box, Edge, Label, Point, Rect } from "./layout-types.js";
export type { RenderableSpec } from "./analysis.js";
export type { MechanismHighlight, HighlightOption } from "./highlight.js";
export {
  textWidth,
  lineWidth,
  wrapText,
  wrapLine,
  LINE_HEIGHT,
  SANS_FONT_STACK,
  MONO_FONT_STACK,
  type FontWeight,
  type FontFamily,
  type Span,
  type Line,
} from "./text-metrics.js";
export {
  palette,
  basePalettes,
  paletteFor,
  accentColors,
  cssVariables,
  colorNames,
  contrastRatio,
  type Theme,
  type Palette,
  type ColorName,
  type AccentColors,
} from "./palette.js";
export { escapeXml, cleanText } from "./escape.js";
export { inlineColors } from "./svg.js";
export { renderCompare, layoutCompare, type CompareOptions, type CompareLayout } from "./compare.js";
export {
  renderPoster,
  renderPosterTiles,
  layoutPoster,
  POSTER_MIN_WIDTH,
  type PosterOptions,
  type PosterLayout,
  type PosterTile,
  type PosterTiles,
} from "./poster.js";
export {
  formatComponentId,
  parseComponentId,
  isFixedComponentId,
  componentPrefixes,
  fixedComponentIds,
  type ComponentId,
  type ComponentIdParts,
  type ComponentPrefix,
  type FixedComponentId,
  type SublayerComponentId,
  type ParsedComponentId,
} from "./component-id.js";
