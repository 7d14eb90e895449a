/**
 * The facets the block-sparse attention kinds share (MiniMax Sparse Attention, Qwen Sparse Attention): grouped-query
 * attention plus a block indexer that caches one key per token; only the indexer's weights and the names differ.
 */
import type { AttentionMixer } from "./mixers/attention.js";
import { attention } from "./mixers/attention.js";
import { headSharing, sharingNames } from "./common.js";

/** A block-sparse mixer: attention fields plus an indexer with a cached key of `headDim` per token. */
type BlockSparse = Omit<AttentionMixer, "kind" | "indexer"> & {
  kind: string;
  indexer: { headDim: number; topKBlocks: number; blockSize: number };
};

/** The same layer as plain attention, for the parts they share (projections, gate, norms, KV cache). */
export const asDenseAttention = ({ kind: _kind, indexer: _indexer, ...m }: BlockSparse): AttentionMixer => ({ kind: "attention", ...m });

/** Cache, naming and callout facets of a block-sparse kind called `name` ("MiniMax Sparse"), short form `short`. */
export function blockSparseFacets(name: string, short: string) {
  return {
    cache: {
      perToken: (m: BlockSparse) => attention.cache.perToken(asDenseAttention(m)),
      // The indexer's key of every token is cached beside the KV.
      indexKeysPerToken: (m: BlockSparse) => m.indexer.headDim,
    },
    label: () => `${name} Attention`,
    attentionLabel: (m: BlockSparse) => headSharing(m),
    shortName: (m: BlockSparse) => `${short} ${headSharing(m)}`,
    title: (m: BlockSparse) => `**${name}** ${sharingNames[headSharing(m)]} Attention`,
    comboTitle: () => `**${name}** Attention`,
    groupTitle: () => undefined,
    callout: (m: BlockSparse) => attention.callout(asDenseAttention(m)),
    calloutNotes: (m: BlockSparse) => [["top ", m.indexer.topKBlocks, " blocks of ", m.indexer.blockSize, " tokens per query"]],
  };
}
