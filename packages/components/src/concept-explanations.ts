/**
 * Short explanations of the architecture concepts a diagram can show, written for a reader who knows what a
 * transformer is but not every variant. The popover of a diagram component lists the ones that apply.
 */
import type { Concept } from "@archgal/schema/metrics";

/** A concept's display name and a two-sentence explanation. */
export interface ConceptExplanation {
  /** Display name, e.g. `Grouped-query attention (GQA)`. */
  name: string;
  /** What it is and why it is used. */
  text: string;
}

/** Explanations keyed by the concept tags of `@archgal/schema`'s `concepts()`. */
export const conceptExplanations: Partial<Record<Concept, ConceptExplanation>> = {
  MHA: {
    name: "Multi-head attention (MHA)",
    text: "Every query head has its own key and value head. The most expressive layout, and the one with the largest KV cache.",
  },
  GQA: {
    name: "Grouped-query attention (GQA)",
    text: "Query heads are split into groups that share one key/value head each, so the KV cache shrinks by the group size at a small cost in quality.",
  },
  MQA: {
    name: "Multi-query attention (MQA)",
    text: "All query heads share a single key/value head: the smallest KV cache a softmax attention layer can have.",
  },
  MLA: {
    name: "Multi-head latent attention (MLA)",
    text: "Keys and values are squeezed into one small latent vector per token, which is what gets cached; each head expands it again when attending. A small extra vector carries the rotary position part.",
  },
  SWA: {
    name: "Sliding-window attention (SWA)",
    text: "A token only attends to the most recent W tokens, so these layers cache at most W tokens no matter how long the context grows. Usually mixed with some global layers.",
  },
  "chunked-attention": {
    name: "Chunked attention",
    text: "Tokens attend only within fixed-size blocks of the sequence, bounding the cache of those layers like a sliding window does.",
  },
  MoE: {
    name: "Mixture of experts (MoE)",
    text: "The feed-forward layer is replaced by many expert networks and a router that sends each token to a few of them. Total parameters grow while the compute per token stays that of the active experts.",
  },
  "shared-expert": {
    name: "Shared expert",
    text: "An expert that every token passes through in addition to its routed ones. It learns what all tokens need, leaving the routed experts free to specialise.",
  },
  "QK-Norm": {
    name: "QK-Norm",
    text: "Queries and keys are normalised before their dot product, which keeps attention logits in a sane range and makes training more stable.",
  },
  NoPE: {
    name: "No positional encoding (NoPE)",
    text: "Some attention layers skip rotary embeddings entirely and rely on the causal mask for order, which tends to help with very long contexts.",
  },
  RoPE: {
    name: "Rotary position embedding (RoPE)",
    text: "Positions are encoded by rotating query and key vectors by an angle that grows with the token's position, so attention scores depend on relative distance.",
  },
  "partial-RoPE": {
    name: "Partial RoPE",
    text: "Only a fraction of each head's dimensions is rotated; the rest carries content without position.",
  },
  "gated-deltanet": {
    name: "Gated DeltaNet",
    text: "A linear-attention layer with a fixed-size memory matrix, updated by the delta rule (overwrite what the key points to) and a learned decay gate. Its cost per token does not grow with the context.",
  },
  "mamba-2": {
    name: "Mamba-2",
    text: "A selective state-space layer: a recurrent state with input-dependent decay, computed in parallel during training and step by step at inference, with a constant-size state instead of a KV cache.",
  },
  "kimi-delta-attention": {
    name: "Kimi Delta Attention",
    text: "A refinement of Gated DeltaNet with a separate decay per channel instead of one per head, giving the fixed-size memory finer control over what it forgets.",
  },
  "lightning-attention": {
    name: "Lightning Attention",
    text: "An efficient linear attention that processes the sequence in blocks, softmax-free, so compute and memory grow linearly with context length.",
  },
  mlstm: {
    name: "mLSTM",
    text: "The matrix-memory LSTM of xLSTM: a recurrent cell whose memory is a matrix written with key/value outer products and controlled by exponential gates.",
  },
  "short-conv": {
    name: "Gated short convolution",
    text: "A cheap token mixer: a gated convolution over the last few tokens, with a tiny constant-size state.",
  },
  DSA: {
    name: "DeepSeek Sparse Attention (DSA)",
    text: "A light indexer scores all earlier tokens and each query attends only to the top-k of them, making long-context attention much cheaper.",
  },
  MTP: {
    name: "Multi-token prediction (MTP)",
    text: "Extra modules trained to predict tokens further ahead. They improve training and can draft tokens for speculative decoding; plain inference does not need them.",
  },
  "sandwich-norm": {
    name: "Sandwich norm",
    text: "Each sublayer has a norm both before and after it, inside the residual branch, which keeps activations bounded in deep stacks.",
  },
  "post-norm": {
    name: "Post-norm",
    text: "The norm sits after each sublayer, inside the residual branch, rather than before it.",
  },
  "parallel-block": {
    name: "Parallel block",
    text: "Attention and feed-forward read the same normalised input side by side and their outputs are added together, saving one sequential step per layer.",
  },
  "gated-attention": {
    name: "Gated attention",
    text: "The attention output is multiplied by a sigmoid gate computed from the input, which damps attention sinks and stabilises training.",
  },
  "attention-sinks": {
    name: "Attention sinks",
    text: "A learned per-head logit that lets a head put attention mass on nothing, instead of dumping it on the first token.",
  },
  "logit-softcap": {
    name: "Logit soft-capping",
    text: "Logits are squashed with tanh to stay below a cap, preventing extreme values.",
  },
  "kv-sharing": {
    name: "KV sharing",
    text: "Some layers reuse keys and values (from another layer, or keys as values), shrinking the cache.",
  },
  "tied-embeddings": {
    name: "Tied embeddings",
    text: "The output layer reuses the token embedding matrix, saving its parameters.",
  },
  "per-layer-embeddings": {
    name: "Per-layer embeddings",
    text: "A second token table feeds a small slice into every layer; it can stay off the accelerator.",
  },
  "learned-positions": {
    name: "Learned positions",
    text: "A trained vector per position is added to each token embedding, limiting the context to the table's length.",
  },
};
