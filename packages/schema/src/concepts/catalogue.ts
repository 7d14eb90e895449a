/**
 * The concept catalogue: every concept tag explained once, in our own words — its names, category, the sentence
 * for lists, the popover explanation, the concept page's paragraphs, related tags and the figure's caption.
 * The components' popovers and the gallery's concept pages read it; nothing else keeps concept prose.
 *
 * Exported alone as `@archgal/schema/concepts`, so bundles that need no prose do not carry it.
 */
import type { Concept } from "./concept.js";

export type { Concept } from "./concept.js";

/** The categories of the concepts page, in page order. */
export const conceptCategories = [
  "Attention",
  "Attention span",
  "Linear attention and recurrence",
  "Feed-forward",
  "Positions",
  "Normalisation and stability",
  "Embeddings and heads",
] as const;

/** A category of the concepts page. */
export type ConceptCategory = (typeof conceptCategories)[number];

/** Everything the catalogue says about one concept. */
export interface ConceptEntry {
  /** The tag, e.g. `GQA`. */
  tag: Concept;
  /** Full name, e.g. `Grouped-query attention (GQA)`: page title and popover heading. */
  name: string;
  /** Short label for badges and chips. */
  short: string;
  /** Category on the concepts page. */
  category: ConceptCategory;
  /** Shown as a badge on model cards (the distinctive ones; RoPE or GQA say little on their own). */
  headline: boolean;
  /** One sentence for lists. */
  summary: string;
  /** Two or three sentences for a diagram's popover: what it is and why it is used. */
  popover: string;
  /** A few paragraphs for the concept page. */
  body: string[];
  /** Related tags. */
  related: Concept[];
  /** What the concept's figure shows (its caption and text alternative). */
  figure: string;
}

const entries = {
  MHA: {
    name: "Multi-head attention (MHA)",
    short: "MHA",
    category: "Attention",
    headline: false,
    summary: "Every query head has its own key and value head — the original recipe, and the largest KV cache.",
    popover: "Every query head has its own key and value head. The most expressive layout, and the one with the largest KV cache.",
    body: [
      "In multi-head attention the model splits its width into several heads. Each head projects the input into its own queries, keys and values and attends independently; the head outputs are concatenated and projected back to the model width.",
      "During generation every layer keeps the keys and values of all previous tokens, one pair per head. With as many key/value heads as query heads, that cache grows with heads × head dimension × layers per token, which is why later models share key/value heads between queries.",
    ],
    related: ["GQA", "MQA", "MLA"],
    figure: "Eight query heads, each wired to its own key/value head: eight key/value heads are cached.",
  },
  GQA: {
    name: "Grouped-query attention (GQA)",
    short: "GQA",
    category: "Attention",
    headline: false,
    summary: "Query heads are split into groups that share one key/value head, shrinking the KV cache several-fold.",
    popover:
      "Query heads are split into groups that share one key/value head each, so the KV cache shrinks by the group size at a small cost in quality.",
    body: [
      "Grouped-query attention keeps many query heads but only a few key/value heads. Each group of query heads reads the same keys and values, so the cache shrinks by the ratio of query heads to key/value heads — typically 4× to 16× — while quality stays close to full multi-head attention.",
      "It is the default of most dense and MoE decoders since Llama 2 70B: a configuration with, say, 32 query heads and 8 key/value heads caches a quarter of what MHA would.",
    ],
    related: ["MHA", "MQA", "MLA", "SWA"],
    figure: "Eight query heads in two groups of four; each group shares one key/value head: two are cached.",
  },
  MQA: {
    name: "Multi-query attention (MQA)",
    short: "MQA",
    category: "Attention",
    headline: true,
    summary: "All query heads share a single key/value head: the smallest cache softmax attention can have.",
    popover: "All query heads share a single key/value head: the smallest KV cache a softmax attention layer can have.",
    body: [
      "Multi-query attention is the limit of grouping: one key head and one value head serve every query head. The cache per layer is just one head's keys and values, which makes long contexts and large batches cheap.",
      "The saving costs some quality and training stability, so recent models more often use GQA with a few key/value heads, or reserve a single key/value head for some layer types only.",
    ],
    related: ["GQA", "MHA", "MLA"],
    figure: "Eight query heads all wired to one shared key/value head: one is cached.",
  },
  MLA: {
    name: "Multi-head latent attention (MLA)",
    short: "MLA",
    category: "Attention",
    headline: true,
    summary: "Keys and values are compressed into one small latent vector per token; only the latent (plus a shared rotary key) is cached.",
    popover:
      "Keys and values are squeezed into one small latent vector per token, which is what gets cached; each head expands it again when attending. A small extra vector carries the rotary position part.",
    body: [
      "Multi-head latent attention, introduced with DeepSeek-V2, projects each token down to a compact latent vector (a rank of 512 in DeepSeek V3) and reconstructs every head's keys and values from it with up-projections. The cache stores only that latent plus a small rotary key shared by all heads, far less than even aggressive GQA.",
      "Because rotary embeddings do not commute with the up-projection, MLA keeps a separate, decoupled set of rotary dimensions per head. At inference the key and value up-projections can be folded into the query and output projections, so attention runs directly against the cached latents. Queries are usually compressed through their own low-rank bottleneck too.",
    ],
    related: ["GQA", "DSA", "MHA", "partial-RoPE"],
    figure:
      "A token is projected down to a small latent vector and a shared rotary key, the only things cached; per-head keys and values are projected back up from the latent.",
  },
  "gated-attention": {
    name: "Gated attention",
    short: "Gated attn",
    category: "Attention",
    headline: true,
    summary: "The attention output is multiplied by a sigmoid gate computed from the layer's input.",
    popover:
      "The attention output is multiplied by a sigmoid gate computed from the input, which damps attention sinks and stabilises training.",
    body: [
      "Gated attention adds one projection that computes a gate from the same input the queries come from. After scaled dot-product attention, each output element (or each head, in the head-wise variant) is multiplied by the sigmoid of that gate before the output projection.",
      "The gate lets a head switch itself off for a token instead of dumping attention on an arbitrary position, which curbs attention sinks and extreme activations and makes training at scale steadier. It adds a query-sized projection's worth of parameters and nothing to the cache.",
    ],
    related: ["QK-Norm", "attention-sinks", "gated-deltanet"],
    figure:
      "Queries (through QK-Norm), keys and values enter attention; its output is multiplied by a sigmoid gate computed from the input.",
  },
  "differential-attention": {
    name: "Differential attention",
    short: "Diff. attn",
    category: "Attention",
    headline: true,
    summary: "Some heads learn a noise pattern that is subtracted, with a learned weight, from the output of the heads beside them.",
    popover:
      "Heads come in groups: signal heads and a noise head. The noise head's output, scaled by a learned per-token weight, is subtracted from each signal head's output, cancelling attention that every head spends on irrelevant positions.",
    body: [
      "Softmax attention never gives a position exactly zero weight, so every head leaks a little attention onto tokens that do not matter. Differential attention pairs heads so that one of them can learn that common leakage; subtracting it leaves a sharper pattern with fewer outliers.",
      "Motif 3's grouped form (GDLA) puts one noise head beside every four signal heads. A projection of the layer input gives each signal head a weight per token, squashed by a sigmoid, and the signal head's output minus that weight times its group's noise-head output goes on to the output projection. Only the signal heads reach it, so the noise heads cost queries and attention work but no output weights. In GDLA the keys and values come from an MLA-style latent, expanded for a few shared key/value heads.",
    ],
    related: ["MLA", "gated-attention", "GQA"],
    figure:
      "Signal and noise heads attend over the same keys; each signal head's output minus a learned share of its group's noise-head output goes to the output projection.",
  },
  "kv-sharing": {
    name: "KV sharing",
    short: "KV sharing",
    category: "Attention",
    headline: true,
    summary: "Some layers store no keys and values of their own: they reuse another layer's cache, or use keys as values.",
    popover: "Some layers reuse keys and values (from another layer, or keys as values), shrinking the cache.",
    body: [
      "KV sharing cuts the cache without removing attention layers. In cross-layer sharing, the upper layers of the stack read the keys and values cached by an earlier layer of the same kind and keep none themselves; their projections still exist, but nothing new is stored.",
      "A related trick lets the keys double as values in some layers, so those layers cache one tensor instead of two. Either way the memory per token drops while the number of attention layers, and their parameters, stay the same.",
    ],
    related: ["SWA", "GQA", "per-layer-embeddings"],
    figure: "A stack of layers in which the upper layers point at the cache of an earlier layer instead of keeping their own.",
  },
  SWA: {
    name: "Sliding-window attention (SWA)",
    short: "SWA",
    category: "Attention span",
    headline: true,
    summary: "Each token attends only to the last W tokens, so those layers' cache never exceeds the window.",
    popover:
      "A token only attends to the most recent W tokens, so these layers cache at most W tokens no matter how long the context grows. Usually mixed with some global layers.",
    body: [
      "In a sliding-window layer a query sees only the most recent W positions (e.g. 512, 1,024 or 4,096 tokens) instead of the whole prefix. Compute per token and the layer's cache are bounded by the window, however long the context.",
      "Stacking windowed layers still passes information further back, layer by layer, but most models interleave them with some global layers (Gemma 3 uses five local layers per global one; gpt-oss alternates). The gallery's KV-per-token figure counts windowed layers at full size; the memory calculator on each model page caps them at the window, as a real cache would.",
    ],
    related: ["chunked-attention", "GQA", "attention-sinks", "NoPE"],
    figure:
      "Two attention masks: full causal attention, where each token sees every earlier token, and a sliding window, where it sees only the last few.",
  },
  "chunked-attention": {
    name: "Chunked attention",
    short: "Chunked",
    category: "Attention span",
    headline: true,
    summary: "Local layers attend only within fixed blocks of the sequence, giving a block-diagonal mask.",
    popover: "Tokens attend only within fixed-size blocks of the sequence, bounding the cache of those layers like a sliding window does.",
    body: [
      "Chunked attention cuts the sequence into fixed chunks (8,192 tokens in Llama 4) and lets each token attend causally only within its own chunk. Unlike a sliding window, the visible span resets at every chunk boundary.",
      "Llama 4 interleaves three chunked RoPE layers with one global layer that has no positional encoding at all, so long-range information flows through the global layers while most of the stack stays cheap.",
    ],
    related: ["SWA", "NoPE", "RoPE"],
    figure: "A block-diagonal causal mask: tokens attend only to earlier tokens of the same chunk.",
  },
  DSA: {
    name: "DeepSeek Sparse Attention (DSA)",
    short: "DSA",
    category: "Attention span",
    headline: true,
    summary:
      "A light indexer scores all previous tokens and each query attends only to its top-k, making long-context attention roughly linear.",
    popover:
      "A light indexer scores all earlier tokens and each query attends only to the top-k of them, making long-context attention much cheaper.",
    body: [
      "DeepSeek Sparse Attention puts a small 'lightning indexer' in front of MLA. The indexer has a few narrow heads and runs in low precision; it scores every earlier token for the current query, and full attention is then computed only over the top-k tokens (2,048 in DeepSeek V3.2).",
      "The expensive part of attention thus costs O(k) per token instead of growing with the context. The cache still holds every token's latent (the indexer may pick any of them) plus the indexer's own small keys, so DSA saves compute rather than memory.",
    ],
    related: ["MLA", "SWA", "MTP"],
    figure: "A causal mask in which each query keeps only a handful of earlier tokens picked by the indexer.",
  },
  "block-sparse-attention": {
    name: "MiniMax Sparse Attention (block-sparse)",
    short: "MSA",
    category: "Attention span",
    headline: true,
    summary:
      "A small indexer scores earlier tokens, pools the scores into fixed-size blocks, and each query attends only to the best few blocks.",
    popover:
      "A small indexer picks, for each query, the few blocks of earlier tokens worth reading; the main attention then reads only those blocks.",
    body: [
      "MiniMax M3's sparse attention keeps ordinary grouped-query attention but narrows what each query reads. A light indexer with a handful of heads gives every earlier token a score, takes the best score inside each block of 128 tokens, and keeps the top 16 blocks, always including the block the query sits in.",
      "Choosing whole blocks rather than single tokens suits the kernels that read the cache in tiles. As with DeepSeek Sparse Attention, the cache still holds every token's keys and values plus the indexer's own small key, so the saving is in compute over long contexts, not in memory.",
    ],
    related: ["DSA", "GQA", "SWA"],
    figure: "A causal mask in which each query keeps a few contiguous bands of earlier tokens.",
  },
  "qwen-sparse-attention": {
    name: "Qwen Sparse Attention",
    short: "QSA",
    category: "Attention span",
    headline: true,
    summary:
      "A small indexer averages the keys of every few tokens into one block key, and each query attends only to the best-scoring blocks plus the newest tokens.",
    popover:
      "Each query reads only the blocks of earlier tokens whose averaged key a small indexer rates highest, plus the last few tokens.",
    body: [
      "Qwen3.8-Flash-Next keeps gated grouped-query attention in its softmax layers but limits what each query reads. The indexer caches one small raw key per token; for a query it averages those keys over blocks of four tokens, normalises and rotates each average, scores it with four ReLU query heads, and keeps the best 512 blocks (2,048 tokens) together with the unfinished last block.",
      "Up to about 2,000 tokens every token is kept and the layer is ordinary attention; beyond that the attention work per token stops growing. The cache still holds every token's keys and values plus the raw indexer key, so the saving is compute, not memory.",
    ],
    related: ["DSA", "block-sparse-attention", "gated-deltanet"],
    figure: "A causal mask in which each query keeps a few four-token blocks of earlier tokens and its own unfinished block.",
  },
  "compressed-attention": {
    name: "Compressed attention (CSA / HCA)",
    short: "CSA/HCA",
    category: "Attention span",
    headline: true,
    summary:
      "Older tokens are merged into compressed key/value rows, a few recent ones stay exact, and a long context costs a fraction of the cache.",
    popover:
      "Older tokens are merged a few at a time into compressed key/value rows, while a short sliding window keeps the most recent tokens exact. One key/value head serves every query head, so the cache per token is a fraction of one head's width; CSA adds an indexer that picks the most relevant compressed rows, HCA compresses harder and reads them all.",
    body: [
      "Compressed attention, as in DeepSeek V4, keeps the most recent tokens in a small sliding window at full resolution and folds everything older into compressed rows: every few tokens (the compression ratio) become one shared key/value row. A query attends to the window plus the compressed rows.",
      "Two flavours alternate. Compressed sparse attention (CSA) uses a light indexer, like DeepSeek Sparse Attention, to pick only the most relevant compressed rows; heavily compressed attention (HCA) compresses much harder and attends to all of them. Both use one key/value head shared by every query head, so the cache per token is a small fraction of a head's width.",
    ],
    related: ["DSA", "SWA", "MQA", "MLA"],
    figure:
      "A causal mask: recent tokens inside the window are attended exactly; older tokens are reached only through compressed rows that each stand for a block of tokens.",
  },
  cca: {
    name: "Compressed convolutional attention (CCA)",
    short: "CCA",
    category: "Attention",
    headline: true,
    summary: "Grouped-query attention whose queries and keys are sharpened by short causal convolutions before a normalised dot product.",
    popover:
      "Grouped-query attention whose queries and keys first pass through two short causal convolutions and an L2 norm with a learned temperature, while half of the value heads read the previous token. The cache holds keys and values as in GQA.",
    body: [
      "Compressed convolutional attention, used by ZAYA1, starts from grouped-query projections but runs the queries and keys through two short causal convolutions (one per channel, one over groups of channels) so each carries a little local context, then L2-normalises them and scales the scores with a learned temperature per key/value head.",
      "Half of the value heads read the previous token instead of the current one, another cheap way to mix in local context. The cache stores keys and values as in GQA; the convolutions only add a few tokens of fixed state.",
    ],
    related: ["GQA", "QK-Norm", "short-conv"],
    figure: "Queries and keys pass through two short causal convolutions and an L2 norm before attention; values go straight in.",
  },
  "attention-sinks": {
    name: "Attention sinks",
    short: "Sinks",
    category: "Attention span",
    headline: true,
    summary: "A learned per-head logit in the softmax lets a head attend to 'nothing' instead of a real token.",
    popover: "A learned per-head logit that lets a head put attention mass on nothing, instead of dumping it on the first token.",
    body: [
      "Softmax forces a head's attention weights to sum to one, so a head with nothing useful to read tends to park its attention on the first token. Learned attention sinks add one extra logit per head to the softmax denominator — a slot that absorbs attention without contributing a value.",
      "This matters most with sliding windows, where the first token eventually leaves the window. In gpt-oss each head has its own learned sink; it adds one parameter per head.",
    ],
    related: ["SWA", "gated-attention"],
    figure: "A sliding-window mask with an extra sink column that every query can attend to.",
  },
  "gated-deltanet": {
    name: "Gated DeltaNet",
    short: "Gated DeltaNet",
    category: "Linear attention and recurrence",
    headline: true,
    summary: "Linear attention with a fixed-size memory per head, updated by the delta rule and a decay gate.",
    popover:
      "A linear-attention layer with a fixed-size memory matrix, updated by the delta rule (overwrite what the key points to) and a learned decay gate. Its cost per token does not grow with the context.",
    body: [
      "Gated DeltaNet replaces the growing KV cache with a fixed matrix of memory per head (key dimension × value dimension). For each token it first reads what the memory currently associates with the key, then overwrites it toward the new value with a learned strength β (the delta rule), while a gate α decays the whole memory so stale content fades.",
      "Queries and keys pass through short causal convolutions and L2 normalisation, and the output is normalised and gated. Time is linear in the sequence and memory is constant, but exact recall is weaker than softmax attention, so Qwen3-Next and Qwen3.5 keep one full (gated) attention layer for every three Gated DeltaNet layers.",
    ],
    related: ["kimi-delta-attention", "lightning-attention", "mamba-2", "gated-attention"],
    figure:
      "Softmax attention's cache grows with every token; a Gated DeltaNet layer keeps one fixed-size memory matrix that each token updates.",
  },
  "kimi-delta-attention": {
    name: "Kimi Delta Attention (KDA)",
    short: "KDA",
    category: "Linear attention and recurrence",
    headline: true,
    summary: "Gated DeltaNet with a per-channel forget gate, for finer control of what the fixed memory keeps.",
    popover:
      "A refinement of Gated DeltaNet with a separate decay per channel instead of one per head, giving the fixed-size memory finer control over what it forgets.",
    body: [
      "Kimi Delta Attention, from Kimi Linear, refines Gated DeltaNet's update. Instead of one scalar decay per head, it learns a decay for every key channel, so different parts of the memory can fade at different speeds while the delta rule still corrects the stored association for each key.",
      "Kimi Linear interleaves three KDA layers with one MLA layer. Only the MLA layers keep a growing cache; the KDA layers hold a constant-size state.",
    ],
    related: ["gated-deltanet", "MLA", "lightning-attention"],
    figure: "A fixed-size memory matrix, updated per token, next to a softmax cache that grows with the sequence.",
  },
  "lightning-attention": {
    name: "Lightning Attention",
    short: "Lightning",
    category: "Linear attention and recurrence",
    headline: true,
    summary: "An IO-efficient linear attention computed in blocks: exact within a block, through a running state across blocks.",
    popover:
      "An efficient linear attention that processes the sequence in blocks, softmax-free, so compute and memory grow linearly with context length.",
    body: [
      "Lightning Attention is a way of computing causal linear attention fast. The sequence is processed block by block: inside a block it uses an ordinary masked matrix product, and the contribution of all earlier blocks comes from a running key-value state with decay that is updated once per block.",
      "This avoids the slow cumulative sums of naive linear attention, so training speed stays constant per token regardless of length. MiniMax and Ling models mix many lightning layers with occasional softmax attention layers.",
    ],
    related: ["gated-deltanet", "kimi-delta-attention", "mamba-2"],
    figure: "A fixed-size state carried from block to block, next to a softmax cache that grows with the sequence.",
  },
  "mamba-2": {
    name: "Mamba-2",
    short: "Mamba-2",
    category: "Linear attention and recurrence",
    headline: true,
    summary: "A selective state-space layer: a fixed state per head, decayed and written by input-dependent gates.",
    popover:
      "A selective state-space layer: a recurrent state with input-dependent decay, computed in parallel during training and step by step at inference, with a constant-size state instead of a KV cache.",
    body: [
      "Mamba-2 keeps, for each head, a state of head dimension × state size. Every token decays that state by an input-dependent amount, writes the projected input into it through a vector B, and reads the output out through a vector C; a short causal convolution mixes neighbouring tokens first.",
      "Its 'state space duality' shows this is linear attention with a scalar decay, which is what lets it train in parallel. Hybrids such as Nemotron-H and Granite 4 use mostly Mamba-2 layers with a few attention layers for precise retrieval.",
    ],
    related: ["gated-deltanet", "mlstm", "lightning-attention"],
    figure: "A fixed-size state updated per token, next to a softmax cache that grows with the sequence.",
  },
  mlstm: {
    name: "mLSTM (xLSTM)",
    short: "mLSTM",
    category: "Linear attention and recurrence",
    headline: true,
    summary: "The LSTM reborn with a matrix memory and exponential gates, trainable in parallel.",
    popover:
      "The matrix-memory LSTM of xLSTM: a recurrent cell whose memory is a matrix written with key/value outer products and controlled by exponential gates.",
    body: [
      "The mLSTM cell of xLSTM stores a matrix memory per head. Each token writes the outer product of its value and key into it, scaled by an exponential input gate, while a forget gate decays what was there; a normaliser state keeps the readout well scaled.",
      "Because there is no hidden-to-hidden nonlinearity, the whole sequence can be processed in parallel like linear attention. xLSTM 7B uses mLSTM blocks throughout, so it keeps no KV cache at all.",
    ],
    related: ["mamba-2", "gated-deltanet"],
    figure: "A fixed-size matrix memory updated per token, next to a softmax cache that grows with the sequence.",
  },
  "short-conv": {
    name: "Gated short convolution",
    short: "Short conv",
    category: "Linear attention and recurrence",
    headline: true,
    summary: "A depthwise causal convolution over a few neighbouring tokens, wrapped in input-dependent gates.",
    popover: "A cheap token mixer: a gated convolution over the last few tokens, with a tiny constant-size state.",
    body: [
      "A gated short-convolution layer mixes each token only with the previous few (a kernel of three or four), channel by channel, and multiplies the result with gates computed from the input. Its only state is the last few inputs.",
      "Such layers are cheap and capture local patterns; hybrid models pair them with a minority of attention layers for long-range lookups.",
    ],
    related: ["mamba-2", "gated-deltanet"],
    figure: "A kernel of three taps sliding along the sequence: each output sees only its recent neighbours.",
  },
  MoE: {
    name: "Mixture of experts (MoE)",
    short: "MoE",
    category: "Feed-forward",
    headline: true,
    summary:
      "The feed-forward layer becomes many experts; a router sends each token to a few, so total parameters grow while per-token compute stays small.",
    popover:
      "The feed-forward layer is replaced by many expert networks and a router that sends each token to a few of them. Total parameters grow while the compute per token stays that of the active experts.",
    body: [
      "A mixture-of-experts layer holds many feed-forward networks (experts) and a small router. For every token the router scores the experts and only the top few — for example 8 of 256 — run; their outputs are combined with the router's weights.",
      "The model therefore stores far more parameters than a token uses: DeepSeek V3 has 671B parameters but activates about 37B per token. Memory must hold every expert, while compute per token follows the active count. Routers are kept balanced with auxiliary losses or, as in DeepSeek V3, a per-expert bias adjusted during training.",
    ],
    related: ["shared-expert", "MTP"],
    figure: "A router sends a token to two of eight experts; their outputs are summed.",
  },
  "shared-expert": {
    name: "Shared expert",
    short: "Shared expert",
    category: "Feed-forward",
    headline: true,
    summary: "One or more experts that every token uses, alongside the routed ones.",
    popover:
      "An expert that every token passes through in addition to its routed ones. It learns what all tokens need, leaving the routed experts free to specialise.",
    body: [
      "A shared expert is a feed-forward network inside an MoE layer that is always active. Every token passes through it, and the routed experts add their contributions on top.",
      "Common knowledge then need not be duplicated in every routed expert, which frees them to specialise. DeepSeekMoE popularised the idea; Qwen's MoE models add a sigmoid gate on the shared expert's output.",
    ],
    related: ["MoE"],
    figure: "An MoE layer with one always-on shared expert next to the router's two picks.",
  },
  RoPE: {
    name: "Rotary position embedding (RoPE)",
    short: "RoPE",
    category: "Positions",
    headline: false,
    summary: "Queries and keys are rotated by position-dependent angles, so attention scores depend on relative distance.",
    popover:
      "Positions are encoded by rotating query and key vectors by an angle that grows with the token's position, so attention scores depend on relative distance.",
    body: [
      "RoPE treats pairs of dimensions of each query and key as points in a plane and rotates them by an angle proportional to the token's position, with a different frequency for each pair (set by the base θ). The dot product of a rotated query and key then depends only on how far apart the two tokens are.",
      "Nothing is added to the embeddings and there are no parameters. Long-context versions raise θ or rescale the frequencies (YaRN, Llama 3 scaling) so that positions beyond the training length still map to familiar angles.",
    ],
    related: ["partial-RoPE", "NoPE", "learned-positions"],
    figure: "A query vector drawn at four positions, rotated a little further at each.",
  },
  "partial-RoPE": {
    name: "Partial RoPE",
    short: "Partial RoPE",
    category: "Positions",
    headline: true,
    summary: "Only a fraction of each head's dimensions are rotated; the rest match on content alone.",
    popover: "Only a fraction of each head's dimensions is rotated; the rest carries content without position.",
    body: [
      "With partial RoPE the rotation is applied to, say, a quarter or half of each head's dimensions. Those dimensions carry relative position; the unrotated ones compare queries and keys purely by content, independent of distance.",
      "Models use it to keep long-range matching robust and, in hybrids, to leave more room for position-free features. MLA's decoupled rotary dimensions are a related split.",
    ],
    related: ["RoPE", "NoPE", "MLA"],
    figure: "A head's dimensions, the first part rotated by RoPE and the rest passed through unchanged.",
  },
  NoPE: {
    name: "No positional encoding (NoPE)",
    short: "NoPE",
    category: "Positions",
    headline: true,
    summary: "Some attention layers get no positional signal at all and rely on the causal mask.",
    popover:
      "Some attention layers skip rotary embeddings entirely and rely on the causal mask for order, which tends to help with very long contexts.",
    body: [
      "A decoder's causal mask already tells each token how many tokens precede it, so attention can learn positional cues without any explicit encoding. NoPE layers simply skip RoPE.",
      "Mixing a few NoPE layers into a RoPE model — every fourth layer in SmolLM3 and Llama 4 — tends to help generalisation to contexts longer than those seen in training, since those layers have no rotation angles to extrapolate.",
    ],
    related: ["RoPE", "chunked-attention", "partial-RoPE"],
    figure: "A stack in which three RoPE layers alternate with one NoPE layer.",
  },
  "learned-positions": {
    name: "Learned absolute positions",
    short: "Learned pos.",
    category: "Positions",
    headline: true,
    summary: "A trained table of position vectors is added to the token embeddings, as in GPT-2 and GPT-3.",
    popover: "A trained vector per position is added to each token embedding, limiting the context to the table's length.",
    body: [
      "Early GPT models learn one vector per position and add it to the token's embedding before the first block. The table's size fixes the maximum context: GPT-2 has 1,024 rows, GPT-3 2,048.",
      "Relative schemes such as RoPE replaced it because they extrapolate better and cost no parameters.",
    ],
    related: ["RoPE", "NoPE"],
    figure: "A token embedding and a position embedding are added before the first block.",
  },
  "relative-position-bias": {
    name: "Learned relative-position bias",
    short: "Rel. bias",
    category: "Positions",
    headline: true,
    summary: "Each attention score gets a learned bias that depends on how far back the key is, instead of rotating queries and keys.",
    popover:
      "A learned bias, chosen by the distance between query and key, is added to each attention logit; distances beyond a fixed reach get none. It replaces rotary positions.",
    body: [
      "Instead of encoding positions into the queries and keys (RoPE), the model adds a number to every attention logit that depends on the distance between the two tokens. T5 looked the bias up in a small table of distance buckets; Inkling computes it per query, projecting a few values per head through a learned table with one column per distance.",
      "Only the nearest distances carry a bias (1,024 in Inkling's global layers, the 512-token window in its local ones); keys farther away are told apart by content alone. The cost is a handful of extra projection outputs per head and the small table.",
    ],
    related: ["RoPE", "NoPE", "learned-positions"],
    figure: "A row of attention logits for one query, with a bias bar under each of the nearest keys and none beyond the reach.",
  },
  "QK-Norm": {
    name: "QK-Norm",
    short: "QK-Norm",
    category: "Normalisation and stability",
    headline: true,
    summary: "Queries and keys are RMS-normalised before their dot product, keeping attention logits in check.",
    popover:
      "Queries and keys are normalised before their dot product, which keeps attention logits in a sane range and makes training more stable.",
    body: [
      "QK-Norm applies a normalisation (usually RMSNorm, per head) to the projected queries and keys before RoPE and the dot product. Without it, attention logits can grow without bound during training and collapse the softmax onto one token.",
      "It costs a couple of small weight vectors per layer. OLMo 2, Qwen3, Gemma 3 and many later models use it.",
    ],
    related: ["gated-attention", "post-norm", "sandwich-norm"],
    figure: "Queries and keys each pass through an RMSNorm and RoPE before the dot product; values do not.",
  },
  "sandwich-norm": {
    name: "Sandwich norm",
    short: "Sandwich norm",
    category: "Normalisation and stability",
    headline: true,
    summary: "A norm both before and after each sublayer, inside the residual branch.",
    popover:
      "Each sublayer has a norm both before and after it, inside the residual branch, which keeps activations bounded in deep stacks.",
    body: [
      "In a sandwich arrangement each attention and feed-forward sublayer is normalised on the way in (as in a pre-norm model) and its output is normalised again before it is added to the residual stream.",
      "The second norm bounds what each sublayer can add, which steadies training. Gemma 2, 3 and 4 use it with RMSNorm.",
    ],
    related: ["post-norm", "parallel-block", "QK-Norm"],
    figure: "Norm, sublayer, norm, then the residual add.",
  },
  "post-norm": {
    name: "Post-norm (inside the residual)",
    short: "Post-norm",
    category: "Normalisation and stability",
    headline: true,
    summary: "The norm sits after the sublayer, on its output, instead of before it.",
    popover: "The norm sits after each sublayer, inside the residual branch, rather than before it.",
    body: [
      "Most modern decoders normalise a sublayer's input (pre-norm). OLMo 2 and OLMo 3 move the RMSNorm to the sublayer's output, still inside the residual branch, so the residual stream itself is never normalised.",
      "Together with QK-Norm this made their training markedly more stable. It differs from the original Transformer's post-norm, which normalised the residual stream after the addition.",
    ],
    related: ["sandwich-norm", "QK-Norm", "parallel-block"],
    figure: "Sublayer, then norm, then the residual add.",
  },
  "parallel-block": {
    name: "Parallel attention and FFN",
    short: "Parallel block",
    category: "Normalisation and stability",
    headline: true,
    summary: "Attention and the feed-forward network read the same normalised input and are added together.",
    popover:
      "Attention and feed-forward read the same normalised input side by side and their outputs are added together, saving one sequential step per layer.",
    body: [
      "In a parallel block one norm feeds both the attention and the feed-forward sublayer, side by side, and both outputs are added to the residual stream at once, instead of running one after the other.",
      "It shortens the critical path of each layer and can fuse the two input projections, at little cost in quality at scale. Cohere's Command models use it.",
    ],
    related: ["sandwich-norm", "post-norm"],
    figure: "One norm feeding attention and the feed-forward network in parallel, both added to the residual.",
  },
  "logit-softcap": {
    name: "Logit soft-capping",
    short: "Softcap",
    category: "Normalisation and stability",
    headline: true,
    summary: "Logits are squashed smoothly into a fixed range with cap × tanh(x / cap).",
    popover: "Logits are squashed with tanh to stay below a cap, preventing extreme values.",
    body: [
      "Soft-capping passes attention scores or final output logits through cap × tanh(x / cap). Small values pass almost unchanged; large ones saturate at ±cap instead of growing without bound.",
      "Gemma 2 capped both attention logits (at 50) and final logits (at 30); later models often keep only the final cap or use QK-Norm instead.",
    ],
    related: ["QK-Norm", "sandwich-norm"],
    figure: "The identity line and the soft-capped curve, which bends toward ±cap.",
  },
  "hyper-connections": {
    name: "Hyper-connections (mHC)",
    short: "Hyper-conn.",
    category: "Normalisation and stability",
    headline: true,
    summary:
      "The residual stream is widened into several parallel streams that each sublayer reads from and writes to through small learned mixes.",
    popover:
      "The residual stream is widened into several parallel copies. Small learned maps, kept well-conditioned, mix the copies into each sublayer's input and spread its output back over them; the copies are merged again before the final norm.",
    body: [
      "A standard decoder has one residual stream that every sublayer adds to. Hyper-connections widen it to several copies (four in DeepSeek V4). Before each sublayer a small learned map mixes the streams into the sublayer's input; afterwards another map distributes the output back across the streams, and the streams also mix among themselves.",
      "The manifold-constrained variant keeps those mixing matrices on a well-behaved set (close to doubly stochastic), so signals neither explode nor vanish through a deep stack. The streams are merged back into one before the final norm; the extra parameters are tiny.",
    ],
    related: ["sandwich-norm", "post-norm", "parallel-block"],
    figure: "Four parallel residual streams; a sublayer reads a learned mix of them and writes its output back into all four.",
  },
  "looped-depth": {
    name: "Looped depth (shared-weight passes)",
    short: "Looped",
    category: "Normalisation and stability",
    headline: true,
    summary: "The whole layer stack runs several times for every token with the same weights, so depth grows without new parameters.",
    popover:
      "The stack of layers is applied more than once per token, reusing the same weights on each pass. Compute and the KV cache grow with the passes; the parameter count does not.",
    body: [
      "A looped (or recurrent-depth) model stores one stack of layers and sends each token through it several times: the output of the last layer becomes the input of the first again. Ouro runs its 48 layers four times, Nanbeige 4.2 its 22 layers twice.",
      "Because the weights are shared, the checkpoint is as small as a shallow model while the work per token is that of a deeper one. Each pass computes its own keys and values, so the cache grows with the number of passes, and so do the multiplies per token.",
    ],
    related: ["hyper-connections", "sandwich-norm"],
    figure: "One block stack with an arrow from its top back to its bottom, labelled with the number of passes.",
  },
  "causal-encoder-decoder": {
    name: "Causal encoder-decoder",
    short: "Causal enc-dec",
    category: "Normalisation and stability",
    headline: true,
    summary:
      "The layer stack is split in two: every prompt token runs the lower half, while the upper half runs only for the tokens being generated.",
    popover:
      "A decoder-only stack cut in two. The lower layers (the encoder) process every prompt token and write the long-range cache; the upper layers (the decoder) read that cache and run only for generated tokens and the last window of the prompt, so reading a prompt costs about half the compute of writing an answer.",
    body: [
      "DeepSeek V4.1-Flash keeps one causal stack but gives its halves different jobs. The first 20 layers form the encoder: each prompt token goes through them, and the first decoder layer turns their output into the compressed rows that every later layer attends to.",
      "The other 20 layers keep only a short sliding window of their own, so for a long prompt they need to run on its last few tokens only. Reading input therefore touches about half the weights that generating a token does: DeepSeek quotes 8B active parameters in prefill against 16B in decoding.",
    ],
    related: ["compressed-attention", "kv-sharing", "SWA"],
    figure:
      "A stack split at the middle: prompt tokens stop at the encoder, generated tokens continue through the decoder, which reads the encoder's cache.",
  },
  "tied-embeddings": {
    name: "Tied embeddings",
    short: "Tied emb.",
    category: "Embeddings and heads",
    headline: false,
    summary: "The output layer reuses the input embedding matrix, saving vocabulary × width parameters.",
    popover: "The output layer reuses the token embedding matrix, saving its parameters.",
    body: [
      "With tied embeddings the same matrix maps token ids to vectors at the input and, transposed, maps the final hidden state to vocabulary logits at the output.",
      "For small models the embedding can be a large share of all parameters, so tying saves a lot; large models usually keep the two matrices separate.",
    ],
    related: ["per-layer-embeddings", "learned-positions"],
    figure: "One embedding matrix used at the bottom for lookup and, transposed, at the top for the output logits.",
  },
  "per-layer-embeddings": {
    name: "Per-layer embeddings",
    short: "Per-layer emb.",
    category: "Embeddings and heads",
    headline: true,
    summary: "A second token table gives every layer its own small token-dependent input.",
    popover: "A second token table feeds a small slice into every layer; it can stay off the accelerator.",
    body: [
      "Per-layer embeddings (Gemma 3n and Gemma 4's E-models) add a large second lookup table. For each token it yields a small vector for every layer, which is projected and mixed into that layer's residual stream.",
      "The table is big but only looked up, never multiplied, so it can stay in slower memory; that is why such models quote an 'effective' parameter count that leaves it out.",
    ],
    related: ["tied-embeddings", "kv-sharing"],
    figure: "A stack of layers, each receiving its own slice from a per-layer embedding table.",
  },
  engram: {
    name: "Engram memory",
    short: "Engram",
    category: "Embeddings and heads",
    headline: true,
    summary: "At a few layers, the last few tokens are hashed into a huge table whose rows are gated into the residual stream.",
    popover:
      "A conditional memory: the 2- to 4-token sequences ending at each token are hashed into very large tables, and the rows found are projected and gated into the residual streams. The tables are only looked up, so they can live in host memory and do not count as active weights.",
    body: [
      "Engram, used by DeepSeek V4.1-Flash at two of its layers, gives the model a lookup memory beside its computed layers. For every token, the n-grams that end there are hashed by several hash heads into prime-sized buckets of a table with hundreds of millions of rows.",
      "The rows found are concatenated, projected to one key per hyper-connection stream plus a shared value, and written into each stream through a gate that compares the stream with its key. Because the addresses depend only on the tokens, the rows can be fetched from host memory ahead of time; DeepSeek counts the tables apart from the backbone.",
    ],
    related: ["per-layer-embeddings", "hyper-connections"],
    figure: "The last three tokens hashed into a large table; the rows found pass a gate into the residual stream.",
  },
  MTP: {
    name: "Multi-token prediction (MTP)",
    short: "MTP",
    category: "Embeddings and heads",
    headline: true,
    summary: "Extra modules predict tokens further ahead: a denser training signal, and a built-in draft model.",
    popover:
      "Extra modules trained to predict tokens further ahead. They improve training and can draft tokens for speculative decoding; plain inference does not need them.",
    body: [
      "Multi-token prediction adds one or more small modules after the main model. Each combines the previous hidden state with the embedding of the next token and predicts one token further ahead, sharing the embedding and output head.",
      "In training this gives every position more supervision. At inference the modules can be dropped, or used to draft tokens for speculative decoding. Creators usually report their parameters apart — DeepSeek V3's 671B excludes its 14B MTP module — and the fact sheets here do the same.",
    ],
    related: ["MoE", "DSA"],
    figure: "The main model predicts the next token; an MTP module chained on its hidden state predicts the one after.",
  },
} satisfies Record<Concept, Omit<ConceptEntry, "tag">>;

/** Every concept tag, in catalogue order. */
export const conceptTags = Object.keys(entries) as Concept[];

const byTag = new Map<string, ConceptEntry>(conceptTags.map((tag) => [tag, { tag, ...entries[tag] }]));

/** True when `tag` is a concept tag of this version (own entries only; `constructor` is not one). */
export function isConcept(tag: unknown): tag is Concept {
  return typeof tag === "string" && byTag.has(tag);
}

/** Every concept, in catalogue order. */
export const conceptCatalogue: readonly ConceptEntry[] = [...byTag.values()];

/** The entry of a concept tag, or `undefined` for a tag this version does not describe (own entries only). */
export function conceptEntry(tag: string): ConceptEntry | undefined {
  return byTag.get(tag);
}

/** The short label of any tag, falling back to the tag itself. */
export function conceptShortName(tag: string): string {
  return byTag.get(tag)?.short ?? tag;
}
