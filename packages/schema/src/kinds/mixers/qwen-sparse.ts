/**
 * Qwen Sparse Attention (Qwen3.8-Flash-Next): gated grouped-query attention whose queries read only the key
 * blocks a small indexer scores highest against each block's mean key.
 */
import type { MixerKindCore } from "../mixer-kind.js";
import { ropeOverrideOf } from "../common.js";
import type { PositiveInt } from "../../spec-types.js";
import { attention, type AttentionMixer } from "./attention.js";
import { asDenseAttention, blockSparseFacets } from "../block-sparse-kit.js";

/** The block indexer of Qwen Sparse Attention. */
export interface QwenSparseIndexer {
  /** Indexer query heads (their ReLU scores are summed over heads). */
  heads: PositiveInt;
  /** Indexer head dimension (one raw key of this width is cached per token). */
  headDim: PositiveInt;
  /** Consecutive keys averaged into one selectable block (`indexer_compress_ratio`). */
  blockSize: PositiveInt;
  /** Blocks each query attends to (`indexer_budget` / `indexer_compress_ratio`), besides the unfinished tail block. */
  topKBlocks: PositiveInt;
}

/**
 * Qwen Sparse Attention (QSA): softmax attention with the options of `attention` that Qwen3.8-Flash-Next uses
 * (output gate, q/k norms, partial RoPE), restricted per query to the `topKBlocks` blocks of `blockSize` tokens
 * whose mean raw indexer key scores highest, plus the tokens of the unfinished last block.
 */
export interface QwenSparseMixer extends Pick<
  AttentionMixer,
  "heads" | "kvHeads" | "headDim" | "valueHeadDim" | "qkvBias" | "outBias" | "qkNorm" | "rope" | "outputGate"
> {
  kind: "qwen-sparse";
  /** The block indexer. */
  indexer: QwenSparseIndexer;
}

export const qwenSparse = {
  kind: "qwen-sparse",
  family: "attention",
  rotary: ropeOverrideOf,
  params(m, arch) {
    // transformers Qwen4ExpTextQSAIndexer: index_qk_proj (d → (heads + 1)·headDim: the query heads and one raw
    // key), q_layernorm and k_layernorm (RMSNorm of headDim each), no bias and no value path. The raw key of every
    // token is cached (update_indexer); blocks are pooled from it.
    const ix = m.indexer;
    const indexer = arch.dModel * (ix.heads + 1) * ix.headDim + 2 * ix.headDim;
    return { component: "attention", params: attention.params(asDenseAttention(m), arch).params + indexer };
  },
  ...blockSparseFacets("Qwen Sparse", "QSA"),
} satisfies MixerKindCore<QwenSparseMixer>;
