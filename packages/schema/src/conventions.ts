/**
 * The counting conventions every figure of a spec follows, written down once. The code that applies them is
 * `countParams` (params.ts) and `kvCacheBytesPerToken` / `kvCacheBytes` (kv-cache.ts), through the kinds' facets;
 * every place that shows a number names its scope with {@link scopeLabels}.
 */

/**
 * Parameter scopes.
 *
 * - `total`: every weight of the main model (embeddings, layers, head), without multi-token-prediction modules,
 *   which are reported apart (`mtp`).
 * - `active` (the headline): the parameters one token's forward pass multiplies through. Routed experts the token
 *   does not visit are left out. Tables that are only looked up are not matmuls and are not active: the input
 *   embedding rows, learned position embeddings, n-gram tables and per-layer embedding tables (their projections
 *   are matmuls and count). The output head is a matmul and counts; with tied embeddings the shared matrix counts
 *   once, as the head. This is the scope creators state ("5.1B active" for gpt-oss-120b, "37B" for DeepSeek V3).
 * - `activeWithLookups`: the whole-model figure beside it, total minus the routed experts a token does not visit
 *   (every look-up table counted in full).
 */
export const ParamConventions = {
  total: "main model without MTP modules",
  active:
    "weights a token multiplies through: unvisited experts and look-up tables (embedding rows, n-gram and per-layer tables) left out, head counted",
  activeWithLookups: "total minus the experts a token does not visit, look-up tables counted",
} as const;

/**
 * The KV rule.
 *
 * Per-token KV (`kvCacheBytesPerToken`, the gallery's convention) counts, in bf16, every attention layer's
 * per-token cache with no window cap: sliding-window and chunked layers count in full, the same as global ones; MLA
 * counts its latent and rope key. Linear-attention, SSM and convolution layers keep a fixed state and count zero;
 * layers that reuse another layer's cache count zero; each pass of a looped stack counts. Sparse-attention indexer
 * key caches are counted only by the true cache so far.
 *
 * The true cache (`kvCacheBytes`) is separate: it applies windows and chunks at a given context and adds the
 * fixed recurrent state.
 */
export const KvConvention = {
  perToken: "bf16, every attention layer's per-token cache, no window cap; fixed-state layers 0",
  trueCache: "at a given context: windows and chunks capped, recurrent state added",
} as const;

/** Short scope names for the places that show a number (CLI, fact sheet, figure title, calculator, index). */
export const scopeLabels = {
  active: "active per token (matmul weights; embedding look-ups not counted)",
  activeShort: "active",
  activeWithLookups: "with look-up tables",
  kvPerToken: "KV/token (bf16, all attention layers, no window cap)",
} as const;

/**
 * Whether a token leaves some weights unvisited (routed experts): only then is an active count shown beside the
 * total. A dense model's figure is its total, even though its embedding rows are looked up rather than multiplied.
 */
export function hasUnvisitedWeights(params: { total: number; activeWithLookups: number }): boolean {
  return params.activeWithLookups < params.total;
}
