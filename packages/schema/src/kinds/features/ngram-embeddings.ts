/**
 * Hashed n-gram embedding tables added to the token embedding (LongCat-Flash-Lite): `tables` tables of
 * `vocabSize` rows, each `dim` wide with a projection to dModel (or one dModel-wide table without projection).
 */
import type { BlockFeature } from "../mixer-kind.js";

/** Rows × width of a spec's n-gram tables (the lookup part, without the projections to dModel). */
export function ngramLookupParams(ngram: { vocabSize: number; tables?: number; dim?: number }, dModel: number): number {
  return (ngram.tables ?? 1) * ngram.vocabSize * (ngram.dim ?? dModel);
}

export const ngramEmbeddings = {
  id: "ngram-embeddings",
  params(arch, _ctx, add) {
    const ng = arch.embedding.ngram;
    if (!ng) return;
    const projections = (ng.tables ?? 1) * (ng.dim === undefined ? 0 : ng.dim * arch.dModel);
    // The tables are looked up (not active); their projections are multiplied.
    add("ngramEmbedding", ngramLookupParams(ng, arch.dModel) + projections, projections);
  },
} satisfies BlockFeature;
