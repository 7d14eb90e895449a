/**
 * Laguna (`laguna`, Poolside): global and sliding-window attention layers with per-layer head counts, per-head q/k
 * norms and a per-head output gate, over a dense first layer and sigmoid-routed MoE layers with a shared expert.
 */
import type { AttentionMixer, RopeSettings } from "../spec-types.js";
import { type ConfigReader, isJsonObject } from "./config-reader.js";
import { attentionOf, decoderDraft, layerTypes, mlpOf, readCore, slidingWindow } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { activeExperts, moeOf } from "./moe.js";
import { ropeOverride } from "./rope.js";

/** The sliding layers' RoPE: `rope_parameters.sliding_attention` as written (θ 1e4 and the whole head by default). */
function slidingRope(r: ConfigReader): RopeSettings {
  const params = r.value("rope_parameters");
  const entry = isJsonObject(params) && isJsonObject(params.sliding_attention) ? params.sliding_attention : {};
  const number = (key: string, fallback: number): number => {
    const v = entry[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "number" || !(v > 0)) {
      r.problem("rope_parameters", `sliding_attention.${key}: expected a positive number, got ${JSON.stringify(v)}`);
      return fallback;
    }
    return v;
  };
  const fraction = number("partial_rotary_factor", 1);
  return { theta: number("rope_theta", 1e4), ...(fraction !== 1 ? { fraction } : {}) };
}

// laguna: modular_laguna.py @049b5a3af2b7550638fd54e55cc6ccbab79fed39 (LagunaConfig(Qwen2MoeConfig): vocab 100352,
// hidden 2048, intermediate 8192, 40 layers, 48 heads, kv 8, head_dim 128, max_position 131072, rms 1e-6, untied,
// attention_bias false, 256 experts, top-8, moe_intermediate_size 512, shared_expert_intermediate_size 512,
// sliding_window 512, moe_routed_scaling_factor 1; layer_types all full, mlp_layer_types dense on layer 0 else sparse,
// num_attention_heads_per_layer all num_attention_heads; rope_parameters θ 5e5 over half the head (full) and θ 1e4
// over the whole head (sliding)). LagunaAttention (AfmoeAttention): q_proj of the layer's heads, k/v_proj of the KV
// heads, biases = attention_bias, q_norm/k_norm over head_dim, g_proj hidden → heads (softplus gate per head), o_proj;
// LagunaSparseMoeBlock: router weight + e_score_correction_bias (sigmoid), Qwen3-MoE experts, one shared MLP of
// shared_expert_intermediate_size without a gate; dense layers LagunaMLP(intermediate_size); two norms per layer.
export const laguna: FamilyImporter = {
  configClass: "LagunaConfig",
  ignores: ["use_bidirectional_attention", "moe_router_logit_softcapping"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 100352,
      kvHeads: 8,
      headDim: 128,
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-6,
      tied: false,
      theta: 5e5,
      fraction: 0.5,
      attentionBias: false,
    });
    if (r.flag("moe_apply_router_weight_on_input", false)) {
      r.problem(
        "moe_apply_router_weight_on_input",
        "router weights on the MoE input are not supported by transformers' Laguna (nor read here)",
      );
    }
    if (!r.flag("gating", true))
      r.problem("gating", "LagunaAttention always has its per-head gate (g_proj); a config without it is not read yet");
    const n = core.numLayers;
    const types = layerTypes(r, n, () => "full_attention", ["full_attention", "sliding_attention"]);
    const mlpTypes = layerTypes(r, n, (i) => (i === 0 ? "dense" : "sparse"), ["dense", "sparse"], "mlp_layer_types");
    const perLayer = r.intList("num_attention_heads_per_layer");
    if (perLayer && perLayer.length !== n)
      r.problem("num_attention_heads_per_layer", `lists ${perLayer.length} layers but the model has ${n}`);
    const headsOf = (i: number) => (perLayer && perLayer.length === n ? (perLayer[i] as number) : core.heads);
    const window = slidingWindow(r, 512);
    const swaRope = ropeOverride(core.rope, slidingRope(r));
    const mixers: Record<string, AttentionMixer> = {};
    const nameOf = (i: number): string => {
      const heads = headsOf(i);
      if (heads < 1 || heads % core.kvHeads !== 0)
        r.problem("num_attention_heads_per_layer", `layer ${i}: ${heads} heads are not a positive multiple of ${core.kvHeads} KV heads`);
      const sliding = types[i] === "sliding_attention" && window !== undefined;
      const base = sliding ? "swa" : "global";
      const name =
        Object.entries(mixers).find(([k, m]) => k.startsWith(base) && m.heads === heads)?.[0] ??
        (base in mixers ? `${base}-${heads}` : base);
      mixers[name] ??= attentionOf(core, {
        heads,
        ...(core.attentionBias ? { qkvBias: true, outBias: true } : {}),
        qkNorm: { kind: "rmsnorm", scope: "head" },
        outputGate: "headwise",
        ...(sliding ? { window, ...(swaRope ? { rope: swaRope } : {}) } : {}),
      });
      return name;
    };
    const stack = types.map((_, i) => ({ mixer: nameOf(i), ffn: mlpTypes[i] === "sparse" ? "moe" : "dense" }));
    const experts = r.size("num_experts", 256);
    const expertHidden = r.size("moe_intermediate_size", 512);
    const sharedHidden = r.count("shared_expert_intermediate_size", 512);
    const scale = r.num("moe_routed_scaling_factor", 1, { positive: true });
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "num_experts_per_tok", 8, experts),
      expertHidden,
      ...(sharedHidden > 0 ? { sharedExperts: 1, ...(sharedHidden !== expertHidden ? { sharedHidden } : {}) } : {}),
      router: { scoring: "sigmoid", bias: true, ...(scale !== 1 ? { routedScale: scale } : {}) },
    });
    return decoderDraft(core, { mixers, ffns: { dense: mlpOf(core), moe }, stack });
  },
};
