/**
 * The MiniMax Sparse Attention panel: a block indexer in front of grouped-query attention.
 */
import type { MiniMaxSparseMixer } from "@archgal/schema/metrics";
import { n, t, type Panel } from "./kit.js";
import { blockSparsePanel } from "./block-sparse.js";

/** MiniMax Sparse Attention: the indexer scores earlier tokens, keeps the best key blocks, attention reads only those. */
export function minimaxSparsePanel(m: MiniMaxSparseMixer, id: string): Panel {
  const ix = m.indexer;
  const caption = [
    [t("Each query reads "), n(ix.topKBlocks * ix.blockSize), t(" of the earlier tokens (the "), n(ix.topKBlocks), t(" best blocks)")],
    [t("KV cache as for GQA, plus one indexer key of "), n(ix.headDim), t(" per token")],
  ];
  if (ix.localBlocks) caption.push([t("The query's own block"), t(ix.localBlocks > 1 ? "s are" : " is"), t(" always kept")]);
  return blockSparsePanel(m, id, {
    title: "MiniMax Sparse Attention (block top-k)",
    output: "Linear (output)",
    outputWidth: 140,
    pool: "Max",
    poolWidth: 170,
    cached: "(keys cached)",
    caption,
  });
}
