/**
 * The Qwen Sparse Attention panel: a block indexer over averaged keys in front of gated grouped-query attention.
 */
import type { QwenSparseMixer } from "@archgal/schema/metrics";
import { n, t, type Panel } from "./kit.js";
import { blockSparsePanel } from "./block-sparse.js";

/** Qwen Sparse Attention: the indexer scores block-averaged keys, keeps the best blocks, attention reads only those. */
export function qwenSparsePanel(m: QwenSparseMixer, id: string): Panel {
  const ix = m.indexer;
  return blockSparsePanel(m, id, {
    title: "Qwen Sparse Attention (block top-k)",
    output: m.outputGate ? "Gate × Linear (output)" : "Linear (output)",
    outputWidth: 170,
    pool: "Mean key",
    poolWidth: 190,
    cached: "(raw keys cached)",
    caption: [
      [
        t("Each query reads "),
        n(ix.topKBlocks * ix.blockSize),
        t(" earlier tokens (the "),
        n(ix.topKBlocks),
        t(" best blocks) and its unfinished block"),
      ],
      [t("KV cache as for GQA, plus one raw indexer key of "), n(ix.headDim), t(" per token")],
    ],
  });
}
