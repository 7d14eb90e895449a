/**
 * Concept tags derived from the structure: what the gallery's concept pages, the popovers and the search list
 * for a model. Each tag comes from a kind's or a block feature's definition (`kinds/`).
 */
import { definitionCounts } from "./layers.js";
import type { ArchitectureInput, Architecture } from "./spec-types.js";
import type { Concept } from "./concepts/concept.js";
import { resolveKinds, type KindOptions } from "./kinds/registry.js";
import { coreFeatureDetails, ffnKindDetails, mixerKindDetails } from "./kinds/details.js";

/** The mixers the layers use. */
function usedMixers(spec: { architecture: ArchitectureInput }): { kind: string }[] {
  const arch = spec.architecture as Architecture;
  return [...definitionCounts(arch.layers).mixers.keys()].flatMap((n) => (Object.hasOwn(arch.mixers, n) ? [arch.mixers[n]!] : []));
}

/** Concept tags derived from the structure. */
export function concepts(spec: { architecture: ArchitectureInput }, options?: KindOptions): Concept[] {
  const arch = spec.architecture as Architecture;
  const tags = new Set<Concept>();
  const rope = arch.positional.kind === "rope";
  if (arch.positional.kind === "learned") tags.add("learned-positions");
  if (rope) tags.add("RoPE");
  if (rope && arch.positional.fraction !== undefined && arch.positional.fraction < 1) tags.add("partial-RoPE");
  const kinds = resolveKinds(options);
  for (const mixer of usedMixers(spec)) for (const t of mixerKindDetails(mixer, kinds)?.concepts(mixer, { rope }) ?? []) tags.add(t);
  for (const name of definitionCounts(arch.layers).ffns.keys()) {
    const f = Object.hasOwn(arch.ffns, name) ? arch.ffns[name] : undefined;
    if (f) for (const t of ffnKindDetails(f)?.concepts(f) ?? []) tags.add(t);
  }
  const { mtp, hyperConnections, perLayerEmbeddings, ngramEmbeddings, engram, loopedDepth, causalEncoderDecoder } = coreFeatureDetails;
  for (const feature of [mtp, hyperConnections, loopedDepth, causalEncoderDecoder]) for (const t of feature.concepts(arch)) tags.add(t);
  if (arch.norm.placement === "sandwich") tags.add("sandwich-norm");
  if (arch.norm.placement === "post") tags.add("post-norm");
  if (arch.norm.placement === "parallel") tags.add("parallel-block");
  if (arch.finalLogitSoftcap) tags.add("logit-softcap");
  for (const feature of [perLayerEmbeddings, ngramEmbeddings, engram]) for (const t of feature.concepts(arch)) tags.add(t);
  if (arch.embedding.tied) tags.add("tied-embeddings");
  return [...tags];
}
