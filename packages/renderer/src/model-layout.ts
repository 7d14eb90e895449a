/**
 * `layoutModel` and `renderModel`: the full figure, zoom panels included.
 */
import type { ModelSpec } from "@archgal/schema/lean";
import type { RenderableSpec } from "./analysis.js";
import { checkRenderOptions, renderCheckedLayout, type RenderOptions } from "./figure.js";
import { layoutFigure, type LayoutOptions } from "./layout.js";
import type { Layout } from "./layout-types.js";
import { compactExtras } from "./compact-extras.js";
import { placePanels } from "./panel-placement.js";
import { highlighter, highlightSentence, readHighlight } from "./highlight.js";
import { describeModel as describeFigure } from "./layout.js";
import type { KindOptions } from "@archgal/schema/lean";

/**
 * Computes the geometry of a model's figure: every box with its text lines and font size, every edge and label.
 * `renderModel` draws exactly this. `{ compact: true }` gives the narrow-column figure (see {@link LayoutOptions});
 * `{ kinds }` adds downstream mixer kinds (from `@archgal/schema`'s `defineMixerKind`), which then get their
 * names, callout, decoder type and a zoom panel of their own (title, fact rows and state).
 */
export function layoutModel(spec: ModelSpec | RenderableSpec, options: LayoutOptions = {}): Layout {
  return layoutFigure(spec, options, placePanels, compactExtras, highlighter);
}

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
  checkRenderOptions(options);
  return renderCheckedLayout(
    layoutModel(spec, {
      panels: options.panels ?? true,
      title: options.title ?? true,
      compact: options.compact === true,
      kinds: options.kinds,
      ...(options.highlight ? { highlight: options.highlight } : {}),
    }),
    { ...options, id: spec.id },
  );
}

/**
 * A one-paragraph text alternative of the figure (`options.kinds`: downstream mixer kinds, as for `layoutModel`),
 * ending with the mechanisms of `options.highlight` (`New in this model: …`) when given.
 */
export function describeModel(spec: RenderableSpec, options?: KindOptions & Pick<LayoutOptions, "highlight">): string {
  return describeFigure(spec, options) + highlightSentence(readHighlight(options?.highlight));
}
