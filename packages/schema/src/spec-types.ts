/**
 * The archgal model specification: one language model's architecture as data.
 *
 * These interfaces are the documented shape of a spec. The JSON Schema shipped as
 * `@archgal/schema/schema.json` is generated from them (typescript-json-schema reads the
 * TSDoc tags below), and the runtime validator in `spec-schema.ts` is checked against them
 * at compile time, so the three never drift.
 *
 * Every number in a spec is a fact with a source; nothing numeric lives in free text.
 * Labels such as "decoder type", "GQA" or the concept tags are derived from the structure
 * (see `classify.ts`), never typed in.
 *
 * @packageDocumentation
 */

/**
 * A positive integer.
 * @TJS-type integer
 * @minimum 1
 */
export type PositiveInt = number;

/**
 * A layer count: a positive integer up to 10,000.
 * @TJS-type integer
 * @minimum 1
 * @maximum 10000
 */
export type LayerCount = number;

/**
 * A non-negative integer.
 * @TJS-type integer
 * @minimum 0
 */
export type NonNegativeInt = number;

/**
 * An absolute http(s) URL: lower-case scheme, no white space, control character, quote, angle bracket or backslash.
 * @pattern ^https?://[^\s"'<>\\\u0000-\u001f\u007f-\u009f]+$
 * @maxLength 2048
 */
export type Url = string;

/**
 * A calendar date, `YYYY-MM-DD`.
 * @pattern ^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$
 */
export type IsoDate = string;

/**
 * A model id: lower-case letters and digits separated by single `-` or `.`, e.g. `deepseek-v3`, `qwen3.5-397b-a17b`.
 * @pattern ^[a-z0-9]+(?:[-.][a-z0-9]+)*$
 * @maxLength 80
 */
export type ModelId = string;

/**
 * The name of a mixer or FFN definition inside one spec, e.g. `mla`, `sliding`, `moe`.
 * @pattern ^[A-Za-z][A-Za-z0-9_-]*$
 * @maxLength 40
 */
export type DefinitionName = string;

/** Where a group of facts in a spec comes from. */
export interface Source {
  /** The document: a config.json, model card, paper, README, or gallery figure. */
  url: Url;
  /**
   * Human-readable title of the source, e.g. `config.json (deepseek-ai/DeepSeek-V3)`.
   * @maxLength 200
   */
  title: string;
  /**
   * Spec paths this source backs, e.g. `architecture`, `architecture.mixers.attn`, `officialParams`, `releaseDate`.
   * A path covers everything below it.
   * @minItems 1
   */
  covers: string[];
  /**
   * How the document was read when it is not the original file, e.g. a verbatim copy in another repository.
   * @maxLength 500
   */
  via?: string;
  /**
   * Doubts, disagreements with other sources, or what was chosen and why.
   * @maxLength 2000
   */
  note?: string;
}

/** Links shown on a model's fact sheet. All optional. */
export interface ModelLinks {
  /** The model's config.json. */
  config?: Url;
  /** Paper or technical report. */
  paper?: Url;
  /** Model card (e.g. the Hugging Face model page). */
  modelCard?: Url;
  /** Official code or a from-scratch implementation. */
  code?: Url;
  /** Announcement or blog post. */
  blog?: Url;
}

/** A licence: its name and, where there is one, the URL of its text. */
export interface License {
  /**
   * Short licence name, e.g. `Apache-2.0`, `MIT`, `Llama 3 Community License`.
   * @maxLength 120
   */
  name: string;
  /** URL of the licence text. */
  url?: Url;
}

/** Parameter components a count can be scoped by. */
export type ParamComponent =
  | "embedding"
  | "positionEmbedding"
  | "perLayerEmbedding"
  | "ngramEmbedding"
  | "hyperConnections"
  | "attention"
  | "linearMixer"
  | "ffn"
  | "router"
  | "routedExperts"
  | "sharedExperts"
  | "norms"
  | "head"
  | "mtp";

/** Parameters that an official figure counts but the spec does not describe (e.g. a vision encoder). */
export interface ExternalParams {
  /**
   * What they are, e.g. `vision encoder`.
   * @maxLength 120
   */
  label: string;
  /** How many parameters. */
  params: NonNegativeInt;
  /** Where this number comes from. */
  source: Url;
}

/**
 * What an official parameter figure counts, relative to the text-only model the spec describes.
 * The comparison subtracts `excludes` from our count and adds `external`.
 */
export interface ParamScope {
  /** Components of the spec that the official figure leaves out (e.g. DeepSeek V3's 671B leaves out `mtp`). */
  excludes?: ParamComponent[];
  /** Parameters outside the spec that the official figure includes (e.g. a vision encoder). */
  external?: ExternalParams[];
  /**
   * For an active figure: the creators count the look-up tables a token reads (input embedding rows, n-gram and
   * per-layer tables) as active, so it is compared with our `activeWithLookups` instead of the headline `active`.
   */
  countsLookups?: boolean;
}

/** The creators' own parameter figure, with its source and scope. */
export interface OfficialParams {
  /** Total parameters as the creators state them, e.g. `671000000000` for "671B". */
  total: PositiveInt;
  /** Active parameters per token (MoE), as stated; per generated token where the creators give prefill apart. */
  active?: PositiveInt;
  /**
   * Active parameters per prompt token at prefill, where the creators state it apart from `active` (DeepSeek V4.1's
   * causal encoder–decoder: "8B … during prefill and 16B during decode"). Compared with our `activePrefillParams` in the
   * active figure's scope.
   */
  activePrefill?: PositiveInt;
  /**
   * Sizes the creators state for parts of the model beside the headline total (DeepSeek V4.1's 196B Engram beside
   * its 552B backbone), each compared with our count of the components it names.
   * @maxItems 8
   */
  parts?: OfficialPart[];
  /**
   * The unit the stated figures are rounded to, e.g. `1000000000` for "120B".
   * When omitted it is read off the number's trailing zeros. Figures with three or more
   * significant digits are held to 1%; coarser ones to half their rounding unit.
   */
  roundedTo?: PositiveInt;
  /**
   * The figure as written, e.g. `671B total, 37B activated`.
   * @maxLength 200
   */
  asWritten: string;
  /** Where the creators state it. */
  source: Url;
  /**
   * The figure is a size class that the model's name carries ("Antares 1B"), not a parameter count: views show it
   * as a size class, and it is held only to the band a size class places a model in (our count within a factor of
   * two of it), not to the count tolerance or the written-deviation cap. The model's name must contain the figure.
   */
  sizeClass?: boolean;
  /** What the total counts, relative to the spec. */
  scope?: ParamScope;
  /** What the active figure counts, when it differs from `scope`. */
  activeScope?: ParamScope;
  /**
   * What the figure counts, in words (for the reader).
   * @maxLength 1000
   */
  note?: string;
  /**
   * Where our count stays outside the tolerance even in the figure's scope, the reason, stated exactly.
   * Tests list these as known deviations instead of failing.
   */
  deviations?: OfficialDeviation[];
}

/** A part of the model whose size the creators state on its own. */
export interface OfficialPart {
  /**
   * The part as the creators name it, e.g. `Engram`.
   * @maxLength 120
   */
  label: string;
  /** Its parameters as stated, e.g. `196000000000` for "196B". */
  total: PositiveInt;
  /** The unit the figure is rounded to, as in `roundedTo` (read off its trailing zeros when omitted). */
  roundedTo?: PositiveInt;
  /**
   * The components of our count that make it up, e.g. `["ngramEmbedding"]` (Engram's tables and projections).
   * @minItems 1
   */
  components: ParamComponent[];
}

/** A documented gap between our count and an official figure. */
export interface OfficialDeviation {
  /** Which figure. */
  figure: "total" | "active" | "activePrefill";
  /**
   * What the official figure counts and why ours differs.
   * @minLength 1
   * @maxLength 2000
   */
  explanation: string;
}

/** A documented difference between our computed value and the gallery's. */
export interface GalleryDifference {
  /** Which metric differs. */
  metric: "kvCacheBytesPerToken" | "params";
  /**
   * Why ours differs and why we believe ours.
   * @maxLength 2000
   */
  explanation: string;
}

/** RoPE frequency scaling, as in a Hugging Face `rope_scaling` dict. */
export interface RopeScaling {
  /** The scaling method. */
  type: "linear" | "dynamic" | "yarn" | "llama3" | "longrope" | "su" | "ntk" | "default";
  /** Scaling factor. */
  factor?: number;
  /** Context length the model was pre-trained with, before scaling. */
  originalContext?: PositiveInt;
  /** Llama 3 style: low-frequency factor. */
  lowFreqFactor?: number;
  /** Llama 3 style: high-frequency factor. */
  highFreqFactor?: number;
  /** YaRN beta_fast. */
  betaFast?: number;
  /** YaRN beta_slow. */
  betaSlow?: number;
  /** YaRN mscale. */
  mscale?: number;
  /** YaRN mscale_all_dim. */
  mscaleAllDim?: number;
}

/**
 * Rotary position embedding settings. On a mixer (`rope`), the fields given replace the model's and the others
 * are inherited: `{theta: 10000}` keeps the model's scaling, `{theta: 10000, scaling: {type: "default"}}` drops
 * it for that mixer (Gemma 3's local layers).
 */
export interface RopeSettings {
  /**
   * RoPE base frequency θ.
   * @exclusiveMinimum 0
   */
  theta?: number;
  /**
   * Fraction of each head's dimensions that rotate (partial RoPE); 1 = all.
   * @exclusiveMinimum 0
   * @maximum 1
   */
  fraction?: number;
  /** Frequency scaling for long context. */
  scaling?: RopeScaling;
}

/** How positions enter the model. */
export interface Positional extends RopeSettings {
  /**
   * `rope`: rotary embeddings in attention (mixers may override or switch them off: NoPE);
   * `learned`: a learned absolute position table added to token embeddings (GPT-2);
   * `alibi`: linear biases; `none`: no positional signal (recurrent models).
   */
  kind: "rope" | "learned" | "alibi" | "none";
}

/** Normalisation used throughout the model. */
export interface Norm {
  /** `rmsnorm`, or `layernorm` (with `bias` saying whether it has a bias). */
  kind: "rmsnorm" | "layernorm";
  /** Whether LayerNorm carries a bias vector (counts as parameters). Default true for layernorm. */
  bias?: boolean;
  /**
   * Where norms sit in a block:
   * `pre` (norm → sublayer → add), `post` (sublayer → norm → add, OLMo 2),
   * `sandwich` (norm → sublayer → norm → add, Gemma 2/3), `parallel` (one norm feeds attention and FFN side by side).
   */
  placement: "pre" | "post" | "sandwich" | "parallel";
  /**
   * Epsilon.
   * @exclusiveMinimum 0
   */
  eps?: number;
  /** Weights stored as an offset from 1 (Gemma, Qwen3-Next "zero-centred"). Same parameter count. */
  zeroCentered?: boolean;
  /** `false` for norms without any learnable weight or bias (OLMo 1). Default true. */
  affine?: boolean;
  /** With `parallel` placement: one norm feeding both branches (default) or one per branch (Falcon 40B/180B). */
  parallelNorms?: 1 | 2;
}

/** Per-layer embeddings (Gemma 3n / Gemma 4 E-models): a second, per-layer token table feeding every block. */
export interface PerLayerEmbedding {
  /** Size of the per-layer vocabulary table. */
  vocabSize: PositiveInt;
  /** Width of each layer's slice. */
  dim: PositiveInt;
}

/** Token embeddings and output head. */
export interface Embedding {
  /** Output head shares the token embedding matrix. */
  tied: boolean;
  /** Embeddings are multiplied by √dModel (Gemma) or by a constant. */
  scale?: "sqrt-d" | number;
  /** A norm right after the embedding lookup. */
  norm?: boolean;
  /** The output head has a bias vector. */
  headBias?: boolean;
  /** Per-layer embeddings, when present. */
  perLayer?: PerLayerEmbedding;
  /**
   * Hashed n-gram embedding tables added to the token embedding (LongCat-Flash-Lite). Counted as the
   * `ngramEmbedding` component.
   */
  ngram?: NgramEmbedding;
}

/**
 * Hashed n-gram embeddings. Without `dim`: one table of `vocabSize` rows, each dModel wide. With `dim`
 * (LongCat-Flash-Lite's `embedders.{i}` and `post_projs.{i}`): `tables` tables of `vocabSize` rows, each `dim`
 * wide, each projected to dModel by its own bias-free `dim × dModel` linear layer.
 */
export interface NgramEmbedding {
  /** Rows of each table. */
  vocabSize: PositiveInt;
  /** Number of tables (default 1). */
  tables?: PositiveInt;
  /** Row width of each table when it is projected to dModel; absent: rows are dModel wide, no projection. */
  dim?: PositiveInt;
  /**
   * Qwen3.8-Flash-Next's n-gram injection into the hyper-connection streams (transformers Qwen4ExpTextPLELayer):
   * `heads` hashed rows of `dim` from the one table are concatenated (heads·dim wide) and projected to one key per
   * stream (`key_proj`, heads·dim → streams·dModel) and one shared value (`value_proj`, heads·dim → dModel); the
   * stream-gated value passes three grouped RMSNorms' worth of weights and a depthwise convolution of `convKernel`
   * taps over streams·dModel channels, all without bias. Needs `dim` and the architecture's `hyperConnections`.
   */
  streamInjection?: { heads: PositiveInt; convKernel: PositiveInt };
}

/** Hyper-connections: a widened residual stream (see `hyperConnections` of the architecture). */
export interface HyperConnections {
  /** Copies of the dModel-wide residual stream. */
  streams: PositiveInt;
  /**
   * `manifold` (the default; DeepSeek V4's mHC, with a stream-mixing matrix kept doubly stochastic),
   * `single-pass` (DeepSeek V4.1's single-pass mHC: the same maps, but each one's read weights serve the next
   * sublayer, so the final collapse reuses the last one's and there is no separate head contraction),
   * `independent` (Hy4's iHC: per-stream read and write weights only, no mixing matrix) or `low-rank`
   * (Qwen3.8-Flash-Next's gated residual: a rank-`rank` bottleneck computes the read weights).
   */
  form?: "manifold" | "single-pass" | "independent" | "low-rank";
  /** Bottleneck width of the `low-rank` form (`hc_lowrank`); required by that form only. */
  rank?: PositiveInt;
  /**
   * The `manifold` form's RMSNorm over the n·dModel streams before each sublayer's map carries a weight
   * (Motif 3's MotifMHCLayer `rms_norm`): adds n·dModel per sublayer. Default false (DeepSeek V4's is weightless).
   */
  streamNorm?: boolean;
  /**
   * How the streams become one before the final norm: `contraction` (the default; a learned map n·dModel → n with
   * bias and scale, DeepSeek V4) or `mean` (their average, no weights: Motif 3).
   */
  readout?: "contraction" | "mean";
}

/** Query/key normalisation inside attention. */
export interface QkNorm {
  /** `rmsnorm`/`layernorm` have weights; `l2` is parameter-free. */
  kind: "rmsnorm" | "layernorm" | "l2";
  /** Whether a `layernorm` q/k norm has a bias (default true; StableLM's and Cohere's have none). */
  bias?: boolean;
  /**
   * `head`: one weight vector of headDim shared across heads (Qwen3, Gemma 3);
   * `all-heads`: a weight over the whole projected width (OLMo 2).
   */
  scope: "head" | "all-heads";
}

// Each mixer kind's documented interface lives in its own module under `kinds/mixers/`, beside its parameter
// count, cache, FLOPs, labels and popover rows; they are re-exported here so that this file stays the single
// source of the JSON Schema.
export type { AttentionMixer, RelativeBias } from "./kinds/mixers/attention.js";
export type { CompressedAttentionMixer } from "./kinds/mixers/compressed-attention.js";
export type { Csa2Mixer, Csa2Mode, Csa2Candidates } from "./kinds/mixers/csa2.js";
export type { CcaMixer } from "./kinds/mixers/cca.js";
export type { MlaMixer } from "./kinds/mixers/mla.js";
export type { GdlaMixer } from "./kinds/mixers/gdla.js";
export type { GatedDeltaNetMixer } from "./kinds/mixers/gated-deltanet.js";
export type { KimiDeltaMixer } from "./kinds/mixers/kimi-delta.js";
export type { LightningMixer } from "./kinds/mixers/lightning.js";
export type { Mamba2Mixer } from "./kinds/mixers/mamba2.js";
export type { MlstmMixer } from "./kinds/mixers/mlstm.js";
export type { ShortConvMixer } from "./kinds/mixers/short-conv.js";
export type { MiniMaxSparseMixer, BlockSparseIndexer } from "./kinds/mixers/minimax-sparse.js";
export type { QwenSparseMixer, QwenSparseIndexer } from "./kinds/mixers/qwen-sparse.js";
export type { MlpFfn } from "./kinds/ffns/mlp.js";
export type { MoeFfn, Router } from "./kinds/ffns/moe.js";
export type { Mtp } from "./kinds/features/mtp.js";
export type { LoopedDepth } from "./kinds/features/looped-depth.js";
export type { EngramMemory } from "./kinds/features/engram.js";
export type { CausalEncoderDecoder } from "./kinds/features/causal-encoder-decoder.js";
import type { AttentionMixer } from "./kinds/mixers/attention.js";
import type { CompressedAttentionMixer } from "./kinds/mixers/compressed-attention.js";
import type { Csa2Mixer } from "./kinds/mixers/csa2.js";
import type { CcaMixer } from "./kinds/mixers/cca.js";
import type { MlaMixer } from "./kinds/mixers/mla.js";
import type { GdlaMixer } from "./kinds/mixers/gdla.js";
import type { GatedDeltaNetMixer } from "./kinds/mixers/gated-deltanet.js";
import type { KimiDeltaMixer } from "./kinds/mixers/kimi-delta.js";
import type { LightningMixer } from "./kinds/mixers/lightning.js";
import type { Mamba2Mixer } from "./kinds/mixers/mamba2.js";
import type { MlstmMixer } from "./kinds/mixers/mlstm.js";
import type { ShortConvMixer } from "./kinds/mixers/short-conv.js";
import type { MiniMaxSparseMixer } from "./kinds/mixers/minimax-sparse.js";
import type { QwenSparseMixer } from "./kinds/mixers/qwen-sparse.js";
import type { MlpFfn } from "./kinds/ffns/mlp.js";
import type { MoeFfn } from "./kinds/ffns/moe.js";
import type { Mtp } from "./kinds/features/mtp.js";
import type { LoopedDepth } from "./kinds/features/looped-depth.js";
import type { EngramMemory } from "./kinds/features/engram.js";
import type { CausalEncoderDecoder } from "./kinds/features/causal-encoder-decoder.js";

/** DeepSeek Sparse Attention's lightning indexer (DeepSeek V3.2, GLM-5). */
export interface SparseIndexer {
  /** Indexer heads. */
  heads: PositiveInt;
  /** Indexer head dimension. */
  headDim: PositiveInt;
  /** Tokens each query attends to. */
  topK: PositiveInt;
  /**
   * `true` when the layer has no indexer of its own and reuses the top-k positions of the most recent layer that
   * has one (GLM-5.2's IndexShare, Hy4's IndexCache): no indexer weights, no indexer keys, no scoring. `heads`,
   * `headDim` and `topK` then describe the indexer it borrows from.
   */
  shared?: boolean;
}

/** A token mixer: the attention-like part of a block. */
export type Mixer =
  | AttentionMixer
  | MlaMixer
  | GdlaMixer
  | CompressedAttentionMixer
  | Csa2Mixer
  | CcaMixer
  | GatedDeltaNetMixer
  | KimiDeltaMixer
  | LightningMixer
  | Mamba2Mixer
  | MlstmMixer
  | ShortConvMixer
  | MiniMaxSparseMixer
  | QwenSparseMixer;

/**
 * Activation functions of feed-forward layers. `situ` is Kimi K3's soft-capped SiLU, β·tanh(x/β)·sigmoid(x), used gated
 * (its `up` input soft-capped too). `polynorm` is Motif's PolyNorm, w₀·norm(x³) + w₁·norm(x²) + w₂·norm(x) + b with each power
 * RMS-normalised and three learned weights and a bias per FFN (per expert in a MoE), used gated.
 */
export type Activation = "gelu" | "gelu-tanh" | "silu" | "relu" | "relu2" | "swiglu-oai" | "situ" | "polynorm";

/** A feed-forward definition. */
export type Ffn = MlpFfn | MoeFfn;

/** One kind of block: a mixer and/or an FFN, by definition name, repeated `count` times. */
export interface LayerSpec {
  /** Name of a definition in `mixers`; absent for an FFN-only layer (Nemotron-H MoE layers). */
  mixer?: DefinitionName;
  /** Name of a definition in `ffns`; absent for a mixer-only layer (Mamba layers). */
  ffn?: DefinitionName;
  /** Consecutive repeats (default 1). */
  count?: LayerCount;
}

/** A repeated group of layers, e.g. Gemma 3's `[5 × sliding, 1 × global]`. */
export interface LayerGroup {
  /** How often the group repeats. */
  repeat: LayerCount;
  /**
   * Each repetition is one shortcut-connected layer (LongCat-Flash): its FFN-only MoE block branches off after
   * the first mixer and runs in parallel with the rest of the group, its output added at the end.
   */
  shortcut?: boolean;
  /**
   * The group's layers, in order.
   * @minItems 1
   */
  layers: LayerEntry[];
}

/** A run in the layer pattern. */
export type LayerEntry = LayerSpec | LayerGroup;

/** The architecture: sizes, definitions and the layer pattern. */
export interface Architecture {
  /** Vocabulary size (rows of the embedding matrix). */
  vocabSize: PositiveInt;
  /** Maximum supported context in tokens; `null` when the model has no explicit limit (recurrent). */
  contextLength: PositiveInt | null;
  /** Model (embedding) width. */
  dModel: PositiveInt;
  /**
   * Number of layers in the main stack; must equal what `layers` adds up to (a `shortcut` group's repetition
   * counts as one layer).
   */
  numLayers: LayerCount;
  /** Embeddings and head. */
  embedding: Embedding;
  /** Positional encoding. */
  positional: Positional;
  /** Normalisation. */
  norm: Norm;
  /** Named token-mixer definitions, referenced from `layers`. */
  mixers: { [name: string]: Mixer };
  /** Named feed-forward definitions, referenced from `layers`. */
  ffns: { [name: string]: Ffn };
  /**
   * The layer pattern, bottom to top, as runs and repeated groups.
   * @minItems 1
   */
  layers: LayerEntry[];
  /** Multi-token prediction modules. */
  mtp?: Mtp;
  /**
   * Hyper-connections (DeepSeek V4, Hy4): the residual stream is widened to `streams` copies mixed by small learned
   * maps around every sublayer and contracted before the final norm.
   */
  hyperConnections?: HyperConnections;
  /**
   * Looped depth (Ouro, Nanbeige 4.2): the whole layer stack runs `passes` times per token with shared weights.
   * `numLayers` and `layers` describe the stored layers once.
   */
  loop?: LoopedDepth;
  /**
   * Engram memory (DeepSeek V4.1): hashed n-gram tables read at some layers and written into the residual streams.
   * Counted with the n-gram tables (`ngramEmbedding`): the tables are looked up, their projections multiplied.
   */
  engram?: EngramMemory;
  /**
   * A causal encoder–decoder split (DeepSeek V4.1): the lower `encoderLayers` run for every prompt token, the decoder
   * above them reads its global keys and values from the encoder's output. Changes what a prompt token runs at
   * prefill (`activePrefillParams`), not what is stored.
   */
  encoderDecoder?: CausalEncoderDecoder;
  /**
   * Final logit soft-capping value (Gemma 2).
   * @exclusiveMinimum 0
   */
  finalLogitSoftcap?: number;
}

/**
 * One model: metadata plus architecture.
 *
 * Only `id`, `name` and `architecture` are required, so that a spec imported from a config.json is valid
 * as it stands; entries of the archgal dataset must also carry org, date, licence, links, the official
 * parameter figure, summary, key detail and sources (the dataset's tests enforce it).
 */
export interface ModelSpec {
  /** Optional JSON Schema reference for editors. */
  $schema?: string;
  /** Stable id, e.g. `deepseek-v3`. */
  id: ModelId;
  /**
   * Display name, e.g. `DeepSeek V3`.
   * @minLength 1
   * @maxLength 120
   */
  name: string;
  /**
   * Creator organisation.
   * @minLength 1
   * @maxLength 120
   */
  org?: string;
  /** Release date. */
  releaseDate?: IsoDate;
  /** Licence. */
  license?: License;
  /** Links for the fact sheet. */
  links?: ModelLinks;
  /** The creators' parameter figure. */
  officialParams?: OfficialParams;
  /**
   * One sentence on what the model is, in our own words.
   * @maxLength 400
   */
  summary?: string;
  /**
   * Its most notable architectural detail, in our own words.
   * @maxLength 400
   */
  keyDetail?: string;
  /** Id of the model this one derives from (same architecture, further training). */
  derivedFrom?: ModelId;
  /**
   * Where each group of numbers comes from.
   * @minItems 1
   */
  sources?: Source[];
  /** Where our computed values knowingly differ from the gallery's, and why. */
  galleryDifferences?: GalleryDifference[];
  /** Free-text notes (doubts, choices between sources). */
  notes?: string[];
  /** The architecture. */
  architecture: Architecture;
}

/** Metadata every entry of the archgal dataset carries (optional for specs in general). */
export type DatasetMetadataField = "org" | "releaseDate" | "license" | "links" | "officialParams" | "summary" | "keyDetail" | "sources";

/** A spec with all the metadata the dataset requires. */
export type DatasetEntry = ModelSpec & Required<Pick<ModelSpec, DatasetMetadataField>>;

/** A mixer of a kind defined downstream with `defineMixerKind` (see `createSpecSchema`). */
export interface CustomMixer {
  /** The kind's discriminator. */
  kind: string;
}

/** An architecture whose mixers may include downstream kinds: what the metric functions accept. */
export type ArchitectureInput = Omit<Architecture, "mixers"> & { mixers: { [name: string]: Mixer | CustomMixer } };

/** A spec, core or extended, as the metric functions accept it. */
export type SpecInput = Omit<ModelSpec, "architecture"> & { architecture: ArchitectureInput };
