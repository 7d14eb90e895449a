/**
 * Mixture-of-experts decoders whose every layer routes to experts, without shared experts beside them (Granite
 * MoE's optional shared MLP aside): OLMoE, FlexOlmo, Granite MoE and its shared-MLP variant, PhiMoE and DBRX. Class defaults
 * are from the transformers configuration files named, tensors from their modeling files, cross-checked against
 * ml-explore/mlx-lm mlx_lm/models/<type>.py @d78bf58e.
 */
import type { AttentionMixer, MoeFfn } from "../spec-types.js";
import { attentionOf, biases, type Core, decoderDraft, readCore, rmsNorm, slidingWindow, uniformStack } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { activeExperts, moeOf } from "./moe.js";

/** Every layer one attention block and one MoE block. */
function allMoe(core: Core, attn: AttentionMixer, moe: MoeFfn, extra: Partial<Parameters<typeof decoderDraft>[1]> = {}) {
  return decoderDraft(core, {
    mixers: { attn },
    ffns: { moe },
    stack: uniformStack(core.numLayers, { mixer: "attn", ffn: "moe" }),
    ...extra,
  });
}

// olmoe: configuration_olmoe.py (OlmoeConfig: vocab 50304, kv = heads, max_position 4096, rms 1e-5, untied,
// attention_bias false, num_experts 64, num_experts_per_tok 8). modeling_olmoe.py: q/k/v/o bias =
// attention_bias; q_norm over heads·head_dim and k_norm over kv_heads·head_dim; router Linear(hidden, experts,
// bias=False) with softmax; gated experts of intermediate_size.
export const olmoe: FamilyImporter = {
  configClass: "OlmoeConfig",
  ignores: ["clip_qkv"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 50304,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    const experts = r.size("num_experts", 64);
    return allMoe(
      core,
      attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "all-heads" } }),
      moeOf(core, {
        experts,
        activeExperts: activeExperts(r, "num_experts_per_tok", 8, experts),
        expertHidden: core.intermediate,
        router: { scoring: "softmax" },
      }),
    );
  },
};

// flex_olmo: configuration_flex_olmo.py / modular_flex_olmo.py @a0699c971daff96403489086fcfd07469d20b17f
// (FlexOlmoConfig: OlmoeConfig's fields with vocab 100352, kv = heads, max_position 4096, rms 1e-6, untied, θ
// 500000, attention_bias false, num_experts 7, num_experts_per_tok 5; clip_qkv removed). FlexOlmoDecoderLayer:
// OLMo 2 attention (q_norm over heads·head_dim, k_norm over kv_heads·head_dim), OLMoE's sparse block (softmax
// router experts × hidden without bias, gated experts of intermediate_size); post_attention_layernorm and
// post_feedforward_layernorm after each sublayer, no input_layernorm.
export const flexOlmo: FamilyImporter = {
  configClass: "FlexOlmoConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 100352,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-6,
      tied: false,
      theta: 500000,
      attentionBias: false,
    });
    const experts = r.size("num_experts", 7);
    return allMoe(
      core,
      attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "all-heads" } }),
      moeOf(core, {
        experts,
        activeExperts: activeExperts(r, "num_experts_per_tok", 5, experts),
        expertHidden: core.intermediate,
        router: { scoring: "softmax" },
      }),
      { norm: rmsNorm(core.eps, "post") },
    );
  },
};

/** Granite MoE, with or without the shared MLP of `shared_intermediate_size`. */
function graniteMoeFamily(configClass: string, shared: boolean): FamilyImporter {
  return {
    configClass,
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
      });
      const experts = r.size("num_local_experts", 8);
      const sharedHidden = shared ? r.count("shared_intermediate_size", 0) : 0;
      const scale = r.num("embedding_multiplier", 1);
      return allMoe(
        core,
        attentionOf(core, biases(core.attentionBias, core.attentionBias)),
        moeOf(core, {
          experts,
          activeExperts: activeExperts(r, "num_experts_per_tok", 2, experts),
          expertHidden: core.intermediate,
          ...(sharedHidden > 0 ? { sharedExperts: 1, ...(sharedHidden !== core.intermediate ? { sharedHidden } : {}) } : {}),
          router: { scoring: "softmax" },
        }),
        { embedding: { tied: core.tied, ...(scale !== 1 && scale > 0 ? { scale } : {}) } },
      );
    },
  };
}

// granitemoe: configuration_granitemoe.py (GraniteMoeConfig: vocab 32000, kv = heads, max_position 2048, rms 1e-6,
// untied, attention_bias false, embedding_multiplier 1.0, num_local_experts 8, num_experts_per_tok 2).
// modeling_granitemoe.py: q/k/v/o bias = attention_bias; GraniteMoeParallelExperts input_linear (experts ×
// 2·intermediate × hidden) and output_linear (experts × hidden × intermediate), gated; router
// GraniteMoeTopKGating layer Linear(hidden, experts, bias=False). The multipliers hold no parameters.
export const graniteMoe = graniteMoeFamily("GraniteMoeConfig", false);

// granitemoeshared: configuration_granitemoeshared.py (GraniteMoeSharedConfig: GraniteMoe's defaults plus
// shared_intermediate_size 0). modeling_granitemoeshared.py: a GraniteMoeSharedMLP (input_linear hidden →
// 2·shared_intermediate_size, output_linear) next to the experts when shared_intermediate_size > 0.
export const graniteMoeShared = graniteMoeFamily("GraniteMoeSharedConfig", true);

// phimoe: configuration_phimoe.py (PhimoeConfig: vocab 32064, kv 8, max_position 4096·32, rms_norm_eps 1e-5 (the
// LayerNorm epsilon), untied, num_local_experts 16, top-k 2, attention_bias false, lm_head_bias false, default θ
// 1e6, sliding_window None). modeling_phimoe.py: q/k/v/o bias = attention_bias; nn.LayerNorm (weight and bias)
// before each sublayer and at the end; Mixtral-style gated experts, router without bias; lm_head bias = lm_head_bias.
export const phimoe: FamilyImporter = {
  configClass: "PhimoeConfig",
  ignores: ["input_jitter_noise", "router_jitter_noise"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 32064,
      kvHeads: 8,
      activation: "silu",
      maxPositions: 4096 * 32,
      eps: 1e-5,
      tied: false,
      theta: 1e6,
      attentionBias: false,
    });
    const scaling = core.rope.scaling;
    if (scaling && (scaling.type === "su" || scaling.type === "longrope")) {
      scaling.type = "longrope";
      scaling.originalContext ??= r.size("original_max_position_embeddings", 4096);
    } else r.markRead("original_max_position_embeddings");
    const experts = r.size(["num_local_experts", "num_experts"], 16);
    const window = slidingWindow(r, null);
    return allMoe(
      core,
      attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), ...(window !== undefined ? { window } : {}) }),
      moeOf(core, {
        experts,
        activeExperts: activeExperts(r, "num_experts_per_tok", 2, experts),
        expertHidden: core.intermediate,
        router: { scoring: "softmax" },
      }),
      {
        norm: { kind: "layernorm", bias: true, placement: "pre", eps: core.eps },
        embedding: { tied: core.tied, ...(r.flag("lm_head_bias", false) ? { headBias: true } : {}) },
      },
    );
  },
};

// dbrx: configuration_dbrx.py (DbrxConfig: d_model 2048, n_heads 16, n_layers 24, max_seq_len 2048, vocab 32000,
// untied; DbrxAttentionConfig kv_n_heads 1, rope_theta 10000; DbrxFFNConfig ffn_hidden_size 3584, moe_num_experts 4,
// moe_top_k 1, ffn_act_fn silu). modeling_dbrx.py: Wqkv (hidden → (heads + 2·kv)·head_dim) and out_proj without bias;
// norm_1, norm_2, norm_f LayerNorm without bias; router Linear(hidden, experts, bias=False); experts w1, v1, w2.
export const dbrx: FamilyImporter = {
  configClass: "DbrxConfig",
  ignores: ["emb_pdrop", "resid_pdrop", "output_router_logits"],
  build(r) {
    const vocabSize = r.size("vocab_size", 32000);
    const dModel = r.size(["d_model", "hidden_size"]);
    const numLayers = r.layers(["n_layers", "num_hidden_layers"]);
    const heads = r.size(["n_heads", "num_attention_heads"]);
    if (dModel % heads !== 0) r.problem("d_model", `${dModel} is not a multiple of ${heads} heads`);
    const attn = r.childOrEmpty("attn_config");
    const ffn = r.childOrEmpty("ffn_config");
    for (const key of ["attn_pdrop", "clip_qkv", "model_type"]) attn.markRead(key);
    for (const key of [
      "moe_jitter_eps",
      "moe_loss_weight",
      "moe_normalize_expert_weights",
      "uniform_expert_assignment",
      "model_type",
      "ffn_act_fn",
    ])
      ffn.markRead(key);
    const act = ffn.value("ffn_act_fn");
    const actName = act && typeof act === "object" && !Array.isArray(act) ? (act as Record<string, unknown>).name : undefined;
    if (actName !== undefined && actName !== "silu") ffn.problem("ffn_act_fn", `expected {"name": "silu"}, got ${JSON.stringify(actName)}`);
    const experts = ffn.size("moe_num_experts", 4);
    const core: Core = {
      vocabSize,
      dModel,
      numLayers,
      heads,
      kvHeads: attn.size("kv_n_heads", 1),
      headDim: Math.max(1, Math.floor(dModel / heads)),
      intermediate: ffn.size("ffn_hidden_size", 3584),
      contextLength: r.size("max_seq_len", 2048),
      activation: "silu",
      tied: r.flag("tie_word_embeddings", false),
      eps: 1e-5,
      rope: { theta: attn.num("rope_theta", 10000, { positive: true }) },
      attentionBias: false,
      mlpBias: false,
    };
    return allMoe(
      core,
      attentionOf(core),
      moeOf(core, {
        experts,
        activeExperts: activeExperts(ffn, "moe_top_k", 1, experts),
        expertHidden: core.intermediate,
        router: { scoring: "softmax" },
      }),
      { norm: { kind: "layernorm", bias: false, placement: "pre", eps: 1e-5 } },
    );
  },
};
