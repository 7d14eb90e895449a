/**
 * Decoders with LayerNorm and, mostly, parallel blocks (attention and MLP read the same normed input and
 * are added to the residual together): Phi, Falcon, Cohere/Command R, Cohere2 and StableLM; and GPT-2, the
 * sequential pre-LayerNorm decoder with learned positions.
 */
import type { AttentionMixer, Norm } from "../spec-types.js";
import { attentionOf, biases, type CoreDefaults, decoderDraft, denseDecoder, layerNorm, layerTypes, mlpOf, readCore } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";

/**
 * GPT-2's key names (its attribute_map: hidden_size → n_embd, num_hidden_layers → n_layer, num_attention_heads →
 * n_head, max_position_embeddings → n_positions), which GPT-J, CodeGen and GPT-BigCode share.
 */
export const gpt2Keys: NonNullable<CoreDefaults["keys"]> = {
  hidden: ["n_embd", "hidden_size"],
  layers: ["n_layer", "num_hidden_layers"],
  heads: ["n_head", "num_attention_heads"],
  context: ["n_positions", "max_position_embeddings"],
  activation: "activation_function",
  eps: "layer_norm_epsilon",
};

// gpt2: configuration_gpt2.py @01ae98ae2414210efd0d9ac1ffe78ff21588f1f7 (GPT2Config: vocab 50257, n_positions
// 1024, n_embd 768, n_layer 12, n_head 12, n_inner None = 4 × n_embd, activation gelu_new, layer_norm_epsilon
// 1e-5; attribute_map hidden_size→n_embd, num_hidden_layers→n_layer, num_attention_heads→n_head,
// max_position_embeddings→n_positions). GPT2Model (modeling_gpt2.py): wte, wpe
// (max_position_embeddings × hidden), ln_f; blocks ln_1, attn (c_attn, c_proj), ln_2, mlp (c_fc, c_proj), all
// Conv1D with bias; GPT2LMHeadModel ties lm_head to wte (tie_word_embeddings defaults to true).
export const gpt2: FamilyImporter = {
  configClass: "GPT2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50257,
      kvHeads: "heads",
      activation: "gelu_new",
      maxPositions: 1024,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      intermediate: false,
      keys: gpt2Keys,
    });
    const inner = r.optSize("n_inner") ?? r.useDefault("n_inner", 4 * core.dModel);
    return denseDecoder(core, attentionOf(core, biases(true, true)), mlpOf(core, inner, { gated: false, bias: true }), {
      positional: { kind: "learned" },
      norm: layerNorm(core.eps, "pre"),
    });
  },
};

// phi: configuration_phi.py @008e574391258935f3ecc3035c882e73bbcac419 (PhiConfig: vocab 51200, kv = heads,
// gelu_new, max_position 2048, layer_norm_eps 1e-5, untied, qk_layernorm false, partial_rotary_factor 0.5).
// modeling_phi.py @007750f36c2d23bbf9ecc769e49bc6b1a04f7393: q/k/v/dense Linear(bias=True), fc1/fc2 with
// bias, final LayerNorm, lm_head Linear(bias=True); PhiDecoderLayer: one
// input_layernorm feeding attention and MLP in parallel.
export const phi: FamilyImporter = {
  configClass: "PhiConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 51200,
      kvHeads: "heads",
      activation: "gelu_new",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      fraction: 0.5,
      keys: { eps: "layer_norm_eps" },
    });
    const qkNorm = r.flag("qk_layernorm", false);
    const attn = attentionOf(core, { ...biases(true, true), ...(qkNorm ? { qkNorm: { kind: "layernorm", scope: "head" } } : {}) });
    return denseDecoder(core, attn, mlpOf(core, core.intermediate, { gated: false, bias: true }), {
      norm: layerNorm(core.eps, "parallel"),
      embedding: { tied: core.tied, headBias: true },
    });
  },
};

// falcon: configuration_falcon.py @055855363e97555535aa9d133f53d99ef75bfd9c (FalconConfig: vocab 65024,
// hidden 4544 (alias n_embed), 32 layers, 71 heads, layer_norm_epsilon 1e-5, n_head_kv None = heads, alibi
// false, new_decoder_architecture false, multi_query true, parallel_attn true, bias false). FalconAttention and
// FalconDecoderLayer (modeling_falcon.py): query_key_value out = (2·kv + heads)·head_dim
// (new architecture), hidden + 2·head_dim (multi-query) or 3·hidden; kv heads = num_kv_heads for the new
// architecture or without multi-query, else 1; dense and MLP (hidden → 4·hidden → hidden, GELU) with
// bias = config.bias; norms: input + post-attention LayerNorm when not parallel, else ln_attn + ln_mlp when
// num_ln_in_parallel_attn == 2 (the default for the new architecture), else one input LayerNorm.
// max_position_embeddings (2048), ffn_hidden_size and activation belong to later FalconConfig versions (not read).
export const falcon: FamilyImporter = {
  configClass: "FalconConfig",
  // Takes the residual after the input norm instead of before it (FalconDecoderLayer): no weights change.
  ignores: ["apply_residual_connection_post_layernorm"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 65024,
      kvHeads: "heads",
      activation: "gelu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      intermediate: false,
      keys: {
        hidden: ["hidden_size", "n_embed"],
        layers: ["num_hidden_layers", "n_layer"],
        heads: ["num_attention_heads", "n_head"],
        kvHeads: ["num_kv_heads", "n_head_kv"],
        activation: "activation",
        eps: "layer_norm_epsilon",
      },
    });
    const newArch = r.flag("new_decoder_architecture", false);
    const multiQuery = r.flag("multi_query", true);
    const parallel = r.flag("parallel_attn", true);
    const bias = r.flag("bias", false);
    const alibi = r.flag("alibi", false);
    const kvHeads = newArch ? core.kvHeads : multiQuery ? 1 : core.heads;
    const hidden = r.optSize("ffn_hidden_size") ?? r.useDefault("ffn_hidden_size", 4 * core.dModel);
    const lnCount = r.optSize("num_ln_in_parallel_attn") ?? (newArch ? 2 : 1);
    const placement: Norm["placement"] = parallel ? "parallel" : "pre";
    return denseDecoder(
      core,
      attentionOf(core, { kvHeads, ...biases(bias, bias) }),
      mlpOf(core, hidden, { gated: false, ...(bias ? { bias: true } : {}) }),
      {
        norm: { ...layerNorm(core.eps, placement), ...(parallel && lnCount === 2 ? { parallelNorms: 2 as const } : {}) },
        positional: alibi ? { kind: "alibi" } : { kind: "rope", ...core.rope },
      },
    );
  },
};

// cohere: configuration_cohere.py @008e574391258935f3ecc3035c882e73bbcac419 (CohereConfig: vocab 256000,
// kv = heads, max_position 8192, layer_norm_eps 1e-5, tied, attention_bias false, use_qk_norm false, default
// θ 500000; logit_scale holds no parameters). modeling_cohere.py @015bfeb86891c5f5e450f48942260ac3e2cd2bf2:
// CohereLayerNorm has a weight and no bias; one input_layernorm per layer (parallel block); q/k/v/o bias =
// attention_bias; q_norm/k_norm are CohereLayerNorm over (heads, head_dim) and (kv_heads, head_dim).
export const cohere: FamilyImporter = {
  configClass: "CohereConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 256000,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 8192,
      eps: 1e-5,
      tied: true,
      theta: 500000,
      attentionBias: false,
      keys: { eps: "layer_norm_eps" },
    });
    const qkNorm = r.flag("use_qk_norm", false);
    const attn = attentionOf(core, {
      ...biases(core.attentionBias, core.attentionBias),
      ...(qkNorm ? { qkNorm: { kind: "layernorm", bias: false, scope: "all-heads" } } : {}),
    });
    return denseDecoder(core, attn, mlpOf(core), { norm: layerNorm(core.eps, "parallel", false) });
  },
};

// cohere2: configuration_cohere2.py and modular_cohere2.py @008e574391258935f3ecc3035c882e73bbcac419
// (Cohere2Config: CohereConfig's defaults plus sliding_window 4096 and layer i sliding when
// (i+1) % sliding_window_pattern (default 4); head_dim forced to hidden/heads). Cohere2Attention: q/k/v/o
// bias = attention_bias, no q/k norms, RoPE only on sliding-window layers; Cohere2DecoderLayer adds attention
// and MLP of one input_layernorm to the residual (parallel).
export const cohere2: FamilyImporter = {
  configClass: "Cohere2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 256000,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 8192,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      attentionBias: false,
      keys: { eps: "layer_norm_eps" },
    });
    const headDim = Math.floor(core.dModel / core.heads);
    if (core.headDim !== headDim)
      r.warn(`cohere2: head_dim is set to hidden_size / num_attention_heads = ${headDim} (Cohere2Config.__post_init__)`);
    core.headDim = headDim;
    const window = r.present("sliding_window") ? r.optSize("sliding_window") : r.useDefault("sliding_window", 4096);
    const pattern = r.size("sliding_window_pattern", 4);
    const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % pattern ? "sliding_attention" : "full_attention"), [
      "sliding_attention",
      "full_attention",
    ]);
    const base: AttentionMixer = attentionOf(core, biases(core.attentionBias, core.attentionBias));
    const sliding: AttentionMixer = window !== undefined ? { ...base, window } : { ...base, rope: false };
    return decoderDraft(core, {
      mixers: { sliding, full: { ...base, rope: false } },
      ffns: { mlp: mlpOf(core) },
      stack: types.map((t) => ({ mixer: t === "sliding_attention" ? "sliding" : "full", ffn: "mlp" })),
      norm: layerNorm(core.eps, "parallel", false),
    });
  },
};

// stablelm: configuration_stablelm.py @05cd1ec14dbe16127778060fb68c34105873015c (StableLmConfig: vocab 50304,
// intermediate 6912, hidden 2560, 32 layers, 32 heads, num_key_value_heads 32, silu, max_position 4096,
// layer_norm_eps 1e-5, untied, use_qkv_bias false, qk_layernorm false ("normalize, per head, the Queries and
// Keys"), use_parallel_residual false, partial_rotary_factor 0.25, θ 10000). StableLmLayerNormPerHead: one bias-free nn.LayerNorm(head_dim) per head.
export const stablelm: FamilyImporter = {
  configClass: "StableLmConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50304,
      kvHeads: 32,
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      fraction: 0.25,
      keys: { eps: "layer_norm_eps" },
    });
    const qkvBias = r.flag("use_qkv_bias", false);
    const qkNorm = r.flag("qk_layernorm", false);
    const parallel = r.flag("use_parallel_residual", false);
    const attn = attentionOf(core, {
      ...biases(qkvBias, false),
      ...(qkNorm ? { qkNorm: { kind: "layernorm", bias: false, scope: "all-heads" } } : {}),
    });
    return denseDecoder(core, attn, mlpOf(core), { norm: layerNorm(core.eps, parallel ? "parallel" : "pre") });
  },
};
