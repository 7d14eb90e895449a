/**
 * LayerNorm-era and GPT-style decoders: GPT-NeoX, GPT-J, CodeGen, GPT-BigCode, GPT-Neo, BLOOM, MPT, Persimmon,
 * Nemotron (v1), Qwen (v1) and ChatGLM. Class defaults are from the transformers configuration classes named
 * (huggingface/transformers src/transformers/models/<type>/configuration_<type>.py), tensors from the modeling
 * files named there, cross-checked against ml-explore/mlx-lm mlx_lm/models/<type>.py @d78bf58e where it has one.
 */
import type { ConfigReader } from "./config-reader.js";
import { attentionOf, biases, type Core, decoderDraft, denseDecoder, layerNorm, mlpOf, readCore, rmsNorm } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { gpt2Keys } from "./parallel.js";

/** The rotary fraction from a `rotary_dim` (GPT-J, CodeGen), or undefined when it covers the whole head. */
function rotaryFraction(r: ConfigReader, core: Core, key: string): void {
  const dim = r.optSize(key);
  if (dim === undefined) return;
  if (dim > core.headDim) r.problem(key, `${dim} exceeds the head dimension ${core.headDim}`);
  else if (dim < core.headDim) core.rope.fraction = dim / core.headDim;
}

// gpt_neox: configuration_gpt_neox.py (GPTNeoXConfig: vocab 50432, hidden_act gelu, rotary_pct 0.25,
// rotary_emb_base 10000, max_position 2048, layer_norm_eps 1e-5, use_parallel_residual true, attention_bias
// true, untied). modeling_gpt_neox.py: query_key_value and dense with bias = attention_bias; dense_h_to_4h /
// dense_4h_to_h with bias; input_layernorm and post_attention_layernorm (LayerNorm) in every layer, parallel when
// use_parallel_residual; final_layer_norm; embed_out without bias.
export const gptNeox: FamilyImporter = {
  configClass: "GPTNeoXConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50432,
      kvHeads: "heads",
      activation: "gelu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      fraction: 0.25,
      keys: { eps: "layer_norm_eps" },
    });
    if (r.has("rotary_emb_base")) core.rope.theta = r.num("rotary_emb_base", 10000, { positive: true });
    if (r.has("rotary_pct")) {
      const pct = r.num("rotary_pct", 0.25, { positive: true });
      if (pct > 1) r.problem("rotary_pct", `expected a fraction in (0, 1], got ${pct}`);
      else if (pct < 1) core.rope.fraction = pct;
      else delete core.rope.fraction;
    }
    const bias = r.flag("attention_bias", true);
    const parallel = r.flag("use_parallel_residual", true);
    return denseDecoder(core, attentionOf(core, biases(bias, bias)), mlpOf(core, core.intermediate, { gated: false, bias: true }), {
      norm: { ...layerNorm(core.eps, parallel ? "parallel" : "pre"), ...(parallel ? { parallelNorms: 2 as const } : {}) },
    });
  },
};

/** GPT-J and CodeGen: one ln_1 feeding attention and MLP in parallel, rotary on `rotary_dim`, a head bias. */
function gptjFamily(configClass: string): FamilyImporter {
  return {
    configClass,
    ignores: ["n_ctx"],
    build(r) {
      const core = readCore(r, {
        vocabSize: 50400,
        kvHeads: "heads",
        activation: "gelu_new",
        maxPositions: 2048,
        eps: 1e-5,
        tied: false,
        theta: 10000,
        intermediate: false,
        keys: gpt2Keys,
      });
      rotaryFraction(r, core, "rotary_dim");
      const inner = r.optSize("n_inner") ?? r.useDefault("n_inner", 4 * core.dModel);
      return denseDecoder(core, attentionOf(core), mlpOf(core, inner, { gated: false, bias: true }), {
        norm: layerNorm(core.eps, "parallel"),
        embedding: { tied: core.tied, headBias: true },
      });
    },
  };
}

// gptj: configuration_gptj.py (GPTJConfig: vocab 50400, n_positions 2048, rotary_dim 64, n_inner None = 4·n_embd,
// gelu_new, layer_norm_epsilon 1e-5, untied). modeling_gptj.py: q/k/v/out_proj without bias, fc_in/fc_out with
// bias, one ln_1 per block (attention and MLP in parallel), ln_f, lm_head with bias.
export const gptj = gptjFamily("GPTJConfig");

// codegen: configuration_codegen.py (CodeGenConfig: GPT-J's defaults). modeling_codegen.py: fused qkv_proj and
// out_proj without bias; otherwise as GPT-J (ln_1 only, fc_in/fc_out with bias, lm_head with bias).
export const codegen = gptjFamily("CodeGenConfig");

// gpt_bigcode: configuration_gpt_bigcode.py (GPTBigCodeConfig: vocab 50257, n_positions 1024, n_inner None =
// 4·n_embd, gelu_pytorch_tanh, layer_norm_epsilon 1e-5, multi_query true, tied). modeling_gpt_bigcode.py: wte,
// wpe (learned positions); c_attn hidden → hidden + 2·head_dim (multi-query) or 3·hidden, with bias; c_proj with
// bias; ln_1 and ln_2 LayerNorm; c_fc / c_proj with bias; ln_f; lm_head tied to wte.
export const gptBigcode: FamilyImporter = {
  configClass: "GPTBigCodeConfig",
  ignores: [
    "scale_attn_weights",
    "attention_softmax_in_fp32",
    "scale_attention_softmax_in_fp32",
    "inference_runner",
    "max_batch_size",
    "max_sequence_length",
    "pad_key_length",
    "pre_allocate_kv_cache",
  ],
  build(r) {
    const core = readCore(r, {
      vocabSize: 50257,
      kvHeads: "heads",
      activation: "gelu_pytorch_tanh",
      maxPositions: 1024,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      intermediate: false,
      keys: gpt2Keys,
    });
    const multiQuery = r.flag("multi_query", true);
    const inner = r.optSize("n_inner") ?? r.useDefault("n_inner", 4 * core.dModel);
    const attn = attentionOf(core, { kvHeads: multiQuery ? 1 : core.heads, ...biases(true, true) });
    return denseDecoder(core, attn, mlpOf(core, inner, { gated: false, bias: true }), {
      norm: layerNorm(core.eps, "pre"),
      positional: { kind: "learned" },
    });
  },
};

/** GPT-Neo layer attention types from `attention_types`, e.g. `[[["global", "local"], 12]]`. */
function gptNeoTypes(r: ConfigReader, numLayers: number): string[] {
  const raw = r.value("attention_types") ?? r.useDefault("attention_types", [[["global", "local"], numLayers / 2]]);
  const out: string[] = [];
  const bad = () => r.problem("attention_types", 'expected a list of [["global" | "local", …], repeats] pairs');
  if (!Array.isArray(raw)) {
    bad();
    return Array.from({ length: numLayers }, () => "global");
  }
  for (const item of raw) {
    if (
      !Array.isArray(item) ||
      item.length !== 2 ||
      !Array.isArray(item[0]) ||
      typeof item[1] !== "number" ||
      !Number.isInteger(item[1]) ||
      item[1] < 0
    ) {
      bad();
      return Array.from({ length: numLayers }, () => "global");
    }
    const kinds = item[0] as unknown[];
    if (!kinds.every((k) => k === "global" || k === "local") || out.length + kinds.length * item[1] > numLayers) {
      bad();
      return Array.from({ length: numLayers }, () => "global");
    }
    for (let i = 0; i < item[1]; i++) out.push(...(kinds as string[]));
  }
  if (out.length !== numLayers) r.problem("attention_types", `describes ${out.length} layers but the model has ${numLayers}`);
  while (out.length < numLayers) out.push("global");
  return out;
}

// gpt_neo: configuration_gpt_neo.py (GPTNeoConfig: vocab 50257, max_position 2048, attention_types
// [[["global", "local"], 12]], window_size 256, intermediate_size None = 4·hidden, gelu_new, layer_norm_epsilon
// 1e-5, tied). modeling_gpt_neo.py: wte, wpe; q/k/v_proj without bias, out_proj with bias; local layers attend
// within window_size; c_fc / c_proj with bias; ln_1, ln_2, ln_f LayerNorm.
export const gptNeo: FamilyImporter = {
  configClass: "GPTNeoConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50257,
      kvHeads: "heads",
      activation: "gelu_new",
      maxPositions: 2048,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      intermediate: false,
      keys: {
        layers: ["num_layers", "num_hidden_layers"],
        heads: ["num_heads", "num_attention_heads"],
        activation: "activation_function",
        eps: "layer_norm_epsilon",
      },
    });
    const inner = r.optSize("intermediate_size") ?? r.useDefault("intermediate_size", 4 * core.dModel);
    const window = r.size("window_size", 256);
    const types = gptNeoTypes(r, core.numLayers);
    const global = attentionOf(core, biases(false, true));
    return decoderDraft(core, {
      mixers: { global, local: { ...global, window } },
      ffns: { mlp: mlpOf(core, inner, { gated: false, bias: true }) },
      stack: types.map((t) => ({ mixer: t === "local" ? "local" : "global", ffn: "mlp" })),
      norm: layerNorm(core.eps, "pre"),
      positional: { kind: "learned" },
    });
  },
};

// bloom: configuration_bloom.py (BloomConfig: vocab 250880, layer_norm_epsilon 1e-5, tied; attribute_map
// num_hidden_layers → n_layer, num_attention_heads → n_head; hidden_size alias n_embed). modeling_bloom.py:
// word_embeddings and word_embeddings_layernorm; query_key_value and dense with bias; dense_h_to_4h (4·hidden) and
// dense_4h_to_h with bias, bloom_gelu (tanh approximation); input_layernorm, post_attention_layernorm, ln_f;
// ALiBi, no position table; no maximum length in the config (seq_length when a config carries it).
export const bloom: FamilyImporter = {
  configClass: "BloomConfig",
  ignores: [
    "apply_residual_connection_post_layernorm",
    "slow_but_exact",
    "masked_softmax_fusion",
    "offset_alibi",
    "skip_bias_add",
    "skip_bias_add_qkv",
    "attention_softmax_in_fp32",
    "unk_token_id",
  ],
  build(r) {
    const vocabSize = r.size("vocab_size", 250880);
    const dModel = r.size(["hidden_size", "n_embed"]);
    const numLayers = r.layers(["n_layer", "num_hidden_layers"]);
    const heads = r.size(["n_head", "num_attention_heads"]);
    if (dModel % heads !== 0) r.problem(["hidden_size", "n_embed"], `hidden size ${dModel} is not a multiple of ${heads} heads`);
    const eps = r.num("layer_norm_epsilon", 1e-5, { positive: true });
    const context = r.optSize(["seq_length", "n_positions", "max_position_embeddings"]);
    if (context === undefined) r.warn("bloom: the config states no maximum length (ALiBi); contextLength is null");
    const core: Core = {
      vocabSize,
      dModel,
      numLayers,
      heads,
      kvHeads: heads,
      headDim: Math.max(1, Math.floor(dModel / heads)),
      intermediate: 4 * dModel,
      contextLength: context ?? 1,
      activation: "gelu-tanh",
      tied: r.flag("tie_word_embeddings", true),
      eps,
      rope: {},
      attentionBias: true,
      mlpBias: true,
    };
    const draft = denseDecoder(core, attentionOf(core, biases(true, true)), mlpOf(core, 4 * dModel, { gated: false, bias: true }), {
      norm: layerNorm(eps, "pre"),
      positional: { kind: "alibi" },
      embedding: { tied: core.tied, norm: true },
    });
    return { ...draft, contextLength: context ?? null };
  },
};

// mpt: configuration_mpt.py (MptConfig: d_model 2048, n_heads 16, n_layers 24, expansion_ratio 4, max_seq_len
// 2048, vocab 50368, no_bias true, layer_norm_epsilon 1e-5, tied; attn_config MptAttentionConfig). modeling_mpt.py:
// wte (also the head), Wqkv and out_proj, up_proj / down_proj (expansion_ratio·d_model, GELU), bias-free when
// no_bias; norm_1, norm_2 and norm_f LayerNorm whose bias is dropped when no_bias; ALiBi.
export const mpt: FamilyImporter = {
  configClass: "MptConfig",
  ignores: [
    "emb_pdrop",
    "logit_scale",
    "learned_pos_emb",
    "init_device",
    "norm_type",
    "use_cache",
    "verbose",
    "embedding_fraction",
    "resid_pdrop",
    "init_config",
    "n_positions",
  ],
  build(r) {
    const vocabSize = r.size("vocab_size", 50368);
    const dModel = r.size(["d_model", "hidden_size"]);
    const numLayers = r.layers(["n_layers", "num_hidden_layers"]);
    const heads = r.size(["n_heads", "num_attention_heads"]);
    if (dModel % heads !== 0) r.problem("d_model", `${dModel} is not a multiple of ${heads} heads`);
    const ratio = r.num("expansion_ratio", 4, { positive: true });
    const hidden = Math.round(ratio * dModel);
    const noBias = r.flag("no_bias", true);
    const eps = r.num("layer_norm_epsilon", 1e-5, { positive: true });
    const attnConfig = r.child("attn_config");
    if (attnConfig) {
      for (const key of [
        "alibi",
        "alibi_bias_max",
        "attn_pdrop",
        "attn_type",
        "clip_qkv",
        "prefix_lm",
        "qk_ln",
        "softmax_scale",
        "attn_impl",
        "attn_uses_sequence_id",
      ])
        attnConfig.markRead(key);
      if (attnConfig.raw.qk_ln === true)
        attnConfig.problem("qk_ln", "q/k LayerNorms are not built by transformers' MptAttention; the spec would miscount them");
    }
    const core: Core = {
      vocabSize,
      dModel,
      numLayers,
      heads,
      kvHeads: heads,
      headDim: Math.max(1, Math.floor(dModel / heads)),
      intermediate: hidden,
      contextLength: r.size("max_seq_len", 2048),
      activation: "gelu",
      tied: r.flag("tie_word_embeddings", true),
      eps,
      rope: {},
      attentionBias: !noBias,
      mlpBias: !noBias,
    };
    return denseDecoder(
      core,
      attentionOf(core, biases(!noBias, !noBias)),
      mlpOf(core, hidden, { gated: false, ...(noBias ? {} : { bias: true }) }),
      {
        norm: layerNorm(eps, "pre", !noBias),
        positional: { kind: "alibi" },
      },
    );
  },
};

// persimmon: configuration_persimmon.py (PersimmonConfig: vocab 262144, hidden_act relu2, max_position 16384,
// layer_norm_eps 1e-5, untied, qk_layernorm true, partial_rotary_factor 0.5, θ 25000). modeling_persimmon.py:
// query_key_value and dense with bias; q_layernorm / k_layernorm nn.LayerNorm(head_dim) with bias;
// dense_h_to_4h / dense_4h_to_h with bias (not gated); input_layernorm, post_attention_layernorm, final_layernorm.
export const persimmon: FamilyImporter = {
  configClass: "PersimmonConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 262144,
      kvHeads: "heads",
      activation: "relu2",
      maxPositions: 16384,
      eps: 1e-5,
      tied: false,
      theta: 25000,
      fraction: 0.5,
      keys: { eps: "layer_norm_eps" },
    });
    const qkNorm = r.flag("qk_layernorm", true);
    const attn = attentionOf(core, { ...biases(true, true), ...(qkNorm ? { qkNorm: { kind: "layernorm", scope: "head" } } : {}) });
    return denseDecoder(core, attn, mlpOf(core, core.intermediate, { gated: false, bias: true }), { norm: layerNorm(core.eps, "pre") });
  },
};

// nemotron: configuration_nemotron.py (NemotronConfig: vocab 256000, kv = heads, head_dim None = hidden/heads,
// hidden_act relu2, max_position 4096, norm_eps 1e-5, untied, partial_rotary_factor 0.5, attention_bias and
// mlp_bias false). modeling_nemotron.py: NemotronLayerNorm1P (LayerNorm with weight and bias, weight stored as an
// offset from 1) before each sublayer and at the end; q/k/v/o bias = attention_bias; up_proj → relu² → down_proj.
export const nemotron: FamilyImporter = {
  configClass: "NemotronConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 256000,
      kvHeads: "heads",
      activation: "relu2",
      maxPositions: 4096,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      fraction: 0.5,
      attentionBias: false,
      mlpBias: false,
      keys: { eps: "norm_eps" },
    });
    return denseDecoder(
      core,
      attentionOf(core, biases(core.attentionBias, core.attentionBias)),
      mlpOf(core, core.intermediate, { gated: false }),
      {
        norm: { ...layerNorm(core.eps, "pre"), zeroCentered: true },
      },
    );
  },
};

// qwen: remote code (Qwen/Qwen-7B configuration_qwen.py and modeling_qwen.py; as ported in mlx_lm/models/qwen.py):
// QWenConfig vocab 151936, max_position 8192, kv_channels 128, rotary_pct 1.0, rotary_emb_base 10000,
// layer_norm_epsilon 1e-6, no_bias true, untied. c_attn hidden → 3·heads·kv_channels with bias; c_proj, w1, w2
// (each intermediate_size / 2 wide) and the MLP's c_proj without bias when no_bias; RMSNorm ln_1/ln_2/ln_f.
export const qwenV1: FamilyImporter = {
  configClass: "QWenConfig",
  ignores: [
    "scale_attn_weights",
    "use_dynamic_ntk",
    "use_logn_attn",
    "use_flash_attn",
    "softmax_in_fp32",
    "onnx_safe",
    "emb_dropout_prob",
    "attn_dropout_prob",
    "seq_length",
  ],
  build(r) {
    const core = readCore(r, {
      vocabSize: 151936,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 8192,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      keys: { eps: "layer_norm_epsilon" },
      noHeadShape: true,
    });
    core.headDim = r.size("kv_channels", 128);
    if (r.has("rotary_emb_base")) core.rope.theta = r.num("rotary_emb_base", 10000, { positive: true });
    const pct = r.num("rotary_pct", 1, { positive: true });
    if (pct < 1) core.rope.fraction = pct;
    const noBias = r.flag("no_bias", true);
    if (core.intermediate % 2 !== 0) r.problem("intermediate_size", `${core.intermediate} is odd; QWenMLP uses intermediate_size / 2`);
    return denseDecoder(
      core,
      attentionOf(core, biases(true, !noBias)),
      mlpOf(core, Math.max(1, Math.floor(core.intermediate / 2)), noBias ? {} : { bias: true }),
      {
        norm: rmsNorm(core.eps),
        embedding: { tied: core.tied, ...(noBias ? {} : { headBias: true }) },
      },
    );
  },
};

// chatglm: remote code (THUDM/chatglm3-6b and glm-4-9b configuration_chatglm.py / modeling_chatglm.py):
// ChatGLMConfig num_layers 28, padded_vocab_size 65024, hidden_size 4096, ffn_hidden_size 13696, kv_channels 128,
// num_attention_heads 32, seq_length 2048, layernorm_epsilon 1e-5, rmsnorm true, post_layer_norm true,
// add_bias_linear false, add_qkv_bias false, multi_query_attention false, multi_query_group_num 1. Blocks:
// input_layernorm, query_key_value (heads + 2·groups)·kv_channels with bias = add_bias_linear or add_qkv_bias,
// dense (bias = add_bias_linear), post_attention_layernorm, dense_h_to_4h (2·ffn_hidden_size, SwiGLU) and
// dense_4h_to_h; final_layernorm; output_layer untied; rotary over half of each head (rotary_dim = kv_channels/2).
// The defaults and the attribute_map (num_hidden_layers → num_layers, n_head_kv → multi_query_group_num) checked
// against vLLM's copy of the class, vllm-project/vllm vllm/transformers_utils/configs/chatglm.py
// @4fdaba3d4e532a06ac95d12cf1dec0104610ee04.
export const chatglm: FamilyImporter = {
  configClass: "ChatGLMConfig",
  ignores: [
    "apply_residual_connection_post_layernorm",
    "apply_query_key_layer_scaling",
    "attention_softmax_in_fp32",
    "fp32_residual_connection",
    "original_rope",
    "quantization_bit",
    "pre_seq_len",
    "prefix_projection",
    "rope_ratio",
    "classifier_dropout",
    "attention_dropout",
    "hidden_dropout",
    "seq_length",
  ],
  build(r) {
    const vocabSize = r.size(["padded_vocab_size", "vocab_size"], 65024);
    const dModel = r.size("hidden_size");
    const numLayers = r.layers(["num_layers", "num_hidden_layers"]);
    const heads = r.size("num_attention_heads");
    const headDim = r.size("kv_channels", 128);
    const mq = r.flag("multi_query_attention", false);
    const kvHeads = mq ? r.size(["multi_query_group_num", "n_head_kv"], 1) : heads;
    const ffn = r.size("ffn_hidden_size");
    const biasLinear = r.flag("add_bias_linear", false);
    const qkvBias = r.flag("add_qkv_bias", false) || biasLinear;
    const rms = r.flag("rmsnorm", true);
    const eps = r.num("layernorm_epsilon", 1e-5, { positive: true });
    if (!r.flag("post_layer_norm", true))
      r.problem("post_layer_norm", "a model without its final norm is not expressible yet (the spec always has one)");
    const ropeRatio = r.num("rope_ratio", 1, { positive: true });
    const core: Core = {
      vocabSize,
      dModel,
      numLayers,
      heads,
      kvHeads,
      headDim,
      intermediate: ffn,
      contextLength: r.size(["seq_length", "max_position_embeddings"], 2048),
      activation: "silu",
      tied: r.flag("tie_word_embeddings", false),
      eps,
      rope: { theta: 10000 * ropeRatio, fraction: 0.5 },
      attentionBias: qkvBias,
      mlpBias: biasLinear,
    };
    return denseDecoder(core, attentionOf(core, biases(qkvBias, biasLinear)), mlpOf(core, ffn, biasLinear ? { bias: true } : {}), {
      norm: rms ? rmsNorm(eps) : layerNorm(eps, "pre"),
    });
  },
};
