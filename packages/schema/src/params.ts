/**
 * Parameter counts, total and active, broken down by component.
 *
 * Each formula follows the reference implementation of the layer (Hugging Face transformers'
 * modeling code unless noted): every Linear with its bias, embeddings, norms with their biases,
 * q/k norms, routers and convolutions.
 */
import { blockCounts, definitionCounts } from "./layers.js";
import type { Architecture, ArchitectureInput, Ffn, Mixer, Norm, ParamComponent } from "./spec-types.js";
import type { FfnParams, FeatureContext, KindArchitecture, MixerParams } from "./kinds/mixer-kind.js";
import { coreFeatures, ffnKind, resolveKinds, type KindOptions } from "./kinds/registry.js";

/** Parameters per component. */
export type ParamBreakdown = Record<ParamComponent, number>;

/**
 * Total and active parameter counts of a spec.
 *
 * `total` and `active` describe the model that generates text: multi-token-prediction modules, which
 * checkpoints ship for speculative decoding but ordinary inference does not run, are reported apart in
 * `mtp` (as the creators do, e.g. DeepSeek V3's 671B + 14B). The breakdowns include an `mtp` entry, so
 * they sum to `totalWithMtp`.
 */
export interface ParamCounts {
  /** Parameters of the main model (embeddings, every layer, head), without MTP modules. */
  total: number;
  /**
   * The headline active count, in the creators' convention: parameters one token's forward pass multiplies through
   * in the main model. The routed experts a token does not visit are left out, and so are tables that are only
   * looked up (the input embedding rows, learned positions, n-gram and per-layer embedding tables); the output
   * head is a matmul and counts. With tied embeddings the shared matrix counts once, as the head.
   * See {@link ParamConventions} in `conventions.ts`.
   */
  active: number;
  /**
   * Active parameters with the look-up tables counted in full: total minus the routed experts a token does not
   * visit (the whole-model figure beside {@link active}).
   */
  activeWithLookups: number;
  /** Parameters only looked up per token (activeWithLookups − active). */
  lookups: number;
  /** Parameters of the MTP modules (0 when there are none). */
  mtp: number;
  /** Everything in the checkpoint: total + mtp. */
  totalWithMtp: number;
  /** Total by component (MTP modules under `mtp`). */
  breakdown: ParamBreakdown;
  /**
   * Active by component, in the headline convention (MTP modules under `mtp`): `embedding` and
   * `positionEmbedding` are 0, the feature components hold their projections only, and a tied embedding matrix
   * is under `head`.
   */
  activeBreakdown: ParamBreakdown;
}

/**
 * The components that belong to the layer stack's sublayers (what a looped stack multiplies through again on
 * every pass); embeddings, head, final norm and MTP modules run once.
 */
export const layerStackComponents = [
  "attention",
  "linearMixer",
  "ffn",
  "router",
  "routedExperts",
  "sharedExperts",
  "hyperConnections",
] as const satisfies readonly ParamComponent[];

/** A zeroed breakdown. */
export function emptyBreakdown(): ParamBreakdown {
  return {
    embedding: 0,
    positionEmbedding: 0,
    perLayerEmbedding: 0,
    ngramEmbedding: 0,
    hyperConnections: 0,
    attention: 0,
    linearMixer: 0,
    ffn: 0,
    router: 0,
    routedExperts: 0,
    sharedExperts: 0,
    norms: 0,
    head: 0,
    mtp: 0,
  };
}

/** Weights of one norm of width `width`. */
export function normParams(norm: Pick<Norm, "kind" | "bias" | "affine">, width: number): number {
  if (norm.affine === false) return 0;
  return norm.kind === "layernorm" && norm.bias !== false ? 2 * width : width;
}

export { mlpParams } from "./kinds/ffns/mlp.js";
export type { MixerParams, FfnParams } from "./kinds/mixer-kind.js";

/**
 * Parameters of one mixer, through its kind's definition. Returns `undefined` for a kind the registry does not
 * know, so that extended specs still get counts for everything else (see `extend.ts`).
 */
export function mixerParams(mixer: Mixer | { kind: string }, arch: KindArchitecture, options?: KindOptions): MixerParams | undefined {
  return resolveKinds(options).of(mixer)?.params(mixer, arch);
}

/** Parameters of one FFN definition, split into dense/shared/routed parts. */
export function ffnParams(ffn: Ffn, dModel: number): FfnParams {
  const kind = ffnKind(ffn.kind);
  if (!kind) throw new Error(`unknown ffn kind ${JSON.stringify(String(ffn.kind))}`);
  return kind.params(ffn, dModel);
}

/** Norms in one block, by placement and by which sublayers the block has. */
export function normsPerLayer(norm: Pick<Norm, "placement" | "parallelNorms">, hasMixer: boolean, hasFfn: boolean): number {
  const sublayers = (hasMixer ? 1 : 0) + (hasFfn ? 1 : 0);
  switch (norm.placement) {
    case "pre":
    case "post":
      return sublayers;
    case "sandwich":
      return 2 * sublayers;
    case "parallel":
      return sublayers === 0 ? 0 : Math.min(sublayers, norm.parallelNorms ?? 1);
  }
}

/** The result of counting, plus the definitions no formula could count. */
export interface ParamCountResult extends ParamCounts {
  /** Mixer definitions of unknown kinds that were counted as zero. */
  uncounted: string[];
}

/** Rows × width of a spec's n-gram tables (the lookup part, without the projections to dModel). */
export { ngramLookupParams } from "./kinds/features/ngram-embeddings.js";

/**
 * Counts the parameters of a spec: total and active, by component.
 *
 * @example
 * ```ts
 * const { total, active, breakdown } = countParams(spec);
 * ```
 */
export function countParams(spec: { architecture: ArchitectureInput }, options?: KindOptions): ParamCountResult {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  const d = arch.dModel;
  const total = emptyBreakdown();
  const active = emptyBreakdown();
  const uncounted: string[] = [];
  const mixerCache = new Map<string, MixerParams | undefined>();
  const mixerOf = (name: string): MixerParams | undefined => {
    if (!mixerCache.has(name)) {
      const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
      const counted = mixer ? kinds.of(mixer)?.params(mixer, arch) : undefined;
      if (!counted) uncounted.push(name);
      mixerCache.set(name, counted);
    }
    return mixerCache.get(name);
  };
  const ffnCache = new Map<string, FfnParams | undefined>();
  const ffnOf = (name: string): FfnParams | undefined => {
    if (!ffnCache.has(name)) {
      const ffn = Object.hasOwn(arch.ffns, name) ? arch.ffns[name] : undefined;
      ffnCache.set(name, ffn ? ffnKind(ffn.kind)?.params(ffn, d) : undefined);
    }
    return ffnCache.get(name);
  };
  const add = (component: ParamComponent, all: number, used = all) => {
    total[component] += all;
    active[component] += used;
  };

  // Embeddings and head. The input embedding and learned positions are looked up, not multiplied: they are not
  // active. A tied matrix is multiplied once per token as the head, so the head's active count carries it.
  let lookups = 0;
  const table = arch.vocabSize * d;
  if (arch.embedding.tied) {
    add("embedding", table, 0);
    active.head += table;
  } else {
    add("embedding", table, 0);
    lookups += table;
  }
  if (arch.positional.kind === "learned") {
    if (arch.contextLength === null) throw new Error("learned positions need a context length");
    add("positionEmbedding", arch.contextLength * d, 0);
    lookups += arch.contextLength * d;
  }
  if (arch.embedding.norm) add("norms", normParams(arch.norm, d));
  if (!arch.embedding.tied) add("head", table);
  if (arch.embedding.headBias) add("head", arch.vocabSize);
  add("norms", normParams(arch.norm, d)); // final norm

  // The layer stack.
  const counts = definitionCounts(arch.layers);
  // A shortcut group's FFN-only block (LongCat's MoE) reads the normed input of the group's first FFN: no norm of its own.
  const blocks = blockCounts(arch.layers);
  let sublayers = 0;
  for (const { kind, count } of blocks) {
    sublayers += count * ((kind.mixer ? 1 : 0) + (kind.ffn ? 1 : 0));
    if (kind.shortcut && kind.mixer === undefined) continue;
    add("norms", count * normsPerLayer(arch.norm, kind.mixer !== undefined, kind.ffn !== undefined) * normParams(arch.norm, d));
  }
  for (const [name, times] of counts.mixers) {
    const m = mixerOf(name);
    if (m) add(m.component, times * m.params);
  }
  for (const [name, times] of counts.ffns) {
    const f = ffnOf(name);
    if (!f) continue;
    add("ffn", times * f.dense);
    add("router", times * f.router);
    add("sharedExperts", times * f.shared);
    if (f.norms) add("norms", times * f.norms);
    add("routedExperts", times * f.routed, times * f.activeExperts * f.perExpert);
  }

  // Block-level features: per-layer and n-gram embeddings, hyper-connections, multi-token prediction.
  const ctx: FeatureContext = {
    sublayers,
    mixer: mixerOf,
    ffn: ffnOf,
    blockNorms: normsPerLayer(arch.norm, true, true),
    norm: normParams(arch.norm, d),
  };
  for (const feature of Object.values(coreFeatures)) feature.params(arch, ctx, add);
  // The features add their look-up tables as not used (n-gram and per-layer tables): what is left out is looked up.
  lookups += total.perLayerEmbedding - active.perLayerEmbedding + total.ngramEmbedding - active.ngramEmbedding;

  const sum = (b: ParamBreakdown) => Object.values(b).reduce((a, n) => a + n, 0);
  const all = sum(total);
  const activeMain = sum(active) - active.mtp;
  return {
    total: all - total.mtp,
    active: activeMain,
    activeWithLookups: activeMain + lookups,
    lookups,
    mtp: total.mtp,
    totalWithMtp: all,
    breakdown: total,
    activeBreakdown: active,
    uncounted,
  };
}

/** Sum of a breakdown without the given components. */
export function paramsWithout(breakdown: ParamBreakdown, excluded: readonly ParamComponent[] = []): number {
  let n = 0;
  for (const [component, value] of Object.entries(breakdown) as [ParamComponent, number][]) {
    if (!excluded.includes(component)) n += value;
  }
  return n;
}
