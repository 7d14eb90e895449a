/**
 * The validator (`@archgal/schema`'s `validateSpec`, zod/mini), in a module of its own so that bundles load it
 * only when a spec from outside the dataset needs checking (`.spec`, `src`, custom loaders, `data-base`).
 */
export { validateSpec } from "@archgal/schema";
