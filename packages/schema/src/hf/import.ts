/**
 * `importHuggingFaceConfig`: dispatch on `model_type`, run the family importer, compress the stack, name the
 * spec and validate it.
 */
import { describeValue } from "../spec-schema.js";
import type { ModelSpec, Source } from "../spec-types.js";
import { validateSpec } from "../validate.js";
import { ConfigReader, isJsonObject, type JsonObject } from "./config-reader.js";
import { llamaConventions, llamaRequiredFields } from "./conventions.js";
import { deepseekInference, deepseekV2, deepseekV3, isDeepseekInferenceConfig } from "./deepseek.js";
import { type FamilyImporter, finishArchitecture } from "./draft.js";
import { HfImportError, type HfImportProblem } from "./errors.js";
import { gemma, gemma2, gemma3Text } from "./gemma.js";
import { minimax, nemotronH, qwen3Next } from "./hybrid.js";
import {
  baichuan,
  exaone4,
  granite,
  internlm2,
  llama,
  mistral,
  olmo,
  olmo2,
  olmo3,
  phi3,
  qwen2,
  qwen3,
  starcoder2,
} from "./llama-family.js";
import { glm4Moe, gptOss, minimaxM2, mixtral, qwen2Moe, qwen3Moe } from "./moe.js";
import { cohere, cohere2, falcon, gpt2, phi, stablelm } from "./parallel.js";

/** Importers by `model_type`. */
const families: Readonly<Record<string, FamilyImporter>> = {
  baichuan,
  cohere,
  cohere2,
  deepseek_v2: deepseekV2,
  deepseek_v3: deepseekV3,
  exaone4,
  falcon,
  gemma,
  gemma2,
  gemma3_text: gemma3Text,
  glm4_moe: glm4Moe,
  gpt2,
  gpt_oss: gptOss,
  granite,
  internlm2,
  llama,
  minimax,
  minimax_m2: minimaxM2,
  mistral,
  mixtral,
  nemotron_h: nemotronH,
  olmo,
  olmo2,
  olmo3,
  phi,
  phi3,
  qwen2,
  qwen2_moe: qwen2Moe,
  qwen3,
  qwen3_moe: qwen3Moe,
  qwen3_next: qwen3Next,
  stablelm,
  starcoder2,
};

/** Multimodal `model_type`s whose text model sits in `text_config`, and the text model's type. */
const textModels: Readonly<Record<string, string>> = {
  gemma3: "gemma3_text",
};

/**
 * The `model_type`s the importer reads by their own configuration class and modeling code. Configs of any other
 * type are read by Llama's conventions when they follow them (with a warning per assumption), and DeepSeek's
 * own inference configs (no `model_type`; `dim`, `n_layers`, `inter_dim`, …) are recognised by their shape.
 */
export const supportedModelTypes: readonly string[] = Object.freeze([...Object.keys(families), ...Object.keys(textModels)].sort());

/** Options of {@link importHuggingFaceConfig}. */
export interface HfImportOptions {
  /** The spec id; default: a kebab-case slug of `_name_or_path` (its last path segment) or of `model_type`. */
  id?: string;
  /** The display name; default: the last segment of `_name_or_path`, or `model_type`. */
  name?: string;
  /** Where the config.json was read; adds a `sources` entry covering `architecture`. */
  sourceUrl?: string;
}

/** The result of {@link importHuggingFaceConfig}. */
export interface HfImportResult {
  /** A valid spec: `id`, `name`, `architecture` (and `sources` when a source URL was given). */
  spec: ModelSpec;
  /** What the import assumed or could not express, one sentence each. */
  warnings: string[];
}

/** A kebab-case model id from free text, e.g. `meta-llama/Llama-3.2-1B` → `llama-3.2-1b`. */
export function slugId(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/[-.]{2,}/g, (run) => (run.includes("-") ? "-" : "."))
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80)
    .replace(/[-.]+$/g, "");
  return slug || "model";
}

const lastSegment = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** The importer for a config, and the reader positioned on the part it reads. */
function dispatch(config: JsonObject, root: ConfigReader): { importer: FamilyImporter; reader: ConfigReader; modelType: string } {
  const modelType = config.model_type;
  if (modelType === undefined || modelType === null) {
    if (isDeepseekInferenceConfig(config)) return { importer: deepseekInference, reader: root, modelType: "" };
    const missing = llamaRequiredFields.filter((f) => !root.has(f));
    if (missing.length) {
      throw new HfImportError([
        { path: "model_type", message: "missing, and the config is neither a DeepSeek inference config nor one that follows Llama's conventions" },
        ...missing.map((f) => ({ path: f, message: `missing required field "${f}"` })),
      ]);
    }
    return { importer: llamaConventions(""), reader: root, modelType: "" };
  }
  if (typeof modelType !== "string") {
    throw new HfImportError([{ path: "model_type", message: `expected a string, got ${describeValue(modelType)}` }]);
  }
  const family = families[modelType];
  if (family) return { importer: family, reader: root, modelType };
  const textType = textModels[modelType];
  if (textType) {
    if (!root.present("text_config")) root.problem("text_config", `a ${modelType} config keeps its text model in "text_config", which is missing`);
    const text = root.childOrEmpty("text_config");
    const own = text.raw.model_type;
    if (own !== undefined && own !== textType) text.problem("model_type", `expected "${textType}" inside a ${modelType} config, got ${describeValue(own)}`);
    return { importer: families[textType] as FamilyImporter, reader: text, modelType };
  }
  const nested = isJsonObject(config.text_config) ? config.text_config.model_type : undefined;
  if (typeof nested === "string" && families[nested]) {
    root.warn(`model_type "${modelType}" is not supported; imported its text_config, of model_type "${nested}"`);
    return { importer: families[nested] as FamilyImporter, reader: root.child("text_config") as ConfigReader, modelType: nested };
  }
  const missing = llamaRequiredFields.filter((f) => !root.has(f));
  if (missing.length) {
    throw new HfImportError([
      {
        path: "model_type",
        message: `"${modelType}" is not supported (supported: ${supportedModelTypes.join(", ")}), and the config does not follow Llama's conventions`,
      },
      ...missing.map((f) => ({ path: f, message: `missing required field "${f}"` })),
    ]);
  }
  return { importer: llamaConventions(modelType), reader: root, modelType };
}

/** Where a spec validation issue came from: the options or the config. */
function optionPath(path: string): string {
  if (path === "id" || path.startsWith("id.")) return "options.id";
  if (path === "name" || path.startsWith("name.")) return "options.name";
  if (path.startsWith("sources")) return "options.sourceUrl";
  return `(spec) ${path}`;
}

/**
 * Imports a Hugging Face `config.json` as an archgal spec.
 *
 * Every supported `model_type` is read by its own transformers configuration class (fields the config leaves
 * out take the class defaults) and mapped onto the spec by its modeling code: GQA and explicit `head_dim`, MLA,
 * sliding-window and hybrid layer lists, dense-then-MoE stacks, shared experts and their gates, biases, parallel
 * blocks, partial rotary, q/k norms, norm placement, tied or untied heads, and MTP modules
 * (`num_nextn_predict_layers` → `architecture.mtp`). Per-layer lists are compressed into runs and repeated
 * groups. Multimodal configs (Gemma 3) are read from their `text_config`.
 *
 * A `model_type` outside {@link supportedModelTypes} whose fields follow Llama's conventions imports with a
 * warning for each assumption made; one that does not is refused.
 *
 * @param config The parsed config.json.
 * @param options Id, display name and source URL of the spec.
 * @returns A spec that passes `validateSpec`, and warnings for every assumption and every detail the spec
 *   cannot express (also the class defaults used for fields the config leaves out).
 * @throws {HfImportError} When the config is not an object, has fields of the wrong type or out of range,
 *   lacks required fields (all are listed), or has a `model_type` the importer cannot describe.
 *
 * @example
 * ```ts
 * import { importHuggingFaceConfig } from "@archgal/schema/hf";
 * const { spec, warnings } = importHuggingFaceConfig(JSON.parse(text), { sourceUrl });
 * ```
 */
export function importHuggingFaceConfig(config: unknown, options: HfImportOptions = {}): HfImportResult {
  if (!isJsonObject(config)) {
    throw new HfImportError([{ path: "", message: `expected a JSON object, got ${describeValue(config)}` }]);
  }
  const root = new ConfigReader(config);
  const { importer, reader, modelType } = dispatch(config, root);
  const draft = importer.build(reader);
  // Nested readers share the root's log: root.problems holds every problem.
  if (root.problems.length) throw new HfImportError([...root.problems], modelType ? `${modelType} config` : "config");
  const architecture = finishArchitecture(draft, reader);

  const warnings = [...root.warnings];
  const defaults = root.defaults;
  const known = importer.configClass !== "LlamaConfig" || modelType === "llama";
  if (defaults.length && known) {
    const listed = defaults.map((d) => `${d.path}=${JSON.stringify(d.value)}`).join(", ");
    warnings.push(`fields absent from the config took the ${importer.configClass} defaults: ${listed}`);
  } else {
    for (const d of defaults) warnings.push(`assumed ${d.path} = ${JSON.stringify(d.value)} (LlamaConfig default)`);
  }

  const nameOrPath = typeof config._name_or_path === "string" && config._name_or_path.trim() ? lastSegment(config._name_or_path.trim()) : undefined;
  const fallbackName = nameOrPath ?? (modelType || "deepseek");
  const name = options.name ?? fallbackName.slice(0, 120);
  const id = options.id ?? slugId(fallbackName);
  const spec: ModelSpec = { id, name, architecture };
  if (options.sourceUrl !== undefined) {
    const source: Source = { url: options.sourceUrl, title: `config.json (${name})`.slice(0, 200), covers: ["architecture"] };
    spec.sources = [source];
  }
  const checked = validateSpec(spec);
  if (!checked.success) {
    const issues: HfImportProblem[] = checked.issues.map((i) => ({ path: optionPath(i.path), message: i.message }));
    throw new HfImportError(issues, modelType ? `${modelType} config` : "config");
  }
  return { spec: checked.data, warnings };
}
