/**
 * DeepSeek Sparse Attention decoders: DeepSeek V3.2 and GLM-5 (`glm_moe_dsa`). Both are DeepSeek V3 stacks —
 * multi-head latent attention, a dense-then-MoE feed-forward with a sigmoid group-limited router — whose MLA
 * carries a lightning indexer that picks the `index_topk` tokens each query attends to. GLM-5.2 lets layers reuse
 * an earlier layer's selection (`indexer_types`).
 */
import type { MlaMixer, SparseIndexer } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { type Core, decoderDraft, layerTypes, mlpOf, mtpOf, readCore } from "./decoder.js";
import { mla, moeLayerFreq } from "./deepseek.js";
import type { ArchitectureDraft, FamilyImporter } from "./draft.js";
import { activeExperts, groupLimitedRouter, moeOf } from "./moe.js";

/** A configuration class's defaults for the fields its DSA stack reads. */
interface DsaDefaults {
  family: string;
  vocabSize: number;
  maxPositions: number;
  eps: number;
  qLoraRank: number;
  qkNope: number;
  vHead: number;
  experts: number;
  topK: number;
  expertHidden: number;
  groups: number;
  topkGroups: number;
  scale: number;
  firstDense: number;
  indexHeads: number;
}

/** The indexer every full layer runs (`index_n_heads` × `index_head_dim`, top `index_topk`). */
function indexerOf(r: ConfigReader, heads: number): SparseIndexer {
  return { heads: r.size("index_n_heads", heads), headDim: r.size("index_head_dim", 128), topK: r.size("index_topk", 2048) };
}

/** The MLA of a DSA layer; the indexer projects its queries from the query latent, so `q_lora_rank` must be set. */
function dsaMla(r: ConfigReader, core: Core, d: DsaDefaults): MlaMixer {
  const mixer = mla(r, core, { qLoraRank: d.qLoraRank, qkNope: d.qkNope, vHead: d.vHead });
  if (mixer.qLoraRank === null) {
    r.problem(
      "q_lora_rank",
      `${d.family}: the sparse-attention indexer reads the query latent (wq_b: q_lora_rank → heads × index_head_dim), so q_lora_rank cannot be null`,
    );
  }
  return mixer;
}

/**
 * Which layers run an indexer of their own (`"full"`) and which reuse the previous full layer's top-k
 * (`"shared"`), as GlmMoeDsaConfig builds the list: `indexer_types`, else `index_topk_pattern` (a string of F/S
 * or a list), else layer i is full when max(i − offset + 1, 0) % freq == 0 (`index_topk_freq`, default 1;
 * `index_skip_topk_offset`, default 2).
 */
function indexerTypes(r: ConfigReader, numLayers: number): string[] {
  const written = r.has("indexer_types");
  const pattern = written ? undefined : r.value("index_topk_pattern");
  let rule: (i: number) => string;
  if (written || (pattern !== undefined && pattern !== null)) {
    r.markRead(["index_topk_pattern", "index_topk_freq", "index_skip_topk_offset"]);
    rule = () => "full";
  } else {
    const freq = Math.max(r.count("index_topk_freq", 1), 1);
    const offset = r.count("index_skip_topk_offset", 2);
    rule = (i) => (Math.max(i - offset + 1, 0) % freq === 0 ? "full" : "shared");
  }
  if (pattern !== undefined && pattern !== null) {
    const letters = typeof pattern === "string" ? [...pattern].map((c) => (c === "F" ? "full" : c === "S" ? "shared" : c)) : pattern;
    if (!Array.isArray(letters) || letters.length !== numLayers || !letters.every((t) => t === "full" || t === "shared")) {
      r.problem(
        "index_topk_pattern",
        `expected ${numLayers} entries of "F"/"S" (or "full"/"shared"), got ${JSON.stringify(pattern).slice(0, 80)}`,
      );
    } else {
      const given = letters as string[];
      rule = (i) => given[i] as string;
    }
  }
  const types = layerTypes(r, numLayers, rule, ["full", "shared"], "indexer_types");
  if (types[0] === "shared")
    r.problem(
      written ? "indexer_types" : pattern != null ? "index_topk_pattern" : "index_skip_topk_offset",
      "layer 0 cannot reuse an earlier layer's top-k: there is none",
    );
  return types;
}

/** A DeepSeek V3.2-style stack; `shareable` reads GLM-5.2's per-layer indexer sharing. */
function dsaDraft(r: ConfigReader, d: DsaDefaults, shareable: boolean): ArchitectureDraft {
  const core = readCore(r, {
    vocabSize: d.vocabSize,
    kvHeads: "heads",
    activation: "silu",
    maxPositions: d.maxPositions,
    eps: d.eps,
    tied: false,
    theta: 10000,
    attentionBias: false,
    mlpBias: false,
    noHeadShape: true,
  });
  // The configuration classes point head_dim at qk_rope_head_dim for the rotary embedding; it sizes nothing.
  r.markRead("head_dim");
  moeLayerFreq(r, d.family);
  const firstDense = r.count("first_k_dense_replace", d.firstDense);
  const mlpTypes = layerTypes(r, core.numLayers, (i) => (i < firstDense ? "dense" : "sparse"), ["dense", "sparse"], "mlp_layer_types");
  const experts = r.size(["n_routed_experts", "num_experts"], d.experts);
  const shared = r.count("n_shared_experts", 1);
  const moe = moeOf(core, {
    experts,
    activeExperts: activeExperts(r, "num_experts_per_tok", d.topK, experts),
    expertHidden: r.size("moe_intermediate_size", d.expertHidden),
    ...(shared > 0 ? { sharedExperts: shared } : {}),
    router: groupLimitedRouter(r, experts, { groups: d.groups, topkGroups: d.topkGroups, scale: d.scale }),
  });
  const full: MlaMixer = { ...dsaMla(r, core, d), indexer: indexerOf(r, d.indexHeads) };
  const sharing = shareable ? indexerTypes(r, core.numLayers) : [];
  const mixerOf = (i: number) => (sharing[i] === "shared" ? "mla-shared" : "mla");
  const mtp = mtpOf(r, "mla", "moe");
  return decoderDraft(core, {
    mixers: { mla: full, "mla-shared": { ...full, indexer: { ...(full.indexer as SparseIndexer), shared: true } } },
    ffns: { dense: mlpOf(core), moe },
    stack: mlpTypes.map((t, i) => ({ mixer: mixerOf(i), ffn: t === "sparse" ? "moe" : "dense" })),
    ...(mtp ? { mtp } : {}),
  });
}

// deepseek_v32: configuration_deepseek_v32.py @008e574391258935f3ecc3035c882e73bbcac419 (DeepseekV32Config: vocab
// 129280, hidden 7168, intermediate 18432, moe_intermediate_size 2048, 61 layers, 128 heads, n_shared_experts 1,
// n_routed_experts 256, routed_scaling_factor 2.5, kv_lora_rank 512, q_lora_rank 1536, qk_rope 64, v_head_dim 128,
// qk_nope 128, n_group 8, topk_group 4, num_experts_per_tok 8, max_position 163840, rms 1e-6, untied,
// attention_bias false, mlp_bias false, index_topk 2048, index_head_dim 128, index_n_heads 64,
// first_k_dense_replace 3; mlp_layer_types default dense below first_k_dense_replace, else sparse).
// modeling_deepseek_v32.py @01f8fa55d98fbd77fb6461c47ae14fc6206f2f87: DeepseekV32Attention is DeepSeek V3's MLA
// (q_a_proj + q_a_layernorm + q_b_proj, kv_a_proj_with_mqa + kv_a_layernorm + kv_b_proj, o_proj) with a
// DeepseekV32Indexer in every layer: wq_b (q_lora_rank → index_n_heads·index_head_dim), wk (hidden →
// index_head_dim), k_norm LayerNorm(index_head_dim) with bias, weights_proj (hidden → index_n_heads), no biases.
// DeepseekV32MoE: router weight + e_score_correction_bias, sigmoid, group-limited; shared experts
// MLP(moe_intermediate_size × n_shared_experts). The checkpoints' MTP layer is counted from
// num_nextn_predict_layers (its block is a full DSA layer).
export const deepseekV32: FamilyImporter = {
  configClass: "DeepseekV32Config",
  ignores: ["indexer_rope_interleave"],
  build: (r) =>
    dsaDraft(
      r,
      {
        family: "deepseek_v32",
        vocabSize: 129280,
        maxPositions: 163840,
        eps: 1e-6,
        qLoraRank: 1536,
        qkNope: 128,
        vHead: 128,
        experts: 256,
        topK: 8,
        expertHidden: 2048,
        groups: 8,
        topkGroups: 4,
        scale: 2.5,
        firstDense: 3,
        indexHeads: 64,
      },
      false,
    ),
};

// glm_moe_dsa: configuration_glm_moe_dsa.py @008e574391258935f3ecc3035c882e73bbcac419 (GlmMoeDsaConfig, GLM-5: vocab
// 154880, hidden 6144, intermediate 12288, moe_intermediate_size 2048, 78 layers, 64 heads, n_shared_experts 1,
// n_routed_experts 256, routed_scaling_factor 2.5, kv_lora_rank 512, q_lora_rank 2048, qk_rope 64, v_head_dim 256,
// qk_nope 192, n_group 1, topk_group 1, num_experts_per_tok 8, max_position 202752, rms 1e-5, untied,
// attention_bias false, index_topk 2048, index_head_dim 128, index_n_heads 32, first_k_dense_replace 3;
// indexer_types from index_topk_pattern or index_topk_freq / index_skip_topk_offset). modular_glm_moe_dsa.py
// @01f8fa55d98fbd77fb6461c47ae14fc6206f2f87: GlmMoeDsaAttention is DeepseekV3Attention plus a GlmMoeDsaIndexer
// (DeepseekV32Indexer's weights) on "full" layers and none on "shared" layers, which reuse the previous full
// layer's top-k; decoder layer, MoE and MLP as DeepSeek V3.2.
export const glmMoeDsa: FamilyImporter = {
  configClass: "GlmMoeDsaConfig",
  ignores: ["indexer_rope_interleave"],
  build: (r) =>
    dsaDraft(
      r,
      {
        family: "glm_moe_dsa",
        vocabSize: 154880,
        maxPositions: 202752,
        eps: 1e-5,
        qLoraRank: 2048,
        qkNope: 192,
        vHead: 256,
        experts: 256,
        topK: 8,
        expertHidden: 2048,
        groups: 1,
        topkGroups: 1,
        scale: 2.5,
        firstDense: 3,
        indexHeads: 32,
      },
      true,
    ),
};
