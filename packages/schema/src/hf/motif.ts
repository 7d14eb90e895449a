/**
 * Motif (`Motif`, Motif Technologies' Motif 3): grouped differential latent attention in every layer, sliding-window
 * layers interleaved with full ones, dense first layers then sigmoid-routed MoE with a shared expert, PolyNorm
 * activations, manifold hyper-connections and one MTP module.
 */
import type { GdlaMixer, RopeSettings } from "../spec-types.js";
import { decoderDraft, mlpOf, readCore } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { activeExperts, moeOf } from "./moe.js";

// Motif: MotifConfig defaults (HelloKS/vllm vllm/transformers_utils/configs/motif.py @27a89f742062: vocab 151936,
// hidden 4096, intermediate 22016, 32 layers, 32 heads, kv 32, silu, max_position 32768, rms 1e-6, untied,
// rope_theta 1e6, use_sliding_window false, sliding_window 4096, pattern interleave, period 2, num_noise_heads 0,
// experts_top_k 2, moe_intermediate_size = intermediate, score_func softmax, route_scale 1, n_dense_first_layers 0,
// mhc_enabled false, expansion 4, q/kv lora 0, qk_rope_head_dim head_dim/2, v_head_dim head_dim, gates false,
// num_nextn_predict_layers 0). MotifGDLAttention: wq_a, q_norm, wq_b (heads·head_dim), wq_b_gate (signal·v, with
// elementwise_attn_output_gate), wkv_a (lora + rope), kv_norm, wkv_b (kv heads·(nope + v)), lambda_proj (d → signal),
// wo (signal·v → d); a layer is windowed (sliding_window + 1 tokens, plain RoPE with swa_rope_theta) when
// layer % period ≠ 0 (pattern interleave) or always (pattern all). MotifMHCLayer around each sublayer: proj (n·d →
// 2n + n²), a weighted RMSNorm over n·d, biases and three alphas; the streams are averaged before the final norm.
// The MTP module (embed_norm, input_proj 2d → d, a windowed GDLA layer with a dense MLP, final norm) has no mHC.
export const motif: FamilyImporter = {
  configClass: "MotifConfig",
  ignores: [
    "_debug_force_load_balance",
    "diff_v2",
    "k_ratio",
    "max_window_layers",
    "mhc_identity_init",
    "mhc_sinkhorn_iters",
    "polynorm_output_scale",
    "polynorm_output_scale_per_layer",
    "polynorm_bias_clamp",
    "hidden_clamp",
    "router_aux_loss_coef",
    "score_before_experts",
    "output_router_logits",
    "interleave_moe_layer_step",
    "route_norm",
    "rope_factor",
    "original_seq_len",
    "mscale",
  ],
  build(r) {
    const core = readCore(r, {
      vocabSize: 151936,
      kvHeads: 32,
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: false,
      theta: 1e6,
    });
    const attentionCls = r.str("attention_cls", "basic");
    if (attentionCls !== "gdla")
      r.problem("attention_cls", `only "gdla" (grouped differential latent attention) is read, got "${attentionCls}"`);
    if (r.flag("headwise_attn_output_gate", false))
      r.problem(
        "headwise_attn_output_gate",
        "a head-wise output gate on GDLA is not read yet (MotifGDLAttention has only the elementwise gate)",
      );
    const noiseHeads = r.size("num_noise_heads");
    const headDim = core.headDim;
    const qkRopeHeadDim = r.optSize("qk_rope_head_dim") ?? r.useDefault("qk_rope_head_dim", Math.floor(headDim / 2));
    const gdla: GdlaMixer = {
      kind: "gdla",
      heads: core.heads,
      noiseHeads,
      kvHeads: core.kvHeads,
      qLoraRank: r.size("q_lora_rank"),
      kvLoraRank: r.size("kv_lora_rank"),
      qkNopeHeadDim: headDim - qkRopeHeadDim,
      qkRopeHeadDim,
      vHeadDim: r.optSize("v_head_dim") ?? r.useDefault("v_head_dim", headDim),
      ...(r.flag("elementwise_attn_output_gate", false) ? { outputGate: "elementwise" as const } : {}),
      cachedAs: "keys-values",
    };
    const n = core.numLayers;
    const sliding = r.flag("use_sliding_window", false);
    const pattern = r.str("sliding_window_pattern", "interleave");
    if (pattern !== "interleave" && pattern !== "all")
      r.problem("sliding_window_pattern", `expected "interleave" or "all", got "${pattern}"`);
    const period = r.size("sliding_window_period", 2);
    const window = r.size("sliding_window", 4096) + 1;
    const swaRope: RopeSettings = {
      theta: r.num("swa_rope_theta", core.rope.theta ?? 1e6, { positive: true }),
      scaling: { type: "default" },
    };
    const windowed = (i: number) => sliding && (pattern === "all" || i % period !== 0);
    const mixers = { gdla, "gdla-swa": { ...gdla, window, rope: swaRope } };
    const firstDense = r.count("n_dense_first_layers", 0);
    const experts = r.count("num_experts", 0);
    const stack = Array.from({ length: n }, (_, i) => ({
      mixer: windowed(i) ? "gdla-swa" : "gdla",
      ffn: experts > 0 && i >= firstDense ? "moe" : "dense",
    }));
    const scoring = r.str("score_func", "softmax");
    if (scoring !== "softmax" && scoring !== "sigmoid") r.problem("score_func", `expected "softmax" or "sigmoid", got "${scoring}"`);
    const routedScale = r.num("route_scale", 1, { positive: true });
    const shared = r.count("num_shared_experts", 0);
    const ffns = {
      dense: mlpOf(core),
      ...(experts > 0
        ? {
            moe: moeOf(core, {
              experts,
              activeExperts: activeExperts(r, "experts_top_k", 2, experts),
              expertHidden: r.size("moe_intermediate_size", core.intermediate),
              ...(shared > 0 ? { sharedExperts: shared } : {}),
              router: {
                scoring: scoring === "sigmoid" ? ("sigmoid" as const) : ("softmax" as const),
                // MotifMoE keeps an aux-loss-free correction bias per expert whenever load_balance_coeff is set.
                ...(r.has("load_balance_coeff") && r.value("load_balance_coeff") !== null ? { bias: true } : {}),
                ...(routedScale !== 1 ? { routedScale } : {}),
              },
            }),
          }
        : {}),
    };
    const mtpLayers = r.count("num_nextn_predict_layers", 0);
    const draft = decoderDraft(core, {
      mixers,
      ffns,
      stack,
      ...(mtpLayers > 0
        ? { mtp: { layers: mtpLayers, mixer: sliding ? "gdla-swa" : "gdla", ffn: "dense", hiddenNorm: false, hyperConnections: false } }
        : {}),
    });
    if (r.flag("mhc_enabled", false))
      draft.hyperConnections = {
        streams: r.size("mhc_expansion_rate", 4),
        form: "manifold",
        streamNorm: true,
        readout: "mean",
      };
    return draft;
  },
};
