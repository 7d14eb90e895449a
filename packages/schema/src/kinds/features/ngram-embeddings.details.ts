/** The facets of the ngram-embeddings feature that the figure's first paint does not need: presence, concept tags, looked-up weights. */
import type { BlockFeatureDetails } from "../mixer-kind.js";
import { ngramLookupParams } from "./ngram-embeddings.js";

export const ngramEmbeddingsDetails = {
  present: (arch) => !!arch.embedding.ngram,
  concepts: () => [],
  // The tables are looked up; their projections are multiplied.
  lookupParams: (arch) => (arch.embedding.ngram ? ngramLookupParams(arch.embedding.ngram, arch.dModel) : 0),
} satisfies BlockFeatureDetails;
