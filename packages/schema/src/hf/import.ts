/**
 * `importHuggingFaceConfig`: dispatch on `model_type`, run the family importer, compress the stack, name the
 * spec and validate it.
 */
import { describeValue } from "../spec-schema.js";
import type { ModelSpec, Source } from "../spec-types.js";
import { validateSpec } from "../validate.js";
import { maxLayers } from "../spec-schema.js";
import { ConfigReader, hasOwn, isJsonObject, type JsonObject, ownValue } from "./config-reader.js";
import { moreAliases, moreFamilies, moreTextModels, notExpressible, wrapperTiesHead } from "./families.js";
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
  ...moreFamilies,
};

/** Other spellings of a `model_type` that name the same configuration class (old checkpoints, remote code). */
const aliases: Readonly<Record<string, string>> = {
  // Falcon's first checkpoints shipped remote code under these names (configuration_RW.py); transformers
  // maps them onto FalconConfig (configuration_falcon.py reads `n_head_kv`, `n_layer`, `n_embed`).
  RefinedWebModel: "falcon",
  RefinedWeb: "falcon",
  ...moreAliases,
};

/** Multimodal `model_type`s whose text model sits in `text_config`, and the text model's type. */
const textModels: Readonly<Record<string, string>> = {
  gemma3: "gemma3_text",
  ...moreTextModels,
};

/**
 * Decoder-only text models the spec cannot describe yet, and what is missing: refused with that reason
 * rather than imported by a near miss.
 */
export const inexpressibleModelTypes: Readonly<Record<string, string>> = notExpressible;

/**
 * The `model_type`s the importer reads, each by its own configuration class and modeling code (aliases and
 * multimodal wrappers whose text model is read from `text_config` included). Other types are refused unless a
 * guess is asked for ({@link HfImportOptions.guess}); DeepSeek's own inference configs (no `model_type`;
 * `dim`, `n_layers`, `inter_dim`, …) are recognised by their shape.
 */
export const supportedModelTypes: readonly string[] = Object.freeze(
  [...Object.keys(families), ...Object.keys(aliases), ...Object.keys(textModels)].sort(),
);

/** The configuration class each supported `model_type` is read by (for an alias: its target's). */
export function configClassOf(modelType: string): string | undefined {
  const direct = ownValue(families, modelType) ?? ownValue(families, ownValue(aliases, modelType) ?? "");
  if (direct) return direct.configClass;
  const text = ownValue(textModels, modelType);
  return text ? ownValue(families, text)?.configClass : undefined;
}

/**
 * The Markdown list of supported and refused model types that packages/schema/README.md carries between its
 * `<!-- model-types -->` markers (a test keeps the two equal).
 */
export function modelTypesMarkdown(): string {
  const rows = supportedModelTypes.map((t) => {
    const alias = ownValue(aliases, t);
    const text = ownValue(textModels, t);
    const how = alias ? `alias of \`${alias}\`` : text ? `text model from \`text_config\` (\`${text}\`)` : "";
    return `\`${t}\` (${configClassOf(t)}${how ? `; ${how}` : ""})`;
  });
  const refused = Object.keys(inexpressibleModelTypes)
    .sort()
    .map((t) => `- \`${t}\`: ${inexpressibleModelTypes[t]}.`);
  return [
    `${supportedModelTypes.length} supported \`model_type\`s, each read by its configuration class:`,
    "",
    rows.join(", ") + ".",
    "",
    "Refused as not expressible yet:",
    "",
    ...refused,
  ].join("\n");
}

/** Options of {@link importHuggingFaceConfig}. */
export interface HfImportOptions {
  /** The spec id; default: a kebab-case slug of `_name_or_path` (its last path segment) or of `model_type`. */
  id?: string;
  /** The display name; default: the last segment of `_name_or_path`, or `model_type`. */
  name?: string;
  /** Where the config.json was read; adds a `sources` entry covering `architecture`. */
  sourceUrl?: string;
  /**
   * Import a config of an unknown `model_type` (or none) by Llama's conventions instead of refusing it. The
   * result is marked: `guessed` is true, the name ends in " (guessed)" and the spec's notes say what was assumed.
   */
  guess?: boolean;
}

/** The result of {@link importHuggingFaceConfig}. */
export interface HfImportResult {
  /** A valid spec: `id`, `name`, `architecture` (and `sources` when a source URL was given). */
  spec: ModelSpec;
  /** What the import assumed or could not express, one sentence each. */
  warnings: string[];
  /** True when the spec was guessed by Llama's conventions (`guess: true` and an unknown `model_type`). */
  guessed: boolean;
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

interface Dispatched {
  importer: FamilyImporter;
  reader: ConfigReader;
  /** The model_type as written ("" when absent). */
  modelType: string;
  /** Read by Llama's conventions on request. */
  guessed: boolean;
  /** The multimodal wrapper whose `text_config` is read, if any. */
  wrapper?: string;
}

const quoted = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Refuses a config the importer cannot read, or reads it by Llama's conventions when a guess was asked for. */
function unknown(root: ConfigReader, modelType: string, guess: boolean, why: string): Dispatched {
  const missing = llamaRequiredFields.filter((f) => !root.has(f));
  if (!guess || missing.length) {
    throw new HfImportError([
      {
        path: "model_type",
        message: guess
          ? `${why}, and the config does not follow Llama's conventions, so not even a guess is possible`
          : `${why}; nothing is guessed by default (pass guess: true, or --guess on the command line, to read it by Llama's conventions, marked as guessed)`,
      },
      ...missing.map((f) => ({ path: f, message: `missing required field "${f}"${guess ? "" : " (needed for a guess)"}` })),
    ]);
  }
  return { importer: llamaConventions(modelType), reader: root, modelType, guessed: true };
}

/** The importer for a config, and the reader positioned on the part it reads. */
function dispatch(config: JsonObject, root: ConfigReader, guess: boolean): Dispatched {
  const modelType = hasOwn(config, "model_type") ? config.model_type : undefined;
  if (modelType === undefined || modelType === null) {
    if (isDeepseekInferenceConfig(config)) return { importer: deepseekInference, reader: root, modelType: "", guessed: false };
    return unknown(root, "", guess, "missing, and the config is not a DeepSeek inference config (dim, n_layers, n_heads, inter_dim)");
  }
  if (typeof modelType !== "string") {
    throw new HfImportError([{ path: "model_type", message: `expected a string, got ${describeValue(modelType)}` }]);
  }
  const type = ownValue(aliases, modelType) ?? modelType;
  const family = ownValue(families, type);
  if (family) return { importer: family, reader: root, modelType, guessed: false };
  const textType = ownValue(textModels, type);
  if (textType) {
    if (!root.present("text_config"))
      root.problem("text_config", `a ${modelType} config keeps its text model in "text_config", which is missing`);
    const text = root.childOrEmpty("text_config");
    const own = text.raw.model_type;
    text.markRead("model_type");
    if (own !== undefined && own !== textType)
      text.problem("model_type", `expected "${textType}" inside a ${modelType} config, got ${describeValue(own)}`);
    return { importer: ownValue(families, textType) as FamilyImporter, reader: text, modelType, guessed: false, wrapper: type };
  }
  const reason = ownValue(inexpressibleModelTypes, type);
  if (reason !== undefined) {
    throw new HfImportError([{ path: "model_type", message: `${quoted(modelType)} is not expressible yet: ${reason}` }]);
  }
  const nested = isJsonObject(config.text_config) && hasOwn(config.text_config, "model_type") ? config.text_config.model_type : undefined;
  if (typeof nested === "string" && ownValue(families, nested)) {
    root.warn(
      `model_type ${quoted(modelType)} is not supported; imported its text_config, of model_type "${nested}" (the other towers are not counted)`,
    );
    const text = root.child("text_config") as ConfigReader;
    text.markRead("model_type");
    return { importer: ownValue(families, nested) as FamilyImporter, reader: text, modelType: nested, guessed: false };
  }
  return unknown(
    root,
    modelType,
    guess,
    `${quoted(modelType)} is not a supported model_type (${supportedModelTypes.length} are; see supportedModelTypes)`,
  );
}

/** Keys that hold layer counts in some config format; checked against the layer cap before anything is built. */
const layerCountKeys = ["num_hidden_layers", "n_layer", "n_layers", "num_layers"] as const;
/** Keys whose string or list value has one entry per layer. */
const perLayerKeys = ["hybrid_override_pattern", "layer_types", "layers_block_type", "attn_type_list", "layer_group_size"] as const;

/** Refuses layer counts above the spec's cap up front, naming the key (the root and `text_config`). */
function checkLayerCounts(config: JsonObject): void {
  const problems: HfImportProblem[] = [];
  const scan = (obj: JsonObject, prefix: string) => {
    for (const key of layerCountKeys) {
      const v = hasOwn(obj, key) ? obj[key] : undefined;
      if (typeof v === "number" && v > maxLayers)
        problems.push({ path: prefix + key, message: `expected at most ${maxLayers} layers, got ${v}` });
    }
    for (const key of perLayerKeys) {
      const v = hasOwn(obj, key) ? obj[key] : undefined;
      if ((typeof v === "string" || Array.isArray(v)) && v.length > maxLayers) {
        problems.push({ path: prefix + key, message: `lists ${v.length} layers; expected at most ${maxLayers}` });
      }
    }
  };
  scan(config, "");
  const text = hasOwn(config, "text_config") ? config.text_config : undefined;
  if (isJsonObject(text)) scan(text, "text_config.");
  if (problems.length) throw new HfImportError(problems);
}

/** Spec fields and the config keys (Llama's names first) that set them, for naming validation issues. */
const configKeysOf: Readonly<Record<string, readonly string[]>> = {
  vocabSize: ["vocab_size", "padded_vocab_size"],
  dModel: ["hidden_size", "n_embd", "d_model", "dim"],
  numLayers: ["num_hidden_layers", "n_layer", "n_layers", "num_layers"],
  contextLength: ["max_position_embeddings", "n_positions", "seq_length", "max_seq_len"],
  heads: ["num_attention_heads", "n_head", "n_heads"],
  kvHeads: ["num_key_value_heads", "num_kv_heads", "n_head_kv", "multi_query_group_num", "n_kv_heads"],
  headDim: ["head_dim", "kv_channels"],
  valueHeadDim: ["v_head_dim"],
  window: ["sliding_window", "attention_window_size", "attention_chunk_size"],
  chunk: ["attention_chunk_size"],
  hidden: ["intermediate_size", "n_inner", "ffn_hidden_size", "ffn_dim"],
  experts: ["num_experts", "num_local_experts", "n_routed_experts", "moe_num_experts"],
  activeExperts: ["num_experts_per_tok", "moe_k", "moe_top_k", "top_k"],
  expertHidden: ["moe_intermediate_size", "expert_intermediate_size"],
  sharedHidden: ["shared_expert_intermediate_size", "moe_shared_expert_intermediate_size"],
  groups: ["n_group", "n_groups", "mamba_n_groups"],
  topkGroups: ["topk_group"],
  kvLoraRank: ["kv_lora_rank"],
  qLoraRank: ["q_lora_rank"],
  stateSize: ["ssm_state_size", "state_size", "mamba_d_state"],
  convKernel: ["conv_kernel", "mamba_d_conv", "conv_L_cache", "linear_conv_kernel_dim"],
  theta: ["rope_theta"],
  fraction: ["partial_rotary_factor", "rotary_dim", "rotary_pct"],
  eps: ["rms_norm_eps", "layer_norm_eps", "layer_norm_epsilon", "norm_eps"],
};

/** The config key a spec validation issue comes from: options, a known config key, or the spec path itself. */
function problemOf(path: string, message: string, reader: ConfigReader): HfImportProblem {
  if (path === "id" || path.startsWith("id.")) return { path: "options.id", message };
  if (path === "name" || path.startsWith("name.")) return { path: "options.name", message };
  if (path.startsWith("sources")) return { path: "options.sourceUrl", message };
  const segments = path.split(".").filter((s) => !/^\d+$/.test(s));
  for (let i = segments.length - 1; i >= 0; i--) {
    const keys = ownValue(configKeysOf, segments[i] as string);
    if (!keys) continue;
    const key = keys.find((k) => hasOwn(reader.raw, k)) ?? keys[0];
    return { path: reader.pathOf(key as string), message: `${message} (spec field ${path})` };
  }
  return { path: `(spec) ${path}`, message };
}

/** Keys no family needs: bookkeeping, token ids, training and generation settings, other towers. */
const irrelevantKeys = new Set([
  "architectures",
  "auto_map",
  "model_type",
  "torch_dtype",
  "dtype",
  "transformers_version",
  "use_cache",
  "quantization_config",
  "tokenizer_class",
  "is_decoder",
  "is_encoder_decoder",
  "add_cross_attention",
  "return_dict",
  "output_attentions",
  "output_hidden_states",
  "output_router_logits",
  "torchscript",
  "use_bfloat16",
  "pruned_heads",
  "tie_encoder_decoder",
  "chunk_size_feed_forward",
  "problem_type",
  "id2label",
  "label2id",
  "task_specific_params",
  "finetuning_task",
  "pretraining_tp",
  "max_length",
  "min_length",
  "do_sample",
  "early_stopping",
  "num_beams",
  "num_beam_groups",
  "diversity_penalty",
  "temperature",
  "top_k",
  "top_p",
  "typical_p",
  "repetition_penalty",
  "length_penalty",
  "no_repeat_ngram_size",
  "encoder_no_repeat_ngram_size",
  "bad_words_ids",
  "num_return_sequences",
  "prefix",
  "forced_bos_token_id",
  "forced_eos_token_id",
  "remove_invalid_values",
  "exponential_decay_length_penalty",
  "suppress_tokens",
  "begin_suppress_tokens",
  "cross_attention_hidden_size",
  "tf_legacy_loss",
  "use_return_dict",
  "attn_implementation",
  "use_flash_attn",
  "use_flash_attention_2",
  "use_sdpa",
  "fp16",
  "bf16",
  "fp32",
  "norm_topk_prob",
  "scoring_func",
  "topk_method",
  "seq_aux",
  "use_mtp",
  "rope_interleave",
  "gradient_checkpointing",
  "vision_config",
  "audio_config",
  "image_token_index",
  "image_token_id",
  "video_token_id",
  "vision_start_token_id",
  "vision_end_token_id",
  "vision_token_id",
  "boi_token_index",
  "eoi_token_index",
  "mm_tokens_per_image",
  "initializer_range",
  "initializer_factor",
  "keys_to_ignore_at_inference",
  "max_batch_size",
  "use_scaled_rope",
  "attention_multiplier",
  "logits_scaling",
  "residual_multiplier",
  "embedding_multiplier",
  "logit_scale",
  "query_pre_attn_scalar",
  "rope_local_base_freq",
  "sliding_window_pattern",
  "max_window_layers",
  "use_sliding_window",
  "router_jitter_noise",
  "rope_type",
  "mlp_only_layers",
  "decoder_sparse_step",
  "layer_types",
  "ep_size",
  "mamba_ssm_dtype",
]);

/** Key shapes no family needs: token ids, dropouts, loss coefficients, initialisation, privately annotated keys. */
const irrelevantKeyPattern = /^_|_token_ids?$|dropout|pdrop|_prob$|aux_loss|z_loss|_coef$|^init_|_init$|initializer|^summary_/;

/** Key shapes that usually size weights (experts, extra layers, low-rank projections): ignoring one may miscount. */
const weightBearingKeyPattern = /expert|moe|lora_rank|nextn|mtp|shared_intermediate|^num_.*layers$|^n_.*layers$/;

/** One warning per config key (root, and the part read) that no step of the import looked at. */
function unreadKeyWarnings(reader: ConfigReader, importer: FamilyImporter): string[] {
  const familyKeys = new Set(importer.ignores ?? []);
  const unread = Object.keys(reader.raw).filter(
    (k) => !reader.readKeys.has(reader.pathOf(k)) && !irrelevantKeys.has(k) && !familyKeys.has(k) && !irrelevantKeyPattern.test(k),
  );
  const shown = unread
    .slice(0, 20)
    .map(
      (k) =>
        `config key ${quoted(reader.pathOf(k))} is not one the ${importer.configClass} import understands; ignored` +
        (weightBearingKeyPattern.test(k) ? " (it names experts, layers or ranks: the count may leave out weights it adds)" : ""),
    );
  if (unread.length > shown.length) shown.push(`… and ${unread.length - shown.length} more config keys not understood`);
  return shown;
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
 * A `model_type` outside {@link supportedModelTypes} (or a config without one that is not a DeepSeek inference
 * config) is refused, naming what is missing; with `guess: true` one whose fields follow Llama's conventions is
 * read by them, with a warning for each assumption, and the result is marked as guessed. A key of a known type
 * that no step of the import reads (and that is not known to hold no parameters) gives a warning naming it.
 *
 * @param config The parsed config.json.
 * @param options Id, display name and source URL of the spec; `guess` to read unknown types by Llama's conventions.
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
  checkLayerCounts(config);
  const root = new ConfigReader(config);
  const { importer, reader, modelType, guessed, wrapper } = dispatch(config, root, options.guess === true);
  const draft = importer.build(reader);
  if (wrapper !== undefined && wrapperTiesHead.has(wrapper)) {
    // The wrapper's own configuration class holds tie_word_embeddings, which ties its lm_head.
    const tied = root.flag("tie_word_embeddings", false);
    if (hasOwn(reader.raw, "tie_word_embeddings") && reader.raw.tie_word_embeddings !== tied) {
      root.warn(
        `text_config.tie_word_embeddings differs from the ${wrapper} config's tie_word_embeddings (${String(tied)}), which ties the output head; the latter is used`,
      );
    }
    reader.dropDefault("tie_word_embeddings");
    draft.embedding = { ...draft.embedding, tied };
  }
  // Nested readers share the root's log: root.problems holds every problem.
  if (root.problems.length) throw new HfImportError([...root.problems], modelType ? `${modelType} config` : "config");
  const architecture = finishArchitecture(draft, reader);

  const warnings = [...root.warnings];
  const defaults = root.defaults;
  if (defaults.length && !guessed) {
    const listed = defaults.map((d) => `${d.path}=${JSON.stringify(d.value)}`).join(", ");
    warnings.push(`fields absent from the config took the ${importer.configClass} defaults: ${listed}`);
  } else {
    for (const d of defaults) warnings.push(`assumed ${d.path} = ${JSON.stringify(d.value)} (LlamaConfig default)`);
  }
  if (!guessed) warnings.push(...unreadKeyWarnings(reader, importer));

  const nameOrPath =
    typeof config._name_or_path === "string" && config._name_or_path.trim() ? lastSegment(config._name_or_path.trim()) : undefined;
  const fallbackName = nameOrPath ?? (modelType || "deepseek");
  const name = (options.name ?? fallbackName.slice(0, 120)) + (guessed ? " (guessed)" : "");
  const id = options.id ?? slugId(fallbackName);
  const spec: ModelSpec = { id, name, architecture };
  if (guessed) {
    const what = modelType ? `model_type ${quoted(modelType)}` : "a config without model_type";
    spec.notes = [`Guessed: ${what} is not supported, so the architecture was read by Llama's conventions; counts may be wrong.`];
  }
  if (options.sourceUrl !== undefined) {
    const source: Source = { url: options.sourceUrl, title: `config.json (${name})`.slice(0, 200), covers: ["architecture"] };
    spec.sources = [source];
  }
  const checked = validateSpec(spec);
  if (!checked.success) {
    const issues: HfImportProblem[] = checked.issues.map((i) => problemOf(i.path, i.message, reader));
    throw new HfImportError(issues, modelType ? `${modelType} config` : "config");
  }
  return { spec: checked.data, warnings, guessed };
}
