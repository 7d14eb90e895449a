/**
 * `@archgal/components`: drop-in web components for LLM architecture diagrams.
 *
 * This module only exports the classes; it registers nothing. Import `@archgal/components/define.js` (or one
 * element's `*.define.js`) to register the tags, or call `customElements.define` yourself with your own names.
 *
 * @packageDocumentation
 */
export { LlmArch, PANELS_MIN_WIDTH, type LlmArchView, type PanelsSetting } from "./llm-arch.js";
export { LlmArchCompare } from "./llm-arch-compare.js";
export { LlmArchGallery, matches, type GallerySort, type GalleryFilters } from "./llm-arch-gallery.js";
export { LlmArchFacts } from "./llm-arch-facts.js";
export { LlmArchFit } from "./llm-arch-fit.js";
export { fitPanel, parseFields, evaluateFields, defaultFields, type FitFields, type ParsedFields } from "./fit-panel.js";
export { SpecElement } from "./spec-element.js";
export { ThemedElement, type ThemeSetting } from "./themed-element.js";
export {
  LlmArchLoadEvent,
  LlmArchErrorEvent,
  LlmArchSelectEvent,
  LlmArchOpenEvent,
  type LlmArchLoadDetail,
  type LlmArchSelectDetail,
  type LlmArchOpenDetail,
} from "./events.js";
export { ArchError, errorDetail, type ArchErrorDetail, type ArchErrorKind } from "./errors.js";
export {
  setModelLoader,
  setDataBase,
  getDataBase,
  cdnLoader,
  loaderFor,
  fetchJson,
  fetchLimits,
  modelIdPattern,
  type ModelLoader,
  type GalleryEntry,
} from "./loaders.js";
export { loadFacts, factsOf, type SpecFacts, type SpecSource } from "./spec-facts.js";
export { componentInfo, type ComponentInfo, type ConceptExplanation } from "./component-info.js";
export { componentTitle } from "./component-title.js";
export { factSheet } from "./fact-sheet.js";
export { defineElements, tagNames } from "./registry.js";
