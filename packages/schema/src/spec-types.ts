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
 * An absolute http(s) URL.
 * @pattern ^https?://[^\s"'<>]+$
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
}

/** The creators' own parameter figure, with its source and scope. */
export interface OfficialParams {
  /** Total parameters as the creators state them, e.g. `671000000000` for "671B". */
  total: PositiveInt;
  /** Active parameters per token (MoE), as stated. */
  active?: PositiveInt;
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

/** A documented gap between our count and an official figure. */
export interface OfficialDeviation {
  /** Which figure. */
  figure: "total" | "active";
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

/** Softmax attention: MHA, GQA or MQA, full, sliding-window or chunked. */
export interface AttentionMixer {
  kind: "attention";
  /** Query heads. */
  heads: PositiveInt;
  /** Key/value heads (= heads for MHA, 1 for MQA). */
  kvHeads: PositiveInt;
  /** Query/key head dimension. */
  headDim: PositiveInt;
  /** Value head dimension when it differs from `headDim`. */
  valueHeadDim?: PositiveInt;
  /** Biases on the q, k, v projections. */
  qkvBias?: boolean;
  /** Bias on the output projection. */
  outBias?: boolean;
  /** Query/key norm. */
  qkNorm?: QkNorm;
  /** Sliding-window size in tokens; absent = global attention. */
  window?: PositiveInt;
  /** Chunked (block-local) attention chunk size in tokens (Llama 4). */
  chunk?: PositiveInt;
  /** RoPE for this mixer: `false` for a NoPE layer, or overrides of the model's settings (e.g. a local θ). */
  rope?: false | RopeSettings;
  /** Learned per-head attention sinks (GPT-OSS): adds `heads` parameters. */
  sinks?: boolean;
  /**
   * Output gate computed from the input (gated attention): `elementwise` adds heads×headDim outputs
   * to the query projection (Qwen3-Next); `headwise` adds one gate per head.
   */
  outputGate?: "elementwise" | "headwise";
  /** Keys double as values: no value projection and half the KV cache (Gemma 4 global layers). */
  sharedKV?: boolean;
  /** This layer reads the KV cache of an earlier layer and stores none of its own (Gemma 3n / Gemma 4 E-models). Its projections still count as parameters. */
  reusesKV?: boolean;
  /**
   * Attention logit soft-capping value.
   * @exclusiveMinimum 0
   */
  logitSoftcap?: number;
}

/**
 * DeepSeek V4's compressed attention: a low-rank query, one shared key=value head, attention sinks, a sliding
 * window over recent tokens, a grouped low-rank output projection, and (when `compressRatio` is set) a KV
 * compressor that caches one row per `compressRatio` tokens — CSA (ratio 4, with an indexer) or HCA (ratio 128).
 */
export interface CompressedAttentionMixer {
  kind: "compressed-attention";
  /** Query heads. */
  heads: PositiveInt;
  /** Width of the single shared key/value head (and of each query head). */
  headDim: PositiveInt;
  /** Rotary part of the head dimension. */
  ropeDim: NonNegativeInt;
  /** Rank of the query compression. */
  qLoraRank: PositiveInt;
  /** Groups of the grouped low-rank output projection. */
  outputGroups: PositiveInt;
  /** Rank of each output group. */
  outputLoraRank: PositiveInt;
  /** Sliding window over recent uncompressed tokens. */
  window: PositiveInt;
  /** Tokens per compressed KV row; absent for window-only layers. */
  compressRatio?: PositiveInt;
  /** Lightning indexer choosing which compressed rows to attend to (CSA). */
  indexer?: SparseIndexer;
}

/**
 * Compressed convolutional attention (ZAYA1): GQA projections where half the value heads read the previous
 * token, and queries/keys pass through a depthwise and a grouped causal convolution before L2-normalised
 * attention with a learned per-KV-head temperature.
 */
export interface CcaMixer {
  kind: "cca";
  /** Query heads. */
  heads: PositiveInt;
  /** Key/value heads. */
  kvHeads: PositiveInt;
  /** Head dimension. */
  headDim: PositiveInt;
  /** Kernel of the depthwise q/k convolution. */
  convKernel: PositiveInt;
  /** Kernel of the grouped q/k convolution. */
  groupedConvKernel: PositiveInt;
  /** Biases on the projections. */
  bias?: boolean;
}

/** DeepSeek Sparse Attention's lightning indexer (DeepSeek V3.2, GLM-5). */
export interface SparseIndexer {
  /** Indexer heads. */
  heads: PositiveInt;
  /** Indexer head dimension. */
  headDim: PositiveInt;
  /** Tokens each query attends to. */
  topK: PositiveInt;
}

/** Multi-head latent attention (DeepSeek V2/V3, Kimi K2, Mistral Large 3, GLM-5). */
export interface MlaMixer {
  kind: "mla";
  /** Attention heads. */
  heads: PositiveInt;
  /** Rank of the query compression; `null` when queries are projected directly (DeepSeek V2-Lite). */
  qLoraRank: PositiveInt | null;
  /** Rank of the joint key/value compression (the cached latent). */
  kvLoraRank: PositiveInt;
  /** Per-head query/key dimension without rotary embedding. */
  qkNopeHeadDim: NonNegativeInt;
  /** Per-head rotary dimension (its key part is cached, shared by all heads). */
  qkRopeHeadDim: NonNegativeInt;
  /** Per-head value dimension. */
  vHeadDim: PositiveInt;
  /** Biases on the q/kv down-projections and the output projection. */
  bias?: boolean;
  /** RoPE for this mixer: `false` for a NoPE layer. */
  rope?: false | RopeSettings;
  /** Sliding-window size in tokens; absent = global. */
  window?: PositiveInt;
  /** DeepSeek Sparse Attention indexer, when present. */
  indexer?: SparseIndexer;
}

/** Gated DeltaNet linear attention (Qwen3-Next, Qwen3.5). */
export interface GatedDeltaNetMixer {
  kind: "gated-deltanet";
  /** Key (and query) heads. */
  keyHeads: PositiveInt;
  /** Value heads. */
  valueHeads: PositiveInt;
  /** Key head dimension. */
  keyHeadDim: PositiveInt;
  /** Value head dimension. */
  valueHeadDim: PositiveInt;
  /** Causal depthwise convolution kernel size. */
  convKernel: PositiveInt;
}

/** Kimi Delta Attention (Kimi Linear). */
export interface KimiDeltaMixer {
  kind: "kimi-delta";
  /** Heads. */
  heads: PositiveInt;
  /** Head dimension (keys and values). */
  headDim: PositiveInt;
  /** Causal depthwise convolution kernel size. */
  convKernel: PositiveInt;
}

/** Lightning attention, a gated linear attention (MiniMax-01, Ling 2.5). */
export interface LightningMixer {
  kind: "lightning";
  /** Heads. */
  heads: PositiveInt;
  /** Head dimension. */
  headDim: PositiveInt;
  /** Biases on the projections. */
  bias?: boolean;
  /** Query/key norm. */
  qkNorm?: QkNorm;
  /** RoPE for this mixer, or `false`. */
  rope?: false | RopeSettings;
}

/** Mamba-2 state-space mixer (Nemotron-H, Granite 4 hybrids). */
export interface Mamba2Mixer {
  kind: "mamba2";
  /** SSM heads. */
  heads: PositiveInt;
  /** Head dimension (heads × headDim = inner width). */
  headDim: PositiveInt;
  /** SSM state size per group. */
  stateSize: PositiveInt;
  /** B/C groups. */
  groups: PositiveInt;
  /** Causal convolution kernel size. */
  convKernel: PositiveInt;
  /** Biases on the in/out projections. */
  bias?: boolean;
  /** Bias on the convolution. Default true. */
  convBias?: boolean;
}

/** mLSTM recurrent mixer with matrix memory (xLSTM). */
export interface MlstmMixer {
  kind: "mlstm";
  /** Heads. */
  heads: PositiveInt;
  /** Query/key width (all heads). */
  qkDim: PositiveInt;
  /** Value width (all heads). */
  vDim: PositiveInt;
}

/** Gated short convolution (LFM2). */
export interface ShortConvMixer {
  kind: "short-conv";
  /** Convolution kernel size. */
  convKernel: PositiveInt;
  /** Biases on the projections. */
  bias?: boolean;
}

/** A token mixer: the attention-like part of a block. */
export type Mixer =
  | AttentionMixer
  | MlaMixer
  | CompressedAttentionMixer
  | CcaMixer
  | GatedDeltaNetMixer
  | KimiDeltaMixer
  | LightningMixer
  | Mamba2Mixer
  | MlstmMixer
  | ShortConvMixer;

/** Activation functions of feed-forward layers. */
export type Activation = "gelu" | "gelu-tanh" | "silu" | "relu" | "relu2" | "swiglu-oai";

/** A dense feed-forward network. */
export interface MlpFfn {
  kind: "mlp";
  /** Hidden (intermediate) width. */
  hidden: PositiveInt;
  /** Activation. */
  activation: Activation;
  /** Gated linear unit (SwiGLU / GeGLU): three matrices instead of two. */
  gated: boolean;
  /** Biases on the linear layers. */
  bias?: boolean;
}

/** Router settings of a mixture of experts. */
export interface Router {
  /** Gate scoring function. */
  scoring?: "softmax" | "sigmoid" | "sqrtsoftplus";
  /** Tokens are routed by a fixed hash of their id rather than by the learned gate (DeepSeek V4's first layers). */
  hash?: boolean;
  /**
   * A small MLP router instead of one linear layer (ZAYA1): down-projection to `hidden` (with bias), a state
   * scale, RMSNorm, two hidden layers with biases, and an output layer over experts and zero experts.
   */
  mlpHidden?: PositiveInt;
  /** Router has a bias (or a per-expert score-correction bias, DeepSeek V3). Adds `experts` parameters. */
  bias?: boolean;
  /** Expert groups for group-limited routing. */
  groups?: PositiveInt;
  /** Groups each token may route to. */
  topkGroups?: PositiveInt;
  /** Scaling applied to routed expert outputs. */
  routedScale?: number;
}

/** A sparse mixture-of-experts feed-forward layer. */
export interface MoeFfn {
  kind: "moe";
  /** Routed experts. */
  experts: PositiveInt;
  /** Routed experts active per token. */
  activeExperts: PositiveInt;
  /** Hidden width of one routed expert. */
  expertHidden: PositiveInt;
  /** Always-active shared experts. */
  sharedExperts?: NonNegativeInt;
  /** Hidden width of the shared expert block (all shared experts together). Default sharedExperts × expertHidden. */
  sharedHidden?: PositiveInt;
  /** A sigmoid gate on the shared expert's output (Qwen2-MoE / Qwen3-Next): adds dModel parameters. */
  sharedGate?: boolean;
  /** Activation of the experts. */
  activation: Activation;
  /** Gated experts (SwiGLU). */
  gated: boolean;
  /** Biases in the expert linear layers. */
  bias?: boolean;
  /**
   * LatentMoE (Nemotron 3 Super): routed experts read and write this narrower width, between one
   * down-projection (dModel → latent) and one up-projection (latent → dModel) shared by all experts.
   */
  latent?: PositiveInt;
  /** Parameter-free "zero-computation" experts that return their input (LongCat). */
  zeroExperts?: NonNegativeInt;
  /** Router details. */
  router?: Router;
}

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

/** Multi-token prediction modules (DeepSeek V3 and successors). */
export interface Mtp {
  /** MTP modules (depth). */
  layers: PositiveInt;
  /** Mixer of each module's transformer block. */
  mixer: DefinitionName;
  /** FFN of each module's transformer block. */
  ffn: DefinitionName;
}

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
   * Manifold-constrained hyper-connections (DeepSeek V4): the residual stream is widened to `streams` copies mixed
   * by small learned maps around every sublayer and contracted before the final norm.
   */
  hyperConnections?: { streams: PositiveInt };
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
