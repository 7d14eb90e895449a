/**
 * Mixture-of-experts decoders whose MoE blocks add shared experts to the routed ones, most with dense MLP layers
 * before or between the MoE layers: DeepSeekMoE (v1, `deepseek`), Bailing MoE (Ling), dots.llm1, ERNIE 4.5 MoE,
 * Hunyuan MoE and Llama 4 (text). Class defaults are from the configuration files named (transformers, or the
 * checkpoints' remote code), tensors from their modeling files, cross-checked against ml-explore/mlx-lm
 * mlx_lm/models/<type>.py @d78bf58e where it has one.
 */
import type { AttentionMixer, MoeFfn } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { attentionOf, biases, decoderDraft, layerTypes, mlpOf, readCore, rmsNorm, slidingWindow } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { activeExperts, groupLimitedRouter, moeOf } from "./moe.js";
import type { Slot } from "./pattern.js";

// deepseek: remote code (deepseek-ai/deepseek-moe-16b-base configuration_deepseek.py / modeling_deepseek.py;
// mlx_lm/models/deepseek.py): DeepseekConfig vocab 102400, num_key_value_heads 32, max_position 2048, rms 1e-6,
// untied, attention_bias false, moe_intermediate_size 1407, n_routed_experts / n_shared_experts /
// num_experts_per_tok None, moe_layer_freq 1, first_k_dense_replace 0 (checked against vLLM's copy of the class,
// vllm-project/vllm vllm/transformers_utils/configs/deepseek.py @3a2e75e994a5703101b74bc4a5a6b833dd480b20). Llama attention; layer i is MoE when
// n_routed_experts is set, i >= first_k_dense_replace and i % moe_layer_freq == 0, else a dense MLP of
// intermediate_size; MoEGate weight (experts × hidden, softmax, no bias); shared experts one MLP of
// moe_intermediate_size × n_shared_experts. Expert counts and widths are required.
export const deepseekV1: FamilyImporter = {
  configClass: "DeepseekConfig",
  ignores: ["scoring_func", "aux_loss_alpha", "seq_aux", "norm_topk_prob", "pretraining_tp"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 102400,
      kvHeads: 32,
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    const experts = r.optSize("n_routed_experts");
    const firstDense = r.count("first_k_dense_replace", 0);
    const freq = r.size("moe_layer_freq", 1);
    const ffns: Record<string, MoeFfn | ReturnType<typeof mlpOf>> = { dense: mlpOf(core) };
    if (experts !== undefined) {
      const shared = r.count("n_shared_experts", 0);
      ffns.moe = moeOf(core, {
        experts,
        activeExperts: activeExperts(r, "num_experts_per_tok", undefined, experts),
        expertHidden: r.size("moe_intermediate_size", 1407),
        ...(shared > 0 ? { sharedExperts: shared } : {}),
        router: { scoring: "softmax" },
      });
    }
    return decoderDraft(core, {
      mixers: { attn: attentionOf(core, biases(core.attentionBias, core.attentionBias)) },
      ffns,
      stack: Array.from({ length: core.numLayers }, (_, i) => ({
        mixer: "attn",
        ffn: experts !== undefined && i >= firstDense && i % freq === 0 ? "moe" : "dense",
      })),
    });
  },
};

// bailing_moe: remote code (inclusionAI/Ling @5ccaeae073d6d3a042f9b784802cefdd0abc819f
// models/configuration_bailing_moe.py, models/modeling_bailing_moe.py). BailingMoeConfig: vocab 30592,
// num_key_value_heads 0 (no usable default), head_dim None = hidden / heads, use_qkv_bias false, use_bias true,
// rms 1e-5, untied, max_position 16384, θ 10000, num_experts 16, num_shared_experts 0, top-k 2,
// moe_intermediate_size and intermediate_size None, first_k_dense_replace 0; norm_head and the sliding-window
// fields bind no weights. BailingMoeModel: word_embeddings; per layer input_layernorm, query_key_value
// (hidden → (heads + 2·kv)·head_dim, bias use_qkv_bias), dense (bias use_bias), post_attention_layernorm and
// BailingMoeSparseMoeBlock (gate weight experts × hidden, softmax, no bias; experts gated MLPs of
// moe_intermediate_size; shared_experts one MLP of moe_intermediate_size × num_shared_experts) on layers ≥
// first_k_dense_replace when num_experts is set, else a gated MLP of intermediate_size; final norm; lm_head.
export const bailingMoe: FamilyImporter = {
  configClass: "BailingMoeConfig",
  ignores: [
    "norm_head",
    "norm_softmax",
    "use_sliding_window",
    "sliding_window",
    "max_window_layers",
    "embedding_dropout",
    "output_dropout",
    "pretraining_tp",
    "norm_topk_prob",
  ],
  build(r) {
    if (!r.has("num_key_value_heads")) r.problem("num_key_value_heads", "missing; BailingMoeConfig's default of 0 cannot build attention");
    for (const key of ["n_routed_experts", "n_shared_experts"]) {
      if (r.has(key))
        r.problem(key, `BailingMoeConfig reads ${key === "n_routed_experts" ? "num_experts" : "num_shared_experts"}, not ${key}`);
    }
    const core = readCore(r, {
      vocabSize: 30592,
      kvHeads: "heads",
      activation: "silu",
      maxPositions: 16384,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      intermediate: false,
    });
    const qkvBias = r.flag("use_qkv_bias", false);
    const outBias = r.flag("use_bias", true);
    const experts = r.present("num_experts") ? r.optSize("num_experts") : r.useDefault("num_experts", 16);
    const firstDense = r.count("first_k_dense_replace", 0);
    const dense = (i: number) => experts === undefined || i < firstDense;
    const ffns: Record<string, MoeFfn | ReturnType<typeof mlpOf>> = {};
    if (Array.from({ length: core.numLayers }, (_, i) => i).some(dense)) ffns.dense = mlpOf(core, r.size("intermediate_size"));
    else r.markRead("intermediate_size");
    if (experts !== undefined && firstDense < core.numLayers) {
      const shared = r.count("num_shared_experts", 0);
      ffns.moe = moeOf(core, {
        experts,
        activeExperts: activeExperts(r, "num_experts_per_tok", 2, experts),
        expertHidden: r.size("moe_intermediate_size"),
        ...(shared > 0 ? { sharedExperts: shared } : {}),
        router: { scoring: "softmax" },
      });
    }
    return decoderDraft(core, {
      mixers: { attn: attentionOf(core, biases(qkvBias, outBias)) },
      ffns,
      stack: Array.from({ length: core.numLayers }, (_, i) => ({ mixer: "attn", ffn: dense(i) ? "dense" : "moe" })),
    });
  },
};

// dots1: configuration_dots1.py (Dots1Config: vocab 152064, kv 32, max_position 2048, rms 1e-6, untied,
// attention_bias false, n_group 1, topk_group 1, routed_scaling_factor 1.0, first_k_dense_replace 0, sliding_window
// 4096 unused without layer_types). modeling_dots1.py: Qwen3 attention (per-head q/k RMSNorms); layers from
// first_k_dense_replace on are DeepSeek-V3 MoE blocks (router weight + e_score_correction_bias, sigmoid, shared
// experts MLP(moe_intermediate_size × n_shared_experts)); earlier layers a dense MLP. Expert fields required.
export const dots1: FamilyImporter = {
  configClass: "Dots1Config",
  ignores: ["max_window_layers", "use_sliding_window", "sliding_window", "scoring_func", "norm_topk_prob"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 152064,
      kvHeads: 32,
      activation: "silu",
      maxPositions: 2048,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      attentionBias: false,
    });
    const experts = r.size("n_routed_experts");
    const shared = r.count("n_shared_experts", 0);
    const firstDense = r.count("first_k_dense_replace", 0);
    return decoderDraft(core, {
      mixers: {
        attn: attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "head" } }),
      },
      ffns: {
        dense: mlpOf(core),
        moe: moeOf(core, {
          experts,
          activeExperts: activeExperts(r, "num_experts_per_tok", undefined, experts),
          expertHidden: r.size("moe_intermediate_size"),
          ...(shared > 0 ? { sharedExperts: shared } : {}),
          router: groupLimitedRouter(r, experts, { groups: 1, topkGroups: 1, scale: 1 }),
        }),
      },
      stack: Array.from({ length: core.numLayers }, (_, i) => ({ mixer: "attn", ffn: i >= firstDense ? "moe" : "dense" })),
    });
  },
};

// ernie4_5_moe: configuration_ernie4_5_moe.py @001f85b38fb432858ace93f18622f07cec46d874 (Ernie4_5_MoeConfig: vocab
// 103424, kv 4, max_position 131072, rms 1e-5, tied, use_bias false, moe_intermediate_size 1536, moe_k 6,
// moe_num_experts 64, moe_num_shared_experts 2, moe_layer_start_index 1, moe_layer_end_index -1 (= last layer),
// moe_layer_interval 1, default θ 500000; attribute_map num_experts → moe_num_experts). modeling_ernie4_5_moe.py:
// layer i is MoE when (i + 1) % interval == 0 and start <= i <= end, else a dense MLP of intermediate_size; the
// router (experts × hidden, no bias, softmax) keeps a per-expert e_score_correction_bias (moe_statics); shared
// experts one MLP of moe_intermediate_size × moe_num_shared_experts; biases everywhere when use_bias.
export const ernie45Moe: FamilyImporter = {
  configClass: "Ernie4_5_MoeConfig",
  ignores: [
    "moe_norm_min",
    "moe_capacity",
    "moe_gate",
    "moe_use_aux_free",
    "moe_gate_act",
    "moe_aux_loss_lambda",
    "moe_dense_experts_token_type_id",
  ],
  build(r) {
    const core = readCore(r, {
      vocabSize: 103424,
      kvHeads: 4,
      activation: "silu",
      maxPositions: 131072,
      eps: 1e-5,
      tied: true,
      theta: 500000,
    });
    const bias = r.flag("use_bias", false);
    const experts = r.size(["moe_num_experts", "num_experts"], 64);
    const shared = r.count("moe_num_shared_experts", 2);
    const start = r.count("moe_layer_start_index", 1);
    const endRaw = r.value("moe_layer_end_index") ?? r.useDefault("moe_layer_end_index", -1);
    const end = typeof endRaw === "number" && Number.isInteger(endRaw) && endRaw >= 0 ? endRaw : core.numLayers - 1;
    if (endRaw !== -1 && end !== endRaw) r.problem("moe_layer_end_index", `expected a layer index or -1, got ${JSON.stringify(endRaw)}`);
    const interval = r.size("moe_layer_interval", 1);
    const extra = bias ? { bias: true } : {};
    return decoderDraft(core, {
      mixers: { attn: attentionOf(core, biases(bias, bias)) },
      ffns: {
        dense: mlpOf(core, core.intermediate, extra),
        moe: moeOf(core, {
          experts,
          activeExperts: activeExperts(r, ["moe_k", "num_experts_per_tok"], 6, experts),
          expertHidden: r.size("moe_intermediate_size", 1536),
          ...(shared > 0 ? { sharedExperts: shared } : {}),
          ...extra,
          router: { scoring: "softmax", bias: true },
        }),
      },
      stack: Array.from({ length: core.numLayers }, (_, i) => ({
        mixer: "attn",
        ffn: (i + 1) % interval === 0 && i >= start && i <= end ? "moe" : "dense",
      })),
    });
  },
};

/** An int, or a per-layer list of ints (Hunyuan MoE writes both). */
function perLayerInt(r: ConfigReader, key: string, numLayers: number, fallback: number): number[] {
  const v = r.value(key);
  if (v === undefined) return Array.from({ length: numLayers }, () => r.useDefault(key, fallback));
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return Array.from({ length: numLayers }, () => v);
  const list = r.intList(key);
  if (!list) return Array.from({ length: numLayers }, () => fallback);
  if (list.length < numLayers) {
    r.problem(key, `lists ${list.length} values but the model has ${numLayers} layers`);
    return Array.from({ length: numLayers }, () => fallback);
  }
  return list.slice(0, numLayers);
}

// hunyuan_v1_moe: configuration_hunyuan_v1_moe.py @008cd60e348a9ef3ce1b49cbccca5b26413e8081 (HunYuanMoEV1Config:
// vocab 290943, kv = heads, max_position 2048, rms 1e-5, untied, attention_bias false, num_experts 1,
// use_mixed_mlp_moe false, moe_topk 1, head_dim None = hidden/heads; num_experts / moe_topk may be per-layer lists).
// modeling_hunyuan_v1_moe.py: attention as HunYuan dense (q/k/v/o bias = attention_bias, per-head query/key
// RMSNorms); HunYuanMoEV1Moe: gate wg (experts × hidden, no bias, softmax), experts gated MLPs of
// moe_intermediate_size (else intermediate_size), and with use_mixed_mlp_moe a shared_mlp of intermediate_size ×
// num_shared_expert. Cross-layer attention (use_cla) shares K/V between layers and is refused.
export const hunyuanV1Moe: FamilyImporter = {
  configClass: "HunYuanMoEV1Config",
  ignores: [
    "eod_token_id",
    "moe_drop_tokens",
    "moe_random_routing_dropped_token",
    "use_qk_norm",
    "use_rotary_pos_emb",
    "norm_type",
    "capacity_factor",
    "moe_layer_num_skipped",
    "group_limited_greedy",
    "cla_share_factor",
    "mlp_bias",
    "sliding_window",
  ],
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
    if (r.flag("use_cla", false)) r.problem("use_cla", "cross-layer attention (K/V shared between layers) is not expressible yet");
    const n = core.numLayers;
    const experts = perLayerInt(r, "num_experts", n, 1);
    const topk = perLayerInt(r, "moe_topk", n, 1);
    const mixed = r.flag("use_mixed_mlp_moe", false);
    const shared = mixed ? perLayerInt(r, "num_shared_expert", n, 1) : Array.from({ length: n }, () => 0);
    const widths = r.has("moe_intermediate_size")
      ? perLayerInt(r, "moe_intermediate_size", n, core.intermediate)
      : Array.from({ length: n }, () => core.intermediate);
    const ffns: Record<string, MoeFfn | ReturnType<typeof mlpOf>> = {};
    const stack: Slot[] = [];
    for (let i = 0; i < n; i++) {
      const e = Math.max(1, experts[i] as number);
      let name: string;
      if (e === 1 && !mixed) {
        name = "mlp";
        ffns.mlp ??= mlpOf(core);
      } else {
        const k = Math.min(Math.max(1, topk[i] as number), e);
        const s = shared[i] as number;
        name = `moe-${e}-${k}-${widths[i]}-${s}`;
        ffns[name] ??= moeOf(core, {
          experts: e,
          activeExperts: k,
          expertHidden: Math.max(1, widths[i] as number),
          ...(s > 0 ? { sharedExperts: 1, sharedHidden: core.intermediate * s } : {}),
          router: { scoring: "softmax" },
        });
      }
      stack.push({ mixer: "attn", ffn: name });
    }
    const names = [...new Set(stack.map((s) => s.ffn as string))];
    if (names.length === 1 && names[0] !== "mlp") {
      ffns.moe = ffns[names[0] as string] as MoeFfn;
      for (const s of stack) s.ffn = "moe";
    }
    return decoderDraft(core, {
      mixers: {
        attn: attentionOf(core, { ...biases(core.attentionBias, core.attentionBias), qkNorm: { kind: "rmsnorm", scope: "head" } }),
      },
      ffns,
      stack,
    });
  },
};

// llama4_text: configuration_llama4.py (Llama4TextConfig: vocab 202048, intermediate_size 8192 (experts and the
// shared expert), intermediate_size_mlp 16384 (dense layers), kv 8, head_dim 128, max_position 4096·32, rms 1e-5,
// untied, default θ 500000, attention_chunk_size 8192, use_qk_norm true, num_experts_per_tok 1, num_local_experts
// 16, interleave_moe_layer_step 1, moe_layers None = every step-th layer, no_rope_layers None = NoPE every 4th
// layer (1 = RoPE), attention_bias false). modeling_llama4.py: q/k/v/o bias = attention_bias; RoPE layers use
// chunked attention and a weightless L2 q/k norm, NoPE layers attend globally; Llama4TextMoe experts gate_up_proj
// (experts × hidden × 2·intermediate) and down_proj, router Linear(hidden, experts, bias=False) with sigmoid, a
// shared_expert MLP of intermediate_size; dense layers Llama4TextMLP of intermediate_size_mlp.
export const llama4Text: FamilyImporter = {
  configClass: "Llama4TextConfig",
  ignores: ["attn_temperature_tuning", "floor_scale", "attn_scale", "router_aux_loss_coef", "for_llm_compressor", "cache_implementation"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 202048,
      kvHeads: 8,
      headDim: 128,
      activation: "silu",
      maxPositions: 4096 * 32,
      eps: 1e-5,
      tied: false,
      theta: 500000,
      attentionBias: false,
    });
    const n = core.numLayers;
    const experts = r.size("num_local_experts", 16);
    const step = r.size("interleave_moe_layer_step", 1);
    const moeLayers = new Set(r.intList("moe_layers") ?? Array.from({ length: n }, (_, i) => i).filter((i) => i % step === step - 1));
    const interval = r.size("no_rope_layer_interval", 4);
    const ropeList = r.intList("no_rope_layers");
    if (ropeList && ropeList.length < n) r.problem("no_rope_layers", `lists ${ropeList.length} layers but the model has ${n}`);
    const usesRope = (i: number) => (ropeList && ropeList.length >= n ? ropeList[i] !== 0 : (i + 1) % interval !== 0);
    const chunk =
      r.optSize("attention_chunk_size") ?? (r.present("attention_chunk_size") ? undefined : r.useDefault("attention_chunk_size", 8192));
    const qkNorm = r.flag("use_qk_norm", true);
    const base = attentionOf(core, biases(core.attentionBias, core.attentionBias));
    const ropeAttn: AttentionMixer = {
      ...base,
      ...(chunk !== undefined ? { chunk } : {}),
      ...(qkNorm ? { qkNorm: { kind: "l2", scope: "head" } } : {}),
    };
    const nope: AttentionMixer = { ...base, rope: false };
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "num_experts_per_tok", 1, experts),
      expertHidden: core.intermediate,
      sharedExperts: 1,
      router: { scoring: "sigmoid" },
    });
    return decoderDraft(core, {
      mixers: { chunked: ropeAttn, global: nope },
      ffns: { dense: mlpOf(core, r.size("intermediate_size_mlp", 16384)), moe },
      stack: Array.from({ length: n }, (_, i) => ({ mixer: usesRope(i) ? "chunked" : "global", ffn: moeLayers.has(i) ? "moe" : "dense" })),
    });
  },
};

// afmoe: configuration_afmoe.py @4e4671e33c86fcd1e58cace5dc41c394d5e73501 (AfmoeConfig, Trinity-Mini: vocab 200192,
// kv = heads, head_dim 128, silu, max_position 16384, rms 1e-5, untied, θ 10000, moe_intermediate_size 1408,
// num_dense_layers 1, num_experts 64, num_experts_per_tok 6, num_shared_experts 2, route_scale 1,
// global_attn_every_n_layers 4 (layer i sliding unless (i + 1) % 4 == 0), sliding_window 1024, mup_enabled false,
// attention_bias fixed false). modular_afmoe.py @e16c3aa89e8e3932ac4921788475ebd2886c15e6: Llama q/k/v/o without
// biases, per-head q_norm/k_norm, gate_proj (hidden → heads·head_dim) as a sigmoid gate on the attention output;
// RoPE on the sliding layers only; input, post-attention, pre-MLP and post-MLP RMSNorms; layers below
// num_dense_layers a gated MLP of intermediate_size, the rest AfmoeMoE (router gate experts × hidden without bias,
// sigmoid scores, the expert_bias parameter of num_experts, gated experts of moe_intermediate_size, shared_experts
// one MLP of moe_intermediate_size × num_shared_experts); with mup_enabled the embeddings are scaled by √hidden.
export const afmoe: FamilyImporter = {
  configClass: "AfmoeConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 200192,
      kvHeads: "heads",
      headDim: 128,
      activation: "silu",
      maxPositions: 16384,
      eps: 1e-5,
      tied: false,
      theta: 10000,
    });
    const experts = r.size("num_experts", 64);
    const shared = r.count("num_shared_experts", 2);
    const firstMoe = r.count("num_dense_layers", 1);
    const every = r.size("global_attn_every_n_layers", 4);
    const window = slidingWindow(r, 1024);
    const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % every ? "sliding_attention" : "full_attention"), [
      "sliding_attention",
      "full_attention",
    ]);
    const routeScale = r.num("route_scale", 1, { positive: true });
    const global: AttentionMixer = attentionOf(core, {
      qkNorm: { kind: "rmsnorm", scope: "head" },
      outputGate: "elementwise",
      rope: false,
    });
    const { rope: _none, ...roped } = global;
    const sliding: AttentionMixer = { ...roped, ...(window !== undefined ? { window } : {}) };
    const moe = moeOf(core, {
      experts,
      activeExperts: activeExperts(r, "num_experts_per_tok", 6, experts),
      expertHidden: r.size("moe_intermediate_size", 1408),
      ...(shared > 0 ? { sharedExperts: shared } : {}),
      router: { scoring: "sigmoid", bias: true, ...(routeScale !== 1 ? { routedScale: routeScale } : {}) },
    });
    const stack: Slot[] = types.map((t, i) => ({
      mixer: t === "sliding_attention" ? "sliding" : "global",
      ffn: i < firstMoe ? "dense" : "moe",
    }));
    return decoderDraft(core, {
      mixers: { sliding, global },
      ffns: { dense: mlpOf(core), moe },
      stack,
      norm: rmsNorm(core.eps, "sandwich"),
      embedding: r.flag("mup_enabled", false) ? { tied: core.tied, scale: "sqrt-d" } : { tied: core.tied },
    });
  },
};
