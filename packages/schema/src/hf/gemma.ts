/**
 * Gemma 1, 2 and 3 text decoders: embeddings scaled by √d, zero-centred RMSNorm (weight stored as an offset
 * from 1), GeGLU MLPs, tied head; Gemma 2/3 add sandwich norms and alternate sliding-window with global layers,
 * Gemma 3 adds per-head q/k norms and a separate RoPE θ for the local layers; Gemma 4 (dense checkpoints) adds
 * wider global heads whose keys double as values, and plain (not zero-centred) RMSNorm weights.
 */
import type { AttentionMixer, Ffn, Norm, PerLayerEmbedding, RopeSettings } from "../spec-types.js";
import { type ConfigReader, isJsonObject } from "./config-reader.js";
import {
  attentionOf,
  type Core,
  type CoreDefaults,
  decoderDraft,
  denseDecoder,
  layerTypes,
  mlpOf,
  readCore,
  slidingWindow,
} from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import { activeExperts } from "./moe.js";
import { readRope, ropeKeyedByLayerType, ropeOverride } from "./rope.js";

const zeroCentred = (eps: number, placement: Norm["placement"]): Norm => ({ kind: "rmsnorm", placement, eps, zeroCentered: true });

/** Sliding and global layers by per-layer type, with sandwich norms. */
function alternating(
  core: Core,
  types: readonly string[],
  sliding: AttentionMixer,
  global: AttentionMixer,
  cap: number | undefined,
  placement: Norm["placement"] = "sandwich",
): ArchitectureDraft {
  return decoderDraft(core, {
    mixers: { sliding, global },
    ffns: { mlp: mlpOf(core) },
    stack: types.map((t) => ({ mixer: t === "sliding_attention" && sliding.window !== undefined ? "sliding" : "global", ffn: "mlp" })),
    norm: zeroCentred(core.eps, placement),
    embedding: { tied: core.tied, scale: "sqrt-d" },
    ...(cap !== undefined ? { finalLogitSoftcap: cap } : {}),
  });
}

/** A soft-capping value: the config's (`null` switches it off), else the class default. */
function softcapping(r: ConfigReader, key: string, fallback: number | undefined): number | undefined {
  if (!r.present(key)) return fallback === undefined ? undefined : r.useDefault(key, fallback);
  return r.optNum(key, { positive: true });
}

// gemma: configuration_gemma.py @008e574391258935f3ecc3035c882e73bbcac419 (GemmaConfig: vocab 256000, hidden
// 3072, intermediate 24576, 28 layers, 16 heads, kv 16, head_dim 256, gelu_pytorch_tanh, max_position 8192,
// rms 1e-6, tied, attention_bias false). Embedding scale √hidden and the (1 + weight) RMSNorm as in the Gemma 3
// modular file below, which builds on these classes; the tp plan names gate/up/down projections (GeGLU).
export const gemma: FamilyImporter = {
  configClass: "GemmaConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 256000,
      kvHeads: 16,
      headDim: 256,
      activation: "gelu_pytorch_tanh",
      maxPositions: 8192,
      eps: 1e-6,
      tied: true,
      theta: 10000,
      attentionBias: false,
      keys: { activation: ["hidden_act", "hidden_activation"] },
    });
    const attn = attentionOf(core, core.attentionBias ? { qkvBias: true, outBias: true } : {});
    return denseDecoder(core, attn, mlpOf(core), { norm: zeroCentred(core.eps, "pre"), embedding: { tied: core.tied, scale: "sqrt-d" } });
  },
};

const gemma2Defaults: CoreDefaults = {
  vocabSize: 256000,
  kvHeads: 4,
  headDim: 256,
  activation: "gelu_pytorch_tanh",
  maxPositions: 8192,
  eps: 1e-6,
  tied: true,
  theta: 10000,
  attentionBias: false,
  keys: { activation: ["hidden_activation", "hidden_act"] },
};

// gemma2: configuration_gemma2.py @008e574391258935f3ecc3035c882e73bbcac419 (Gemma2Config: vocab 256000,
// hidden 2304, intermediate 9216, 26 layers, 8 heads, kv 4, head_dim 256, gelu_pytorch_tanh, max_position 8192,
// rms 1e-6, tied, sliding_window 4096, layer i sliding when (i+1) % 2, final_logit_softcapping 30,
// attn_logit_softcapping 50). Sandwich norms (input, post-attention, pre- and post-feedforward) as in
// Gemma3DecoderLayer, which keeps Gemma 2's layout.
/** Gemma 2's blocks, with sandwich norms or (VaultGemma) only the two pre-norms. */
function gemma2Family(configClass: string, placement: Norm["placement"]): FamilyImporter {
  return {
    configClass,
    build(r) {
      const core = readCore(r, gemma2Defaults);
      const window = slidingWindow(r, 4096);
      const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % 2 ? "sliding_attention" : "full_attention"), [
        "sliding_attention",
        "full_attention",
      ]);
      const attnCap = softcapping(r, "attn_logit_softcapping", 50);
      const global = attentionOf(core, {
        ...(core.attentionBias ? { qkvBias: true, outBias: true } : {}),
        ...(attnCap !== undefined ? { logitSoftcap: attnCap } : {}),
      });
      const sliding = { ...global, ...(window !== undefined ? { window } : {}) };
      return alternating(core, types, sliding, global, softcapping(r, "final_logit_softcapping", 30), placement);
    },
  };
}

export const gemma2 = gemma2Family("Gemma2Config", "sandwich");

// vaultgemma: configuration_vaultgemma.py @15f7c52aef58482386c452e02b1d41487b571cf5 (VaultGemmaConfig: Gemma2Config's
// defaults: vocab 256000, kv 4, head_dim 256, gelu_pytorch_tanh, max_position 8192, rms 1e-6, tied, sliding_window
// 4096, layer i sliding when (i+1) % 2, final_logit_softcapping 30, attn_logit_softcapping 50). modular_vaultgemma.py
// @7abb76c59ed6042dde3b0046841dfa69643e96cd: Gemma2DecoderLayer without post_attention_layernorm and
// post_feedforward_layernorm (input_layernorm and pre_feedforward_layernorm remain, both before their sublayer).
export const vaultgemma = gemma2Family("VaultGemmaConfig", "pre");

// gemma3_text: configuration_gemma3.py @008f5c8c29be84d4721dc6d1e0fcd72300580be4 (Gemma3TextConfig: vocab
// 262208, hidden 2304, intermediate 9216, 26 layers, 8 heads, kv 4, head_dim 256, gelu_pytorch_tanh,
// max_position 131072, rms 1e-6, tied, θ 1e6, sliding_window 4096, no soft-capping, rope_local_base_freq 10000,
// sliding_window_pattern 6). modular_gemma3.py @003320480b9eac976d31b6d4e0f02e80249a3826: layer i sliding when
// (i+1) % sliding_window_pattern (or per `layer_types`); q_norm/k_norm over head_dim; input, post-attention,
// pre- and post-feedforward norms; embeddings × √hidden; local layers use rope_local_base_freq without scaling.
export const gemma3Text: FamilyImporter = {
  configClass: "Gemma3TextConfig",
  build(r) {
    const core = readCore(r, { ...gemma2Defaults, vocabSize: 262208, maxPositions: 131072, theta: 1e6 });
    const window = slidingWindow(r, 4096);
    const pattern = r.size("sliding_window_pattern", 6);
    const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % pattern ? "sliding_attention" : "full_attention"), [
      "sliding_attention",
      "full_attention",
    ]);
    const localTheta = r.num("rope_local_base_freq", 10000, { positive: true });
    const localRope = ropeKeyedByLayerType(r)
      ? readRope(r, { defaultTheta: localTheta, layerType: "sliding_attention" })
      : { theta: localTheta, ...(core.rope.fraction !== undefined ? { fraction: core.rope.fraction } : {}) };
    const override = ropeOverride(core.rope, localRope);
    const attnCap = softcapping(r, "attn_logit_softcapping", undefined);
    const global = attentionOf(core, {
      ...(core.attentionBias ? { qkvBias: true, outBias: true } : {}),
      qkNorm: { kind: "rmsnorm", scope: "head" },
      ...(attnCap !== undefined ? { logitSoftcap: attnCap } : {}),
    });
    const sliding: AttentionMixer = { ...global, ...(window !== undefined ? { window } : {}), ...(override ? { rope: override } : {}) };
    return alternating(core, types, sliding, global, softcapping(r, "final_logit_softcapping", undefined));
  },
};

/**
 * Gemma 4 per-layer embeddings (Gemma4TextModel: `embed_tokens_per_layer` of vocab_size_per_layer_input ×
 * layers·hidden_size_per_layer_input, `per_layer_model_projection`, `per_layer_projection_norm`; in every layer
 * `per_layer_input_gate`, `per_layer_projection` and `post_per_layer_input_norm`), as the spec's per-layer table.
 * 0 or null means none.
 */
function gemma4PerLayer(r: ConfigReader): PerLayerEmbedding | undefined {
  const dim = r.count("hidden_size_per_layer_input", 256);
  if (dim === 0) {
    r.markRead("vocab_size_per_layer_input");
    return undefined;
  }
  return { vocabSize: r.size("vocab_size_per_layer_input", 262144), dim };
}

/**
 * The first KV-shared layer: the last `num_kv_shared_layers` layers read the keys and values of the last earlier
 * layer of their type and build no k_proj, v_proj, k_norm or v_norm (Gemma4TextAttention; Gemma4TextModel skips
 * those checkpoint weights on load). At least one earlier layer must remain.
 */
function gemma4FirstShared(r: ConfigReader, types: readonly string[]): number {
  const n = types.length;
  const shared = r.count("num_kv_shared_layers", 0);
  if (shared === 0) return n;
  if (shared >= n) {
    r.problem("num_kv_shared_layers", `expected fewer than num_hidden_layers (${n}) layers to share keys and values, got ${shared}`);
    return n;
  }
  const first = n - shared;
  for (const t of new Set(types.slice(first))) {
    if (!types.slice(0, first).includes(t)) r.problem("num_kv_shared_layers", `no earlier ${t} layer to share keys and values with`);
  }
  return first;
}

/**
 * The FFN of every Gemma 4 layer. With `enable_moe_block` (26B-A4B) each Gemma4TextDecoderLayer runs the dense
 * Gemma4TextMLP (`intermediate_size`) beside Gemma4TextExperts (`num_experts` gated experts of
 * `moe_intermediate_size`, fused gate_up_proj and down_proj, no biases) and adds the two: read as one shared expert
 * of `intermediate_size` plus the routed experts. Gemma4TextRouter holds a weightless RMSNorm, `proj` (hidden →
 * experts, no bias), a learned `scale` (hidden) and `per_expert_scale` (experts); softmax over all experts, top-k,
 * renormalised. The layer adds three RMSNorms of its own (pre_feedforward_layernorm_2, post_feedforward_layernorm_1
 * and _2). num_experts, top_k_experts and moe_intermediate_size have no class default (None): required.
 */
function gemma4Ffn(r: ConfigReader, core: Core, hidden: number): Ffn {
  if (!r.flag("enable_moe_block", false)) {
    r.markRead(["num_experts", "top_k_experts", "moe_intermediate_size"]);
    return mlpOf(core, hidden);
  }
  const experts = r.size("num_experts");
  return {
    kind: "moe",
    experts,
    activeExperts: activeExperts(r, "top_k_experts", undefined, experts),
    expertHidden: r.size("moe_intermediate_size"),
    sharedExperts: 1,
    sharedHidden: hidden,
    activation: core.activation,
    gated: true,
    router: { scoring: "softmax", inputScale: true, expertScale: true },
    branchNorms: 3,
  };
}

/** The RoPE of one Gemma 4 layer type from `rope_parameters` (keyed by layer type) or the class defaults. */
function gemma4Rope(r: ConfigReader, layerType: "full_attention" | "sliding_attention"): RopeSettings {
  const full = layerType === "full_attention";
  const rope = readRope(r, { defaultTheta: full ? 1e6 : 1e4, layerType, noScaling: true, ...(full ? { defaultFraction: 0.25 } : {}) });
  const params = r.value("rope_parameters");
  const entry = isJsonObject(params) ? params[layerType] : undefined;
  const type = isJsonObject(entry) ? entry.rope_type : undefined;
  if (type !== undefined && type !== "default" && type !== "proportional") {
    r.warn(
      `gemma4_text: ${layerType} RoPE type ${JSON.stringify(type)} is not followed (read as θ${rope.fraction ? " and fraction" : ""} only)`,
    );
  }
  return rope;
}

// gemma4_text: configuration_gemma4.py @008e574391258935f3ecc3035c882e73bbcac419 (Gemma4TextConfig: vocab 262144, hidden
// 2304, intermediate 9216, 30 layers, 8 heads, kv 4, head_dim 256, gelu_pytorch_tanh, max_position 131072, rms 1e-6,
// tied, attention_bias false, sliding_window 512, no final soft-capping, layer i sliding when (i + 1) % 6 and the last
// layer always full, rope_parameters θ 1e4 (sliding) and proportional θ 1e6 over a quarter of the head (full),
// global_head_dim 512, num_global_key_value_heads None, attention_k_eq_v false, hidden_size_per_layer_input 256,
// num_kv_shared_layers 0, enable_moe_block false, use_double_wide_mlp false; num_experts, top_k_experts and
// moe_intermediate_size None). modeling_gemma4.py @0246b4f3335464614ef1de66531f9131a44ec801:
// Gemma4TextAttention q_proj + q_norm, k_proj + k_norm, v_proj (none on full layers with attention_k_eq_v, whose
// keys double as values and which use num_global_key_value_heads), a weightless v_norm, o_proj, biases =
// attention_bias, head_dim = global_head_dim on full layers; Gemma4TextMLP gate/up/down; input, post-attention,
// pre- and post-feedforward Gemma4RMSNorms (plain weight); layer_scalar is a buffer; embeddings × √hidden; final
// norm; tied head.
export const gemma4Text: FamilyImporter = {
  configClass: "Gemma4TextConfig",
  ignores: ["use_bidirectional_attention"],
  build(r) {
    const core = readCore(r, { ...gemma2Defaults, vocabSize: 262144, maxPositions: 131072, theta: 1e6, noRopeScaling: true });
    const perLayer = gemma4PerLayer(r);
    const n = core.numLayers;
    const types = layerTypes(r, n, (i) => ((i + 1) % 6 && i !== n - 1 ? "sliding_attention" : "full_attention"), [
      "sliding_attention",
      "full_attention",
    ]);
    if (types.length && types[types.length - 1] !== "full_attention") {
      r.warn("gemma4_text: the last layer is always full attention (Gemma4TextConfig forces it); read so");
      types[types.length - 1] = "full_attention";
    }
    const window = slidingWindow(r, 512);
    const kEqV = r.flag("attention_k_eq_v", false);
    const globalKv = kEqV ? r.size("num_global_key_value_heads") : core.kvHeads;
    if (!kEqV) r.markRead("num_global_key_value_heads");
    const globalHead = r.size("global_head_dim", 512);
    const base: Partial<AttentionMixer> = {
      ...(core.attentionBias ? { qkvBias: true, outBias: true } : {}),
      qkNorm: { kind: "rmsnorm", scope: "head" },
    };
    const globalRope = gemma4Rope(r, "full_attention");
    const localRope = gemma4Rope(r, "sliding_attention");
    const global: AttentionMixer = {
      ...attentionOf(core, base),
      kvHeads: globalKv,
      headDim: globalHead,
      ...(kEqV ? { sharedKV: true } : {}),
    };
    if (core.heads % globalKv !== 0) r.problem("num_global_key_value_heads", `${globalKv} KV heads do not divide ${core.heads} heads`);
    const localOverride = ropeOverride(globalRope, localRope);
    const sliding: AttentionMixer = {
      ...attentionOf(core, base),
      ...(window !== undefined ? { window } : {}),
      ...(localOverride ? { rope: localOverride } : {}),
    };
    const cap = softcapping(r, "final_logit_softcapping", undefined);
    const first = gemma4FirstShared(r, types);
    // Gemma4TextMLP doubles the KV-shared layers' width with use_double_wide_mlp (its rule needs first > 0).
    const wide = first < n && first > 0 && r.flag("use_double_wide_mlp", false);
    if (first === n) r.markRead("use_double_wide_mlp");
    const ffn = gemma4Ffn(r, core, core.intermediate);
    const name = ffn.kind;
    const mixers: Record<string, AttentionMixer> = { sliding, global };
    const ffns: Record<string, Ffn> = { [name]: ffn };
    if (first < n) {
      mixers.slidingShared = { ...sliding, reusesKV: true, kvWeights: false };
      mixers.globalShared = { ...global, reusesKV: true, kvWeights: false };
      if (wide) ffns[`${name}Wide`] = gemma4Ffn(r, core, 2 * core.intermediate);
    }
    return decoderDraft(core, {
      mixers,
      ffns,
      stack: types.map((t, i) => {
        const mixer = t === "sliding_attention" && sliding.window !== undefined ? "sliding" : "global";
        return i < first ? { mixer, ffn: name } : { mixer: `${mixer}Shared`, ffn: wide ? `${name}Wide` : name };
      }),
      positional: { kind: "rope", ...globalRope },
      norm: { kind: "rmsnorm", placement: "sandwich", eps: core.eps },
      embedding: { tied: core.tied, scale: "sqrt-d", ...(perLayer ? { perLayer } : {}) },
      ...(cap !== undefined ? { finalLogitSoftcap: cap } : {}),
    });
  },
};
