/** The facets of the per-layer-embeddings feature that the figure's first paint does not need: presence, concept tags, looked-up weights. */
import type { BlockFeatureDetails } from "../mixer-kind.js";

export const perLayerEmbeddingsDetails = {
  present: (arch) => !!arch.embedding.perLayer,
  concepts: (arch) => (arch.embedding.perLayer ? ["per-layer-embeddings"] : []),
  // The table is looked up, not multiplied.
  lookupParams: (arch) => (arch.embedding.perLayer ? arch.embedding.perLayer.vocabSize * arch.numLayers * arch.embedding.perLayer.dim : 0),
} satisfies BlockFeatureDetails;
