/**
 * `@archgal/schema/details`: the facets of every kind and block feature that a figure's first paint does not
 * need — true cache size, FLOPs, concept tags, popover rows and relation checks. No zod. The metrics that use
 * them (`kvCacheBytes`, `flopsPerToken`, `concepts`, …) import them; `@archgal/schema/lean` does not.
 *
 * @packageDocumentation
 */
export { coreMixerDetails, coreFfnDetails, coreFeatureDetails, mixerKindDetails, ffnKindDetails } from "./kinds/details.js";
export type { MixerKindDetails, FfnKindDetails, BlockFeatureDetails, FactRow, RelationIssue } from "./kinds/mixer-kind.js";
