/**
 * Hashed n-gram embedding tables added to the token embedding (LongCat-Flash-Lite): `tables` tables of
 * `vocabSize` rows, each `dim` wide with a projection to dModel (or one dModel-wide table without projection);
 * or one table whose rows are injected into the hyper-connection streams (Qwen3.8-Flash-Next).
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
    const inj = ng.streamInjection;
    const wide = (arch.hyperConnections?.streams ?? 1) * arch.dModel;
    // Qwen4ExpTextPLELayer: key_proj (E → wide), value_proj (E → d), norm_key, norm_query, norm_conv (wide each),
    // depthwise conv1d (wide × kernel), with E = heads·dim the concatenated rows.
    const injected = inj ? inj.heads * (ng.dim ?? 0) : 0;
    const projections = inj
      ? injected * wide + injected * arch.dModel + 3 * wide + wide * inj.convKernel
      : (ng.tables ?? 1) * (ng.dim === undefined ? 0 : ng.dim * arch.dModel);
    // The tables are looked up (not active); their projections are multiplied.
    add("ngramEmbedding", ngramLookupParams(ng, arch.dModel) + projections, projections);
  },
} satisfies BlockFeature;
