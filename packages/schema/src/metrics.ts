/**
 * `@archgal/schema/metrics`: every derived number and label, without the validator — no zod at all, for
 * renderers and other browser code that receive specs already validated.
 *
 * @packageDocumentation
 */
export type * from "./spec-types.js";
export { isSafeUrl, safeHref, linkUrlPattern } from "./url.js";
export {
  maxLayers,
  maxDefinitions,
  countLayerPattern,
  countBlocks,
  blockCounts,
  expandLayers,
  layerRuns,
  definitionCounts,
  formatLayerPattern,
  type ExpandedLayer,
  type BlockKind,
  type LayerRun,
} from "./layers.js";
export {
  countParams,
  mixerParams,
  ffnParams,
  mlpParams,
  normParams,
  normsPerLayer,
  paramsWithout,
  emptyBreakdown,
  type ParamBreakdown,
  type ParamCounts,
  type ParamCountResult,
  type MixerParams,
  type FfnParams,
} from "./params.js";
export { ParamConventions, KvConvention, scopeLabels, hasUnvisitedWeights } from "./conventions.js";
export { kvCacheBytesPerToken, kvElementsPerToken, kvLabel, cachedLayerCount, dtypeBytes, type Dtype, type KvLabel } from "./kv-cache.js";
export { cacheLimits, kvCacheBytes, stateElements, type CacheLimit, type CacheOptions, type CacheSize } from "./cache-size.js";
export {
  KindRegistry,
  coreKinds,
  coreMixerKinds,
  coreFfnKinds,
  coreFeatures,
  isCoreMixerKind,
  ffnKind,
  resolveKinds,
  type KindOptions,
  type AnyMixerKind,
  type AnyMixerKindCore,
} from "./kinds/registry.js";
export type {
  MixerKind,
  MixerKindCore,
  MixerKindDetails,
  MixerFamily,
  MixerRotary,
  FfnKind,
  FfnKindCore,
  FfnKindDetails,
  BlockFeature,
  BlockFeatureDetails,
  FeatureContext,
  AddParams,
  CalloutPart,
  FactRow,
  ConceptContext,
  KindArchitecture,
} from "./kinds/mixer-kind.js";
export { flopsPerToken, weightMemory, type FlopsPerToken, type WeightMemory } from "./flops.js";
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
  isRecurrentKind,
  type DecoderType,
  type Concept,
  type LayerMixEntry,
} from "./classify.js";
export { concepts, conceptSources, type ConceptSource } from "./concept-tags.js";
export {
  compareWithOfficial,
  officialChecks,
  officialTolerance,
  roundingUnit,
  scopedCount,
  type OfficialCheck,
  type OfficialComparison,
} from "./official.js";
export { modelStats, type ModelStats } from "./stats.js";
export { diffModels, type ModelDiffEntry } from "./diff.js";
export {
  modelFacets,
  modelSortKeys,
  facetValues,
  matchesFacets,
  facetOptions,
  facetCounts,
  matchesSearch,
  editDistance,
  typoAllowance,
  compareModels,
  queryModels,
  type ListedModel,
  type ModelFacet,
  type FacetSelection,
  type SearchScope,
  type ModelSortKey,
  type ModelListQuery,
} from "./model-list.js";
export { compareRows, formatCompareValue, type CompareRow, type CompareRowsOptions } from "./compare-table.js";
export { formatCount, formatBytes, formatTokens, formatInt, trimNumber, compareText } from "./format.js";
export { formatContext, formatKvPerToken, formatPercent, formatScale, type ScaleCounts } from "./fact-text.js";
export { hyperConnectionsName } from "./kinds/features/hyper-connections.js";
