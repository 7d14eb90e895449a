/**
 * MiMo-7B (`mimo`, remote code): Qwen2 decoder layers plus multi-token prediction modules.
 *
 * MiMo-V2-Flash (`mimo_v2_flash`): sliding-window and global attention layers with their own KV head counts, a
 * value head narrower than the query/key head, learned sinks on the sliding layers, and a dense first layer before
 * MoE layers without shared experts. Both config layouts are read: transformers' (`layer_types`,
 * `mlp_layer_types`, `rope_parameters` keyed by layer type) and the checkpoints' remote-code keys
 * (`hybrid_layer_pattern`, `moe_layer_freq` lists, `swa_*` sizes, `swa_rope_theta`, sink flags).
 */
import type { AttentionMixer } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { attentionOf, biases, decoderDraft, layerTypes, mlpOf, mtpOf, readCore } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { activeExperts, groupLimitedRouter, moeOf } from "./moe.js";
import { qwen2 } from "./llama-family.js";
import { readRope, ropeKeyedByLayerType, ropeOverride } from "./rope.js";

/** A remote-code per-layer 0/1 list (`hybrid_layer_pattern`, `moe_layer_freq`) as layer types, or undefined. */
function flagList(r: ConfigReader, key: string, numLayers: number, zero: string, one: string): string[] | undefined {
  const value = r.value(key);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length !== numLayers || !value.every((v) => v === 0 || v === 1)) {
    r.problem(key, `expected a list of ${numLayers} entries of 0 or 1, got ${JSON.stringify(value).slice(0, 80)}`);
    return undefined;
  }
  return value.map((v) => (v === 1 ? one : zero));
}

// mimo_v2_flash: configuration_mimo_v2_flash.py @019770ddcfd6bd6c1089adebb7e6428b2155cf01 (MiMoV2FlashConfig: vocab
// 152576, hidden 4096, intermediate 16384, moe_intermediate_size 2048, 48 layers, 64 heads, kv 4, head_dim 192,
// v_head_dim 128, max_position 131072, rms 1e-5, untied, attention_bias false, 256 routed experts, top-8,
// routed_scaling_factor 1 (null in the hub config), n_group 1, topk_group 1, sliding_window 128; layer_types full
// on layer 0 and every sixth layer, else sliding; mlp_layer_types dense on layer 0, else sparse; rope_parameters
// θ 5e6 (full) and 1e4 (sliding), partial_rotary_factor 0.334). modular_mimo_v2_flash.py
// @019770ddcfd6bd6c1089adebb7e6428b2155cf01: MiMoV2FlashAttention q/k/v (bias = attention_bias) with twice the KV heads
// on sliding layers, v_proj and o_proj (no bias) of v_head_dim, sinks (one per head) on sliding layers only;
// MiMoV2FlashSparseMoeBlock = DeepseekV3MoE (router weight + e_score_correction_bias, sigmoid) without shared experts;
// gated MLP otherwise; the checkpoints' MTP weights (model.mtp.*) are not loaded and not counted.
export const mimoV2Flash: FamilyImporter = {
  configClass: "MiMoV2FlashConfig",
  ignores: ["attention_value_scale", "moe_router_dtype", "attention_chunk_size"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 152576,
      kvHeads: 4,
      headDim: 192,
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-5,
      tied: false,
      theta: 5e6,
      fraction: 0.334,
      attentionBias: false,
      keys: { eps: ["rms_norm_eps", "layernorm_epsilon"] },
    });
    const n = core.numLayers;
    const pattern = r.has("layer_types") ? undefined : flagList(r, "hybrid_layer_pattern", n, "full_attention", "sliding_attention");
    if (r.has("layer_types")) r.markRead("hybrid_layer_pattern");
    const types =
      pattern ??
      layerTypes(r, n, (i) => (i === 0 || (i + 1) % 6 === 0 ? "full_attention" : "sliding_attention"), [
        "full_attention",
        "sliding_attention",
      ]);
    const mlp = r.has("mlp_layer_types") ? undefined : flagList(r, "moe_layer_freq", n, "dense", "sparse");
    if (r.has("mlp_layer_types")) r.markRead("moe_layer_freq");
    const mlpTypes = mlp ?? layerTypes(r, n, (i) => (i === 0 ? "dense" : "sparse"), ["dense", "sparse"], "mlp_layer_types");

    const vHead = r.size("v_head_dim", 128);
    const window = r.size(["sliding_window", "sliding_window_size"], 128);
    r.markRead(["sliding_window", "sliding_window_size"]);
    const swaTheta = r.has("swa_rope_theta")
      ? r.num("swa_rope_theta", 1e4, { positive: true })
      : ropeKeyedByLayerType(r)
        ? readRope(r, { defaultTheta: 1e4, layerType: "sliding_attention" }).theta
        : r.useDefault("swa_rope_theta", 1e4);
    const swaRope = ropeOverride(core.rope, { ...core.rope, theta: swaTheta });
    const full: AttentionMixer = attentionOf(core, {
      ...biases(core.attentionBias, false),
      ...(vHead !== core.headDim ? { valueHeadDim: vHead } : {}),
      ...(r.flag("add_full_attention_sink_bias", false) ? { sinks: true } : {}),
    });
    const swaHead = r.size("swa_head_dim", core.headDim);
    const swaValue = r.size("swa_v_head_dim", vHead);
    const swa: AttentionMixer = {
      kind: "attention",
      heads: r.size("swa_num_attention_heads", core.heads),
      kvHeads: r.size("swa_num_key_value_heads", 2 * core.kvHeads),
      headDim: swaHead,
      ...(swaValue !== swaHead ? { valueHeadDim: swaValue } : {}),
      ...biases(core.attentionBias, false),
      window,
      ...(swaRope ? { rope: swaRope } : {}),
      ...(r.flag("add_swa_attention_sink_bias", true) ? { sinks: true } : {}),
    };
    if (swa.heads % swa.kvHeads !== 0) r.problem("swa_num_key_value_heads", `${swa.kvHeads} KV heads do not divide ${swa.heads} heads`);

    if (r.count("n_shared_experts", 0) > 0) r.problem("n_shared_experts", "MiMoV2FlashSparseMoeBlock has no shared experts");
    const experts = r.size(["n_routed_experts", "num_local_experts"], 256);
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "num_experts_per_tok", 8, experts),
      expertHidden: r.size("moe_intermediate_size", 2048),
      router: groupLimitedRouter(r, experts, { groups: 1, topkGroups: 1, scale: 1 }),
    });
    if (r.count("num_nextn_predict_layers", 0) > 0) {
      r.warn("mimo_v2_flash: the MTP modules (model.mtp.*) are not loaded by MiMoV2FlashForCausalLM and are not counted");
    }
    return decoderDraft(core, {
      mixers: { full, sliding: swa },
      ffns: { dense: mlpOf(core), moe },
      stack: types.map((t, i) => ({
        mixer: t === "sliding_attention" ? "sliding" : "full",
        ffn: mlpTypes[i] === "sparse" ? "moe" : "dense",
      })),
    });
  },
};

// mimo: remote code (MiMoConfig(Qwen2Config) with num_nextn_predict_layers, default 0; MiMoForCausalLM = Qwen2ForCausalLM
// over MiMoModel, whose mtp_layers are MiMoMTPLayers), as vLLM ports it: vllm-project/vllm
// vllm/model_executor/models/mimo_mtp.py @0bb55d60cb667d2f4e263b55304a30b38fe2e55c (MiMoMultiTokenPredictorLayer:
// token_layernorm, hidden_layernorm, input_proj 2·hidden → hidden without bias, one Qwen2DecoderLayer,
// final_layernorm; the embedding and head are the main model's). The main model is read as Qwen2Config.
export const mimo: FamilyImporter = {
  configClass: "MiMoConfig",
  ignores: ["use_mrope"],
  build(r) {
    const draft = qwen2.build(r);
    // Qwen2Attention builds q/k/v with a bias whatever attention_bias says (the Qwen2 import counts it so).
    if (!r.flag("attention_bias", true)) r.warn("mimo: attention_bias false is not followed: Qwen2Attention always has q/k/v biases");
    const last = draft.stack[draft.stack.length - 1];
    const mtp = mtpOf(r, last?.mixer ?? "attn", last?.ffn ?? "mlp");
    return mtp ? { ...draft, mtp } : draft;
  },
};
