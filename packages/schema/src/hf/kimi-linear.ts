/**
 * Kimi Linear (`kimi_linear`): Kimi Delta Attention layers with a few multi-head latent attention layers between
 * them, over a DeepSeek V3-style dense-then-MoE feed-forward.
 */
import type { KimiDeltaMixer, MlaMixer } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { decoderDraft, layerTypes, mlpOf, mtpOf, readCore } from "./decoder.js";
import { mla, moeLayerFreq } from "./deepseek.js";
import type { FamilyImporter } from "./draft.js";
import { activeExperts, groupLimitedRouter, moeOf } from "./moe.js";

/**
 * Each layer's mixer type: `layer_types`, else the checkpoint's 1-indexed `linear_attn_config.full_attn_layers`
 * and `kda_layers` (together naming every layer once), else full attention when (i + 1) % 4 == 0.
 */
function mixerTypes(r: ConfigReader, linear: ConfigReader | undefined, numLayers: number): string[] {
  const rule = (i: number) => ((i + 1) % 4 === 0 ? "full_attention" : "linear_attention");
  if (r.has("layer_types") || !linear || !(linear.has("full_attn_layers") && linear.has("kda_layers"))) {
    linear?.markRead(["full_attn_layers", "kda_layers"]);
    return layerTypes(r, numLayers, rule, ["full_attention", "linear_attention"]);
  }
  const types: (string | undefined)[] = Array.from({ length: numLayers }, () => undefined);
  for (const [key, type] of [
    ["full_attn_layers", "full_attention"],
    ["kda_layers", "linear_attention"],
  ] as const) {
    for (const n of linear.intList(key) ?? []) {
      if (n < 1 || n > numLayers) linear.problem(key, `layer ${n} is outside 1…${numLayers} (the list is 1-indexed)`);
      else if (types[n - 1] !== undefined) linear.problem(key, `layer ${n} is listed twice`);
      else types[n - 1] = type;
    }
  }
  const missing = types.flatMap((t, i) => (t === undefined ? [i + 1] : []));
  if (missing.length)
    linear.problem(
      "kda_layers",
      `layers ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""} are in neither full_attn_layers nor kda_layers`,
    );
  return types.map((t, i) => t ?? rule(i));
}

/** Kimi K3 fields this import does not read yet: refused when they change the model. */
function refuseKimiK3Extensions(r: ConfigReader): void {
  if (r.flag("mla_use_output_gate", false))
    r.problem("mla_use_output_gate", "the MLA output gate (Kimi K3) is not read by the kimi_linear import yet");
  if (r.count("attn_res_block_size", 0) > 0)
    r.problem("attn_res_block_size", "Block Attention Residuals (Kimi K3) are not expressible yet");
  for (const key of ["activation_situ_beta", "activation_situ_linear_beta"]) {
    if (r.num(key, 1) !== 1) r.problem(key, "a SiTU β other than 1 is not expressible yet");
  }
}

// kimi_linear: configuration_kimi_linear.py @0bc4dd0d6a7cbd5dee2280a076b8ea89e8af22cd (KimiLinearConfig: vocab 163840,
// hidden 2304, intermediate 9216, moe_intermediate_size 1024, 27 layers, 32 heads, n_shared_experts 1,
// routed_scaling_factor 2.446, kv_lora_rank 512, q_lora_rank None, qk_rope 64, v_head_dim 128, qk_nope 128, n_group 1,
// topk_group 1, num_experts_per_tok 8, max_position 1048576, rms 1e-5, untied, attention_bias false,
// num_local_experts 256, linear_head_dim 128, linear_num_heads 32, linear_conv_kernel_dim 4, mla_use_nope false,
// first_k_dense_replace 1, dense_ffn_hidden = intermediate_size; attribute_map model_max_length,
// num_expert_group, num_experts, num_experts_per_token, num_shared_experts; linear_attn_config's head_dim,
// num_heads, short_conv_kernel_size and 1-indexed full_attn_layers / kda_layers). modeling_kimi_linear.py
// @016bd12cbf941618d91c303ba44f7ca9d4f3f4da: KimiLinearAttention is DeepSeek V3's MLA (q_proj when q_lora_rank is
// None) without biases; KimiLinearDeltaAttention: q/k/v_proj, one depthwise conv1d over q, k and v without bias,
// forget gate d → head_dim → heads·head_dim, beta_proj d → heads, A_log (heads), dt_bias (heads × head_dim), output
// gate d → head_dim → heads·head_dim without bias (or one d → heads·head_dim projection with
// use_full_rank_output_gate), gated RMSNorm (head_dim), o_proj; KimiLinearMoE: router weight +
// e_score_correction_bias, sigmoid, group-limited, shared experts MLP(moe_intermediate_size × n_shared_experts).
export const kimiLinear: FamilyImporter = {
  configClass: "KimiLinearConfig",
  ignores: ["use_grouped_topk", "moe_renormalize", "forget_gate_lower_bound"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 163840,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 1048576,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      attentionBias: false,
      noHeadShape: true,
      keys: { context: ["max_position_embeddings", "model_max_length"] },
    });
    // KimiLinearConfig points head_dim at qk_rope_head_dim for the rotary embedding; it sizes nothing.
    r.markRead("head_dim");
    refuseKimiK3Extensions(r);
    moeLayerFreq(r, "kimi_linear");
    const routerActivation = r.str("moe_router_activation_func", "sigmoid");
    if (routerActivation !== "sigmoid")
      r.problem("moe_router_activation_func", `KimiLinearTopkRouter scores with a sigmoid, got "${routerActivation}"`);
    const linear = r.child("linear_attn_config");
    const kda: KimiDeltaMixer = {
      kind: "kimi-delta",
      heads: linear?.optSize("num_heads") ?? r.size("linear_num_heads", 32),
      headDim: linear?.optSize("head_dim") ?? r.size("linear_head_dim", 128),
      convKernel: linear?.optSize("short_conv_kernel_size") ?? r.size("linear_conv_kernel_dim", 4),
      ...(r.flag("use_full_rank_output_gate", false) ? { outputGate: "full-rank" as const } : { outputGateBias: false }),
    };
    const types = mixerTypes(r, linear, core.numLayers);
    const nope = r.flag("mla_use_nope", false);
    const attention: MlaMixer = { ...mla(r, core, { qLoraRank: null }), ...(nope ? { rope: false as const } : {}) };
    const firstDense = r.count("first_k_dense_replace", 1);
    const mlpTypes = layerTypes(r, core.numLayers, (i) => (i < firstDense ? "dense" : "sparse"), ["dense", "sparse"], "mlp_layer_types");
    const experts = r.size(["num_experts", "n_routed_experts", "num_local_experts"], 256);
    const shared = r.count(["num_shared_experts", "n_shared_experts"], 1);
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, ["num_experts_per_token", "num_experts_per_tok"], 8, experts),
      expertHidden: r.size("moe_intermediate_size", 1024),
      ...(shared > 0 ? { sharedExperts: shared } : {}),
      router: groupLimitedRouter(r, experts, { groups: 1, topkGroups: 1, scale: 2.446 }, ["num_expert_group", "n_group"]),
    });
    const dense = mlpOf(core, r.size("dense_ffn_hidden", core.intermediate));
    const mtp = mtpOf(r, "mla", "moe", ["num_nextn_predict_layers", "num_mtp_layers"]);
    return decoderDraft(core, {
      mixers: { kda, mla: attention },
      ffns: { dense, moe },
      stack: types.map((t, i) => ({ mixer: t === "full_attention" ? "mla" : "kda", ffn: mlpTypes[i] === "sparse" ? "moe" : "dense" })),
      ...(mtp ? { mtp } : {}),
    });
  },
};
