/**
 * MiniMax Sparse Attention (MiniMax M3): grouped-query attention whose queries read only the key blocks a small
 * lightning indexer selects.
 */
import type { MixerKindCore } from "../mixer-kind.js";
import { ropeOverrideOf } from "../common.js";
import type { NonNegativeInt, PositiveInt } from "../../spec-types.js";
import { attention, type AttentionMixer } from "./attention.js";
import { asDenseAttention, blockSparseFacets } from "../block-sparse-kit.js";

/** The block indexer of MiniMax Sparse Attention. */
export interface BlockSparseIndexer {
  /** Indexer heads (one block selection per head; MiniMax M3: one per KV group). */
  heads: PositiveInt;
  /** Indexer head dimension (its key, one per token, is cached). */
  headDim: PositiveInt;
  /** Keys pooled (max of the scores) into one selectable block. */
  blockSize: PositiveInt;
  /** Blocks each query attends to. */
  topKBlocks: PositiveInt;
  /** Blocks just before the query that are always among them. */
  localBlocks?: NonNegativeInt;
}

/**
 * MiniMax Sparse Attention (MSA): softmax attention with q/k norms and partial RoPE like `attention`, restricted
 * per query to the `topKBlocks` key blocks (of `blockSize` tokens) that a lightning indexer scores highest.
 */
export interface MiniMaxSparseMixer extends Pick<
  AttentionMixer,
  "heads" | "kvHeads" | "headDim" | "valueHeadDim" | "qkvBias" | "outBias" | "qkNorm" | "rope" | "sinks"
> {
  kind: "minimax-sparse";
  /** The block indexer. */
  indexer: BlockSparseIndexer;
}

export const minimaxSparse = {
  kind: "minimax-sparse",
  family: "attention",
  rotary: ropeOverrideOf,
  params(m, arch) {
    // transformers MiniMaxM3VLIndexer: q_proj (d → heads·headDim), k_proj (d → headDim), q_norm and k_norm
    // (RMSNorm of headDim each), no bias and no value path.
    const ix = m.indexer;
    const indexer = arch.dModel * ix.heads * ix.headDim + arch.dModel * ix.headDim + 2 * ix.headDim;
    return { component: "attention", params: attention.params(asDenseAttention(m), arch).params + indexer };
  },
  // MiniMaxM3VLSparseCacheLayer keeps one indexer key per token beside the KV.
  ...blockSparseFacets("MiniMax Sparse", "sparse"),
} satisfies MixerKindCore<MiniMaxSparseMixer>;
