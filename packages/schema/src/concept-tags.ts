/**
 * Concept tags derived from the structure: what the gallery's concept pages, the popovers and the search list
 * for a model. Each tag comes from a kind's or a block feature's definition (`kinds/`).
 */
import { definitionCounts } from "./layers.js";
import type { ArchitectureInput, Architecture } from "./spec-types.js";
import type { Concept } from "./concepts/concept.js";
import { resolveKinds, type KindOptions } from "./kinds/registry.js";
import { coreFeatureDetails, ffnKindDetails, mixerKindDetails } from "./kinds/details.js";

/**
 * Where a concept tag comes from: `mixer:<definition>` / `ffn:<definition>` for a tag a mixer or FFN definition
 * carries (DSA, SWA, MoE, …; the same ids as the renderer's component ids), else the part of the architecture
 * that sets it: `positional`, `norm`, `head`, `embedding`, or a block feature's id (`mtp`, `hyper-connections`,
 * `looped-depth`, `causal-encoder-decoder`, `per-layer-embeddings`, `ngram-embeddings`, `engram`).
 */
export interface ConceptSource {
  tag: Concept;
  part: string;
}

/**
 * The concept tags of a spec with the part that carries each, in the order of {@link concepts} (a tag that
 * several parts carry is listed once per part).
 */
export function conceptSources(spec: { architecture: ArchitectureInput }, options?: KindOptions): ConceptSource[] {
  const arch = spec.architecture as Architecture;
  const out: ConceptSource[] = [];
  const add = (part: string, tags: Iterable<Concept>) => {
    for (const tag of tags) out.push({ tag, part });
  };
  const rope = arch.positional.kind === "rope";
  if (arch.positional.kind === "learned") add("positional", ["learned-positions"]);
  if (rope) add("positional", ["RoPE"]);
  if (rope && arch.positional.fraction !== undefined && arch.positional.fraction < 1) add("positional", ["partial-RoPE"]);
  const kinds = resolveKinds(options);
  for (const name of definitionCounts(arch.layers).mixers.keys()) {
    const mixer = Object.hasOwn(arch.mixers, name) ? (arch.mixers[name] as { kind: string }) : undefined;
    if (mixer) add(`mixer:${name}`, mixerKindDetails(mixer, kinds)?.concepts(mixer, { rope }) ?? []);
  }
  for (const name of definitionCounts(arch.layers).ffns.keys()) {
    const f = Object.hasOwn(arch.ffns, name) ? arch.ffns[name] : undefined;
    if (f) add(`ffn:${name}`, ffnKindDetails(f)?.concepts(f) ?? []);
  }
  const { mtp, hyperConnections, perLayerEmbeddings, ngramEmbeddings, engram, loopedDepth, causalEncoderDecoder } = coreFeatureDetails;
  for (const [part, feature] of [
    ["mtp", mtp],
    ["hyper-connections", hyperConnections],
    ["looped-depth", loopedDepth],
    ["causal-encoder-decoder", causalEncoderDecoder],
  ] as const)
    add(part, feature.concepts(arch));
  if (arch.norm.placement === "sandwich") add("norm", ["sandwich-norm"]);
  if (arch.norm.placement === "post") add("norm", ["post-norm"]);
  if (arch.norm.placement === "parallel") add("norm", ["parallel-block"]);
  if (arch.finalLogitSoftcap) add("head", ["logit-softcap"]);
  for (const [part, feature] of [
    ["per-layer-embeddings", perLayerEmbeddings],
    ["ngram-embeddings", ngramEmbeddings],
    ["engram", engram],
  ] as const)
    add(part, feature.concepts(arch));
  if (arch.embedding.tied) add("embedding", ["tied-embeddings"]);
  return out;
}

/** Concept tags derived from the structure. */
export function concepts(spec: { architecture: ArchitectureInput }, options?: KindOptions): Concept[] {
  return [...new Set(conceptSources(spec, options).map((s) => s.tag))];
}
