/**
 * More Llama-shaped dense decoders (softmax attention, then an MLP, pre-norm RMSNorm unless noted), each read by
 * its own configuration class. Class defaults are from the transformers configuration files cited (path @ commit,
 * huggingface/transformers); block structure from the modeling files named, cross-checked against the MLX ports
 * in ml-explore/mlx-lm (mlx_lm/models/<type>.py @d78bf58e), which name the same tensors.
 */
import type { AttentionMixer } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import {
  attentionOf,
  biases,
  type Core,
  decoderDraft,
  denseDecoder,
  layerNorm,
  layerTypes,
  mlpOf,
  readCore,
  rmsNorm,
  slidingWindow,
  uniformStack,
} from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import { activeExperts, moeOf } from "./moe.js";
import type { Slot } from "./pattern.js";

const SLIDING = "sliding_attention";
const FULL = "full_attention";

/** `embedding_multiplier`-style constant embedding scales (no parameters). */
function embeddingScale(r: ConfigReader, core: Core, keys: string | readonly string[]): ArchitectureDraft["embedding"] {
  const scale = r.num(keys, 1);
  return scale !== 1 && scale > 0 ? { tied: core.tied, scale } : { tied: core.tied };
}

// helium: configuration_helium.py @008e574391258935f3ecc3035c882e73bbcac419 (HeliumConfig: vocab 48000, kv 20,
// head_dim 128, max_position 4096, rms 1e-8, untied, attention_bias false, mlp_bias false, default θ 100000).
// modeling_helium.py: q/k/v bias = attention_bias, o_proj without bias, gated MLP with mlp_bias.
export const helium: FamilyImporter = {
  configClass: "HeliumConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 48000,
      kvHeads: 20,
      headDim: 128,
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-8,
      tied: false,
      theta: 100000,
      attentionBias: false,
      mlpBias: false,
    });
    return denseDecoder(core, attentionOf(core, biases(core.attentionBias, false)), mlpOf(core));
  },
};

// seed_oss: configuration_seed_oss.py @008e574391258935f3ecc3035c882e73bbcac419 (SeedOssConfig: vocab 155136,
// kv 8, head_dim 128, max_position 524288, rms 1e-6, untied, attention_bias true (q/k/v), attention_out_bias
// false (o_proj), mlp_bias false). modeling_seed_oss.py: q/k/v bias = attention_bias, o_proj bias = attention_out_bias.
export const seedOss: FamilyImporter = {
  configClass: "SeedOssConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 155136,
      kvHeads: 8,
      headDim: 128,
      activation: "silu",
      maxPositions: 524288,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: true,
      mlpBias: false,
    });
    return denseDecoder(core, attentionOf(core, biases(core.attentionBias, r.flag("attention_out_bias", false))), mlpOf(core));
  },
};

// smollm3: configuration_smollm3.py @008e574391258935f3ecc3035c882e73bbcac419 (SmolLM3Config: vocab 128256, kv 4,
// max_position 32768, rms 1e-6, tied, default θ 2e6, attention_bias and mlp_bias false; no_rope_layers[i] = 1
// uses RoPE, default every no_rope_layer_interval-th (4) layer is NoPE; with use_sliding_window and a window,
// NoPE layers slide). Blocks as Llama (modular_smollm3.py).
export const smollm3: FamilyImporter = {
  configClass: "SmolLM3Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 128256,
      kvHeads: 4,
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: true,
      theta: 2e6,
      attentionBias: false,
      mlpBias: false,
    });
    const interval = r.size("no_rope_layer_interval", 4);
    let useRope = r.intList("no_rope_layers");
    if (useRope && useRope.length < core.numLayers) {
      r.problem("no_rope_layers", `lists ${useRope.length} layers but the model has ${core.numLayers}`);
      useRope = undefined;
    }
    const rope = useRope ?? Array.from({ length: core.numLayers }, (_, i) => ((i + 1) % interval !== 0 ? 1 : 0));
    const window = r.flag("use_sliding_window", false) ? slidingWindow(r, null) : undefined;
    const types = layerTypes(r, core.numLayers, (i) => (window !== undefined && !rope[i] ? SLIDING : FULL), [SLIDING, FULL]);
    const attn = attentionOf(core, biases(core.attentionBias, core.attentionBias));
    const nope: AttentionMixer = { ...attn, rope: false };
    const stack: Slot[] = types.map((t, i) => ({
      mixer: rope[i] ? "attn" : t === SLIDING && window !== undefined ? "sliding-nope" : "nope",
      ffn: "mlp",
    }));
    return decoderDraft(core, {
      mixers: { attn, nope, "sliding-nope": { ...nope, ...(window !== undefined ? { window } : {}) } },
      ffns: { mlp: mlpOf(core) },
      stack,
    });
  },
};

/** GLM-4 (0414) and GLM: fused gate_up MLP, q/k/v bias, partial rotary 0.5; GLM-4 adds norms after each sublayer. */
function glmFamily(configClass: string, sandwich: boolean): FamilyImporter {
  return {
    configClass,
    build(r) {
      const core = readCore(r, {
        vocabSize: 151552,
        kvHeads: 2,
        headDim: 128,
        activation: "silu",
        maxPositions: 131072,
        eps: 1.5625e-7,
        tied: false,
        theta: 10000,
        fraction: 0.5,
        attentionBias: true,
      });
      return denseDecoder(
        core,
        attentionOf(core, biases(core.attentionBias, false)),
        mlpOf(core),
        sandwich ? { norm: rmsNorm(core.eps, "sandwich") } : {},
      );
    },
  };
}

// glm: configuration_glm.py @008e574391258935f3ecc3035c882e73bbcac419 (GlmConfig: vocab 151552, kv 2, head_dim
// 128, max_position 131072, rms 1.5625e-7, untied, attention_bias true, partial_rotary_factor 0.5).
// modeling_glm.py: q/k/v bias = attention_bias, o_proj without bias; gate_up_proj (2·intermediate) + down_proj.
export const glm = glmFamily("GlmConfig", false);

// glm4: configuration_glm4.py @008e574391258935f3ecc3035c882e73bbcac419 (Glm4Config: GlmConfig's defaults).
// modeling_glm4.py: GLM's attention and MLP; Glm4DecoderLayer adds post_self_attn_layernorm and
// post_mlp_layernorm to input_layernorm and post_attention_layernorm (four RMSNorms per layer).
export const glm4 = glmFamily("Glm4Config", true);

// hunyuan_v1_dense: configuration_hunyuan_v1_dense.py @05cd1ec14dbe16127778060fb68c34105873015c
// (HunYuanDenseV1Config: vocab 290943, kv = heads, head_dim None = hidden/heads, max_position 2048, rms 1e-5,
// untied, attention_bias false for q/k/v and o). modeling_hunyuan_v1_dense.py: query_layernorm and
// key_layernorm (RMSNorm over head_dim) after the projections; gated MLP without bias.
export const hunyuanV1Dense: FamilyImporter = {
  configClass: "HunYuanDenseV1Config",
  ignores: ["eod_token_id", "use_qk_norm", "use_rotary_pos_emb", "position_embedding_xdrope", "xdrope_section", "norm_type", "mlp_bias"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 290943,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    const qkNorm = r.flag("use_qk_norm", true);
    return denseDecoder(
      core,
      attentionOf(core, {
        ...biases(core.attentionBias, core.attentionBias),
        ...(qkNorm ? { qkNorm: { kind: "rmsnorm", scope: "head" } } : {}),
      }),
      mlpOf(core),
    );
  },
};

// ernie4_5: configuration_ernie4_5.py @008e574391258935f3ecc3035c882e73bbcac419 (Ernie4_5Config: vocab 103424,
// kv 2, head_dim 128, max_position 131072, rms 1e-5, tied, default θ 500000, use_bias false: "bias in any of
// the projections including mlp and attention"). modeling_ernie4_5.py: q/k/v/o and gate/up/down bias = use_bias.
export const ernie45: FamilyImporter = {
  configClass: "Ernie4_5Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 103424,
      kvHeads: 2,
      headDim: 128,
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-5,
      tied: true,
      theta: 500000,
    });
    const bias = r.flag("use_bias", false);
    return denseDecoder(core, attentionOf(core, biases(bias, bias)), mlpOf(core, core.intermediate, bias ? { bias: true } : {}));
  },
};

// arcee: configuration_arcee.py (ArceeConfig, AFM-4.5B: LlamaConfig's fields with vocab 32000, kv = heads,
// hidden_act relu2, max_position 4096, rms 1e-5, untied, attention_bias and mlp_bias false). modeling_arcee.py:
// Llama attention; ArceeMLP is up_proj → relu² → down_proj (no gate).
export const arcee: FamilyImporter = {
  configClass: "ArceeConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 32000,
      kvHeads: "heads",
      activation: "relu2",
      maxPositions: 4096,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
      mlpBias: false,
    });
    return denseDecoder(
      core,
      attentionOf(core, biases(core.attentionBias, core.attentionBias)),
      mlpOf(core, core.intermediate, { gated: false }),
    );
  },
};

// ministral: configuration_ministral.py (MinistralConfig: MistralConfig's defaults (vocab 32000, kv 8,
// max_position 4096·32, rms 1e-6, untied, sliding_window 4096) plus layer_types, every layer sliding by
// default when a window is set). modeling_ministral.py: Mistral blocks; sliding layers use the window.
export const ministral: FamilyImporter = {
  configClass: "MinistralConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 32000,
      kvHeads: 8,
      activation: "silu",
      maxPositions: 4096 * 32,
      eps: 1e-6,
      tied: false,
      theta: 10000,
    });
    const window = slidingWindow(r, 4096);
    const types = layerTypes(r, core.numLayers, () => (window !== undefined ? SLIDING : FULL), [SLIDING, FULL]);
    const full = attentionOf(core);
    return decoderDraft(core, {
      mixers: { full, sliding: { ...full, ...(window !== undefined ? { window } : {}) } },
      ffns: { mlp: mlpOf(core) },
      stack: types.map((t) => ({ mixer: t === SLIDING && window !== undefined ? "sliding" : "full", ffn: "mlp" })),
    });
  },
};

// ministral3: configuration_ministral3.py @646910192fa74fbc1106a01fe61ed0668c02d5c2 (Ministral3Config: vocab
// 131072, kv 8, head_dim 128, silu, max_position 262144, rms 1e-5, untied, sliding_window None, rope_parameters
// default YaRN factor 16 over 16384 positions with θ 1e6 and llama_4_scaling_beta 0.1). modular_ministral3.py
// @ecaa44017e8aa813d15f6b510bd9280bc933a196: Mistral's blocks; the llama-4 query scaling holds no weights.
export const ministral3: FamilyImporter = {
  configClass: "Ministral3Config",
  build(r) {
    if (!r.has(["rope_parameters", "rope_scaling"])) {
      r.warn(
        "ministral3: no rope_parameters; Ministral3Config's default YaRN scaling (factor 16 over 16384 positions) is not applied, θ 1e6 is",
      );
    }
    const core = readCore(r, {
      vocabSize: 131072,
      kvHeads: 8,
      headDim: 128,
      activation: "silu",
      maxPositions: 262144,
      eps: 1e-5,
      tied: false,
      theta: 1e6,
    });
    const window = r.optSize("sliding_window"); // None (the default): full attention
    return denseDecoder(core, attentionOf(core, window !== undefined ? { window } : {}), mlpOf(core));
  },
};

// internlm: remote code (InternLM/internlm-7b configuration_internlm.py and modeling_internlm.py: InternLMConfig
// vocab 103168, max_position 2048, rms 1e-6, untied, bias true; q/k/v/o_proj bias = config.bias, gated MLP without
// bias, RMSNorm before each sublayer). No GQA field: kv heads = heads.
export const internlm: FamilyImporter = {
  configClass: "InternLMConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 103168,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-6,
      tied: false,
      theta: 10000,
    });
    const bias = r.flag("bias", true);
    return denseDecoder(core, attentionOf(core, biases(bias, bias)), mlpOf(core));
  },
};

// internlm3: remote code (internlm/internlm3-8b-instruct modeling_internlm3.py, as ported in mlx_lm/models/
// internlm3.py: q/k/v/o bias = qkv_bias, gate/up/down bias = bias, both default false; max_position 32768).
// vocab_size is required (no default taken).
export const internlm3: FamilyImporter = {
  configClass: "InternLM3Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: undefined,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: false,
      theta: 10000,
    });
    const qkvBias = r.flag("qkv_bias", false);
    const bias = r.flag("bias", false);
    return denseDecoder(core, attentionOf(core, biases(qkvBias, qkvBias)), mlpOf(core, core.intermediate, bias ? { bias: true } : {}));
  },
};

// minicpm: remote code (openbmb/MiniCPM-2B configuration_minicpm.py / modeling_minicpm.py, as ported in
// mlx_lm/models/minicpm.py): Llama blocks without biases, head_dim = hidden/heads; scale_emb multiplies the
// embeddings and scale_depth / dim_model_base scale residuals and logits (no parameters). vocab_size required.
// MiniCPM-MoE (num_experts > 0), as mlc-ai/mlc-llm python/mlc_llm/model/minicpm/minicpm_model.py
// @79d603f085f50500e9509fa01785ffa7ecfaaa93 builds it (MiniCPMDecoderLayer: MiniCPMMLP when num_experts is 0,
// else MiniCPMMoE): a bias-free gate (experts × hidden) and num_experts gated MLPs of intermediate_size.
export const minicpm: FamilyImporter = {
  configClass: "MiniCPMConfig",
  ignores: ["scale_depth", "dim_model_base"],
  build(r) {
    const core = readCore(r, {
      vocabSize: undefined,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-6,
      tied: false,
      theta: 10000,
    });
    const embedding = embeddingScale(r, core, "scale_emb");
    const experts = r.count("num_experts", 0);
    if (experts === 0) {
      r.markRead("num_experts_per_tok");
      return denseDecoder(core, attentionOf(core), mlpOf(core), { embedding });
    }
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "num_experts_per_tok", undefined, experts),
      expertHidden: core.intermediate,
      router: { scoring: "softmax" },
    });
    return decoderDraft(core, {
      mixers: { attn: attentionOf(core) },
      ffns: { moe },
      stack: uniformStack(core.numLayers, { mixer: "attn", ffn: "moe" }),
      embedding,
    });
  },
};

// exaone: remote code (LGAI-EXAONE/EXAONE-3.5 configuration_exaone.py / modeling_exaone.py, as ported in
// mlx_lm/models/exaone.py): ExaoneConfig keys num_layers, activation_function, layer_norm_epsilon; q/k/v/out_proj
// without bias, gated c_fc_0/c_fc_1/c_proj MLP, RMSNorm ln_1/ln_2/ln_f; tied by default.
export const exaone: FamilyImporter = {
  configClass: "ExaoneConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: undefined,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      keys: { layers: ["num_layers", "num_hidden_layers"], activation: "activation_function", eps: "layer_norm_epsilon" },
    });
    return denseDecoder(core, attentionOf(core), mlpOf(core));
  },
};

// cwm: configuration_cwm.py / modular_cwm.py @a8f2f582d43bc3cb635fd0b85e8f6cd09f7e7088 (CwmConfig: LlamaConfig with
// vocab 128256, kv 8, head_dim 128, silu, max_position 131072, rms 1e-5, untied, mlp_bias false, attention_bias
// removed, default rope_parameters θ 1e6 with llama3 scaling (factor 16 over 8192 positions), sliding_window 8192,
// layer i full attention when i % 4 == 0, else sliding). CwmAttention: Qwen2Attention with q/k/v_proj bias-free
// (o_proj has none); Llama decoder layers and MLP.
export const cwm: FamilyImporter = {
  configClass: "CwmConfig",
  ignores: ["attention_bias"],
  build(r) {
    if (!r.has(["rope_parameters", "rope_scaling"])) {
      r.warn("cwm: no rope_parameters; CwmConfig's default llama3 scaling (factor 16 over 8192 positions) is not applied, θ 1e6 is");
    }
    const core = readCore(r, {
      vocabSize: 128256,
      kvHeads: 8,
      headDim: 128,
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-5,
      tied: false,
      theta: 1e6,
      mlpBias: false,
    });
    const window = slidingWindow(r, 8192);
    const types = layerTypes(r, core.numLayers, (i) => (i % 4 === 0 ? FULL : SLIDING), [SLIDING, FULL]);
    const full = attentionOf(core);
    return decoderDraft(core, {
      mixers: { full, sliding: { ...full, ...(window !== undefined ? { window } : {}) } },
      ffns: { mlp: mlpOf(core) },
      stack: types.map((t) => ({ mixer: t === SLIDING && window !== undefined ? "sliding" : "full", ffn: "mlp" })),
    });
  },
};

// jais2: configuration_jais2.py @ecaa44017e8aa813d15f6b510bd9280bc933a196 and modular_jais2.py
// @67dc5f29ad8251669da31876b9b22a691bac2acc (Jais2Config: LlamaConfig with vocab 150272, kv = heads, head_dim
// hidden / heads, relu2, max_position 8192, layer_norm_eps 1e-5, untied, attention_bias true, mlp_bias true, θ
// 10000). Llama attention (q/k/v/o bias = attention_bias); Jais2MLP is NemotronMLP (up_proj → relu² → down_proj,
// bias = mlp_bias); input, post-attention and final norms are nn.LayerNorm (weight and bias).
export const jais2: FamilyImporter = {
  configClass: "Jais2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 150272,
      kvHeads: "heads",
      activation: "relu2",
      maxPositions: 8192,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: true,
      mlpBias: true,
      keys: { eps: "layer_norm_eps" },
    });
    return denseDecoder(
      core,
      attentionOf(core, biases(core.attentionBias, core.attentionBias)),
      mlpOf(core, core.intermediate, { gated: false }),
      {
        norm: layerNorm(core.eps, "pre"),
      },
    );
  },
};

// nanochat: configuration_nanochat.py @d9801375a335caa7a0eb628edb8cb7185e0c47d5 (NanoChatConfig: vocab 50304, kv =
// heads, relu2, max_position 2048, rms 1e-6, untied, attention_bias false, final_logit_softcapping 15, θ 10000).
// modular_nanochat.py @a1530d2a91069332822f8b4bdbac0fff8abe695d: NanoChatRMSNorm is Llama 4's weightless L2 norm,
// used for q_norm/k_norm (after RoPE), both block norms, and the model norm (applied after the embedding lookup
// and again at the top); Qwen3Attention's projections (q/k/v/o bias = attention_bias); NanoChatMLP fc1 → relu² →
// fc2 without biases.
export const nanochat: FamilyImporter = {
  configClass: "NanoChatConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50304,
      kvHeads: "heads",
      activation: "relu2",
      maxPositions: 2048,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    const cap = r.present("final_logit_softcapping")
      ? r.optNum("final_logit_softcapping", { positive: true })
      : r.useDefault("final_logit_softcapping", 15);
    const attn = attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "l2", scope: "head" } });
    return denseDecoder(core, attn, mlpOf(core, core.intermediate, { gated: false }), {
      norm: { kind: "rmsnorm", placement: "pre", eps: core.eps, affine: false },
      embedding: { tied: core.tied, norm: true },
      ...(cap !== undefined ? { finalLogitSoftcap: cap } : {}),
    });
  },
};
