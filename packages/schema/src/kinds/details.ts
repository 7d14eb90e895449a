/**
 * The facets of every core kind that the figure's first paint does not need (true cache size, FLOPs, concept
 * tags, popover rows, relation checks), checked complete by the compiler like the registry, and their lookup for
 * core and downstream kinds. The figure and its fact sheet never import this module, so the element's first
 * download does not carry them.
 */
import type { Ffn, Mixer } from "../spec-types.js";
import type { BlockFeatureDetails, FfnKindDetails, MixerKindDetails } from "./mixer-kind.js";
import { coreKinds, type coreFeatures, type KindRegistry } from "./registry.js";
import { attentionDetails } from "./mixers/attention.details.js";
import { mlaDetails } from "./mixers/mla.details.js";
import { gdlaDetails } from "./mixers/gdla.details.js";
import { compressedAttentionDetails } from "./mixers/compressed-attention.details.js";
import { csa2Details } from "./mixers/csa2.details.js";
import { ccaDetails } from "./mixers/cca.details.js";
import { gatedDeltanetDetails } from "./mixers/gated-deltanet.details.js";
import { kimiDeltaDetails } from "./mixers/kimi-delta.details.js";
import { lightningDetails } from "./mixers/lightning.details.js";
import { mamba2Details } from "./mixers/mamba2.details.js";
import { mlstmDetails } from "./mixers/mlstm.details.js";
import { shortConvDetails } from "./mixers/short-conv.details.js";
import { minimaxSparseDetails } from "./mixers/minimax-sparse.details.js";
import { qwenSparseDetails } from "./mixers/qwen-sparse.details.js";
import { mlpDetails } from "./ffns/mlp.details.js";
import { moeDetails } from "./ffns/moe.details.js";
import { hyperConnectionsDetails } from "./features/hyper-connections.details.js";
import { perLayerEmbeddingsDetails } from "./features/per-layer-embeddings.details.js";
import { ngramEmbeddingsDetails } from "./features/ngram-embeddings.details.js";
import { engramDetails } from "./features/engram.details.js";
import { mtpDetails } from "./features/mtp.details.js";
import { loopedDepthDetails } from "./features/looped-depth.details.js";
import { causalEncoderDecoderDetails } from "./features/causal-encoder-decoder.details.js";
export { activePrefillParams, encoderArchitecture } from "./features/causal-encoder-decoder.details.js";

/** Every core mixer kind's details: a missing kind, or a kind missing a facet, does not compile. */
export const coreMixerDetails = {
  attention: attentionDetails,
  mla: mlaDetails,
  gdla: gdlaDetails,
  "compressed-attention": compressedAttentionDetails,
  csa2: csa2Details,
  cca: ccaDetails,
  "gated-deltanet": gatedDeltanetDetails,
  "kimi-delta": kimiDeltaDetails,
  lightning: lightningDetails,
  mamba2: mamba2Details,
  mlstm: mlstmDetails,
  "short-conv": shortConvDetails,
  "minimax-sparse": minimaxSparseDetails,
  "qwen-sparse": qwenSparseDetails,
} as const satisfies { [K in Mixer["kind"]]: MixerKindDetails<Extract<Mixer, { kind: K }>> };

/** Every core FFN kind's popover rows and relation checks. */
export const coreFfnDetails = { mlp: mlpDetails, moe: moeDetails } as const satisfies {
  [K in Ffn["kind"]]: FfnKindDetails<Extract<Ffn, { kind: K }>>;
};

/** Every block feature's details, in the registry's order (the order their concept tags are listed). */
export const coreFeatureDetails = {
  mtp: mtpDetails,
  hyperConnections: hyperConnectionsDetails,
  perLayerEmbeddings: perLayerEmbeddingsDetails,
  ngramEmbeddings: ngramEmbeddingsDetails,
  engram: engramDetails,
  loopedDepth: loopedDepthDetails,
  causalEncoderDecoder: causalEncoderDecoderDetails,
} as const satisfies { [K in keyof typeof coreFeatures]: BlockFeatureDetails };

// Built on first use, so that a bundle which never asks for details drops them all.

let mixerDetails: Map<string, MixerKindDetails<any>> | undefined;
let ffnDetails: Map<string, FfnKindDetails<Ffn>> | undefined;

/** The details of a mixer's kind: core, or downstream in `kinds` (own keys only). */

export function mixerKindDetails(
  mixer: { kind?: unknown } | undefined,
  kinds: KindRegistry = coreKinds,
): MixerKindDetails<any> | undefined {
  if (!mixer || typeof mixer.kind !== "string") return undefined;
  mixerDetails ??= new Map(Object.entries(coreMixerDetails));
  return mixerDetails.get(mixer.kind) ?? kinds.extension(mixer.kind);
}

/** The popover rows and relation checks of an FFN's kind. */
export function ffnKindDetails(ffn: { kind?: unknown } | undefined): FfnKindDetails<Ffn> | undefined {
  ffnDetails ??= new Map(Object.entries(coreFfnDetails) as [string, FfnKindDetails<Ffn>][]);
  return ffn && typeof ffn.kind === "string" ? ffnDetails.get(ffn.kind) : undefined;
}
