/**
 * Mixture-of-experts decoders with softmax attention: Mixtral, Qwen2-MoE, Qwen3-MoE, GPT-OSS, GLM-4.5 and
 * MiniMax-M2. Which layers are sparse follows each modeling file (`decoder_sparse_step` and `mlp_only_layers`,
 * or `first_k_dense_replace`).
 */
import type { AttentionMixer, MoeFfn, RopeScaling } from "../spec-types.js";
import type { ConfigReader, Keys } from "./config-reader.js";
import {
  attentionOf,
  biases,
  type Core,
  decoderDraft,
  layerTypes,
  mlpOf,
  mtpOf,
  readCore,
  slidingWindow,
  uniformStack,
} from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import type { Slot } from "./pattern.js";

/** A routed-expert FFN of the core's activation. */
export function moeOf(
  core: Core,
  fields: Omit<MoeFfn, "kind" | "activation" | "gated"> & Partial<Pick<MoeFfn, "activation" | "gated">>,
): MoeFfn {
  return { kind: "moe", activation: core.activation, gated: true, ...fields };
}

/** Active experts per token (required when `fallback` is undefined), checked against the expert count. */
export function activeExperts(r: ConfigReader, keys: string | readonly string[], fallback: number | undefined, experts: number): number {
  const k = r.size(keys, fallback);
  if (k > experts) r.problem(keys, `${k} active experts but only ${experts} experts`);
  return Math.min(k, experts);
}

/**
 * Qwen-MoE sparsity (Qwen2MoeDecoderLayer, modular_qwen2_moe.py): layer i is sparse when it is not in
 * `mlp_only_layers`, there are experts, and (i + 1) % decoder_sparse_step == 0; otherwise it is a dense MLP
 * of `intermediate_size`.
 */
export function qwenSparseStack(r: ConfigReader, numLayers: number, experts: number, mixerOf: (i: number) => string): Slot[] {
  const step = r.size("decoder_sparse_step", 1);
  const mlpOnly = new Set(r.intList("mlp_only_layers") ?? r.useDefault("mlp_only_layers", []));
  return Array.from({ length: numLayers }, (_, i) => ({
    mixer: mixerOf(i),
    ffn: !mlpOnly.has(i) && experts > 0 && (i + 1) % step === 0 ? "moe" : "dense",
  }));
}

// mixtral: configuration_mixtral.py @008e574391258935f3ecc3035c882e73bbcac419 (MixtralConfig: vocab 32000,
// kv 8, max_position 4096*32, rms 1e-5, untied, sliding_window None, num_local_experts 8 (alias num_experts),
// num_experts_per_tok 2, default θ 1e6). Experts are gated SiLU MLPs of intermediate_size; the router is a
// bias-free linear layer with softmax scoring.
export const mixtral: FamilyImporter = {
  configClass: "MixtralConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 32000,
      kvHeads: 8,
      activation: "silu",
      maxPositions: 4096 * 32,
      eps: 1e-5,
      tied: false,
      theta: 1e6,
    });
    const experts = r.size(["num_local_experts", "num_experts"], 8);
    const window = slidingWindow(r, null);
    const name = window !== undefined ? "sliding" : "attn";
    return decoderDraft(core, {
      mixers: { [name]: attentionOf(core, window !== undefined ? { window } : {}) },
      ffns: {
        moe: moeOf(core, {
          experts,
          activeExperts: activeExperts(r, "num_experts_per_tok", 2, experts),
          expertHidden: core.intermediate,
          router: { scoring: "softmax" },
        }),
      },
      stack: uniformStack(core.numLayers, { mixer: name, ffn: "moe" }),
    });
  },
};

// qwen2_moe: configuration_qwen2_moe.py @008e574391258935f3ecc3035c882e73bbcac419 (Qwen2MoeConfig: vocab
// 151936, kv 16, max_position 32768, rms 1e-6, untied, qkv_bias true, num_experts 60, top-k 4,
// moe_intermediate_size 1408, shared_expert_intermediate_size 5632, decoder_sparse_step 1, mlp_only_layers [];
// layer i sliding when use_sliding_window, (i+1) % 2 and i < max_window_layers). modular_qwen2_moe.py
// @001f85b38fb432858ace93f18622f07cec46d874: q/k/v bias = qkv_bias, o_proj bias False; router weight
// (experts × hidden, no bias, softmax); shared_expert = MLP(shared_expert_intermediate_size) gated by
// shared_expert_gate = Linear(hidden, 1, bias=False).
export const qwen2Moe: FamilyImporter = {
  configClass: "Qwen2MoeConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 151936,
      kvHeads: 16,
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: false,
      theta: 10000,
    });
    const qkvBias = r.flag("qkv_bias", true);
    const useSliding = r.flag("use_sliding_window", false);
    const window = useSliding ? slidingWindow(r, 4096) : undefined;
    const maxWindowLayers = r.count("max_window_layers", 28);
    const types = layerTypes(
      r,
      core.numLayers,
      (i) => ((i + 1) % 2 && i < maxWindowLayers && window !== undefined ? "sliding_attention" : "full_attention"),
      ["sliding_attention", "full_attention"],
    );
    const experts = r.count("num_experts", 60);
    const expertHidden = r.size("moe_intermediate_size", 1408);
    const sharedHidden = r.count("shared_expert_intermediate_size", 5632);
    const full = attentionOf(core, biases(qkvBias, false));
    const stack = qwenSparseStack(r, core.numLayers, experts, (i) =>
      types[i] === "sliding_attention" && window !== undefined ? "sliding" : "full",
    );
    return decoderDraft(core, {
      mixers: { full, sliding: { ...full, ...(window !== undefined ? { window } : {}) } },
      ffns: {
        dense: mlpOf(core),
        moe: moeOf(core, {
          experts: Math.max(1, experts),
          activeExperts: activeExperts(r, "num_experts_per_tok", 4, Math.max(1, experts)),
          expertHidden,
          ...(sharedHidden > 0 ? { sharedExperts: 1, ...(sharedHidden !== expertHidden ? { sharedHidden } : {}), sharedGate: true } : {}),
          router: { scoring: "softmax" },
        }),
      },
      stack,
    });
  },
};

// qwen3_moe: configuration_qwen3_moe.py @008e574391258935f3ecc3035c882e73bbcac419 (Qwen3MoeConfig: vocab
// 151936, kv 4, no head_dim field (hidden/heads unless the config sets head_dim), max_position 32768, rms 1e-6,
// untied, attention_bias false, num_experts 128, top-k 8, moe_intermediate_size 768, decoder_sparse_step 1,
// mlp_only_layers []; no shared expert; the sliding window, when enabled, has no per-layer rule).
// Per-head q/k norms (tp plan "layers.*.self_attn.q_norm"); sparsity as Qwen2-MoE.
/** Qwen3-MoE's blocks under a configuration class's defaults (Qwen3MoeConfig, Qwen3VLMoeTextConfig). */
function qwen3MoeFamily(
  configClass: string,
  d: { kvHeads: number; maxPositions: number; theta: number; experts: number; topK: number; expertHidden: number; slidingFields: boolean },
): FamilyImporter {
  return {
    configClass,
    build(r) {
      const core = readCore(r, {
        vocabSize: 151936,
        kvHeads: d.kvHeads,
        activation: "silu",
        maxPositions: d.maxPositions,
        eps: 1e-6,
        tied: false,
        theta: d.theta,
        attentionBias: false,
      });
      // Qwen3VLMoeTextConfig has no sliding-window fields (a stray key is reported unread).
      const window = d.slidingFields && r.flag("use_sliding_window", false) ? slidingWindow(r, 4096) : undefined;
      if (window !== undefined) r.warn("qwen3_moe: use_sliding_window is set; the window is applied to every layer");
      else if (d.slidingFields) r.markRead("sliding_window");
      // Keys Qwen3MoeConfig does not have, written by checkpoints (Qwen/Qwen3-Coder-480B-A35B-Instruct config.json):
      // only the values that match what Qwen3MoeSparseMoeBlock and Qwen3MoeAttention build are accepted.
      if (r.has("shared_expert_intermediate_size") && r.count("shared_expert_intermediate_size", 0) > 0)
        r.problem("shared_expert_intermediate_size", "expected 0: Qwen3MoeSparseMoeBlock has no shared expert");
      if (r.has("qkv_bias") && r.flag("qkv_bias", false))
        r.problem("qkv_bias", "expected false: Qwen3MoeAttention's q/k/v bias is attention_bias");
      if (r.has("use_qk_norm") && !r.flag("use_qk_norm", true))
        r.problem("use_qk_norm", "expected true: Qwen3MoeAttention always has q/k norms");
      const experts = r.count("num_experts", d.experts);
      const name = window !== undefined ? "sliding" : "attn";
      const attn: AttentionMixer = attentionOf(core, {
        ...biases(core.attentionBias, core.attentionBias),
        qkNorm: { kind: "rmsnorm", scope: "head" },
        ...(window !== undefined ? { window } : {}),
      });
      return decoderDraft(core, {
        mixers: { [name]: attn },
        ffns: {
          dense: mlpOf(core),
          moe: moeOf(core, {
            experts: Math.max(1, experts),
            activeExperts: activeExperts(r, "num_experts_per_tok", d.topK, Math.max(1, experts)),
            expertHidden: r.size("moe_intermediate_size", d.expertHidden),
            router: { scoring: "softmax" },
          }),
        },
        stack: qwenSparseStack(r, core.numLayers, experts, () => name),
      });
    },
  };
}

export const qwen3Moe = qwen3MoeFamily("Qwen3MoeConfig", {
  kvHeads: 4,
  maxPositions: 32768,
  theta: 10000,
  experts: 128,
  topK: 8,
  expertHidden: 768,
  slidingFields: true,
});

// qwen3_vl_moe_text: configuration_qwen3_vl_moe.py @4fa4a23eb7c27be3014f13f51c987b5cb0f646af (Qwen3VLMoeTextConfig:
// vocab 151936, kv 16, head_dim hidden / heads, max_position 128000, rms 1e-6, untied, θ 5e6, attention_bias false,
// decoder_sparse_step 1, moe_intermediate_size 1408, num_experts_per_tok 4, num_experts 60, mlp_only_layers []).
// modeling_qwen3_vl_moe.py: Qwen3-MoE's decoder layers (per-head q/k norms, softmax router without bias, no shared
// expert); MRoPE and the deepstack visual features add no text-model weights.
export const qwen3VlMoeText = qwen3MoeFamily("Qwen3VLMoeTextConfig", {
  kvHeads: 16,
  maxPositions: 128000,
  theta: 5e6,
  experts: 60,
  topK: 4,
  expertHidden: 1408,
  slidingFields: false,
});

// gpt_oss: configuration_gpt_oss.py @02b8f42b4240dddea1b27c45d2dc95fb2682f841 (GptOssConfig: 36 layers,
// num_local_experts 128 (alias num_experts), vocab 201088, hidden 2880, intermediate 2880, head_dim 64,
// heads 64, kv 8, sliding_window 128 on layers where (i+1) % 2, untied, max_position 131072, rms 1e-5,
// top-k 4, attention_bias true, default θ 150000 and YaRN factor 32, beta_fast 32, beta_slow 1, original 4096).
// modular_gpt_oss.py @0261a467116de4a9103b58200f9d82f8fb5a0e86: q/k/v/o bias = attention_bias; sinks (one per
// head); router Linear with bias; experts gate_up_proj + bias and down_proj + bias, clamped SwiGLU.
export const gptOss: FamilyImporter = {
  configClass: "GptOssConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 201088,
      kvHeads: 8,
      headDim: 64,
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-5,
      tied: false,
      theta: 150000,
      attentionBias: true,
    });
    if (!r.has("rope_scaling") && !r.has("rope_parameters")) {
      const yarn: RopeScaling = { type: "yarn", factor: 32, originalContext: 4096, betaFast: 32, betaSlow: 1 };
      core.rope.scaling = r.useDefault("rope_scaling", yarn);
    }
    const window = slidingWindow(r, 128);
    const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % 2 ? "sliding_attention" : "full_attention"), [
      "sliding_attention",
      "full_attention",
    ]);
    const experts = r.size(["num_local_experts", "num_experts"], 128);
    const full: AttentionMixer = attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), sinks: true });
    return decoderDraft(core, {
      mixers: { sliding: { ...full, ...(window !== undefined ? { window } : {}) }, full },
      ffns: {
        moe: moeOf(core, {
          experts,
          activeExperts: activeExperts(r, ["num_experts_per_tok", "experts_per_token"], 4, experts),
          expertHidden: core.intermediate,
          activation: "swiglu-oai",
          bias: true,
          router: { scoring: "softmax", bias: true },
        }),
      },
      stack: types.map((t) => ({ mixer: t === "sliding_attention" && window !== undefined ? "sliding" : "full", ffn: "moe" })),
    });
  },
};

/** DeepSeek-V3-style router: sigmoid scores, a per-expert correction bias, group-limited routing. */
export function groupLimitedRouter(
  r: ConfigReader,
  experts: number,
  d: { groups: number; topkGroups: number; scale: number },
  groupKeys: Keys = "n_group",
): MoeFfn["router"] {
  const groups = r.size(groupKeys, d.groups);
  const topkGroups = r.size("topk_group", d.topkGroups);
  if (experts % groups !== 0) r.problem(groupKeys, `${groups} groups do not divide ${experts} experts`);
  if (topkGroups > groups) r.problem("topk_group", `${topkGroups} exceeds the group count (${groups})`);
  const routedScale = r.num("routed_scaling_factor", d.scale);
  return { scoring: "sigmoid", bias: true, groups, topkGroups, ...(routedScale !== 1 ? { routedScale } : {}) };
}

// glm4_moe: configuration_glm4_moe.py @008e574391258935f3ecc3035c882e73bbcac419 (Glm4MoeConfig: vocab 151552,
// hidden 4096, intermediate 10944, kv 8, max_position 131072, rms 1e-5, untied, attention_bias false,
// partial_rotary_factor 0.5, moe_intermediate_size 1408, top-k 8, n_shared_experts 1, n_routed_experts 128,
// routed_scaling_factor 1.0, n_group 1, topk_group 1, first_k_dense_replace 1, use_qk_norm false,
// num_mtp_layers (= num_nextn_predict_layers) 1). modular_glm4_moe.py @008c726d1655845afb7ca71013b984ceac231e57:
// layer i sparse when i >= first_k_dense_replace, shared experts MLP(moe_intermediate_size × n_shared_experts),
// router DeepseekV3TopkRouter (weight + e_score_correction_bias). Attention (Glm4Attention, as ported in
// lmdeploy/sglang): q/k/v bias = attention_bias, head_dim from config else hidden/heads;
// q/k norms over head_dim when use_qk_norm.
/** GLM-4.5's blocks under a configuration class's defaults (Glm4MoeConfig, Glm4vMoeTextConfig). */
function glm4MoeFamily(
  configClass: string,
  d: { vocabSize: number; maxPositions: number; attentionBias: boolean; mtpLoaded: boolean },
): FamilyImporter {
  return {
    configClass,
    build(r) {
      const core = readCore(r, {
        vocabSize: d.vocabSize,
        kvHeads: 8,
        activation: "silu",
        maxPositions: d.maxPositions,
        eps: 1e-5,
        tied: false,
        theta: 10000,
        fraction: 0.5,
        attentionBias: d.attentionBias,
      });
      const experts = r.size(["n_routed_experts", "num_experts", "num_local_experts"], 128);
      const shared = r.count("n_shared_experts", 1);
      const firstDense = r.count("first_k_dense_replace", 1);
      // Glm4vMoeTextConfig drops use_qk_norm: its attention has no q/k norms.
      const qkNorm = d.mtpLoaded ? r.flag("use_qk_norm", false) : false;
      if (!d.mtpLoaded && r.has("use_qk_norm") && r.flag("use_qk_norm", false)) r.problem("use_qk_norm", `${configClass} has no q/k norms`);
      const attn: AttentionMixer = attentionOf(core, {
        ...biases(core.attentionBias, false),
        ...(qkNorm ? { qkNorm: { kind: "rmsnorm", scope: "head" } } : {}),
      });
      let mtp: ArchitectureDraft["mtp"];
      if (d.mtpLoaded) mtp = mtpOf(r, "attn", "moe", ["num_nextn_predict_layers", "num_mtp_layers"], 1);
      else if (r.count("num_nextn_predict_layers", 0) > 0) {
        r.warn(`${configClass}: the checkpoint's MTP layer is not part of the text model transformers builds and is not counted`);
      }
      return decoderDraft(core, {
        mixers: { attn },
        ffns: {
          dense: mlpOf(core),
          moe: moeOf(core, {
            experts,
            activeExperts: activeExperts(r, "num_experts_per_tok", 8, experts),
            expertHidden: r.size("moe_intermediate_size", 1408),
            ...(shared > 0 ? { sharedExperts: shared } : {}),
            router: groupLimitedRouter(r, experts, { groups: 1, topkGroups: 1, scale: 1 }),
          }),
        },
        stack: Array.from({ length: core.numLayers }, (_, i) => ({ mixer: "attn", ffn: i >= firstDense ? "moe" : "dense" })),
        ...(mtp ? { mtp } : {}),
      });
    },
  };
}

export const glm4Moe = glm4MoeFamily("Glm4MoeConfig", { vocabSize: 151552, maxPositions: 131072, attentionBias: false, mtpLoaded: true });

// glm4v_moe_text: modular_glm4v_moe.py @0067189d63fbbc1ef5983362302225c1320617ee (Glm4vMoeTextConfig(Glm4MoeConfig):
// vocab 151424, max_position 65536, attention_bias true, use_qk_norm and num_mtp_layers removed; MRoPE's
// mrope_section binds no weights). Glm4vMoeTextAttention is Glm4Attention (q/k/v bias = attention_bias, o_proj without
// bias, no q/k norms); Glm4vMoeTextMoE / Glm4MoeDecoderLayer as GLM-4.5; Glm4vMoeTextModel has no MTP layer.
export const glm4vMoeText = glm4MoeFamily("Glm4vMoeTextConfig", {
  vocabSize: 151424,
  maxPositions: 65536,
  attentionBias: true,
  mtpLoaded: false,
});

// minimax_m2: configuration_minimax_m2.py @008e574391258935f3ecc3035c882e73bbcac419 (MiniMaxM2Config: vocab
// 200064, hidden 3072, intermediate 1536, 62 layers, heads 48, kv 8, head_dim 128, max_position 196608,
// rms 1e-6, untied, top-k 8, num_local_experts 256, default θ 5e6). modular_minimax_m2.py
// @001f85b38fb432858ace93f18622f07cec46d874: attention = FlexOlmoAttention (OLMo 2 style q_norm/k_norm over all
// heads) with bias-free q/k/v/o; Mixtral experts; router sigmoid + e_score_correction_bias; partial rotary
// via Glm4MoeRotaryEmbedding (`rotary_dim` of head_dim, or partial_rotary_factor).
export const minimaxM2: FamilyImporter = {
  configClass: "MiniMaxM2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 200064,
      kvHeads: 8,
      headDim: 128,
      activation: "silu",
      maxPositions: 196608,
      eps: 1e-6,
      tied: false,
      theta: 5e6,
    });
    const rotaryDim = r.optSize("rotary_dim");
    if (rotaryDim !== undefined) {
      if (rotaryDim > core.headDim) r.problem("rotary_dim", `${rotaryDim} exceeds head_dim ${core.headDim}`);
      else if (rotaryDim < core.headDim) core.rope.fraction = rotaryDim / core.headDim;
    }
    const attnTypes = r.value("attn_type_list");
    if (attnTypes !== undefined && attnTypes !== null && (!Array.isArray(attnTypes) || attnTypes.some((t) => t !== 1))) {
      r.problem("attn_type_list", "expected a list of 1s (softmax attention in every layer), the only layer type MiniMaxM2 builds");
    }
    if (r.has("use_qk_norm") && !r.flag("use_qk_norm", true)) {
      r.warn("minimax_m2: use_qk_norm is false, but MiniMaxM2Attention always has q/k norms; kept them");
    }
    // The Hub checkpoints' remote-code keys (MiniMaxAI/MiniMax-M2.5 config.json): qk_norm_type "per_layer" is
    // the norm over all heads that MiniMaxM2Attention has; use_routing_bias the e_score_correction_bias.
    const qkNormType = r.str("qk_norm_type", "per_layer");
    if (qkNormType !== "per_layer")
      r.problem("qk_norm_type", `expected "per_layer" (q/k norms over all heads), got ${JSON.stringify(qkNormType)}`);
    const routingBias = r.flag("use_routing_bias", true);
    if (r.count("shared_intermediate_size", 0) > 0)
      r.problem("shared_intermediate_size", "expected 0: MiniMaxM2Config has no shared expert");
    const experts = r.size(["num_local_experts", "num_experts"], 256);
    let mtp: ReturnType<typeof mtpOf>;
    if (r.has("num_mtp_modules") && r.flag("use_mtp", true)) {
      mtp = mtpOf(r, "attn", "moe", "num_mtp_modules");
      if (mtp) r.warn("minimax_m2: num_mtp_modules read as MTP modules (attention + MoE block each); transformers does not build them");
      const perModule = r.count("mtp_transformer_layers", 1);
      if (mtp && perModule !== 1) r.problem("mtp_transformer_layers", `expected 1 transformer layer per MTP module, got ${perModule}`);
    } else r.markRead("mtp_transformer_layers");
    return decoderDraft(core, {
      mixers: { attn: attentionOf(core, { qkNorm: { kind: "rmsnorm", scope: "all-heads" } }) },
      ffns: {
        moe: moeOf(core, {
          experts,
          activeExperts: activeExperts(r, "num_experts_per_tok", 8, experts),
          expertHidden: core.intermediate,
          router: { scoring: "sigmoid", bias: routingBias },
        }),
      },
      stack: uniformStack(core.numLayers, { mixer: "attn", ffn: "moe" }),
      ...(mtp ? { mtp } : {}),
    });
  },
};
