/**
 * The concept tags: named mechanisms a model can embody, each derived from the structure (see `concepts()`) and
 * explained once in the catalogue (`@archgal/schema/concepts`).
 */

/** Every concept tag, in the catalogue's order. */
export const conceptTags = [
  "MHA",
  "GQA",
  "MQA",
  "MLA",
  "gated-attention",
  "kv-sharing",
  "SWA",
  "chunked-attention",
  "DSA",
  "compressed-attention",
  "cca",
  "attention-sinks",
  "gated-deltanet",
  "kimi-delta-attention",
  "lightning-attention",
  "mamba-2",
  "mlstm",
  "short-conv",
  "MoE",
  "shared-expert",
  "RoPE",
  "partial-RoPE",
  "NoPE",
  "learned-positions",
  "QK-Norm",
  "sandwich-norm",
  "post-norm",
  "parallel-block",
  "logit-softcap",
  "hyper-connections",
  "tied-embeddings",
  "per-layer-embeddings",
  "MTP",
] as const;

/** A concept tag, each with a catalogue entry and a page in the gallery app. */
export type Concept = (typeof conceptTags)[number];

const known: ReadonlySet<string> = /* @__PURE__ */ new Set(conceptTags);

/** True when `tag` is a concept tag of this version (own values only; `constructor` is not one). */
export function isConcept(tag: unknown): tag is Concept {
  return typeof tag === "string" && known.has(tag);
}
