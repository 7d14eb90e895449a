/**
 * Per-layer embeddings (Gemma 3n / Gemma 4 E-models): a second, per-layer token table feeding every block.
 */
import type { BlockFeature } from "../mixer-kind.js";

export const perLayerEmbeddings = {
  id: "per-layer-embeddings",
  params(arch, _ctx, add) {
    const pl = arch.embedding.perLayer;
    if (!pl) return;
    const d = arch.dModel;
    const width = arch.numLayers * pl.dim;
    // Gemma 3n: embed_tokens_per_layer, per_layer_model_projection, per_layer_projection_norm,
    // and in every layer per_layer_input_gate, per_layer_projection and post_per_layer_input_norm.
    // The table is looked up (not active); the projections, gates and norms are multiplied.
    const multiplied = d * width + pl.dim + arch.numLayers * (2 * d * pl.dim + d);
    add("perLayerEmbedding", pl.vocabSize * width + multiplied, multiplied);
  },
} satisfies BlockFeature;
