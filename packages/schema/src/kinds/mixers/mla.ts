/**
 * Multi-head latent attention (DeepSeek V2/V3, Kimi K2, Mistral Large 3, GLM-5), optionally with DeepSeek Sparse
 * Attention's lightning indexer.
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { NonNegativeInt, PositiveInt, RopeSettings, SparseIndexer } from "../../spec-types.js";
import { ownIndexer, ropeOverrideOf } from "../common.js";

/** Multi-head latent attention (DeepSeek V2/V3, Kimi K2, Mistral Large 3, GLM-5). */
export interface MlaMixer {
  kind: "mla";
  /** Attention heads. */
  heads: PositiveInt;
  /** Rank of the query compression; `null` when queries are projected directly (DeepSeek V2-Lite). */
  qLoraRank: PositiveInt | null;
  /** Rank of the joint key/value compression (the cached latent). */
  kvLoraRank: PositiveInt;
  /** Per-head query/key dimension without rotary embedding. */
  qkNopeHeadDim: NonNegativeInt;
  /** Per-head rotary dimension (its key part is cached, shared by all heads). */
  qkRopeHeadDim: NonNegativeInt;
  /** Per-head value dimension. */
  vHeadDim: PositiveInt;
  /** Biases on the q/kv down-projections and the output projection. */
  bias?: boolean;
  /** RoPE for this mixer: `false` for a NoPE layer. */
  rope?: false | RopeSettings;
  /** Sliding-window size in tokens; absent = global. */
  window?: PositiveInt;
  /** DeepSeek Sparse Attention indexer, when present. */
  indexer?: SparseIndexer;
  /**
   * Sigmoid gate on the attention output, projected from the layer input (Kimi K3's gated MLA, Hy4):
   * `elementwise` gives each head's every value channel its own gate (dModel → heads·vHeadDim), `headwise` one gate
   * per head (dModel → heads).
   */
  outputGate?: "elementwise" | "headwise";
}

const mlaTitle = (m: MlaMixer): string =>
  `${m.outputGate ? "**Gated** " : ""}Multi-head **Latent** Attention${m.indexer ? " with **Sparse** indexer" : ""}`;

export const mla = {
  kind: "mla",
  family: "attention",
  rotary: ropeOverrideOf,
  params(m, arch) {
    const d = arch.dModel;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const r = m.qLoraRank;
    let params = r === null ? d * m.heads * qk : d * r + r + r * m.heads * qk;
    params += d * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank;
    params += m.kvLoraRank * m.heads * (m.qkNopeHeadDim + m.vHeadDim);
    params += m.heads * m.vHeadDim * d;
    // Kimi K3 KimiK3GatedMLA.output_gate_proj / Hy4 HYV4Attention.linear_gate: d → heads·vHeadDim, no bias.
    if (m.outputGate) params += d * (m.outputGate === "elementwise" ? m.heads * m.vHeadDim : m.heads);
    if (m.bias) params += (r ?? 0) + m.kvLoraRank + m.qkRopeHeadDim + d;
    const ix = ownIndexer(m.indexer);
    if (ix) {
      // DeepSeek V3.2 Indexer: wq_b (q_lora_rank → heads·headDim), wk (d → headDim),
      // k_norm (LayerNorm with bias), weights_proj (d → heads). A shared indexer has no weights.
      params += (r ?? d) * ix.heads * ix.headDim + d * ix.headDim + 2 * ix.headDim + d * ix.heads;
    }
    return { component: "attention", params };
  },
  cache: {
    // The latent and the shared rotary key.
    perToken: (m) => m.kvLoraRank + m.qkRopeHeadDim,
    // A sparse indexer of its own caches one key of its head dimension per token.
    indexKeysPerToken: (m) => ownIndexer(m.indexer)?.headDim ?? 0,
  },
  label: (m) => (m.indexer ? "MLA + DSA" : "MLA"),
  attentionLabel: () => "MLA",
  shortName: (m) => `${m.outputGate ? "gated " : ""}${m.indexer ? "MLA + DSA" : "MLA"}`,
  title: (m) => mlaTitle(m),
  comboTitle: (m) => mlaTitle(m),
  groupTitle: () => undefined,
  callout: (m) => [m.heads, " heads"],
  calloutNotes: (m, layers) => (m.indexer?.shared ? [[layers, " layers reuse an earlier layer's token selection"]] : []),
} satisfies MixerKindCore<MlaMixer>;
