/**
 * Gemma 1, 2 and 3 text decoders: embeddings scaled by √d, zero-centred RMSNorm (weight stored as an offset
 * from 1), GeGLU MLPs, tied head; Gemma 2/3 add sandwich norms and alternate sliding-window with global layers,
 * Gemma 3 adds per-head q/k norms and a separate RoPE θ for the local layers.
 */
import type { AttentionMixer, Norm } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { attentionOf, type Core, type CoreDefaults, decoderDraft, denseDecoder, layerTypes, mlpOf, readCore, slidingWindow } from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
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
      vocabSize: 256000, kvHeads: 16, headDim: 256, activation: "gelu_pytorch_tanh", maxPositions: 8192, eps: 1e-6, tied: true, theta: 10000,
      attentionBias: false, keys: { activation: ["hidden_act", "hidden_activation"] },
    });
    const attn = attentionOf(core, core.attentionBias ? { qkvBias: true, outBias: true } : {});
    return denseDecoder(core, attn, mlpOf(core), { norm: zeroCentred(core.eps, "pre"), embedding: { tied: core.tied, scale: "sqrt-d" } });
  },
};

const gemma2Defaults: CoreDefaults = {
  vocabSize: 256000, kvHeads: 4, headDim: 256, activation: "gelu_pytorch_tanh", maxPositions: 8192, eps: 1e-6, tied: true, theta: 10000,
  attentionBias: false, keys: { activation: ["hidden_activation", "hidden_act"] },
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
