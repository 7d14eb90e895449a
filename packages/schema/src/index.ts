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
// Popover rows and relation checks of every kind (also alone, without zod, as `@archgal/schema/details`).
export * from "./kinds/details.js";
// Every metric, label, formatter and layer helper (also available alone, without zod, as `@archgal/schema/metrics`).
export * from "./metrics.js";
// What is new in a model against its family: the functions are the `./family` entry (they carry the concept
// catalogue's names, which the validator's bundles do not need).
export type { NewMechanism } from "./distinctive-mechanisms.js";

export {
  createSpecSchema,
  defineMixerKind,
  combineHooks,
  type MixerKindDefinition,
  type MixerKindInput,
  type DefinedMixerKind,
  type SpecSchemaOptions,
  type ExtendedSpec,
} from "./extend.js";
