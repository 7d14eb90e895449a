/**
 * The concept tags: named mechanisms a model can embody, each derived from the structure (see `concepts()`) and
 * explained once in the catalogue (`@archgal/schema/concepts`, which also lists them: `conceptTags`).
 */

/** A concept tag, each with a catalogue entry and a page in the gallery app. */
export type Concept =
  | "MHA"
  | "GQA"
  | "MQA"
  | "MLA"
  | "gated-attention"
  | "kv-sharing"
  | "SWA"
  | "chunked-attention"
  | "DSA"
  | "block-sparse-attention"
  | "qwen-sparse-attention"
  | "compressed-attention"
  | "cca"
  | "attention-sinks"
  | "gated-deltanet"
  | "kimi-delta-attention"
  | "lightning-attention"
  | "mamba-2"
  | "mlstm"
  | "short-conv"
  | "MoE"
  | "shared-expert"
  | "RoPE"
  | "partial-RoPE"
  | "NoPE"
  | "learned-positions"
  | "relative-position-bias"
  | "QK-Norm"
  | "sandwich-norm"
  | "post-norm"
  | "parallel-block"
  | "logit-softcap"
  | "hyper-connections"
  | "looped-depth"
  | "tied-embeddings"
  | "per-layer-embeddings"
  | "MTP";
