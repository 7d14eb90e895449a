/**
 * The kind registry: every core mixer kind, FFN kind and block-level feature, checked by the compiler to be
 * complete, and the registry that downstream kinds (`defineMixerKind`) join.
 *
 * Lookups go through `Map`s only, so a kind named `constructor`, `toString` or `__proto__` is simply unknown.
 */
import type { Architecture, Ffn, Mixer } from "../spec-types.js";
import type { BlockFeature, FfnKindCore, MixerKind, MixerKindCore } from "./mixer-kind.js";
import { attention } from "./mixers/attention.js";
import { mla } from "./mixers/mla.js";
import { gdla } from "./mixers/gdla.js";
import { compressedAttention } from "./mixers/compressed-attention.js";
import { csa2 } from "./mixers/csa2.js";
import { cca } from "./mixers/cca.js";
import { gatedDeltanet } from "./mixers/gated-deltanet.js";
import { kimiDelta } from "./mixers/kimi-delta.js";
import { lightning } from "./mixers/lightning.js";
import { mamba2 } from "./mixers/mamba2.js";
import { mlstm } from "./mixers/mlstm.js";
import { shortConv } from "./mixers/short-conv.js";
import { minimaxSparse } from "./mixers/minimax-sparse.js";
import { qwenSparse } from "./mixers/qwen-sparse.js";
import { mlp } from "./ffns/mlp.js";
import { moe } from "./ffns/moe.js";
import { hyperConnections } from "./features/hyper-connections.js";
import { perLayerEmbeddings } from "./features/per-layer-embeddings.js";
import { ngramEmbeddings } from "./features/ngram-embeddings.js";
import { engram } from "./features/engram.js";
import { mtp } from "./features/mtp.js";
import { loopedDepth } from "./features/looped-depth.js";
import { causalEncoderDecoder } from "./features/causal-encoder-decoder.js";

/**
 * Every core mixer kind: a missing kind, or a kind missing a facet, does not compile. (Their popover rows and
 * relation checks are checked the same way in `details.ts`.)
 */
export const coreMixerKinds = {
  attention,
  mla,
  gdla,
  "compressed-attention": compressedAttention,
  csa2,
  cca,
  "gated-deltanet": gatedDeltanet,
  "kimi-delta": kimiDelta,
  lightning,
  mamba2,
  mlstm,
  "short-conv": shortConv,
  "minimax-sparse": minimaxSparse,
  "qwen-sparse": qwenSparse,
} as const satisfies { [K in Mixer["kind"]]: MixerKindCore<Extract<Mixer, { kind: K }>> };

/** Every core FFN kind. */
export const coreFfnKinds = { mlp, moe } as const satisfies { [K in Ffn["kind"]]: FfnKindCore<Extract<Ffn, { kind: K }>> };

/** The block-level features, in the order their concept tags are listed. */
export const coreFeatures = {
  mtp,
  hyperConnections,
  perLayerEmbeddings,
  ngramEmbeddings,
  engram,
  loopedDepth,
  causalEncoderDecoder,
} as const satisfies Record<string, BlockFeature>;

/** Any mixer kind definition, with every facet (what downstream kinds are). */
export type AnyMixerKind = MixerKind<any>;
/** Any mixer kind as the metrics and the figure see it (core kinds carry their details apart). */
export type AnyMixerKindCore = MixerKindCore<any>;

/** The mixer kinds a computation knows: the core ones and any downstream ones. */
export class KindRegistry {
  readonly #mixers: Map<string, AnyMixerKindCore>;
  readonly #extensions = new Map<string, AnyMixerKind>();

  /** A registry of the core kinds plus `extensions` (whose kinds must be new). */
  constructor(extensions: readonly AnyMixerKind[] = []) {
    this.#mixers = new Map<string, AnyMixerKindCore>(Object.entries(coreMixerKinds));
    for (const k of extensions) {
      if (typeof k.kind !== "string") throw new TypeError("a mixer kind needs a string `kind`");
      if (this.#mixers.has(k.kind)) {
        throw new Error(
          isCoreMixerKind(k.kind)
            ? `mixer kind "${k.kind}" is already defined by @archgal/schema`
            : `mixer kind "${k.kind}" is defined twice`,
        );
      }
      this.#mixers.set(k.kind, k);
      this.#extensions.set(k.kind, k);
    }
  }

  /** The full definition of a downstream kind of this registry (undefined for core and unknown kinds). */
  extension(kind: unknown): AnyMixerKind | undefined {
    return typeof kind === "string" ? this.#extensions.get(kind) : undefined;
  }

  /** The definition of a mixer kind, or undefined for a kind this registry does not know. */
  mixerKind(kind: unknown): AnyMixerKindCore | undefined {
    return typeof kind === "string" ? this.#mixers.get(kind) : undefined;
  }

  /** The definition of a mixer's kind (see {@link mixerKind}). */
  of(mixer: { kind?: unknown } | undefined): AnyMixerKindCore | undefined {
    return mixer ? this.mixerKind(mixer.kind) : undefined;
  }

  /** Every mixer kind name this registry knows, core first. */
  get mixerKinds(): string[] {
    return [...this.#mixers.keys()];
  }
}

const coreKindNames: ReadonlySet<string> = /* @__PURE__ */ new Set(Object.keys(coreMixerKinds));
const ffnKinds = /* @__PURE__ */ new Map<string, FfnKindCore<Ffn>>(Object.entries(coreFfnKinds) as [string, FfnKindCore<Ffn>][]);

/** True for the mixer kinds of this version of the schema (own keys only). */
export function isCoreMixerKind(kind: unknown): kind is Mixer["kind"] {
  return typeof kind === "string" && coreKindNames.has(kind);
}

/** The definition of an FFN kind, or undefined for an unknown one. */
export function ffnKind(kind: unknown): FfnKindCore<Ffn> | undefined {
  return typeof kind === "string" ? ffnKinds.get(kind) : undefined;
}

/** The registry of the core kinds alone. */
export const coreKinds = new KindRegistry();

/** What the metric functions accept to know downstream kinds: a registry or a list of definitions. */
export interface KindOptions {
  /** Downstream mixer kinds (from `defineMixerKind`), as a list or a {@link KindRegistry}. */
  kinds?: KindRegistry | readonly AnyMixerKind[];
}

const resolved = new WeakMap<readonly AnyMixerKind[], KindRegistry>();

/** The registry that `options` describe (the core registry when none is given). */
export function resolveKinds(options?: KindOptions): KindRegistry {
  const kinds = options?.kinds;
  if (!kinds) return coreKinds;
  if (kinds instanceof KindRegistry) return kinds;
  if (kinds.length === 0) return coreKinds;
  let registry = resolved.get(kinds);
  if (!registry) {
    registry = new KindRegistry(kinds);
    resolved.set(kinds, registry);
  }
  return registry;
}

/**
 * How many times a token runs through the layer stack (looped depth, 1 without it): the product of every block
 * feature's passes. KV cache, recurrent state and the stack's FLOPs scale with it; parameters do not.
 */
export function stackPasses(arch: Pick<Architecture, "loop">): number {
  let passes = 1;
  for (const feature of Object.values(coreFeatures) as BlockFeature[]) passes *= feature.stackPasses?.(arch as Architecture) ?? 1;
  return passes;
}
