/**
 * Multi-head latent attention (DeepSeek V2/V3, Kimi K2, Mistral Large 3, GLM-5), optionally with DeepSeek Sparse
 * Attention's lightning indexer.
 */
import type { MixerKind } from "../mixer-kind.js";
import type { Concept } from "../../concepts/concept.js";
import type { NonNegativeInt, PositiveInt, RopeSettings, SparseIndexer } from "../../spec-types.js";
import { formatInt } from "../../format.js";
import { isNope, noNotes, rows, tokens, windowFitsContext } from "../shared.js";

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
}

export const mla = {
  kind: "mla",
  family: "attention",
  params(m, arch) {
    const d = arch.dModel;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const r = m.qLoraRank;
    let params = r === null ? d * m.heads * qk : d * r + r + r * m.heads * qk;
    params += d * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank;
    params += m.kvLoraRank * m.heads * (m.qkNopeHeadDim + m.vHeadDim);
    params += m.heads * m.vHeadDim * d;
    if (m.bias) params += (r ?? 0) + m.kvLoraRank + m.qkRopeHeadDim + d;
    if (m.indexer) {
      // DeepSeek V3.2 Indexer: wq_b (q_lora_rank → heads·headDim), wk (d → headDim),
      // k_norm (LayerNorm with bias), weights_proj (d → heads).
      const ix = m.indexer;
      params += (r ?? d) * ix.heads * ix.headDim + d * ix.headDim + 2 * ix.headDim + d * ix.heads;
    }
    return { component: "attention", params };
  },
  cache: {
    // The latent and the shared rotary key.
    perToken: (m) => m.kvLoraRank + m.qkRopeHeadDim,
    span: (m) => m.window || undefined,
    state: () => 0,
  },
  attentionMacs(m, tokens) {
    const span = Math.min(tokens, m.indexer?.topK ?? tokens, m.window ?? tokens);
    return m.heads * (m.qkNopeHeadDim + m.qkRopeHeadDim + m.vHeadDim) * span;
  },
  label: (m) => (m.indexer ? "MLA + DSA" : "MLA"),
  attentionLabel: () => "MLA",
  shortName: (m) => (m.indexer ? "MLA + DSA" : "MLA"),
  title: (m) => (m.indexer ? "Multi-head **Latent** Attention with **Sparse** indexer" : "Multi-head **Latent** Attention"),
  comboTitle: (m) => (m.indexer ? "Multi-head **Latent** Attention with **Sparse** indexer" : "Multi-head **Latent** Attention"),
  groupTitle: () => undefined,
  concepts(m, ctx) {
    const tags: Concept[] = ["MLA"];
    if (m.indexer) tags.push("DSA");
    if (m.window) tags.push("SWA");
    if (isNope(m.rope, ctx.rope)) tags.push("NoPE");
    return tags;
  },
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("KV latent rank", m.kvLoraRank);
    r.add("Query latent rank", m.qLoraRank ?? "none");
    r.add("Head dim (no RoPE + RoPE)", `${m.qkNopeHeadDim} + ${m.qkRopeHeadDim}`);
    r.add("Value head dim", m.vHeadDim);
    if (m.window) r.add("Window", tokens(m.window));
    if (m.indexer) r.add("Sparse indexer", `${m.indexer.heads} heads × ${m.indexer.headDim}, top-${formatInt(m.indexer.topK)}`);
    if (m.rope === false) r.add("RoPE", "none (NoPE)");
    return r.rows;
  },
  callout: (m) => [m.heads, " heads"],
  calloutNotes: noNotes,
  relations: (m, arch, path) => windowFitsContext(m.window, arch.contextLength, path),
} satisfies MixerKind<MlaMixer>;
