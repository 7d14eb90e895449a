/**
 * What most decoder configs share: the core sizes (with each class's defaults), the activation, the
 * attention and MLP definitions built from them, and per-layer attention types.
 *
 * Core dimensions (hidden size, layer count, attention heads, FFN width) are required even where the
 * configuration class has a default: a config.json written by `save_pretrained` always carries them, and a
 * config without them describes no particular model. Every other field takes the class default.
 */
import type { Activation, AttentionMixer, MlpFfn, Norm, Positional, RopeSettings } from "../spec-types.js";
import type { ConfigReader, Keys } from "./config-reader.js";
import type { ArchitectureDraft } from "./draft.js";
import type { Slot } from "./pattern.js";
import { readRope } from "./rope.js";

/** A configuration class's defaults for the core fields. */
export interface CoreDefaults {
  vocabSize: number | undefined;
  /** Default `num_key_value_heads`; `"heads"` when it defaults to the attention head count. */
  kvHeads: number | "heads";
  /** Default `head_dim`; undefined when it is hidden_size / num_attention_heads. */
  headDim?: number;
  /** Default activation name as the config writes it. */
  activation: string;
  /** Default `max_position_embeddings`. */
  maxPositions: number;
  /** Default norm epsilon. */
  eps: number;
  /** Default `tie_word_embeddings`. */
  tied: boolean;
  /** Default RoPE θ. */
  theta: number;
  /** Default `partial_rotary_factor`. */
  fraction?: number;
  /** Default `attention_bias`; leave out for classes without the field. */
  attentionBias?: boolean;
  /** Default `mlp_bias`; leave out for classes without the field. */
  mlpBias?: boolean;
  /** Key aliases that differ from the Llama names. */
  keys?: Partial<Record<"vocab" | "hidden" | "layers" | "heads" | "kvHeads" | "intermediate" | "activation" | "context" | "eps", Keys>>;
  /** Whether `intermediate_size` is read (false for classes that derive it). */
  intermediate?: boolean;
  /** Skip `num_key_value_heads` and `head_dim` (latent attention has neither). */
  noHeadShape?: boolean;
  /** Record derived defaults (kv heads = heads, head_dim = hidden / heads) as assumptions too. */
  recordDerived?: boolean;
  /** Leave RoPE scaling unread (a family that reads its per-layer-type RoPE itself). */
  noRopeScaling?: boolean;
}

/** The core of a decoder config. */
export interface Core {
  vocabSize: number;
  dModel: number;
  numLayers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  intermediate: number;
  contextLength: number;
  activation: Activation;
  tied: boolean;
  eps: number;
  rope: RopeSettings;
  attentionBias: boolean;
  mlpBias: boolean;
}

const activations: Record<string, Activation> = {
  silu: "silu",
  swish: "silu",
  gelu: "gelu",
  gelu_new: "gelu-tanh",
  gelu_pytorch_tanh: "gelu-tanh",
  gelu_fast: "gelu-tanh",
  gelu_python: "gelu",
  relu: "relu",
  relu2: "relu2",
  situ: "situ",
  poly_norm: "polynorm",
};

/** The spec activation for a config's activation name. */
export function activationOf(r: ConfigReader, keys: Keys, fallback: string): Activation {
  const name = r.str(keys, fallback);
  const mapped = activations[name];
  if (!mapped) {
    r.problem(keys, `activation "${name}" has no equivalent in the spec (known: ${Object.keys(activations).join(", ")})`);
    return "silu";
  }
  return mapped;
}

/** Reads the core fields. */
export function readCore(r: ConfigReader, d: CoreDefaults): Core {
  const k = d.keys ?? {};
  const vocabSize = r.size(k.vocab ?? "vocab_size", d.vocabSize);
  const before = r.problems.length;
  const dModel = r.size(k.hidden ?? "hidden_size");
  const numLayers = r.layers(k.layers ?? "num_hidden_layers");
  const heads = r.size(k.heads ?? "num_attention_heads");
  const sizesValid = r.problems.length === before;
  const kvKeys = k.kvHeads ?? "num_key_value_heads";
  let kvHeads = heads;
  let headDim = 1;
  if (!d.noHeadShape) {
    // Derived defaults (kv = heads, head_dim = hidden / heads) are recorded only when asked to (unknown types),
    // explicit class defaults always.
    const given = r.optSize(kvKeys);
    if (given !== undefined) kvHeads = given;
    else if (d.kvHeads !== "heads") kvHeads = r.useDefault(kvKeys, d.kvHeads);
    else if (d.recordDerived) r.useDefault(kvKeys, heads);
    const explicit = r.optSize("head_dim");
    if (explicit !== undefined) headDim = explicit;
    else if (d.headDim !== undefined) headDim = r.useDefault("head_dim", d.headDim);
    else {
      headDim = Math.max(1, Math.floor(dModel / heads));
      if (d.recordDerived) r.useDefault("head_dim", headDim);
      if (sizesValid && dModel % heads !== 0)
        r.problem(k.hidden ?? "hidden_size", `hidden size ${dModel} is not a multiple of ${heads} heads and there is no head_dim`);
    }
  }
  const intermediate = d.intermediate === false ? 0 : r.size(k.intermediate ?? "intermediate_size");
  return {
    vocabSize,
    dModel,
    numLayers,
    heads,
    kvHeads,
    headDim,
    intermediate,
    contextLength: r.size(k.context ?? "max_position_embeddings", d.maxPositions),
    activation: activationOf(r, k.activation ?? "hidden_act", d.activation),
    tied: r.flag("tie_word_embeddings", d.tied),
    eps: r.num(k.eps ?? "rms_norm_eps", d.eps, { positive: true }),
    rope: readRope(r, { defaultTheta: d.theta, defaultFraction: d.fraction, ...(d.noRopeScaling ? { noScaling: true } : {}) }),
    attentionBias: d.attentionBias === undefined ? false : r.flag("attention_bias", d.attentionBias),
    mlpBias: d.mlpBias === undefined ? false : r.flag("mlp_bias", d.mlpBias),
  };
}

/** RoPE over the whole model. */
function ropePositional(rope: RopeSettings): Positional {
  return { kind: "rope", ...rope };
}

/** Pre-norm RMSNorm. */
export function rmsNorm(eps: number, placement: Norm["placement"] = "pre"): Norm {
  return { kind: "rmsnorm", placement, eps };
}

/** LayerNorm at the placement given, with a bias unless `bias` is false. */
export function layerNorm(eps: number, placement: Norm["placement"], bias = true): Norm {
  return { kind: "layernorm", bias, placement, eps };
}

/** The bias flags of an attention mixer, only those that are set. */
export function biases(qkv: boolean, out: boolean): Pick<AttentionMixer, "qkvBias" | "outBias"> {
  return { ...(qkv ? { qkvBias: true } : {}), ...(out ? { outBias: true } : {}) };
}

/** A softmax attention mixer of the core's shape. */
export function attentionOf(core: Core, extra: Partial<AttentionMixer> = {}): AttentionMixer {
  const mixer: AttentionMixer = { kind: "attention", heads: core.heads, kvHeads: core.kvHeads, headDim: core.headDim };
  return { ...mixer, ...extra };
}

/** A gated (SwiGLU / GeGLU) MLP; pass `gated: false` for a two-matrix MLP. */
export function mlpOf(core: Core, hidden = core.intermediate, extra: Partial<MlpFfn> = {}): MlpFfn {
  const ffn: MlpFfn = { kind: "mlp", hidden, activation: core.activation, gated: true };
  if (core.mlpBias) ffn.bias = true;
  return { ...ffn, ...extra };
}

/** Every layer the same block. */
export function uniformStack(numLayers: number, slot: Slot): Slot[] {
  return Array.from({ length: numLayers }, () => ({ ...slot }));
}

/** The attention type of each layer: a config's `layer_types` list, or the class's rule. */
export function layerTypes(
  r: ConfigReader,
  numLayers: number,
  rule: (i: number) => string,
  allowed: readonly string[],
  keys: Keys = "layer_types",
): string[] {
  const given = r.strList(keys);
  if (given) {
    if (given.length !== numLayers) {
      r.problem(keys, `lists ${given.length} layers but the model has ${numLayers}`);
    }
    const unknown = [...new Set(given.filter((t) => !allowed.includes(t)))];
    if (unknown.length) r.problem(keys, `unknown layer type(s) ${unknown.map((t) => `"${t}"`).join(", ")}; expected ${allowed.join(", ")}`);
    if (given.length === numLayers && !unknown.length) return given;
  }
  return Array.from({ length: numLayers }, (_, i) => rule(i));
}

/** Sliding-window attention of the model's shape, or undefined when the window is not set. */
export function slidingWindow(r: ConfigReader, fallback: number | null, keys: Keys = "sliding_window"): number | undefined {
  if (!r.present(keys)) return r.useDefault(keys, fallback) ?? undefined;
  return r.optSize(keys); // null: no window
}

/** The parts of a draft that differ between families; the rest comes from the core. */
export interface DraftParts {
  mixers: ArchitectureDraft["mixers"];
  ffns: ArchitectureDraft["ffns"];
  stack: Slot[];
  norm?: Norm;
  embedding?: ArchitectureDraft["embedding"];
  positional?: Positional;
  mtp?: ArchitectureDraft["mtp"];
  finalLogitSoftcap?: number;
}

/** A draft from the core sizes and the family's parts. */
export function decoderDraft(core: Core, parts: DraftParts): ArchitectureDraft {
  const draft: ArchitectureDraft = {
    vocabSize: core.vocabSize,
    contextLength: core.contextLength,
    dModel: core.dModel,
    embedding: parts.embedding ?? { tied: core.tied },
    positional: parts.positional ?? ropePositional(core.rope),
    norm: parts.norm ?? rmsNorm(core.eps),
    mixers: parts.mixers,
    ffns: parts.ffns,
    stack: parts.stack,
  };
  if (parts.mtp) draft.mtp = parts.mtp;
  if (parts.finalLogitSoftcap !== undefined) draft.finalLogitSoftcap = parts.finalLogitSoftcap;
  return draft;
}

/**
 * A decoder of one attention mixer and one MLP (`mlp`) in every layer; the mixer is named `sliding` when it has
 * a window, else `attn`. `extra` sets the other parts.
 */
export function denseDecoder(
  core: Core,
  attn: AttentionMixer,
  mlp: MlpFfn,
  extra: Omit<DraftParts, "mixers" | "ffns" | "stack"> = {},
): ArchitectureDraft {
  const name = attn.window !== undefined ? "sliding" : "attn";
  return decoderDraft(core, {
    mixers: { [name]: attn },
    ffns: { mlp },
    stack: uniformStack(core.numLayers, { mixer: name, ffn: "mlp" }),
    ...extra,
  });
}

/** Multi-token prediction modules from `num_nextn_predict_layers` (absent or 0: none). */
export function mtpOf(
  r: ConfigReader,
  mixer: string,
  ffn: string,
  keys: Keys = "num_nextn_predict_layers",
  fallback = 0,
): ArchitectureDraft["mtp"] {
  const layers = r.count(keys, fallback);
  return layers > 0 ? { layers, mixer, ffn } : undefined;
}
