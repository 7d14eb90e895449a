/**
 * DeepSeek V2/V3: multi-head latent attention and DeepSeekMoE (shared plus routed experts, the first layers
 * dense), in both config formats: Hugging Face's (`model_type` deepseek_v2 / deepseek_v3) and DeepSeek's own
 * inference configs (`dim`, `n_layers`, `inter_dim`, `moe_inter_dim`, `n_dense_layers`, …, no model_type); and
 * MiniCPM3, a dense decoder with the same latent attention.
 */
import type { MlaMixer, MoeFfn, RopeScaling } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { type Core, decoderDraft, layerTypes, mlpOf, mtpOf, readCore, uniformStack } from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import { activeExperts, groupLimitedRouter, moeOf } from "./moe.js";

/** The MLA mixer of a Hugging Face DeepSeek config (and of configs built on DeepseekV3Attention). */
export function mla(r: ConfigReader, core: Core, d: { qLoraRank: number | null; qkNope?: number; vHead?: number }): MlaMixer {
  // q_lora_rank null: queries are projected directly (q_proj), as in DeepSeek-V2-Lite.
  const qLoraRank = r.present("q_lora_rank") ? (r.optSize("q_lora_rank") ?? null) : r.useDefault("q_lora_rank", d.qLoraRank);
  const mixer: MlaMixer = {
    kind: "mla",
    heads: core.heads,
    qLoraRank,
    kvLoraRank: r.size("kv_lora_rank", 512),
    qkNopeHeadDim: r.count("qk_nope_head_dim", d.qkNope ?? 128),
    qkRopeHeadDim: r.count("qk_rope_head_dim", 64),
    vHeadDim: r.size("v_head_dim", d.vHead ?? 128),
  };
  // DeepseekV2Config/V3Config keep num_key_value_heads, but MLA's kv_b_proj is sized by num_attention_heads.
  r.markRead("num_key_value_heads");
  if (core.attentionBias) {
    mixer.bias = true;
    r.warn("deepseek: attention_bias also puts a bias on o_proj, which the spec's MLA bias does not count");
  }
  return mixer;
}

/**
 * `moe_layer_freq` of the checkpoints' remote code (MoE on layers ≥ first_k_dense_replace with layer_idx %
 * moe_layer_freq == 0); transformers' DeepseekV2/V3 decoder layers ignore it, so only 1 is read as written.
 */
export function moeLayerFreq(r: ConfigReader, family: string): void {
  if (r.has("moe_layer_freq") && r.value("moe_layer_freq") !== 1) {
    r.warn(`${family}: moe_layer_freq is not 1; transformers' decoder layers ignore it (every layer from first_k_dense_replace is MoE)`);
  }
}

/** Dense layers below `first_k_dense_replace`, MoE above. */
function denseThenMoe(core: Core, firstDense: number, moe: MoeFfn, mixer: MlaMixer, mtp?: ArchitectureDraft["mtp"]): ArchitectureDraft {
  return decoderDraft(core, {
    mixers: { mla: mixer },
    ffns: { dense: mlpOf(core), moe },
    stack: Array.from({ length: core.numLayers }, (_, i) => ({ mixer: "mla", ffn: i >= firstDense ? "moe" : "dense" })),
    ...(mtp ? { mtp } : {}),
  });
}

// deepseek_v2: configuration_deepseek_v2.py @008e574391258935f3ecc3035c882e73bbcac419 (DeepseekV2Config: vocab
// 32000, hidden 4096, intermediate 11008, 32 layers, 32 heads, max_position 2048, rms 1e-6, untied,
// attention_bias false, first_k_dense_replace 0, kv_lora_rank 512, q_lora_rank 1536, n_routed_experts 64,
// n_shared_experts 2, qk_nope 128, qk_rope 64, v_head_dim 128, routed_scaling_factor 1.0, topk_method greedy,
// num_experts_per_tok None, moe_intermediate_size 1407). modular_deepseek_v2.py
// @000c33fdfde12e1ffafbfcdb3c926df5727a00b6: gate = Linear(hidden, n_routed_experts, bias=False) with softmax;
// shared experts = MLP(moe_intermediate_size × n_shared_experts); MoE when layer_idx >= first_k_dense_replace;
// q_proj when q_lora_rank is None, else q_a_proj (bias = attention_bias) + q_a_layernorm + q_b_proj;
// kv_a_proj_with_mqa (bias = attention_bias), kv_a_layernorm, kv_b_proj, o_proj.
export const deepseekV2: FamilyImporter = {
  configClass: "DeepseekV2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 32000,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: false,
      noHeadShape: true,
    });
    const experts = r.size("n_routed_experts", 64);
    const shared = r.count("n_shared_experts", 2);
    const firstDense = r.count("first_k_dense_replace", 0);
    moeLayerFreq(r, "deepseek_v2");
    const active = firstDense < core.numLayers ? r.size("num_experts_per_tok") : r.size("num_experts_per_tok", 1);
    const groupLimited = r.str("topk_method", "greedy") === "group_limited_greedy";
    // Greedy routing does not use the group sizes (DeepSeek-V2-Lite writes n_group 1, topk_group 1).
    if (!groupLimited) r.markRead(["n_group", "topk_group"]);
    const routedScale = r.num("routed_scaling_factor", 1);
    const router: MoeFfn["router"] = {
      scoring: "softmax",
      ...(groupLimited ? { groups: r.size("n_group"), topkGroups: r.size("topk_group") } : {}),
      ...(routedScale !== 1 ? { routedScale } : {}),
    };
    const moe = moeOf(core, {
      experts,
      activeExperts: Math.min(active, experts),
      expertHidden: r.size("moe_intermediate_size", 1407),
      ...(shared > 0 ? { sharedExperts: shared } : {}),
      router,
    });
    return denseThenMoe(core, firstDense, moe, mla(r, core, { qLoraRank: 1536 }));
  },
};

// deepseek_v3: configuration_deepseek_v3.py @001f85b38fb432858ace93f18622f07cec46d874 (DeepseekV3Config: vocab
// 129280, hidden 7168, intermediate 18432, moe_intermediate_size 2048, 61 layers, 128 heads, n_shared_experts 1,
// n_routed_experts 256, routed_scaling_factor 2.5, kv_lora_rank 512, q_lora_rank 1536, qk_rope 64, v_head_dim
// 128, qk_nope 128, n_group 8, topk_group 4, num_experts_per_tok 8, first_k_dense_replace 3, max_position
// 4096, rms 1e-6, untied, attention_bias false). modular_deepseek_v3.py
// @000c33fdfde12e1ffafbfcdb3c926df5727a00b6: router weight + e_score_correction_bias, sigmoid, group-limited;
// shared experts MLP(moe_intermediate_size × n_shared_experts); MLA as DeepSeek V2. The class has no MTP field;
// `num_nextn_predict_layers` (written in DeepSeek's config.json) counts the MTP modules.
export const deepseekV3: FamilyImporter = {
  configClass: "DeepseekV3Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 129280,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: false,
      noHeadShape: true,
    });
    const experts = r.size("n_routed_experts", 256);
    const shared = r.count("n_shared_experts", 1);
    moeLayerFreq(r, "deepseek_v3");
    const moe = moeOf(core, {
      experts,
      activeExperts: Math.min(r.size("num_experts_per_tok", 8), experts),
      expertHidden: r.size("moe_intermediate_size", 2048),
      ...(shared > 0 ? { sharedExperts: shared } : {}),
      router: groupLimitedRouter(r, experts, { groups: 8, topkGroups: 4, scale: 2.5 }),
    });
    return denseThenMoe(core, r.count("first_k_dense_replace", 3), moe, mla(r, core, { qLoraRank: 1536 }), mtpOf(r, "mla", "moe"));
  },
};

/** Whether a config without `model_type` has the shape of a DeepSeek inference config. */
export function isDeepseekInferenceConfig(config: Record<string, unknown>): boolean {
  return (
    "dim" in config &&
    "n_layers" in config &&
    "n_heads" in config &&
    ("inter_dim" in config || "moe_inter_dim" in config || "n_dense_layers" in config)
  );
}

// DeepSeek inference configs: deepseek-ai/DeepSeek-V3 inference/model.py @013e2213cc47bf9f3549e23c9920d41714405cf3
// (ModelArgs: vocab 102400, dim 2048, inter_dim 10944, moe_inter_dim 1408, n_layers 27,
// n_dense_layers 1, n_heads 16, n_routed_experts 64, n_shared_experts 2, n_activated_experts 6, n_expert_groups 1,
// n_limited_groups 1, score_func softmax, route_scale 1, q_lora_rank 0 (= none), kv_lora_rank 512, qk_nope 128,
// qk_rope 64, v_head_dim 128, original_seq_len 4096, rope_theta 10000, rope_factor 40, beta_fast 32, beta_slow 1,
// mscale 1, max_seq_len 16384). Block: MLP(dim, inter_dim) for layer_id < n_dense_layers else MoE; attn_norm and
// ffn_norm RMSNorm. Gate: weight (n_routed_experts × dim) and a bias only when dim == 7168. Shared experts
// MLP(dim, n_shared_experts × moe_inter_dim). Untied head, final norm. YaRN applies when max_seq_len >
// original_seq_len. That file also carries unrelated classes and builds wq_a/wkv_a with nn.Linear; the
// projections are taken bias-free, as in DeepSeek's checkpoints and transformers' DeepseekV3Attention.
export const deepseekInference: FamilyImporter = {
  configClass: "ModelArgs (DeepSeek inference/model.py)",
  build(r) {
    const dModel = r.size("dim", 2048);
    const numLayers = r.size("n_layers", 27);
    const heads = r.size("n_heads", 16);
    const experts = r.size("n_routed_experts", 64);
    const shared = r.count("n_shared_experts", 2);
    const groups = r.size("n_expert_groups", 1);
    const topkGroups = r.size("n_limited_groups", 1);
    const scoring = r.str("score_func", "softmax");
    if (scoring !== "softmax" && scoring !== "sigmoid") r.problem("score_func", `expected "softmax" or "sigmoid", got "${scoring}"`);
    const routeScale = r.num("route_scale", 1);
    const qLora = r.count("q_lora_rank", 0);
    const originalContext = r.size("original_seq_len", 4096);
    const maxSeqLen = r.size("max_seq_len", 4096 * 4);
    const factor = r.num("rope_factor", 40, { positive: true });
    const yarn = maxSeqLen > originalContext;
    const scaling: RopeScaling = {
      type: "yarn",
      factor,
      originalContext,
      betaFast: r.num("beta_fast", 32),
      betaSlow: r.num("beta_slow", 1),
      mscale: r.num("mscale", 1),
    };
    const contextLength = yarn ? Math.round(originalContext * factor) : originalContext;
    r.warn(
      `deepseek inference config: context length taken as ${yarn ? "original_seq_len × rope_factor" : "original_seq_len"} = ${contextLength} ` +
        "(the config has no max_position_embeddings)",
    );
    const core: Core = {
      vocabSize: r.size("vocab_size", 102400),
      dModel,
      numLayers,
      heads,
      kvHeads: heads,
      headDim: 1,
      intermediate: r.size("inter_dim", 10944),
      contextLength,
      activation: "silu",
      tied: false,
      eps: 1e-6,
      rope: { theta: r.num("rope_theta", 10000, { positive: true }), ...(yarn ? { scaling } : {}) },
      attentionBias: false,
      mlpBias: false,
    };
    const mixer: MlaMixer = {
      kind: "mla",
      heads,
      qLoraRank: qLora > 0 ? qLora : null,
      kvLoraRank: r.size("kv_lora_rank", 512),
      qkNopeHeadDim: r.count("qk_nope_head_dim", 128),
      qkRopeHeadDim: r.count("qk_rope_head_dim", 64),
      vHeadDim: r.size("v_head_dim", 128),
    };
    if (experts % groups !== 0) r.problem("n_expert_groups", `${groups} groups do not divide ${experts} experts`);
    const moe = moeOf(core, {
      experts,
      activeExperts: Math.min(r.size("n_activated_experts", 6), experts),
      expertHidden: r.size("moe_inter_dim", 1408),
      ...(shared > 0 ? { sharedExperts: shared } : {}),
      router: {
        scoring: scoring === "sigmoid" ? "sigmoid" : "softmax",
        ...(dModel === 7168 ? { bias: true } : {}),
        ...(groups > 1 ? { groups, topkGroups: Math.min(topkGroups, groups) } : {}),
        ...(routeScale !== 1 ? { routedScale: routeScale } : {}),
      },
    });
    // ModelArgs has no MTP field (model.py builds the main model only); HF's num_nextn_predict_layers is honoured
    // when a config carries it next to the inference keys.
    return denseThenMoe(core, r.count("n_dense_layers", 1), moe, mixer, mtpOf(r, "mla", "moe"));
  },
};

// minicpm3: remote code (openbmb/MiniCPM3-4B configuration_minicpm.py / modeling_minicpm.py; mlx_lm/models/
// minicpm3.py): multi-head latent attention with q_a_proj (bias = attention_bias) + q_a_layernorm + q_b_proj,
// kv_a_proj_with_mqa (bias = attention_bias) + kv_a_layernorm + kv_b_proj, o_proj (bias = attention_bias),
// v_head_dim = hidden / heads; a dense gated MLP; scale_emb multiplies the embeddings (no parameters). The MLA
// ranks and head dims are required.
export const minicpm3: FamilyImporter = {
  configClass: "MiniCPM3Config",
  ignores: ["scale_depth", "dim_model_base", "num_key_value_heads"],
  build(r) {
    const core = readCore(r, {
      vocabSize: undefined,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: false,
      noHeadShape: true,
    });
    const mla: MlaMixer = {
      kind: "mla",
      heads: core.heads,
      qLoraRank: r.size("q_lora_rank"),
      kvLoraRank: r.size("kv_lora_rank"),
      qkNopeHeadDim: r.size("qk_nope_head_dim"),
      qkRopeHeadDim: r.size("qk_rope_head_dim"),
      vHeadDim: Math.max(1, Math.floor(core.dModel / core.heads)),
      ...(core.attentionBias ? { bias: true } : {}),
    };
    const scale = r.num("scale_emb", 1);
    return decoderDraft(core, {
      mixers: { mla },
      ffns: { mlp: mlpOf(core) },
      stack: uniformStack(core.numLayers, { mixer: "mla", ffn: "mlp" }),
      embedding: { tied: core.tied, ...(scale !== 1 && scale > 0 ? { scale } : {}) },
    });
  },
};

// longcat_flash: configuration_longcat_flash.py @b57e1595dc7c4195144d3f59716001ba8b8a5442 (LongcatFlashConfig:
// vocab 131072, num_layers 28 (num_hidden_layers = 2 · num_layers counts attention sublayers), 64 heads, silu,
// max_position 131072, rms 1e-5, untied, θ 1e7, attention_bias false, ffn_hidden_size 12288, q_lora_rank 1536,
// kv_lora_rank 512, qk_nope 128, qk_rope 64, v_head_dim 128 (head_dim and qk_head_dim bind no weights), moe_topk 12,
// n_routed_experts 512, zero_expert_num 256, expert_ffn_hidden_size 2048, routed_scaling_factor 6).
// modular_longcat_flash.py @4496605e71065a5a40cb1847057a013ef5377ba8: each LongcatFlashDecoderLayer holds two
// DeepseekV3Attention MLA sublayers, each with an input and a post-attention RMSNorm and a gated MLP of
// ffn_hidden_size, plus one shortcut MoE read from the first post-attention norm (LongcatFlashTopkRouter:
// classifier hidden → experts + zero experts, bias = router_bias (default false), softmax, the
// e_score_correction_bias of experts + zero experts; routed experts gated MLPs of expert_ffn_hidden_size, zero
// experts identities); final norm. The MTP weights (model.mtp.*) are not loaded and not counted.
export const longcatFlash: FamilyImporter = {
  configClass: "LongcatFlashConfig",
  ignores: ["head_dim", "qk_head_dim", "mla_scale_q_lora", "mla_scale_kv_lora", "num_key_value_heads"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 131072,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-5,
      tied: false,
      theta: 1e7,
      attentionBias: false,
      noHeadShape: true,
      keys: { layers: "num_layers", intermediate: "ffn_hidden_size" },
    });
    const sublayers = r.optSize("num_hidden_layers");
    if (sublayers !== undefined && sublayers !== 2 * core.numLayers) {
      r.problem("num_hidden_layers", `expected 2 × num_layers (${2 * core.numLayers}) attention sublayers, got ${sublayers}`);
    }
    if (r.flag("router_bias", false)) {
      r.problem("router_bias", "a bias on the router classifier beside e_score_correction_bias is not expressible yet");
    }
    const experts = r.size("n_routed_experts", 512);
    const zeroExperts = r.count("zero_expert_num", 256);
    const scale = r.num("routed_scaling_factor", 6, { positive: true });
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "moe_topk", 12, experts + zeroExperts),
      expertHidden: r.size("expert_ffn_hidden_size", 2048),
      ...(zeroExperts > 0 ? { zeroExperts } : {}),
      router: { scoring: "softmax", bias: true, ...(scale !== 1 ? { routedScale: scale } : {}) },
    });
    const draft = decoderDraft(core, {
      mixers: { mla: mla(r, core, { qLoraRank: 1536 }) },
      ffns: { dense: mlpOf(core), moe },
      stack: [{ mixer: "mla", ffn: "dense" }, { ffn: "moe" }],
    });
    draft.pattern = {
      numLayers: core.numLayers,
      layers: [{ repeat: core.numLayers, shortcut: true, layers: [{ mixer: "mla", ffn: "dense", count: 2 }, { ffn: "moe" }] }],
    };
    return draft;
  },
};

// glm4_moe_lite: modular_glm4_moe_lite.py @75a5f8b5d64114fde39d9246684008a1e9b047c9 (Glm4MoeLiteConfig, GLM-4.7-Flash:
// vocab 154880, moe_intermediate_size 1536, 20 heads, n_shared_experts 1, n_routed_experts 64, routed_scaling_factor
// 1.8, kv_lora_rank 512, q_lora_rank 768, qk_rope 64, v_head_dim 256, qk_nope 192, n_group 1, topk_group 1,
// num_experts_per_tok 4, max_position 202752, rms 1e-5, untied, attention_bias false; mlp_layer_types default
// ["dense"] + ["sparse"] × (layers − 1), first_k_dense_replace not a field). Glm4MoeLiteDecoderLayer:
// DeepseekV3Attention (MLA), Glm4MoeMoE on "sparse" layers (router weight + e_score_correction_bias, sigmoid,
// group-limited; shared experts MLP(moe_intermediate_size × n_shared_experts)), else a gated MLP of
// intermediate_size. The MTP layer the checkpoints carry (model.layers.<num_hidden_layers>) is counted from
// num_nextn_predict_layers. θ binds no weights (10000 assumed when the config has none).
export const glm4MoeLite: FamilyImporter = {
  configClass: "Glm4MoeLiteConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 154880,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 202752,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
      noHeadShape: true,
    });
    r.markRead("head_dim"); // Glm4MoeLiteConfig sets head_dim = qk_rope_head_dim; it sizes nothing of its own
    const types = layerTypes(r, core.numLayers, (i) => (i === 0 ? "dense" : "sparse"), ["dense", "sparse"], "mlp_layer_types");
    const leadingDense = types.findIndex((t) => t !== "dense");
    if (r.has("first_k_dense_replace") && r.count("first_k_dense_replace", 1) !== (leadingDense < 0 ? types.length : leadingDense)) {
      r.warn(
        "glm4_moe_lite: first_k_dense_replace disagrees with mlp_layer_types; Glm4MoeLiteConfig builds dense layers by mlp_layer_types only",
      );
    }
    const experts = r.size("n_routed_experts", 64);
    const shared = r.count("n_shared_experts", 1);
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "num_experts_per_tok", 4, experts),
      expertHidden: r.size("moe_intermediate_size", 1536),
      ...(shared > 0 ? { sharedExperts: shared } : {}),
      router: groupLimitedRouter(r, experts, { groups: 1, topkGroups: 1, scale: 1.8 }),
    });
    const mtp = mtpOf(r, "mla", "moe");
    return decoderDraft(core, {
      mixers: { mla: mla(r, core, { qLoraRank: 768, qkNope: 192, vHead: 256 }) },
      ffns: { dense: mlpOf(core), moe },
      stack: types.map((t) => ({ mixer: "mla", ffn: t === "sparse" ? "moe" : "dense" })),
      ...(mtp ? { mtp } : {}),
    });
  },
};
