/**
 * `@archgal/schema/concepts`: the concept catalogue — names, categories, summaries, popover explanations and
 * concept-page text for every concept tag. Prose only; no zod, no metrics.
 *
 * @packageDocumentation
 */
export * from "./catalogue.js";
