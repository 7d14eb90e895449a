/**
 * The shape of a kind: everything the schema, the metrics, the labels, the figure and the popover need to know
 * about one mechanism, in one object. The core kinds (`kinds/mixers/*`, `kinds/ffns/*`) and downstream kinds
 * (`defineMixerKind`) are the same shape, and `kinds/registry.ts` checks at compile time that every core kind
 * has every facet.
 *
 * This module and the kind modules it describes are free of zod: the metrics entry (`@archgal/schema/metrics`)
 * bundles them for the browser. The zod schema of each core kind lives beside it in `<kind>.schema.ts`.
 */
import type * as z from "zod/mini";
import type { Concept } from "../concepts/concept.js";
import type { Architecture, Ffn, RopeSettings } from "../spec-types.js";

/**
 * What a mixer is, which drives the decoder type and the figure's colour: softmax `attention` (a KV cache that
 * grows with the context), `linear-attention` (a fixed matrix memory), `ssm` (state-space or other recurrent
 * cells) and `convolution` (a short causal convolution).
 */
export type MixerFamily = "attention" | "linear-attention" | "ssm" | "convolution";

/** The architecture facts a kind may read: what every architecture has, whatever its mixers. */
export type KindArchitecture = Pick<Architecture, "dModel" | "norm">;

/** How a mixer's parameters split between softmax attention and linear/recurrent mixers. */
export interface MixerParams {
  component: "attention" | "linearMixer";
  params: number;
}

/** Context a kind's concept tags may depend on. */
export interface ConceptContext {
  /** The model uses rotary positions (so a mixer switching them off is a NoPE layer). */
  rope: boolean;
}

/** One part of a figure note: text, or a number the figure draws in the accent colour. */
export type CalloutPart = string | number;

/**
 * How a mixer takes the model's rotary positions: `undefined` when it has no positional input at all (recurrent
 * and convolution mixers), `false` when it switches them off (a NoPE layer), else the rotary settings it overrides
 * (`fraction` below 1: partial RoPE; `theta`, `scaling`; absent fields are the model's).
 */
export type MixerRotary = undefined | false | RopeSettings;

/** A problem found by a relation check: a path below the spec root and a message. */
export interface RelationIssue {
  path: (string | number)[];
  message: string;
}

/** A popover / fact-sheet row: a label and its formatted value. */
export type FactRow = [label: string, value: string];

/**
 * The facets of a mixer kind that the figure and its fact sheet use (on every page that draws a diagram). The
 * rest (true cache size, FLOPs, concept tags, popover rows, relation checks, importer defaults) is
 * {@link MixerKindDetails}, kept in a separate object by the core kinds so that the element's first download
 * does not carry them.
 */
export interface MixerKindCore<M extends { kind: string } = { kind: string }> {
  /** The `kind` discriminator. */
  kind: M["kind"];
  /** What the mixer is (decoder type, colour). */
  family: MixerFamily;
  /** Parameters of one such mixer, with the component they count under. */
  params(mixer: M, arch: KindArchitecture): MixerParams;
  /**
   * Of `params`, the weights that only write caches later layers read (a KV source's compressor and indexer keys).
   * A causal encoder–decoder's prefill runs them in the decoder for every prompt token (see
   * `features/causal-encoder-decoder.ts`). Absent = none.
   */
  cacheWriterParams?(mixer: M, arch: KindArchitecture): number;
  /** What it keeps while generating, as far as the figure and the fact sheet need it. */
  cache: {
    /**
     * Elements cached per token and layer over the whole context (capped by `span` in the true cache); 0 for a
     * fixed state. The per-token KV rule (conventions.ts) adds `indexKeysPerToken` and `windowPerToken`.
     */
    perToken(mixer: M): number;
    /**
     * Elements per token and layer of a sparse-attention indexer's own key cache, kept beside the KV (capped by
     * the same span). Counted by the per-token KV rule and by the true cache. Absent = none.
     */
    indexKeysPerToken?(mixer: M): number;
    /**
     * Elements per token and layer held only in a fixed-size window buffer that `state` already counts (DeepSeek
     * V4's uncompressed rows). The per-token KV rule counts them with no window cap; the true cache counts the
     * buffer as state. Absent = none.
     */
    windowPerToken?(mixer: M): number;
  };
  /** Whether and how it applies the model's rotary positions (the figure's RoPE / NoPE box). */
  rotary(mixer: M): MixerRotary;
  /** A short label for the layer mix, e.g. `sliding-window GQA`, `MLA + DSA`, `Gated DeltaNet`. */
  label(mixer: M): string;
  /** The model-level attention label this mixer contributes, e.g. `GQA`, `MLA`, `Mamba-2`. */
  attentionLabel(mixer: M): string;
  /** A short name for listings, e.g. `gated GQA` (often the label). */
  shortName(mixer: M): string;
  /** The full name with the novel word in `**…**`, e.g. `Multi-head **Latent** Attention`. */
  title(mixer: M): string;
  /** The title when several mixer kinds share one box (shorter; the callout gives the heads). */
  comboTitle(mixer: M): string;
  /** One title for several mixers of this kind in one box, or undefined to list them (`A or B`). */
  groupTitle(mixers: readonly M[]): string | undefined;
  /** The heads line of the figure's callout, or undefined for none; numbers are accented. */
  callout(mixer: M): CalloutPart[] | undefined;
  /** Further callout lines, given how many layers use this mixer (e.g. `sliding window of 1,024 tokens`). */
  calloutNotes(mixer: M, layers: number): CalloutPart[][];
}

/**
 * The facets of a mixer kind that the figure's first paint does not need: the true cache size, FLOPs, concept
 * tags, popover rows and relation checks.
 */
export interface MixerKindDetails<M extends { kind: string } = { kind: string }> {
  /** What it keeps while generating beyond the per-token convention (see `cache-size.ts`). */
  cache: {
    /** The most tokens the per-token cache holds (a sliding window or chunk); undefined for no cap. */
    span(mixer: M): number | undefined;
    /** Fixed recurrent state in elements per sequence and layer (matrix memory, convolution tails, window buffers). */
    state(mixer: M, arch: KindArchitecture): number;
  };
  /** Multiply-adds for one query against `tokens` cached positions, per layer. */
  attentionMacs(mixer: M, tokens: number): number;
  /** Concept tags the mixer embodies. */
  concepts(mixer: M, ctx: ConceptContext): Concept[];
  /** Its numbers as popover / fact-sheet rows, e.g. `["Heads", "128"]`. */
  facts(mixer: M): FactRow[];
  /** Relations between the mixer's fields and the architecture that the object schema cannot express. */
  relations(mixer: M, arch: Architecture, path: (string | number)[]): RelationIssue[];
  /**
   * The mixer with the documented default of every absent optional field filled in (e.g. `qkvBias` absent =
   * false), so that two mixers compare equal by content however they are written.
   */
  withDefaults(mixer: M): M;
}

/**
 * A mixer kind without its schema: every facet, all required ({@link MixerKindDefinition} adds the schema, and
 * `defineMixerKind` fills the genuinely optional ones).
 */
export interface MixerKind<M extends { kind: string } = { kind: string }>
  extends Omit<MixerKindCore<M>, "cache">, Omit<MixerKindDetails<M>, "cache"> {
  /** Everything it keeps while generating: the per-token convention and the true cache. */
  cache: MixerKindCore<M>["cache"] & MixerKindDetails<M>["cache"];
}

/** A mixer kind with its schema: what `defineMixerKind` takes and returns. */
export interface MixerKindDefinition<M extends { kind: string } = { kind: string }> extends MixerKind<M> {
  /** Schema of the mixer object (must require `kind`). */
  schema: z.ZodMiniType<M>;
}

/** Parameters of one FFN, split into dense/shared/routed parts. */
export interface FfnParams {
  dense: number;
  router: number;
  /** All routed experts. */
  routed: number;
  /** One routed expert. */
  perExpert: number;
  shared: number;
  /** Routed experts a token visits. */
  activeExperts: number;
  /** Norm weights inside the FFN block beyond the spec's block norms (counted as norms, always used). */
  norms?: number;
}

/** The facets of a feed-forward kind (`mlp`, `moe`) that the metrics and the figure use. */
export interface FfnKindCore<F extends { kind: string } = Ffn> {
  kind: F["kind"];
  /** Routed experts: the decoder type says "MoE". */
  sparse: boolean;
  /** Parameters of one such FFN. */
  params(ffn: F, dModel: number): FfnParams;
  /** Layer-mix label of a layer with this FFN and no mixer, e.g. `MoE-only`. */
  onlyLabel: string;
  /** A short name for listings and labels, e.g. `MoE`, `FFN` (the figure's layer keys, comparison rows). */
  shortName: string;
  /** Popover title. */
  title: string;
}

/** The facets of a feed-forward kind that only the popover and the validator use. */
export interface FfnKindDetails<F extends { kind: string } = Ffn> {
  /** Concept tags. */
  concepts(ffn: F): Concept[];
  /** Popover rows. */
  facts(ffn: F): FactRow[];
  /** Relations between the FFN's fields. */
  relations(ffn: F, path: (string | number)[]): RelationIssue[];
  /** The FFN with the documented default of every absent optional field filled in (see `MixerKindDetails`). */
  withDefaults(ffn: F): F;
}

/** A feed-forward kind with every facet. */
export interface FfnKind<F extends { kind: string } = Ffn> extends FfnKindCore<F>, FfnKindDetails<F> {}

/** Adds parameters to a component: all of them to the total, `used` of them to the active count. */
export type AddParams = (component: import("../spec-types.js").ParamComponent, all: number, used?: number) => void;

/**
 * A block-level mechanism (hyper-connections, per-layer embeddings, n-gram embeddings, MTP, looped depth): the
 * facets the figure and its fact sheet use. The rest is {@link BlockFeatureDetails}.
 */
export interface BlockFeature {
  /** Stable id. */
  id: string;
  /** Adds its parameters (see `countParams`). */
  params(arch: Architecture, ctx: FeatureContext, add: AddParams): void;
  /**
   * How many times a token runs through the layer stack with the same weights (looped depth); absent means once.
   * The passes of every feature multiply the KV cache, recurrent state, cached layers and the stack's FLOPs, never
   * the parameters (see `stackPasses` in the registry).
   */
  stackPasses?(arch: Architecture): number;
  /**
   * The form of the stack, when the feature makes it other than a plain decoder stack, in the words the decoder
   * type is qualified with (`Sparse MoE (causal encoder-decoder)`); absent or undefined for a plain stack.
   */
  stackForm?(arch: Architecture): string | undefined;
}

/** The facets of a block-level mechanism that the figure's first paint does not need. */
export interface BlockFeatureDetails {
  /** Whether the architecture has it. */
  present(arch: Architecture): boolean;
  /** Concept tags it brings. */
  concepts(arch: Architecture): Concept[];
  /** Parameters only looked up, never multiplied (the feature's `params` adds them as not used, so the headline active count leaves them out). */
  lookupParams(arch: Architecture): number;
}

/** What a feature's parameter count may read from the rest of the count. */
export interface FeatureContext {
  /** Sublayers (mixers plus FFNs) of the main stack. */
  sublayers: number;
  /** Parameters of a mixer definition, or undefined when it could not be counted. */
  mixer(name: string): MixerParams | undefined;
  /** Parameters of an FFN definition. */
  ffn(name: string): FfnParams | undefined;
  /** Norms of one full block (mixer and FFN), by placement. */
  blockNorms: number;
  /** Weights of one norm of width dModel. */
  norm: number;
}
