/**
 * Softmax attention: MHA, GQA or MQA; full, sliding-window or chunked; with the options the dataset's models
 * use (q/k norm, output gate, sinks, shared or reused KV, soft-capping, learned relative-position bias,
 * DeepSeek Sparse Attention's lightning indexer).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt, QkNorm, RopeSettings, SparseIndexer } from "../../spec-types.js";
import { headSharing, ownIndexer, qkNormWeights, sharingNames, ropeOverrideOf } from "../common.js";

/** Softmax attention: MHA, GQA or MQA, full, sliding-window or chunked. */
export interface AttentionMixer {
  kind: "attention";
  /** Query heads. */
  heads: PositiveInt;
  /** Key/value heads (= heads for MHA, 1 for MQA). */
  kvHeads: PositiveInt;
  /** Query/key head dimension. */
  headDim: PositiveInt;
  /** Value head dimension when it differs from `headDim`. */
  valueHeadDim?: PositiveInt;
  /** Biases on the q, k, v projections. */
  qkvBias?: boolean;
  /** Bias on the output projection. */
  outBias?: boolean;
  /** Query/key norm. */
  qkNorm?: QkNorm;
  /** Sliding-window size in tokens; absent = global attention. */
  window?: PositiveInt;
  /** Chunked (block-local) attention chunk size in tokens (Llama 4). */
  chunk?: PositiveInt;
  /** RoPE for this mixer: `false` for a NoPE layer, or overrides of the model's settings (e.g. a local θ). */
  rope?: false | RopeSettings;
  /** Learned per-head attention sinks (GPT-OSS): adds `heads` parameters. */
  sinks?: boolean;
  /**
   * Output gate computed from the input (gated attention): `elementwise` adds heads×headDim outputs
   * to the query projection (Qwen3-Next); `headwise` adds one gate per head.
   */
  outputGate?: "elementwise" | "headwise";
  /** Keys double as values: no value projection and half the KV cache (Gemma 4 global layers). */
  sharedKV?: boolean;
  /** This layer reads the KV cache of an earlier layer and stores none of its own (Gemma 3n / Gemma 4 E-models). Its projections still count as parameters unless `kvWeights` is false. */
  reusesKV?: boolean;
  /**
   * Whether a layer that reuses another layer's KV cache still has key/value projections (with their biases) and a
   * key norm of its own. Default true, as a checkpoint stores them; `false` counts what transformers' Gemma 4
   * builds for its KV-shared layers (none: it skips those weights when loading). Only with `reusesKV`.
   */
  kvWeights?: boolean;
  /**
   * Attention logit soft-capping value.
   * @exclusiveMinimum 0
   */
  logitSoftcap?: number;
  /** Learned relative-position bias added to the attention logits (Inkling). */
  relativeBias?: RelativeBias;
  /**
   * DeepSeek Sparse Attention's lightning indexer on grouped-query attention (Naive N0.5 Flash): each query
   * attends only to the `topK` tokens the indexer scores highest. The indexer projects its queries from the
   * layer input (no query latent).
   */
  indexer?: SparseIndexer;
}

/**
 * Learned relative-position bias (Inkling's `d_rel`, `rel_extent`): the q/k/v projection gains `dim` outputs per
 * query head, which a learned `dim × extent` table turns into one logit bias per head for each of the nearest
 * `extent` distances (0 … extent − 1); keys farther away get no bias.
 */
export interface RelativeBias {
  /** Values per query head that the bias is projected from (`d_rel`). */
  dim: PositiveInt;
  /** Distances that carry a bias (`rel_extent`; the window on sliding-window layers). */
  extent: PositiveInt;
}

const label = (m: AttentionMixer): string => {
  const base = m.indexer ? `${headSharing(m)} + DSA` : headSharing(m);
  if (m.window) return `sliding-window ${base}`;
  if (m.chunk) return `chunked ${base}`;
  return base;
};

export const attention = {
  kind: "attention",
  family: "attention",
  rotary: ropeOverrideOf,
  params(m, arch) {
    const d = arch.dModel;
    const q = m.heads * m.headDim;
    const vDim = m.valueHeadDim ?? m.headDim;
    // A KV-reusing layer without weights of its own (kvWeights false) projects only queries.
    const ownKV = !(m.reusesKV && m.kvWeights === false);
    const k = ownKV ? m.kvHeads * m.headDim : 0;
    const v = m.sharedKV || !ownKV ? 0 : m.kvHeads * vDim;
    const gate = m.outputGate === "elementwise" ? q : m.outputGate === "headwise" ? m.heads : 0;
    // Relative-position bias: dim outputs per head in the fused q/k/v/r projection, and the dim × extent table.
    const rel = m.relativeBias ? m.heads * m.relativeBias.dim : 0;
    const qkvOut = q + gate + k + v + rel;
    let params = d * qkvOut + m.heads * vDim * d;
    if (m.relativeBias) params += m.relativeBias.dim * m.relativeBias.extent;
    if (m.qkvBias) params += qkvOut;
    if (m.outBias) params += d;
    if (m.qkNorm) params += qkNormWeights(m.qkNorm, m.qkNorm.scope === "head" ? (ownKV ? 2 : 1) * m.headDim : q + k);
    if (m.sinks) params += m.heads;
    const ix = ownIndexer(m.indexer);
    // Naive N0.5 Flash NaiveN05FlashIndexer: wq (d → heads·headDim), wk (d → headDim), k_norm (LayerNorm with
    // bias), weights_proj (d → heads). A shared indexer has no weights.
    if (ix) params += d * ix.heads * ix.headDim + d * ix.headDim + 2 * ix.headDim + d * ix.heads;
    return { component: "attention", params };
  },
  cache: {
    perToken(m) {
      if (m.reusesKV) return 0;
      const k = m.kvHeads * m.headDim;
      const v = m.kvHeads * (m.valueHeadDim ?? m.headDim);
      return m.sharedKV ? k : k + v;
    },
    // An indexer of its own caches one key of its head dimension per token.
    indexKeysPerToken: (m) => ownIndexer(m.indexer)?.headDim ?? 0,
  },
  label,
  attentionLabel: (m) => headSharing(m),
  shortName: (m) => (m.outputGate ? `gated ${label(m)}` : label(m)),
  title(m) {
    const sharing = sharingNames[headSharing(m)];
    if (m.indexer) return `**Sparse** ${sharing} Attention`;
    if (m.outputGate) return `**Gated** ${sharing} Attention`;
    if (m.window) return `**Sliding-window** ${sharing} Attention`;
    if (m.chunk) return `**Chunked** ${sharing} Attention`;
    return `**${sharing}** Attention`;
  },
  comboTitle: (m) =>
    m.outputGate ? "**Gated** Attention" : m.window ? "**Sliding-window** Attention" : m.chunk ? "**Chunked** Attention" : "Attention",
  groupTitle(ms) {
    const sharing = new Set(ms.map((m) => headSharing(m)));
    const gated = ms.some((m) => m.outputGate);
    const variants: string[] = [];
    if (ms.some((m) => m.window)) variants.push("**sliding-window**");
    if (ms.some((m) => m.chunk)) variants.push("**chunked**");
    if (ms.some((m) => !m.window && !m.chunk)) variants.push("global");
    if (sharing.size !== 1 || variants.length < 2) return undefined;
    return `${gated ? "**Gated** " : ""}${sharingNames[[...sharing][0]!]} Attention (${variants.join(" + ")})`;
  },
  callout: (m) =>
    headSharing(m) === "MHA" ? [m.heads, " heads"] : [m.heads, " heads, ", m.kvHeads, m.kvHeads === 1 ? " KV head" : " KV heads"],
  calloutNotes(m, layers) {
    const notes: (string | number)[][] = [];
    if (m.sinks) notes.push(["with learned attention sinks"]);
    if (m.window) notes.push(["sliding window of ", m.window, " tokens"]);
    if (m.chunk) notes.push(["chunks of ", m.chunk, " tokens"]);
    if (m.reusesKV) notes.push([layers, " layers reuse an earlier layer's KV cache"]);
    if (m.sharedKV) notes.push(["keys double as values in ", layers, " layers"]);
    if (m.relativeBias) notes.push(["learned relative-position bias over the last ", m.relativeBias.extent, " tokens"]);
    return notes;
  },
} satisfies MixerKindCore<AttentionMixer>;
