/**
 * Grouped differential latent attention (Motif 3): MLA-style low-rank query and key/value projections, keys and
 * values expanded for a few KV heads only, and differential attention, in which each group of query heads holds
 * signal heads and one noise head whose output is subtracted from theirs.
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { NonNegativeInt, PositiveInt, RopeSettings } from "../../spec-types.js";
import { ropeOverrideOf } from "../common.js";

/** Grouped differential latent attention (Motif 3). */
export interface GdlaMixer {
  kind: "gdla";
  /** Query heads in all, signal and noise heads together (`num_attention_heads`). */
  heads: PositiveInt;
  /**
   * Noise heads (`num_noise_heads`): the heads split into `noiseHeads` groups, each of (heads − noiseHeads) /
   * noiseHeads signal heads and one noise head; a signal head's output minus sigmoid(λ) times its group's noise
   * head output is what reaches the output projection.
   */
  noiseHeads: PositiveInt;
  /** Key/value heads the latent is expanded to (`num_key_value_heads`); query heads share them in equal groups. */
  kvHeads: PositiveInt;
  /** Rank of the query compression (`q_lora_rank`). */
  qLoraRank: PositiveInt;
  /** Rank of the joint key/value compression (`kv_lora_rank`). */
  kvLoraRank: PositiveInt;
  /** Per-head query/key dimension without rotary embedding. */
  qkNopeHeadDim: NonNegativeInt;
  /** Per-head rotary dimension (its key part is one vector shared by all KV heads). */
  qkRopeHeadDim: NonNegativeInt;
  /** Per-head value dimension. */
  vHeadDim: PositiveInt;
  /**
   * Sigmoid gate on each signal head's every value channel, projected from the normed query latent
   * (`elementwise_attn_output_gate`: qLoraRank → signal heads·vHeadDim, no bias).
   */
  outputGate?: "elementwise";
  /** RoPE for this mixer: `false` for a NoPE layer. */
  rope?: false | RopeSettings;
  /** Sliding-window size in tokens (the query and this many keys before it counted); absent = global. */
  window?: PositiveInt;
  /**
   * What the cache holds per token: `keys-values` (the default, as Motif's own modelling code does) every KV head's
   * expanded key (no-RoPE and RoPE parts) and value, a plain GQA cache; `latent` the normed latent plus the shared
   * rotary key, as MLA, for an implementation that folds the key/value expansion into the attention.
   */
  cachedAs?: "latent" | "keys-values";
}

/** Signal heads: the query heads that are not noise heads (they reach the output projection). */
export const gdlaSignalHeads = (m: Pick<GdlaMixer, "heads" | "noiseHeads">): number => m.heads - m.noiseHeads;

const gdlaTitle = (m: GdlaMixer): string => `${m.outputGate ? "**Gated** " : ""}Grouped **Differential** Latent Attention`;

export const gdla = {
  kind: "gdla",
  family: "attention",
  rotary: ropeOverrideOf,
  params(m, arch) {
    // Motif MotifGDLAttention (wq_a, q_norm, wq_b, wq_b_gate, wkv_a, kv_norm, wkv_b, lambda_proj, wo), no biases.
    const d = arch.dModel;
    const r = m.qLoraRank;
    const signal = gdlaSignalHeads(m);
    let params = d * r + r + r * m.heads * (m.qkNopeHeadDim + m.qkRopeHeadDim);
    if (m.outputGate) params += r * signal * m.vHeadDim;
    params += d * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank;
    params += m.kvLoraRank * m.kvHeads * (m.qkNopeHeadDim + m.vHeadDim);
    // One λ per signal head and token, then the output projection from the signal heads only.
    params += d * signal + signal * m.vHeadDim * d;
    return { component: "attention", params };
  },
  cache: {
    perToken: (m) =>
      m.cachedAs === "latent" ? m.kvLoraRank + m.qkRopeHeadDim : m.kvHeads * (m.qkNopeHeadDim + m.qkRopeHeadDim + m.vHeadDim),
  },
  label: (m) => (m.window ? "sliding-window GDLA" : "GDLA"),
  attentionLabel: () => "GDLA",
  shortName: (m) => `${m.outputGate ? "gated " : ""}${m.window ? "sliding-window GDLA" : "GDLA"}`,
  title: gdlaTitle,
  comboTitle: gdlaTitle,
  groupTitle(ms) {
    const windowed = ms.some((m) => m.window);
    const global = ms.some((m) => !m.window);
    if (!windowed || !global) return undefined;
    return `${ms.some((m) => m.outputGate) ? "**Gated** " : ""}Grouped **Differential** Latent Attention (**sliding-window** + global)`;
  },
  callout: (m) => [gdlaSignalHeads(m), " signal + ", m.noiseHeads, " noise heads, ", m.kvHeads, " KV heads"],
  calloutNotes(m) {
    const notes: (string | number)[][] = [];
    if (m.window) notes.push(["sliding window of ", m.window, " tokens"]);
    return notes;
  },
} satisfies MixerKindCore<GdlaMixer>;
