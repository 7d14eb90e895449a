/**
 * `@archgal/schema`: one language model's architecture as validated, typed data, and every number
 * derived from it.
 *
 * @packageDocumentation
 */
export type * from "./spec-types.js";
export {
  ModelSpecSchema,
  ArchitectureSchema,
  MixerSchema,
  FfnSchema,
  SourceSchema,
  OfficialParamsSchema,
  checkSpecRelations,
  mixerKinds,
  paramComponents,
  patterns,
  type RelationIssue,
} from "./spec-schema.js";
export {
  validateSpec,
  parseSpec,
  formatIssues,
  formatPath,
  checkDataset,
  checkDatasetEntry,
  isDatasetEntry,
  datasetMetadataFields,
  SpecValidationError,
  type SpecIssue,
  type SpecValidation,
} from "./validate.js";
export {
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
  type ParamHooks,
  type MixerParams,
  type FfnParams,
} from "./params.js";
export {
  kvCacheBytesPerToken,
  kvCacheBytes,
  kvElementsPerToken,
  kvLabel,
  stateElements,
  cachedLayerCount,
  dtypeBytes,
  type Dtype,
  type CacheOptions,
  type CacheSize,
  type KvLabel,
} from "./kv-cache.js";
export { flopsPerToken, weightMemory, type FlopsPerToken, type WeightMemory } from "./flops.js";
export {
  decoderType,
  headSharing,
  attentionLabel,
  mixerLabel,
  mixerKindNames,
  layerMix,
  formatLayerMix,
  concepts,
  recurrentKinds,
  type DecoderType,
  type Concept,
  type LayerMixEntry,
} from "./classify.js";
export {
  compareWithOfficial,
  officialTolerance,
  roundingUnit,
  scopedCount,
  type OfficialCheck,
} from "./official.js";
export { modelStats, type ModelStats } from "./stats.js";
export { formatCount, formatBytes, formatTokens, formatInt, trimNumber } from "./format.js";
export {
  createSpecSchema,
  defineMixerKind,
  combineHooks,
  type MixerKindDefinition,
  type SpecSchemaOptions,
  type ExtendedSpec,
} from "./extend.js";
export { diffModels, type ModelDiffEntry } from "./diff.js";
