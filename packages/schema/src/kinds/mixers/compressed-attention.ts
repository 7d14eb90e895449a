/**
 * DeepSeek V4's compressed attention: CSA (a KV compressor at ratio 4 with a lightning indexer), HCA (ratio 128,
 * no indexer) and window-only layers, all with one shared key=value head.
 *
 * Parameters per the tensor layout of the official weights: q_a (d→qr) + norm, q_b (qr→H·D), wkv (d→D) + norm, sinks (H), grouped low-rank output
 * wo_a (D·H/G → ol per group) and wo_b (G·ol → d). The KV compressor of a CSA layer reads overlapping windows,
 * so its projections are 2·D wide at ratio 4 and D wide otherwise: positional table (w × ratio), kv and gate
 * projections (d→w), norm (D). The CSA indexer: q_b (qr→Ih·Id), weights (d→Ih) and its own compressor (2·Id).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { NonNegativeInt, PositiveInt, SparseIndexer } from "../../spec-types.js";
import { noNotes, ownIndexer } from "../common.js";

/**
 * The parts every layer of DeepSeek's compressed attention has (V4's CSA/HCA and V4.1's CSA2): a low-rank query,
 * one shared key=value head, attention sinks, a sliding window over recent tokens, a grouped low-rank output
 * projection, and optionally one compressed row per `compressRatio` tokens.
 */
export interface CompressedAttentionCore {
  /** Query heads. */
  heads: PositiveInt;
  /** Width of the single shared key/value head (and of each query head). */
  headDim: PositiveInt;
  /** Rotary part of the head dimension. */
  ropeDim: NonNegativeInt;
  /** Rank of the query compression. */
  qLoraRank: PositiveInt;
  /** Groups of the grouped low-rank output projection. */
  outputGroups: PositiveInt;
  /** Rank of each output group. */
  outputLoraRank: PositiveInt;
  /** Sliding window over recent uncompressed tokens. */
  window: PositiveInt;
  /** Tokens per compressed KV row; absent for window-only layers. */
  compressRatio?: PositiveInt;
}

/**
 * DeepSeek V4's compressed attention: the {@link CompressedAttentionCore} with (when `compressRatio` is set) a KV
 * compressor that caches one row per `compressRatio` tokens — CSA (ratio 4, with an indexer) or HCA (ratio 128).
 */
export interface CompressedAttentionMixer extends CompressedAttentionCore {
  kind: "compressed-attention";
  /** Lightning indexer choosing which compressed rows to attend to (CSA). */
  indexer?: SparseIndexer;
}

/** Weights of the {@link CompressedAttentionCore}: q_a + norm, q_b, wkv + norm, sinks, wo_a and wo_b. */
export function compressedCoreParams(m: CompressedAttentionCore, d: number): number {
  const { heads: H, headDim: D, qLoraRank: qr, outputGroups: G, outputLoraRank: ol } = m;
  return d * qr + qr + qr * H * D + d * D + D + H + D * H * ol + G * ol * d;
}

/** Width of the KV compressor: CSA (ratio 4) compresses overlapping windows, twice the head wide. */
const compressorWidth = (m: CompressedAttentionMixer, ratio: number) => (ratio === 4 ? 2 * m.headDim : m.headDim);

const variant = (m: CompressedAttentionMixer) => (m.compressRatio ? (m.indexer ? "CSA" : "HCA") : undefined);

export const compressedAttention = {
  kind: "compressed-attention",
  family: "attention",
  rotary: (m) => (m.ropeDim === 0 ? false : {}),
  params(m, arch) {
    const d = arch.dModel;
    const D = m.headDim;
    const qr = m.qLoraRank;
    let params = compressedCoreParams(m, d);
    const r = m.compressRatio;
    if (r) {
      const w = compressorWidth(m, r);
      params += w * r + 2 * d * w + D;
    }
    const ix = ownIndexer(m.indexer);
    if (ix && r) {
      const iw = 2 * ix.headDim;
      params += qr * ix.heads * ix.headDim + d * ix.heads + iw * r + 2 * d * iw + ix.headDim;
    }
    return { component: "attention", params };
  },
  cache: {
    // One shared key=value row of headDim per compressRatio tokens; window-only layers keep a constant cache.
    perToken: (m) => (m.compressRatio ? m.headDim / m.compressRatio : 0),
    // Each token adds one uncompressed row to the window buffer (state in the true cache): counted per token by the KV rule, no window cap.
    windowPerToken: (m) => m.headDim,
    // The CSA indexer compresses its own keys at the same ratio.
    indexKeysPerToken: (m) => (m.compressRatio && ownIndexer(m.indexer) ? ownIndexer(m.indexer)!.headDim / m.compressRatio : 0),
  },
  label: (m) => variant(m) ?? "sliding-window MQA",
  attentionLabel: () => "CSA/HCA",
  shortName: (m) => variant(m) ?? "sliding-window MQA",
  title: (m) =>
    m.compressRatio
      ? m.indexer
        ? "**Compressed Sparse** Attention (CSA)"
        : "**Heavily Compressed** Attention (HCA)"
      : "**Sliding-window** Multi-Query Attention",
  comboTitle: (m) =>
    m.compressRatio
      ? m.indexer
        ? "**Compressed Sparse** Attention (CSA)"
        : "**Heavily Compressed** Attention (HCA)"
      : "**Sliding-window** Multi-Query Attention",
  groupTitle: (ms) => `**Compressed** Attention (${[...new Set(ms.map((m) => variant(m) ?? "window only"))].join(" + ")})`,
  callout: (m) => [m.heads, " heads, one shared KV head"],
  calloutNotes: noNotes,
} satisfies MixerKindCore<CompressedAttentionMixer>;
