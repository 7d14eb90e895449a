/**
 * Llama-shaped dense decoders: blocks of softmax attention and an MLP, one after the other. The families
 * differ in their defaults, biases, q/k norms, norm placement and sliding-window layers.
 *
 * Sources (transformers, huggingface/transformers; path @ commit):
 * each importer names the configuration class and modeling file it follows.
 */
import type { AttentionMixer, Norm } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import {
  attentionOf,
  biases,
  type Core,
  decoderDraft,
  denseDecoder,
  layerTypes,
  mlpOf,
  readCore,
  rmsNorm,
  slidingWindow,
  uniformStack,
} from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import type { Slot } from "./pattern.js";
import { readRope, ropeKeyedByLayerType, ropeOverride } from "./rope.js";

const SLIDING = "sliding_attention";
const FULL = "full_attention";

/** Layers split into sliding-window and full attention by per-layer types. */
function slidingAndFull(
  core: Core,
  types: readonly string[],
  sliding: AttentionMixer,
  full: AttentionMixer,
  norm?: Norm,
): ArchitectureDraft {
  const stack: Slot[] = types.map((t) => ({ mixer: t === SLIDING && sliding.window !== undefined ? "sliding" : "full", ffn: "mlp" }));
  return decoderDraft(core, {
    mixers: { sliding, full },
    ffns: { mlp: mlpOf(core) },
    stack,
    ...(norm ? { norm } : {}),
  });
}

/**
 * The Qwen2/Qwen3 sliding-window rule: with `use_sliding_window`, layers from `max_window_layers` on use
 * the window (`Qwen2Config.__post_init__`); an explicit `layer_types` list wins.
 */
function qwenLayerTypes(r: ConfigReader, core: Core): { types: string[]; window: number | undefined } {
  const window = r.flag("use_sliding_window", false) ? slidingWindow(r, 4096) : undefined;
  // Without use_sliding_window the size binds nothing (checkpoints carry it anyway).
  if (window === undefined) r.markRead("sliding_window");
  const maxWindowLayers = r.count("max_window_layers", 28);
  const types = layerTypes(r, core.numLayers, (i) => (window !== undefined && i >= maxWindowLayers ? SLIDING : FULL), [SLIDING, FULL]);
  return { types, window };
}

// llama: configuration_llama.py @008e574391258935f3ecc3035c882e73bbcac419 (LlamaConfig: vocab 32000,
// kv = heads, head_dim = hidden/heads, max_position 2048, rms 1e-6, untied, attention_bias and mlp_bias false;
// the attention_bias doc: "bias in the query, key, value and output projection layers").
export const llama: FamilyImporter = {
  configClass: "LlamaConfig",
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
      mlpBias: false,
    });
    return denseDecoder(core, attentionOf(core, biases(core.attentionBias, core.attentionBias)), mlpOf(core));
  },
};

// granite: configuration_granite.py @008e574391258935f3ecc3035c882e73bbcac419 (GraniteConfig = LlamaConfig's
// fields plus embedding_multiplier, logits_scaling, residual_multiplier, attention_multiplier; rms 1e-6).
// The multipliers hold no parameters; embedding_multiplier is the embedding scale.
export const granite: FamilyImporter = {
  configClass: "GraniteConfig",
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
      mlpBias: false,
    });
    const draft = denseDecoder(core, attentionOf(core, biases(core.attentionBias, core.attentionBias)), mlpOf(core));
    const scale = r.num("embedding_multiplier", 1);
    if (scale !== 1) draft.embedding = { ...draft.embedding, scale };
    return draft;
  },
};

// mistral: configuration_mistral.py @001f85b38fb432858ace93f18622f07cec46d874 (MistralConfig: kv 8,
// max_position 4096*32, rms 1e-6, untied, sliding_window 4096 on every layer; no attention bias field).
export const mistral: FamilyImporter = {
  configClass: "MistralConfig",
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
    return denseDecoder(core, attentionOf(core, window !== undefined ? { window } : {}), mlpOf(core));
  },
};

// qwen2: configuration_qwen2.py @008e574391258935f3ecc3035c882e73bbcac419 (Qwen2Config: vocab 151936,
// num_key_value_heads default 32, max_position 32768, rms 1e-6, untied, use_sliding_window false,
// sliding_window 4096, max_window_layers 28). Qwen2Attention (modular_qwen2.py):
// q/k/v Linear(bias=True), o_proj bias=False.
export const qwen2: FamilyImporter = {
  configClass: "Qwen2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 151936,
      kvHeads: 32,
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: false,
      theta: 10000,
    });
    const { types, window } = qwenLayerTypes(r, core);
    const full = attentionOf(core, { qkvBias: true });
    return slidingAndFull(core, types, { ...full, ...(window !== undefined ? { window } : {}) }, full);
  },
};

// qwen3: configuration_qwen3.py @008e574391258935f3ecc3035c882e73bbcac419 (Qwen3Config: as Qwen2 plus
// head_dim 128, attention_bias false); q_norm/k_norm per head (tp plan "layers.*.self_attn.q_norm").
/** Qwen3's blocks under a configuration class's defaults (Qwen3Config, Qwen3VLTextConfig). */
function qwen3Family(
  configClass: string,
  d: { kvHeads: number; maxPositions: number; theta: number; slidingFields: boolean },
): FamilyImporter {
  return {
    configClass,
    build(r) {
      const core = readCore(r, {
        vocabSize: 151936,
        kvHeads: d.kvHeads,
        headDim: 128,
        activation: "silu",
        maxPositions: d.maxPositions,
        eps: 1e-6,
        tied: false,
        theta: d.theta,
        attentionBias: false,
      });
      // Qwen3VLTextConfig has no sliding-window fields: every layer is global (a stray key is reported unread).
      const { types, window } = d.slidingFields
        ? qwenLayerTypes(r, core)
        : { types: core.numLayers > 0 ? Array<string>(core.numLayers).fill(FULL) : [], window: undefined };
      const full = attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "head" } });
      return slidingAndFull(core, types, { ...full, ...(window !== undefined ? { window } : {}) }, full);
    },
  };
}

export const qwen3 = qwen3Family("Qwen3Config", { kvHeads: 32, maxPositions: 32768, theta: 10000, slidingFields: true });

// qwen3_vl_text: configuration_qwen3_vl.py @e1b551679e267be053b45581cbabd028a14defd2 (Qwen3VLTextConfig: vocab 151936,
// kv 32, head_dim 128, max_position 128000, rms 1e-6, untied, θ 5e6, attention_bias false). modeling_qwen3_vl.py:
// Qwen3's decoder layers (per-head q/k norms); MRoPE and the deepstack visual features add no text-model weights.
export const qwen3VlText = qwen3Family("Qwen3VLTextConfig", { kvHeads: 32, maxPositions: 128000, theta: 5e6, slidingFields: false });

// olmo: configuration_olmo.py @008e574391258935f3ecc3035c882e73bbcac419 (OlmoConfig: vocab 50304,
// max_position 2048, untied, attention_bias false). OlmoLayerNorm is "LayerNorm but with no learnable
// weight or bias" (modeling_olmo.py), eps fixed at 1e-5.
export const olmo: FamilyImporter = {
  configClass: "OlmoConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50304,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    return denseDecoder(core, attentionOf(core, biases(core.attentionBias, core.attentionBias)), mlpOf(core), {
      norm: { kind: "layernorm", bias: false, affine: false, placement: "pre", eps: 1e-5 },
    });
  },
};

// olmo2: configuration_olmo2.py @008e574391258935f3ecc3035c882e73bbcac419 (Olmo2Config: OlmoConfig's
// defaults, rms_norm_eps 1e-5). modular_olmo2.py @008f5c8c29be84d4721dc6d1e0fcd72300580be4: q_norm over
// heads×head_dim and k_norm over kv_heads×head_dim; post_attention_layernorm and post_feedforward_layernorm
// after each sublayer, no input_layernorm.
export const olmo2: FamilyImporter = {
  configClass: "Olmo2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50304,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    const attn = attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "all-heads" } });
    return denseDecoder(core, attn, mlpOf(core), { norm: rmsNorm(core.eps, "post") });
  },
};

// olmo3: configuration_olmo3.py @008e574391258935f3ecc3035c882e73bbcac419 (Olmo3Config: Olmo2's fields plus
// sliding_window 4096, layer i sliding unless (i+1) % 4 == 0, default θ 500000; rope_scaling goes to the
// full-attention layers only, sliding layers keep plain RoPE). Blocks as OLMo 2.
export const olmo3: FamilyImporter = {
  configClass: "Olmo3Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 50304,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 500000,
      attentionBias: false,
    });
    const window = slidingWindow(r, 4096);
    const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % 4 !== 0 ? SLIDING : FULL), [SLIDING, FULL]);
    const full = attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "all-heads" } });
    const slidingRope = readRope(r, { defaultTheta: 500000, layerType: SLIDING, noScaling: !ropeKeyedByLayerType(r) });
    const override = ropeOverride(core.rope, slidingRope);
    const sliding: AttentionMixer = { ...full, ...(window !== undefined ? { window } : {}), ...(override ? { rope: override } : {}) };
    return slidingAndFull(core, types, sliding, full, rmsNorm(core.eps, "post"));
  },
};

/** EXAONE 4 layer types from `sliding_window_pattern`: an int period, or a string of L/G repeating from layer 0. */
function exaoneLayerTypes(r: ConfigReader, core: Core, window: number | undefined): string[] {
  const pattern = r.value("sliding_window_pattern") ?? r.useDefault("sliding_window_pattern", 4);
  const rule = (i: number): string => {
    if (window === undefined) return FULL;
    if (typeof pattern === "number") return pattern > 0 && (i + 1) % pattern !== 0 ? SLIDING : FULL;
    if (typeof pattern === "string" && pattern.length > 0) {
      if (i === core.numLayers - 1) return FULL; // "The final layer always uses global attention"
      return pattern[i % pattern.length] === "L" ? SLIDING : FULL;
    }
    return FULL;
  };
  if (typeof pattern !== "number" && !(typeof pattern === "string" && /^[LG]+$/.test(pattern))) {
    r.problem("sliding_window_pattern", `expected an integer or a string of "L" and "G", got ${JSON.stringify(pattern)}`);
  }
  return layerTypes(r, core.numLayers, rule, [SLIDING, FULL]);
}

// exaone4: configuration_exaone4.py and modular_exaone4.py @008e574391258935f3ecc3035c882e73bbcac419
// (Exaone4Config: vocab 102400, kv 32, max_position 2048, rms 1e-5, untied, sliding_window 4096,
// sliding_window_pattern 4 (int, or "LLLG"-style string, final layer global)). Exaone4Attention: no biases,
// q_norm/k_norm over head_dim, RoPE only on sliding layers when a window is set ("global NoPE"); the decoder
// layer is Olmo2DecoderLayer (norms after each sublayer).
export const exaone4: FamilyImporter = {
  configClass: "Exaone4Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 102400,
      kvHeads: 32,
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-5,
      tied: false,
      theta: 10000,
    });
    const window = slidingWindow(r, 4096);
    const types = exaoneLayerTypes(r, core, window);
    const base = attentionOf(core, { qkNorm: { kind: "rmsnorm", scope: "head" } });
    const full: AttentionMixer = window !== undefined ? { ...base, rope: false } : base;
    return slidingAndFull(core, types, { ...base, ...(window !== undefined ? { window } : {}) }, full, rmsNorm(core.eps, "post"));
  },
};

// phi3: configuration_phi3.py @008e574391258935f3ecc3035c882e73bbcac419 (Phi3Config: vocab 32064,
// kv = heads, max_position 4096, original_max_position_embeddings 4096, rms 1e-5, untied, sliding_window
// None, partial_rotary_factor 1.0; "su"/"yarn" scaling is read as "longrope"). The tp plan fuses q/k/v into
// qkv_proj and gate/up into gate_up_proj: the same weights as separate projections, counted the same.
export const phi3: FamilyImporter = {
  configClass: "Phi3Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 32064,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-5,
      tied: false,
      theta: 10000,
    });
    const scaling = core.rope.scaling;
    if (scaling && (scaling.type === "su" || scaling.type === "yarn" || scaling.type === "longrope")) {
      scaling.type = "longrope";
      scaling.originalContext ??= r.size("original_max_position_embeddings", 4096);
    }
    const window = slidingWindow(r, null);
    return denseDecoder(core, attentionOf(core, window !== undefined ? { window } : {}), mlpOf(core));
  },
};

// starcoder2: configuration_starcoder2.py @008e574391258935f3ecc3035c882e73bbcac419 (Starcoder2Config:
// vocab 49152, kv 2, gelu_pytorch_tanh, max_position 4096, norm_epsilon 1e-5, tied, sliding_window None,
// use_bias true: "bias term on linear layers of the model"). modular_starcoder2.py
// @0325dc46d07792e6dbe7603465c5d952f6a8ecf5: Starcoder2MLP c_fc/c_proj (bias=use_bias, not gated), nn.LayerNorm
// input/post-attention norms and final norm.
export const starcoder2: FamilyImporter = {
  configClass: "Starcoder2Config",
  build(r) {
    const core = readCore(r, {
      vocabSize: 49152,
      kvHeads: 2,
      activation: "gelu_pytorch_tanh",
      maxPositions: 4096,
      eps: 1e-5,
      tied: true,
      theta: 10000,
      keys: { eps: "norm_epsilon" },
    });
    const bias = r.flag("use_bias", true);
    const window = slidingWindow(r, null);
    const attn = attentionOf(core, { ...biases(bias, bias), ...(window !== undefined ? { window } : {}) });
    const name = window !== undefined ? "sliding" : "attn";
    return decoderDraft(core, {
      mixers: { [name]: attn },
      ffns: { mlp: mlpOf(core, core.intermediate, { gated: false, ...(bias ? { bias: true } : {}) }) },
      stack: uniformStack(core.numLayers, { mixer: name, ffn: "mlp" }),
      norm: { kind: "layernorm", bias: true, placement: "pre", eps: core.eps },
    });
  },
};

// internlm2: remote code (InternLM2Config is not in transformers and was not readable in the index). Defaults
// from MindIE-LLM's transcription of InternLM2Config (verylucky01/MindIE-LLM
// examples/atb_models/atb_llm/models/internlm2/config_internlm2.py, seen via search): kv = heads, silu,
// max_position 32768, rms 1e-6, untied, bias true, θ 10000; vocab_size is required (no trustworthy default).
// Blocks: fused wqkv and wo (bias = config.bias), gated w1/w3/w2 MLP without bias, RMSNorm before each
// sublayer. The fused projection holds the same weights as separate q/k/v.
export const internlm2: FamilyImporter = {
  configClass: "InternLM2Config",
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
    const bias = r.flag("bias", true);
    return denseDecoder(core, attentionOf(core, biases(bias, bias)), mlpOf(core));
  },
};

// baichuan: remote code. Defaults of BaichuanConfig as vLLM carries it (vllm-project/vllm
// vllm/transformers_utils/configs/baichuan_13b.py, seen via search: vocab 64000, silu, model_max_length 4096,
// rms 1e-6, untied). Blocks per vLLM's BaiChuan model (vllm/model_executor/models/baichuan.py
// @0019d7cd1187898c2df562865884c3fc63185326): W_pack (hidden → 3·hidden, no bias), o_proj (no bias),
// gate/up/down (no bias), RMSNorm before each sublayer, untied lm_head. Positions, which config.json does not
// name, by the same file: BaiChuanForCausalLM (Baichuan-7B) and BaichuanForCausalLM with hidden_size 4096
// (Baichuan2-7B) use RoPE; BaichuanForCausalLM otherwise (Baichuan-13B, Baichuan2-13B) uses ALiBi.
export const baichuan: FamilyImporter = {
  configClass: "BaichuanConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 64000,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 4096,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      keys: { context: ["max_position_embeddings", "model_max_length"] },
    });
    // Baichuan 2 configs carry both lengths; the first one present is the context.
    r.markRead("model_max_length");
    const architectures = Array.isArray(r.raw.architectures) ? r.raw.architectures : [];
    const alibi = !architectures.includes("BaiChuanForCausalLM") && core.dModel !== 4096;
    r.warn(
      `baichuan: config.json does not say how positions are encoded; ${alibi ? "ALiBi" : "RoPE"} assumed by vLLM's rule ` +
        "(RoPE for BaiChuanForCausalLM and for hidden_size 4096, else ALiBi). Position encoding adds no parameters either way.",
    );
    const draft = denseDecoder(core, attentionOf(core), mlpOf(core));
    return alibi ? { ...draft, positional: { kind: "alibi" } } : draft;
  },
};
