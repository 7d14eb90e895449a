/**
 * `@archgal/renderer/panels`: the full figure (zoom panels included) without the rest of the main entry
 * (comparisons, posters, geometry checks, palettes' helpers). For hosts that draw the lean figure first and
 * load the panels later, e.g. `import("@archgal/renderer/panels")`: that chunk then carries little more than
 * the panels' own code, since the lean entry already brought the figure's.
 *
 * @packageDocumentation
 */
export { layoutModel, renderModel } from "./model-layout.js";
export { renderLayout, defaultIdPrefix, type RenderOptions, type RenderLayoutOptions } from "./figure.js";
export type { LayoutOptions } from "./layout.js";
export type { Layout, Box, Edge, Label, Point, Rect } from "./layout-types.js";
export type { RenderableSpec } from "./analysis.js";
export type { MechanismHighlight, HighlightOption } from "./highlight.js";
export { formatComponentId, parseComponentId, type ComponentId, type ParsedComponentId } from "./component-id.js";
