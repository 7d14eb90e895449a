/**
 * DeepSeek V4.1's CSA2: compressed attention whose compressed rows and sparse selections are shared across layers.
 *
 * Every layer keeps the parts of V4's compressed attention that each token needs (mlx-lm `deepseek_v41.py`,
 * `Attention`): q_a (d→qr) + norm, q_b (qr→H·D), its own window projection wkv (d→D) + norm, sinks (H), a grouped
 * low-rank output wo_a (D·H/G → ol per group) and wo_b (G·ol → d). Only a `full` layer (a KV source) owns the
 * compressor that writes the compressed rows — kv (d→D), a softmax gate (d→D) when the ratio is above 1, norm (D) —
 * and, with an indexer, the projection of the compressed rows to the indexer's keys (D→Id) + norm (Id). A
 * `reindex` layer scores its own top-k against the keys of the latest full layer: indexer q_b (qr→Ih·Id) and
 * weights (d→Ih) only. A `reuse` layer reads the latest full layer's rows and the latest indexing layer's top-k:
 * no compressor, no indexer.
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt, SparseIndexer } from "../../spec-types.js";
import { compressedCoreParams, type CompressedAttentionCore } from "./compressed-attention.js";
import { noNotes } from "../common.js";

/** Where a CSA2 layer gets its compressed rows and its sparse selection. */
export type Csa2Mode = "full" | "reindex" | "reuse";

/** Candidate pre-filter of a CSA2 indexer: the best-scoring blocks of compressed rows later indexers may pick from. */
export interface Csa2Candidates {
  /** Blocks kept for the layers after this one. */
  blocks: PositiveInt;
  /** Compressed rows per block. */
  blockSize: PositiveInt;
}

/**
 * DeepSeek V4.1's CSA2 attention: a low-rank query, one shared key=value head, attention sinks, a sliding window
 * of the layer's own uncompressed rows, a grouped low-rank output, and (when `compressRatio` is set) compressed
 * rows of one row per `compressRatio` tokens that only `full` layers write and later layers reuse.
 */
export interface Csa2Mixer extends CompressedAttentionCore {
  kind: "csa2";
  /**
   * `full`: writes the compressed rows (and the indexer keys); `reindex`: reads them and selects its own top-k;
   * `reuse`: reads the rows and the latest selection. Required with `compressRatio`.
   */
  mode?: Csa2Mode;
  /** The sparse indexer whose top-k rows the layer attends to (its own for full and reindex layers). */
  indexer?: SparseIndexer;
  /** This layer's indexer keeps a candidate pool of blocks for the indexers after it. */
  candidates?: Csa2Candidates;
}

/** True when the layer writes compressed rows (a KV source). */
export const writesRows = (m: Csa2Mixer): boolean => m.compressRatio !== undefined && m.mode === "full";

/** The indexer the layer runs itself (full and reindex layers). */
const scoresItself = (m: Csa2Mixer): SparseIndexer | undefined =>
  m.compressRatio !== undefined && m.indexer && !m.indexer.shared && (m.mode === "full" || m.mode === "reindex") ? m.indexer : undefined;

/**
 * Weights a full layer runs to write its caches: the compressor (kv and, above ratio 1, the gate, plus the norm)
 * and the projection of the compressed rows to indexer keys with its norm. 0 for other layers.
 */
export function csa2WriterParams(m: Csa2Mixer, dModel: number): number {
  if (!writesRows(m)) return 0;
  const D = m.headDim;
  let n = dModel * D * (m.compressRatio! > 1 ? 2 : 1) + D;
  const ix = scoresItself(m);
  if (ix) n += D * ix.headDim + ix.headDim;
  return n;
}

const variant = (m: Csa2Mixer) => (m.compressRatio ? `CSA2 ${m.mode ?? "full"}` : undefined);

export const csa2 = {
  kind: "csa2",
  family: "attention",
  rotary: (m) => (m.ropeDim === 0 ? false : {}),
  params(m, arch) {
    const d = arch.dModel;
    let params = compressedCoreParams(m, d) + csa2WriterParams(m, d);
    const ix = scoresItself(m);
    if (ix) params += m.qLoraRank * ix.heads * ix.headDim + d * ix.heads;
    return { component: "attention", params };
  },
  cacheWriterParams: (m, arch) => csa2WriterParams(m, arch.dModel),
  cache: {
    // Only the layer that writes the compressed rows caches them; the layers that reuse them add nothing.
    perToken: (m) => (writesRows(m) ? m.headDim / m.compressRatio! : 0),
    // Every layer keeps its own window of uncompressed rows (state in the true cache), counted per token by the KV rule.
    windowPerToken: (m) => m.headDim,
    // The full layer's indexer keys, one per compressed row.
    indexKeysPerToken: (m) => (writesRows(m) && scoresItself(m) ? scoresItself(m)!.headDim / m.compressRatio! : 0),
  },
  label: (m) => (m.compressRatio ? "CSA2" : "sliding-window MQA"),
  attentionLabel: () => "CSA2 + SWA",
  shortName: (m) => variant(m) ?? "sliding-window MQA",
  title: (m) => (m.compressRatio ? "**Shared** Compressed Sparse Attention (CSA2)" : "**Sliding-window** Multi-Query Attention"),
  comboTitle: (m) => (m.compressRatio ? "**Shared** Compressed Sparse Attention (CSA2)" : "**Sliding-window** Multi-Query Attention"),
  groupTitle: (ms) =>
    `**Shared** Compressed Attention (${[...new Set(ms.map((m) => (m.compressRatio ? `ratio ${m.compressRatio}` : "window only")))].join(" + ")})`,
  callout: (m) => [m.heads, " heads, one shared KV head"],
  calloutNotes: (m, layers) =>
    m.compressRatio && m.mode === "reuse"
      ? [[layers, " layers reuse an earlier layer's compressed rows and selection"]]
      : m.compressRatio && m.mode === "reindex"
        ? [[layers, " layers reuse an earlier layer's compressed rows"]]
        : noNotes(),
} satisfies MixerKindCore<Csa2Mixer>;
