/**
 * More hybrid and recurrent stacks: LFM2 (gated short convolutions and attention) and LFM2-MoE, Mamba-2, Bamba
 * and Granite 4 hybrids (Mamba-2 with attention), Qwen3.5 (Gated DeltaNet with gated attention, dense or MoE).
 * Class defaults are from the transformers configuration files named, tensors from their modeling files,
 * cross-checked against ml-explore/mlx-lm mlx_lm/models/<type>.py @d78bf58e.
 */
import type { AttentionMixer, GatedDeltaNetMixer, Mamba2Mixer, MoeFfn } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { attentionOf, biases, type Core, decoderDraft, layerTypes, mlpOf, mtpOf, readCore } from "./decoder.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import { moeOf, qwenSparseStack } from "./moe.js";
import type { Slot } from "./pattern.js";

/** LFM2 layer types: `layer_types` ("conv" / "full_attention"), else `full_attn_idxs`. */
function lfmTypes(r: ConfigReader, n: number): string[] {
  const idxs = r.intList("full_attn_idxs");
  if (idxs && idxs.some((i) => i >= n)) r.problem("full_attn_idxs", `lists a layer index at or above the layer count ${n}`);
  const attn = new Set(idxs ?? []);
  if (!idxs && !r.has("layer_types"))
    r.problem("layer_types", "missing: neither layer_types nor full_attn_idxs says which layers are attention");
  return layerTypes(r, n, (i) => (attn.has(i) ? "full_attention" : "conv"), ["conv", "full_attention"]);
}

/** The LFM2 core: attention with per-head q/k norms and a short convolution of `conv_L_cache` taps. */
function lfmCore(
  r: ConfigReader,
  d: { vocab: number; maxPositions: number },
): { core: Core; attn: AttentionMixer; conv: { kind: "short-conv"; convKernel: number } } {
  const core = readCore(r, {
    vocabSize: d.vocab,
    kvHeads: 8,
    activation: "silu",
    maxPositions: d.maxPositions,
    eps: 1e-5,
    tied: true,
    theta: 1e6,
    keys: { eps: "norm_eps", intermediate: ["intermediate_size", "block_ff_dim"] },
  });
  core.tied = r.has("tie_embedding") ? r.flag("tie_embedding", true) : core.tied;
  if (r.flag("conv_bias", false))
    r.problem("conv_bias", "biases on the short convolution are not expressible yet (the spec's short-conv counts none on the conv1d)");
  return {
    core,
    attn: attentionOf(core, { qkNorm: { kind: "rmsnorm", scope: "head" } }),
    conv: { kind: "short-conv", convKernel: r.size("conv_L_cache", 3) },
  };
}

/** A hybrid stack of conv and attention layers with the given FFN per layer. */
function lfmDraft(
  core: Core,
  types: readonly string[],
  parts: Pick<ArchitectureDraft, "mixers" | "ffns">,
  ffnOf: (i: number) => string,
): ArchitectureDraft {
  return decoderDraft(core, {
    ...parts,
    stack: types.map((t, i) => ({ mixer: t === "full_attention" ? "attn" : "conv", ffn: ffnOf(i) })),
  });
}

// lfm2: configuration_lfm2.py (Lfm2Config: vocab 65536, kv 8, max_position 128000, norm_eps 1e-5, tied
// (tie_embedding), conv_bias false, conv_L_cache 3, block_multiple_of 256, block_ffn_dim_multiplier 1.0,
// block_auto_adjust_ff_dim true, default θ 1e6). modeling_lfm2.py: Lfm2ShortConv in_proj (hidden → 3·hidden),
// depthwise conv (conv_L_cache taps), out_proj; attention q/k/v/out_proj without bias and per-head q/k RMSNorms;
// operator_norm and ffn_norm before the sublayers, embedding_norm at the end; Lfm2MLP w1/w3/w2 of width
// intermediate_size, adjusted when block_auto_adjust_ff_dim: int(2·w/3), × block_ffn_dim_multiplier, rounded
// up to a multiple of block_multiple_of.
export const lfm2: FamilyImporter = {
  configClass: "Lfm2Config",
  ignores: [
    "block_dim",
    "block_mlp_init_scale",
    "block_out_init_scale",
    "block_use_swiglu",
    "block_use_xavier_init",
    "block_norm_eps",
    "block_dim",
    "block_ffn_dim_multiplier",
    "block_auto_adjust_ff_dim",
    "block_multiple_of",
    "num_heads",
  ],
  build(r) {
    const { core, attn, conv } = lfmCore(r, { vocab: 65536, maxPositions: 128000 });
    let width = core.intermediate;
    if (r.flag("block_auto_adjust_ff_dim", true)) {
      width = Math.floor((2 * width) / 3);
      const mult = r.has("block_ffn_dim_multiplier")
        ? r.optNum("block_ffn_dim_multiplier", { positive: true })
        : r.useDefault("block_ffn_dim_multiplier", 1);
      if (mult !== undefined) width = Math.floor(mult * width);
      const multiple = r.size("block_multiple_of", 256);
      width = multiple * Math.ceil(width / multiple);
    }
    const types = lfmTypes(r, core.numLayers);
    return lfmDraft(core, types, { mixers: { attn, conv }, ffns: { mlp: mlpOf(core, Math.max(1, width)) } }, () => "mlp");
  },
};

// lfm2_moe: configuration_lfm2_moe.py (Lfm2MoeConfig: vocab 65536, kv 8, max_position 128000, norm_eps 1e-5, tied,
// conv_bias false, conv_L_cache 3, num_dense_layers 2, num_experts 32, num_experts_per_tok 4, use_expert_bias
// true, routed_scaling_factor 1.0). modeling_lfm2_moe.py: LFM2's conv and attention layers; the first
// num_dense_layers layers have a gated MLP of intermediate_size, the rest a sparse block of gated experts of
// moe_intermediate_size with a bias-free router (sigmoid) and, with use_expert_bias, a per-expert expert_bias.
export const lfm2Moe: FamilyImporter = {
  configClass: "Lfm2MoeConfig",
  ignores: ["norm_topk_prob"],
  build(r) {
    const { core, attn, conv } = lfmCore(r, { vocab: 65536, maxPositions: 128000 });
    const dense = r.count("num_dense_layers", 2);
    const experts = r.size("num_experts", 32);
    const k = r.size("num_experts_per_tok", 4);
    if (k > experts) r.problem("num_experts_per_tok", `${k} active experts but only ${experts} experts`);
    const routedScale = r.num("routed_scaling_factor", 1);
    const moe: MoeFfn = moeOf(core, {
      experts,
      activeExperts: Math.min(k, experts),
      expertHidden: r.size("moe_intermediate_size"),
      router: {
        scoring: "sigmoid",
        ...(r.flag("use_expert_bias", true) ? { bias: true } : {}),
        ...(routedScale !== 1 ? { routedScale } : {}),
      },
    });
    const types = lfmTypes(r, core.numLayers);
    return lfmDraft(core, types, { mixers: { attn, conv }, ffns: { mlp: mlpOf(core), moe } }, (i) => (i < dense ? "mlp" : "moe"));
  },
};

/** A Mamba-2 mixer from explicit fields (names differ between families). */
function mamba2Of(
  r: ConfigReader,
  dModel: number,
  k: { heads: string; headDim: string; state: string; groups: string; conv: string; expand: string; bias: string; convBias: string },
  d: {
    heads: number;
    headDim: number | "auto";
    state: number;
    groups: number;
    conv: number;
    expand: number;
    bias: boolean;
    convBias: boolean;
  },
): Mamba2Mixer {
  const heads = r.size(k.heads, d.heads);
  const expand = r.num(k.expand, d.expand, { positive: true });
  const inner = Math.round(expand * dModel);
  const rawHeadDim = r.value(k.headDim);
  let headDim: number;
  if (rawHeadDim === "auto" || (rawHeadDim === undefined && d.headDim === "auto")) {
    if (rawHeadDim === undefined) r.useDefault(k.headDim, "auto");
    headDim = Math.max(1, Math.floor(inner / heads));
    if (inner % heads !== 0) r.problem(k.heads, `${heads} heads do not divide the inner width ${expand} × ${dModel}`);
  } else headDim = r.size(k.headDim, d.headDim === "auto" ? undefined : d.headDim);
  if (heads * headDim !== inner) {
    r.problem(
      k.headDim,
      `${heads} heads × ${headDim} = ${heads * headDim} differs from the inner width ${k.expand} × hidden = ${inner}; the spec ties them`,
    );
  }
  const bias = r.flag(k.bias, d.bias);
  const convBias = r.flag(k.convBias, d.convBias);
  return {
    kind: "mamba2",
    heads,
    headDim,
    stateSize: r.size(k.state, d.state),
    groups: r.size(k.groups, d.groups),
    convKernel: r.size(k.conv, d.conv),
    ...(bias ? { bias: true } : {}),
    ...(convBias ? {} : { convBias: false }),
  };
}

// mamba2: configuration_mamba2.py (Mamba2Config: num_heads 128, head_dim 64, vocab 32768, hidden 4096, state_size
// 128, num_hidden_layers 64, layer_norm_epsilon 1e-5, expand 2, conv_kernel 4, n_groups 8, use_bias false,
// use_conv_bias true, tied). modeling_mamba2.py: embeddings; each block one RMSNorm and a Mamba2Mixer (in_proj
// hidden → inner + conv_dim + heads, conv1d over inner + 2·groups·state, dt_bias, A_log, D, gated RMSNorm(inner),
// out_proj); norm_f; lm_head tied to the embeddings by default.
export const mamba2: FamilyImporter = {
  configClass: "Mamba2Config",
  ignores: [
    "chunk_size",
    "time_step_limit",
    "time_step_min",
    "time_step_max",
    "time_step_floor",
    "time_step_rank",
    "rescale_prenorm_residual",
    "residual_in_fp32",
    "rms_norm",
    "norm_before_gate",
    "use_mambapy",
  ],
  build(r) {
    const dModel = r.size("hidden_size");
    const mixer = mamba2Of(
      r,
      dModel,
      {
        heads: "num_heads",
        headDim: "head_dim",
        state: "state_size",
        groups: "n_groups",
        conv: "conv_kernel",
        expand: "expand",
        bias: "use_bias",
        convBias: "use_conv_bias",
      },
      { heads: 128, headDim: 64, state: 128, groups: 8, conv: 4, expand: 2, bias: false, convBias: true },
    );
    const numLayers = r.layers("num_hidden_layers");
    return {
      vocabSize: r.size("vocab_size", 32768),
      contextLength: null,
      dModel,
      embedding: { tied: r.flag("tie_word_embeddings", true) },
      positional: { kind: "none" },
      norm: { kind: "rmsnorm", placement: "pre", eps: r.num("layer_norm_epsilon", 1e-5, { positive: true }) },
      mixers: { mamba: mixer },
      ffns: {},
      stack: Array.from({ length: numLayers }, () => ({ mixer: "mamba" })),
    };
  },
};

const mambaKeys = {
  heads: "mamba_n_heads",
  headDim: "mamba_d_head",
  state: "mamba_d_state",
  groups: "mamba_n_groups",
  conv: "mamba_d_conv",
  expand: "mamba_expand",
  bias: "mamba_proj_bias",
  convBias: "mamba_conv_bias",
} as const;

// bamba: configuration_bamba.py (BambaConfig: vocab 128000, untied, kv 8, max_position 262144, rms 1e-5,
// attn_layer_indices None, mamba_n_heads 128, mamba_d_head "auto" = expand·hidden / heads, mamba_n_groups 1,
// mamba_d_state 256, mamba_d_conv 4, mamba_expand 2, mamba_conv_bias true, mamba_proj_bias false, partial rotary
// 0.5). modeling_bamba.py: every layer input_layernorm, a Mamba-2 mixer or (at attn_layer_indices) Llama
// attention without bias, pre_ff_layernorm and a gated MLP; final_layernorm.
export const bamba: FamilyImporter = {
  configClass: "BambaConfig",
  ignores: ["mamba_chunk_size", "z_loss_coefficient", "num_logits_to_keep", "mlp_bias", "attention_bias"],
  build(r) {
    const core = readCore(r, {
      vocabSize: 128000,
      kvHeads: 8,
      activation: "silu",
      maxPositions: 262144,
      eps: 1e-5,
      tied: false,
      theta: 10000,
      fraction: 0.5,
    });
    const mamba = mamba2Of(r, core.dModel, mambaKeys, {
      heads: 128,
      headDim: "auto",
      state: 256,
      groups: 1,
      conv: 4,
      expand: 2,
      bias: false,
      convBias: true,
    });
    const attnIdx = new Set(r.intList("attn_layer_indices") ?? r.useDefault("attn_layer_indices", []));
    return decoderDraft(core, {
      mixers: { mamba, attn: attentionOf(core) },
      ffns: { mlp: mlpOf(core) },
      stack: Array.from({ length: core.numLayers }, (_, i) => ({ mixer: attnIdx.has(i) ? "attn" : "mamba", ffn: "mlp" })),
    });
  },
};

// granitemoehybrid: configuration_granitemoehybrid.py @008f5c8c29be84d4721dc6d1e0fcd72300580be4
// (GraniteMoeHybridConfig: vocab 32000, kv = heads, max_position 2048, rms 1e-6, untied, θ 10000,
// attention_bias false, num_local_experts 8, top-k 2, shared_intermediate_size 1024, position_embedding_type None
// (no RoPE) or "rope", layer_types "mamba" / "attention" (alias layers_block_type; absent: all Mamba),
// mamba_n_heads 128, mamba_n_groups 1, mamba_d_state 256, mamba_d_head "auto", mamba_d_conv 4, mamba_expand 2,
// mamba_conv_bias true, mamba_proj_bias false). modeling_granitemoehybrid.py: every layer input_layernorm, a Mamba-2 mixer or attention,
// post_attention_layernorm, the block_sparse_moe (when num_local_experts > 0) and a shared_mlp
// (input_linear hidden → 2·shared_intermediate_size, output_linear); the multipliers hold no parameters.
export const graniteMoeHybrid: FamilyImporter = {
  configClass: "GraniteMoeHybridConfig",
  ignores: ["mamba_chunk_size", "normalization_function", "init_method", "mlp_bias"],
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
    });
    // attribute_map: layers_block_type → layer_types; absent, every layer is Mamba (the layers_block_type property).
    const types = layerTypes(r, core.numLayers, () => "mamba", ["mamba", "attention"], ["layer_types", "layers_block_type"]);
    const usesMamba = types.includes("mamba");
    const mamba = usesMamba
      ? mamba2Of(r, core.dModel, mambaKeys, {
          heads: 128,
          headDim: "auto",
          state: 256,
          groups: 1,
          conv: 4,
          expand: 2,
          bias: false,
          convBias: true,
        })
      : undefined;
    const posType = r.str("position_embedding_type", "nope");
    if (posType !== "rope" && posType !== "nope")
      r.problem("position_embedding_type", `expected "rope" or "nope", got ${JSON.stringify(posType)}`);
    const experts = r.count("num_local_experts", 8);
    const shared = r.count("shared_intermediate_size", 1024);
    const scale = r.num("embedding_multiplier", 1);
    let ffn: MoeFfn | ReturnType<typeof mlpOf> | undefined;
    if (experts > 0) {
      const k = r.size("num_experts_per_tok", 2);
      if (k > experts) r.problem("num_experts_per_tok", `${k} active experts but only ${experts} experts`);
      ffn = moeOf(core, {
        experts,
        activeExperts: Math.min(k, experts),
        expertHidden: core.intermediate,
        ...(shared > 0 ? { sharedExperts: 1, ...(shared !== core.intermediate ? { sharedHidden: shared } : {}) } : {}),
        router: { scoring: "softmax" },
      });
    } else if (shared > 0) ffn = mlpOf(core, shared);
    const stack: Slot[] = types.map((t) => ({ mixer: t === "attention" ? "attn" : "mamba", ...(ffn ? { ffn: "ffn" } : {}) }));
    return decoderDraft(core, {
      mixers: { attn: attentionOf(core, biases(core.attentionBias, core.attentionBias)), ...(mamba ? { mamba } : {}) },
      ffns: ffn ? { ffn } : {},
      stack,
      positional: posType === "rope" ? { kind: "rope", ...core.rope } : { kind: "none" },
      embedding: { tied: core.tied, ...(scale !== 1 && scale > 0 ? { scale } : {}) },
    });
  },
};

/** Qwen3.5 text models: Gated DeltaNet and gated attention by `layer_types`, dense MLPs or Qwen-MoE blocks. */
function qwen35(configClass: string, moe: boolean): FamilyImporter {
  return {
    configClass,
    ignores: ["mrope_section", "mrope_interleaved", "attn_output_gate", "norm_topk_prob", "mtp_use_dedicated_embeddings", "layer_scale"],
    build(r) {
      const core = readCore(r, {
        vocabSize: undefined,
        kvHeads: "heads",
        headDim: 256,
        activation: "silu",
        maxPositions: 262144,
        eps: 1e-6,
        tied: false,
        theta: 10000000,
        fraction: 0.25,
        attentionBias: false,
        intermediate: !moe,
      });
      const interval = r.size("full_attention_interval", 4);
      const types = layerTypes(r, core.numLayers, (i) => ((i + 1) % interval ? "linear_attention" : "full_attention"), [
        "linear_attention",
        "full_attention",
      ]);
      const gdn: GatedDeltaNetMixer = {
        kind: "gated-deltanet",
        keyHeads: r.size("linear_num_key_heads"),
        valueHeads: r.size("linear_num_value_heads"),
        keyHeadDim: r.size("linear_key_head_dim"),
        valueHeadDim: r.size("linear_value_head_dim"),
        convKernel: r.size("linear_conv_kernel_dim", 4),
      };
      const attn: AttentionMixer = attentionOf(core, {
        ...biases(core.attentionBias, core.attentionBias),
        qkNorm: { kind: "rmsnorm", scope: "head" },
        outputGate: "elementwise",
      });
      const norm = { kind: "rmsnorm" as const, placement: "pre" as const, eps: core.eps, zeroCentered: true };
      const mixerOf = (i: number) => (types[i] === "full_attention" ? "attn" : "gdn");
      if (!moe) {
        const mtp = mtpOf(r, "attn", "mlp", "mtp_num_hidden_layers");
        return decoderDraft(core, {
          mixers: { gdn, attn },
          ffns: { mlp: mlpOf(core) },
          stack: Array.from({ length: core.numLayers }, (_, i) => ({ mixer: mixerOf(i), ffn: "mlp" })),
          norm,
          ...(mtp ? { mtp } : {}),
        });
      }
      const experts = r.size("num_experts");
      const expertHidden = r.size("moe_intermediate_size");
      const sharedHidden = r.count("shared_expert_intermediate_size", 0);
      const k = r.size("num_experts_per_tok");
      if (k > experts) r.problem("num_experts_per_tok", `${k} active experts but only ${experts} experts`);
      const mtp = mtpOf(r, "attn", "moe", "mtp_num_hidden_layers");
      const stack = qwenSparseStack(r, core.numLayers, experts, mixerOf);
      const denseWidth = r.optSize("intermediate_size");
      if (denseWidth === undefined && stack.some((s) => s.ffn === "dense"))
        r.problem("intermediate_size", "missing, and some layers are dense (mlp_only_layers, decoder_sparse_step)");
      return decoderDraft(core, {
        mixers: { gdn, attn },
        ffns: {
          dense: mlpOf(core, denseWidth ?? 1),
          moe: moeOf(core, {
            experts,
            activeExperts: Math.min(k, experts),
            expertHidden,
            ...(sharedHidden > 0 ? { sharedExperts: 1, ...(sharedHidden !== expertHidden ? { sharedHidden } : {}), sharedGate: true } : {}),
            router: { scoring: "softmax" },
          }),
        },
        stack,
        norm,
        ...(mtp ? { mtp } : {}),
      });
    },
  };
}

// qwen3_5_text: configuration_qwen3_5.py (Qwen3_5TextConfig) and modeling_qwen3_5.py: Qwen3-Next's layers —
// Gated DeltaNet (in_proj_qkv, in_proj_z, in_proj_b, in_proj_a: the same weights as in_proj_qkvz + in_proj_ba;
// depthwise conv1d without bias, dt_bias, A_log, gated RMSNorm(head_v_dim), out_proj) on linear_attention layers,
// gated attention (q_proj doubled for the output gate, per-head q/k norms) on full_attention layers, zero-centred
// RMSNorms, a dense gated MLP. The linear-attention sizes are required. mtp_num_hidden_layers → MTP modules.
export const qwen35Text = qwen35("Qwen3_5TextConfig", false);

// qwen3_5_moe_text: configuration_qwen3_5_moe.py (Qwen3_5MoeTextConfig) and modeling_qwen3_5_moe.py: as
// Qwen3.5 with Qwen3-Next's sparse MoE block (router without bias, shared expert of
// shared_expert_intermediate_size with its sigmoid gate). Expert counts and widths are required.
export const qwen35MoeText = qwen35("Qwen3_5MoeTextConfig", true);
