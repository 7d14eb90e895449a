/**
 * `@archgal/schema/hf`: importing Hugging Face `config.json` files as archgal specs.
 *
 * - {@link importHuggingFaceConfig} reads a parsed config.json and returns a valid spec (id, name,
 *   architecture, and a source when given a URL) plus warnings; it throws {@link HfImportError}, listing every
 *   problem, when the config cannot be imported.
 * - {@link supportedModelTypes} lists the `model_type`s read by their own transformers configuration class and
 *   modeling code (aliases and multimodal wrappers read from `text_config` included). Other types are refused,
 *   naming what is missing, unless `guess: true` asks for Llama's conventions (the result is then marked as
 *   guessed); {@link inexpressibleModelTypes} are refused with the missing mechanism named; DeepSeek's
 *   inference configs (no `model_type`) are recognised by their shape.
 * - Fields a config leaves out take the configuration class defaults (named in a warning); core sizes
 *   (hidden size, layers, heads, FFN width) are always required.
 * - {@link compareArchitectures} lists where two architectures differ, by content rather than by definition
 *   names, e.g. to check an import against a dataset entry.
 *
 * @packageDocumentation
 */
export {
  configClassOf,
  importHuggingFaceConfig,
  inexpressibleModelTypes,
  modelTypesMarkdown,
  supportedModelTypes,
  slugId,
  type HfImportOptions,
  type HfImportResult,
} from "./import.js";
export { HfImportError, formatProblems, type HfImportProblem } from "./errors.js";
export { compareArchitectures } from "./compare.js";
export {
  countSafetensors,
  classifyTensor,
  parseSafetensorsHeader,
  parseSafetensorsIndex,
  readSafetensorsHeaderBytes,
  safetensorsHeaderLength,
  safetensorsDtypes,
  SafetensorsError,
  MAX_SAFETENSORS_HEADER_BYTES,
  type CountSafetensorsOptions,
  type SafetensorsBytes,
  type SafetensorsCount,
  type SafetensorsHeader,
  type SafetensorsInput,
  type SafetensorsShard,
  type SafetensorsTensor,
  type TensorComponent,
  type TensorFamily,
} from "./safetensors.js";
export {
  fetchHubConfig,
  parseHubId,
  HubError,
  DEFAULT_HUB_ENDPOINT,
  type FetchHubConfigOptions,
  type HubConfig,
  type HubErrorKind,
} from "./hub.js";
