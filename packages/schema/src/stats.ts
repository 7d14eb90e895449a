/**
 * One call for every derived number of a spec.
 */
import { attentionLabel, decoderType, formatLayerMix, layerMix, type Concept, type DecoderType, type LayerMixEntry } from "./classify.js";
import { concepts } from "./concept-tags.js";
import { flopsPerToken, weightMemory, type FlopsPerToken, type WeightMemory } from "./flops.js";
import { kvCacheBytesPerToken, kvLabel, type KvLabel } from "./kv-cache.js";
import { countParams, type ParamBreakdown } from "./params.js";
import { resolveKinds, type KindOptions } from "./kinds/registry.js";
import type { SpecInput } from "./spec-types.js";

/** Everything derived from a spec (the `archgal stats --json` output). */
export interface ModelStats {
  id: string;
  name: string;
  params: {
    /** Main model, without MTP modules. */
    total: number;
    /** Headline active: weights a token multiplies through (look-up tables left out, head counted); see conventions.ts. */
    active: number;
    /** The whole-model figure beside it: total minus the experts a token does not visit, look-up tables counted. */
    activeWithLookups: number;
    /** MTP modules, reported apart. */
    mtp: number;
    /** Everything in the checkpoint. */
    totalWithMtp: number;
    /** active / total. */
    activeFraction: number;
    breakdown: ParamBreakdown;
    activeBreakdown: ParamBreakdown;
  };
  /** The KV rule of conventions.ts: bf16, every attention layer's per-token cache with no window cap, fixed-state layers 0. */
  kvCacheBytesPerToken: number;
  kvLabel: KvLabel;
  decoderType: DecoderType;
  attention: string;
  layerMix: LayerMixEntry[];
  layerMixText: string;
  concepts: Concept[];
  numLayers: number;
  contextLength: number | null;
  vocabSize: number;
  dModel: number;
  flopsPerToken: FlopsPerToken;
  weightMemoryBytes: WeightMemory;
}

/** Computes every derived number of a spec; pass `{ kinds }` for specs with downstream mixer kinds. */
export function modelStats(spec: SpecInput, options?: KindOptions): ModelStats {
  const o = { kinds: resolveKinds(options) };
  const p = countParams(spec, o);
  const kv = kvCacheBytesPerToken(spec, "bf16", o);
  return {
    id: spec.id,
    name: spec.name,
    params: {
      total: p.total,
      active: p.active,
      activeWithLookups: p.activeWithLookups,
      mtp: p.mtp,
      totalWithMtp: p.totalWithMtp,
      activeFraction: p.active / p.total,
      breakdown: p.breakdown,
      activeBreakdown: p.activeBreakdown,
    },
    kvCacheBytesPerToken: kv,
    kvLabel: kvLabel(kv),
    decoderType: decoderType(spec, o),
    attention: attentionLabel(spec, o),
    layerMix: layerMix(spec, o),
    layerMixText: formatLayerMix(spec, o),
    concepts: concepts(spec, o),
    numLayers: spec.architecture.numLayers,
    contextLength: spec.architecture.contextLength,
    vocabSize: spec.architecture.vocabSize,
    dModel: spec.architecture.dModel,
    flopsPerToken: flopsPerToken(spec, { ...o, counts: p }),
    weightMemoryBytes: weightMemory(spec, o, p),
  };
}
