/**
 * `@archgal/schema/details`: the popover rows and relation checks of every kind — what a diagram's popover and
 * a validator need beyond the metrics. No zod. Kept apart from `@archgal/schema/metrics` so that a page that
 * only draws figures does not download them.
 *
 * @packageDocumentation
 */
export { coreMixerDetails, coreFfnDetails, mixerKindDetails, ffnKindDetails } from "./kinds/details.js";
export type { MixerKindDetails, FfnKindDetails, FactRow, RelationIssue } from "./kinds/mixer-kind.js";
