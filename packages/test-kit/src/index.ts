/**
 * `@archgal/test-kit`: what the suites of archgal share — hand-made fixture specs, SVG safety checks and layout
 * geometry checks. Browser-safe; the dataset loader (Node only) is `@archgal/test-kit/dataset`.
 *
 * @packageDocumentation
 */
export * from "./geometry.js";
export * from "./svg.js";
export * from "./fixtures/specs.js";
