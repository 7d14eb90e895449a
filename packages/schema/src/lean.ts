/**
 * `@archgal/schema/lean`: what a figure and its fact sheet need at first paint — parameter counts, the KV cache
 * in the gallery's convention, decoder type, attention label, layer mix and number formatting — over the kinds'
 * first-paint facets only. Everything else (true cache size, FLOPs, concept tags, popover rows) is in
 * `@archgal/schema/metrics` and `@archgal/schema/details`; a bundle that loads those lazily keeps them off its
 * critical path. Specs are taken as already validated (no zod).
 *
 * @packageDocumentation
 */
export type * from "./spec-types.js";
export { expandLayers, layerRuns, definitionCounts, maxDefinitions, type ExpandedLayer, type LayerRun } from "./layers.js";
export { countParams, paramsWithout, type ParamBreakdown, type ParamCounts, type ParamCountResult } from "./params.js";
export { hasUnvisitedWeights } from "./conventions.js";
export { kvCacheBytesPerToken, kvLabel, type Dtype, type KvLabel } from "./kv-cache.js";
export {
  KindRegistry,
  coreKinds,
  isCoreMixerKind,
  ffnKind,
  resolveKinds,
  type KindOptions,
  type AnyMixerKind,
  type AnyMixerKindCore,
} from "./kinds/registry.js";
export type { MixerKindCore, MixerFamily, MixerRotary, CalloutPart, KindArchitecture } from "./kinds/mixer-kind.js";
export {
  decoderType,
  decoderLabel,
  stackForms,
  headSharing,
  attentionLabel,
  attentionParts,
  joinAttentionLabels,
  mixerAttentionLabel,
  mixerLabel,
  layerMix,
  formatLayerMix,
  type DecoderType,
  type LayerMixEntry,
} from "./classify.js";
export { formatCount, formatBytes, formatTokens, formatInt, trimNumber, compareText } from "./format.js";
export { formatContext, formatKvPerToken, formatPercent, formatScale, type ScaleCounts } from "./fact-text.js";
export { safeHref } from "./url.js";
export type { ModelStats } from "./stats.js";
export { hyperConnectionsName } from "./kinds/features/hyper-connections.js";
