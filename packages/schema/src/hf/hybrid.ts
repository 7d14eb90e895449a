/**
 * Hybrid stacks that mix softmax attention with linear or recurrent mixers: Qwen3-Next (Gated DeltaNet),
 * MiniMax-Text-01 (lightning attention) and Nemotron-H (Mamba-2, with attention, MLP and MoE blocks).
 */
import type { AttentionMixer, GatedDeltaNetMixer, LightningMixer, Mamba2Mixer, MlpFfn, MoeFfn } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { activationOf, attentionOf, biases, decoderDraft, layerTypes, mlpOf, mtpOf, readCore } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";
import { moeOf, qwenSparseStack } from "./moe.js";
import type { Slot } from "./pattern.js";

const LINEAR = "linear_attention";
const FULL = "full_attention";

// qwen3_next: configuration_qwen3_next.py @008e574391258935f3ecc3035c882e73bbcac419 (Qwen3NextConfig: vocab
// 151936, hidden 2048, intermediate 5632, 48 layers, 16 heads, kv 2, head_dim 256, max_position 32768, rms 1e-6,
// untied, attention_bias false, linear_conv_kernel_dim 4, linear key/value head dims 128, 16 key heads, 32 value
// heads, decoder_sparse_step 1, moe_intermediate_size 512, shared_expert_intermediate_size 512, top-k 10,
// 512 experts, mlp_only_layers [], partial_rotary_factor 0.25, layer i linear unless (i+1) %
// full_attention_interval (4) == 0). modular_qwen3_next.py @043bb8dde14aae1a56b84cd230737cf5d0877912:
// Qwen3NextAttention's q_proj doubles its output for a sigmoid output gate; per-head q/k norms; Qwen3NextRMSNorm
// is Gemma3RMSNorm (zero-centred); Gated DeltaNet in_proj_qkvz, in_proj_ba, depthwise conv1d without bias,
// dt_bias, A_log, gated RMSNorm(head_v_dim), out_proj; sparse MoE block of Qwen2-MoE (shared expert + gate).
export const qwen3Next: FamilyImporter = {
  configClass: "Qwen3NextConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 151936,
      kvHeads: 2,
      headDim: 256,
      activation: "silu",
      maxPositions: 32768,
      eps: 1e-6,
      tied: false,
      theta: 10000,
      fraction: 0.25,
      attentionBias: false,
    });
    const interval = r.size("full_attention_interval", 4);
    const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % interval ? LINEAR : FULL), [LINEAR, FULL]);
    const gdn: GatedDeltaNetMixer = {
      kind: "gated-deltanet",
      keyHeads: r.size("linear_num_key_heads", 16),
      valueHeads: r.size("linear_num_value_heads", 32),
      keyHeadDim: r.size("linear_key_head_dim", 128),
      valueHeadDim: r.size("linear_value_head_dim", 128),
      convKernel: r.size("linear_conv_kernel_dim", 4),
    };
    const attn: AttentionMixer = attentionOf(core, {
      ...biases(core.attentionBias, core.attentionBias),
      qkNorm: { kind: "rmsnorm", scope: "head" },
      outputGate: "elementwise",
    });
    const experts = r.count("num_experts", 512);
    const expertHidden = r.size("moe_intermediate_size", 512);
    const sharedHidden = r.count("shared_expert_intermediate_size", 512);
    const moe: MoeFfn = moeOf(core, {
      experts: Math.max(1, experts),
      activeExperts: Math.min(r.size("num_experts_per_tok", 10), Math.max(1, experts)),
      expertHidden,
      ...(sharedHidden > 0 ? { sharedExperts: 1, ...(sharedHidden !== expertHidden ? { sharedHidden } : {}), sharedGate: true } : {}),
      router: { scoring: "softmax" },
    });
    const mtp = mtpOf(r, "attn", "moe");
    return decoderDraft(core, {
      mixers: { gdn, attn },
      ffns: { dense: mlpOf(core), moe },
      stack: qwenSparseStack(r, core.numLayers, experts, (i) => (types[i] === FULL ? "attn" : "gdn")),
      norm: { kind: "rmsnorm", placement: "pre", eps: core.eps, zeroCentered: true },
      ...(mtp ? { mtp } : {}),
    });
  },
};

/** MiniMax layer types: `layer_types`, or `attn_type_list` (0 = lightning, 1 = softmax), or the class rule. */
function minimaxLayerTypes(r: ConfigReader, numLayers: number): string[] {
  const list = r.intList("attn_type_list");
  if (list && !r.has("layer_types")) {
    if (list.length !== numLayers) r.problem("attn_type_list", `lists ${list.length} layers but the model has ${numLayers}`);
    if (list.some((v) => v > 1)) r.problem("attn_type_list", "expected 0 (lightning attention) or 1 (softmax attention) per layer");
    if (list.length === numLayers) return list.map((v) => (v === 1 ? FULL : LINEAR));
  }
  return layerTypes(r, numLayers, (i) => ((i + 1) % 2 ? FULL : LINEAR), [FULL, LINEAR]);
}

// minimax: configuration_minimax.py and modular_minimax.py @008e574391258935f3ecc3035c882e73bbcac419
// (MiniMaxConfig: vocab 32000, hidden 4096, intermediate 14336, 32 layers, 32 heads, kv 8, head_dim None =
// hidden/heads, max_position 4096*32, rms 1e-5, untied, top-k 2, 8 local experts, default θ 1e6, layer i full
// attention when (i+1) % 2 else linear). MiniMaxLightningAttention: qkv_proj (3·heads·head_dim), out_proj,
// output_gate (hidden → heads·head_dim), RMSNorm over heads·head_dim, all bias-free, no RoPE; full layers are
// Mixtral attention; every layer's MLP is Mixtral's sparse MoE block. `rotary_dim` (MiniMax's config.json) sets
// the rotary fraction of head_dim.
export const minimax: FamilyImporter = {
  configClass: "MiniMaxConfig",
  build(r) {
    const core = readCore(r, {
      vocabSize: 32000,
      kvHeads: 8,
      activation: "silu",
      maxPositions: 4096 * 32,
      eps: 1e-5,
      tied: false,
      theta: 1e6,
    });
    const rotaryDim = r.optSize("rotary_dim");
    if (rotaryDim !== undefined && rotaryDim < core.headDim) core.rope.fraction = rotaryDim / core.headDim;
    const types = minimaxLayerTypes(r, core.numLayers);
    const lightning: LightningMixer = { kind: "lightning", heads: core.heads, headDim: core.headDim, rope: false };
    const experts = r.size(["num_local_experts", "num_experts"], 8);
    const shared = r.count("shared_intermediate_size", 0);
    if (shared > 0) r.problem("shared_intermediate_size", "a shared expert is not part of transformers' MiniMax model");
    return decoderDraft(core, {
      mixers: { lightning, attn: attentionOf(core) },
      ffns: {
        moe: moeOf(core, {
          experts,
          activeExperts: Math.min(r.size("num_experts_per_tok", 2), experts),
          expertHidden: core.intermediate,
          router: { scoring: "softmax" },
        }),
      },
      stack: types.map((t) => ({ mixer: t === FULL ? "attn" : "lightning", ffn: "moe" })),
    });
  },
};

const nemotronNames: Record<string, string> = {
  M: LINEAR,
  E: "moe",
  "*": FULL,
  "-": "mlp",
  mamba: LINEAR,
  attention: FULL,
  linear_attention: LINEAR,
  full_attention: FULL,
  moe: "moe",
  mlp: "mlp",
};

/** Nemotron-H block types from `layers_block_type`, `hybrid_override_pattern` or the class default. */
function nemotronBlocks(r: ConfigReader): string[] {
  const keys = ["layers_block_type", "layer_types"] as const;
  const list = r.strList(keys);
  const pattern = list ? undefined : r.optStr("hybrid_override_pattern");
  const raw = list ?? (pattern !== undefined ? [...pattern] : r.useDefault("layers_block_type", [LINEAR, "moe", FULL, "mlp"]));
  const unknown = [...new Set(raw.filter((t) => !(t in nemotronNames)))];
  if (unknown.length) {
    r.problem(list ? keys : "hybrid_override_pattern", `unknown block type(s) ${unknown.map((t) => JSON.stringify(t)).join(", ")}`);
  }
  return raw.map((t) => nemotronNames[t] ?? FULL);
}

// nemotron_h: configuration_nemotron_h.py @13923c63d59f73faebae79b2ee3fafc7e3a35201 (NemotronHConfig: vocab
// 131072, hidden 4096, layers_block_type default [mamba, moe, attention, mlp] ("M"/"E"/"*"/"-" in
// hybrid_override_pattern; num_hidden_layers is its length), untied, 32 heads, kv 8, head_dim 128, max_position
// 4096, attention_bias false, intermediate 21504, relu2 MLP, mlp_bias false, ssm_state_size 128,
// mamba_num_heads 128, mamba_head_dim 64, n_groups 8 (alias mamba_n_groups), conv_kernel 4 (alias
// mamba_d_conv), use_conv_bias true (alias mamba_conv_bias), mamba_proj_bias false, 8 routed experts, 1 shared,
// moe_intermediate_size 7688, moe_shared_expert_intermediate_size 7688, top-k 2, routed_scaling_factor 1.0,
// n_group 1, num_nextn_predict_layers 0 with MTP blocks [attention, moe], layer_norm_epsilon 1e-5).
// NemotronHBlock (modeling_nemotron_h.py): one RMSNorm and one mixer (Mamba-2,
// attention, MLP or MoE) per block; the MoE has a DeepSeek-V3-style router and a shared-expert MLP.
// LatentMoE (moe_latent_size, Nemotron 3 Super): routed experts between fc1_latent_proj and fc2_latent_proj, per
// the tensor list of NVIDIA-NeMo/Nemotron modeling_nemotron_h.py @937c189b → MoeFfn.latent. Attention
// carries no positional encoding (the NemotronH attention applies no rotary embedding, so rope_theta in the
// config is unused), so `positional` is `none`.
export const nemotronH: FamilyImporter = {
  configClass: "NemotronHConfig",
  build(r) {
    const blocks = nemotronBlocks(r);
    const given = r.optSize("num_hidden_layers");
    if (given !== undefined && given !== blocks.length) {
      r.warn(`nemotron_h: num_hidden_layers (${given}) differs from the block pattern's ${blocks.length} layers; the pattern wins`);
    }
    const dModel = r.size("hidden_size");
    const heads = r.size("num_attention_heads", 32);
    const attentionBias = r.flag("attention_bias", false);
    const mlpBias = r.flag("mlp_bias", false);
    const activation = activationOf(r, "mlp_hidden_act", "relu2");
    const uses = (t: string) => blocks.includes(t);
    const mamba: Mamba2Mixer = {
      kind: "mamba2",
      heads: r.size("mamba_num_heads", 128),
      headDim: r.size("mamba_head_dim", 64),
      stateSize: r.size("ssm_state_size", 128),
      groups: r.size(["n_groups", "mamba_n_groups"], 8),
      convKernel: r.size(["conv_kernel", "mamba_d_conv"], 4),
      ...(r.flag(["mamba_proj_bias", "use_bias"], false) ? { bias: true } : {}),
      ...(r.flag(["use_conv_bias", "mamba_conv_bias"], true) ? {} : { convBias: false }),
    };
    const attn: AttentionMixer = {
      kind: "attention",
      heads,
      kvHeads: r.size("num_key_value_heads", 8),
      headDim: r.size("head_dim", 128),
      ...biases(attentionBias, attentionBias),
    };
    const mlp: MlpFfn = {
      kind: "mlp",
      hidden: uses("mlp") ? r.size("intermediate_size") : 1,
      activation,
      gated: false,
      ...(mlpBias ? { bias: true } : {}),
    };
    let moe: MoeFfn | undefined;
    const mtpLayers = r.count("num_nextn_predict_layers", 0);
    if (uses("moe") || mtpLayers > 0) {
      const latent = r.optSize("moe_latent_size");
      const experts = r.size("n_routed_experts", 8);
      const shared = r.count("n_shared_experts", 1);
      const expertHidden = r.size("moe_intermediate_size", 7688);
      const sharedHidden = r.size("moe_shared_expert_intermediate_size", 7688);
      const groups = r.size("n_group", 1);
      const routedScale = r.num("routed_scaling_factor", 1);
      moe = {
        kind: "moe",
        experts,
        activeExperts: Math.min(r.size("num_experts_per_tok", 2), experts),
        expertHidden,
        ...(shared > 0 ? { sharedExperts: shared, ...(sharedHidden !== shared * expertHidden ? { sharedHidden } : {}) } : {}),
        activation,
        gated: false,
        ...(mlpBias ? { bias: true } : {}),
        ...(latent !== undefined ? { latent } : {}),
        router: {
          scoring: "sigmoid",
          bias: true,
          ...(groups > 1 ? { groups, topkGroups: r.size("topk_group", 1) } : {}),
          ...(routedScale !== 1 ? { routedScale } : {}),
        },
      };
    }
    const stack: Slot[] = blocks.map((t) =>
      t === LINEAR ? { mixer: "mamba" } : t === FULL ? { mixer: "attn" } : { ffn: t === "moe" ? "moe" : "mlp" },
    );
    return {
      vocabSize: r.size("vocab_size", 131072),
      contextLength: r.size("max_position_embeddings", 4096),
      dModel,
      embedding: { tied: r.flag("tie_word_embeddings", false) },
      positional: { kind: "none" },
      norm: { kind: "rmsnorm", placement: "pre", eps: r.num(["layer_norm_epsilon", "norm_eps"], 1e-5, { positive: true }) },
      mixers: { mamba, attn },
      ffns: { mlp, ...(moe ? { moe } : {}) },
      stack,
      ...(mtpLayers > 0 && moe ? { mtp: { layers: mtpLayers, mixer: "attn", ffn: "moe" } } : {}),
    };
  },
};
