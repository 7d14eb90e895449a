/**
 * Parameter counts, total and active, broken down by component.
 *
 * Each formula follows the reference implementation of the layer (Hugging Face transformers'
 * modeling code unless noted): every Linear with its bias, embeddings, norms with their biases,
 * q/k norms, routers and convolutions.
 */
import { blockCounts, definitionCounts } from "./layers.js";
import type { Architecture, ArchitectureInput, Ffn, Mixer, Norm, ParamComponent } from "./spec-types.js";

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
  /** Parameters used for one token by the main model: total minus the routed experts a token does not visit. */
  active: number;
  /** Parameters of the MTP modules (0 when there are none). */
  mtp: number;
  /** Everything in the checkpoint: total + mtp. */
  totalWithMtp: number;
  /** Total by component (MTP modules under `mtp`). */
  breakdown: ParamBreakdown;
  /** Active by component (MTP modules under `mtp`). */
  activeBreakdown: ParamBreakdown;
}

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

/** Parameters of a (possibly gated) two-layer MLP of width `hidden`. */
export function mlpParams(dModel: number, hidden: number, gated: boolean, bias: boolean): number {
  const weights = (gated ? 3 : 2) * dModel * hidden;
  const biases = bias ? (gated ? 2 * hidden : hidden) + dModel : 0;
  return weights + biases;
}

/** How a mixer's parameters split between softmax attention and linear/recurrent mixers. */
export interface MixerParams {
  component: "attention" | "linearMixer";
  params: number;
}

/**
 * Parameters of one mixer. Returns `undefined` for a kind this version does not know, so that
 * extended specs still get counts for everything else (see `extend.ts`).
 */
export function mixerParams(mixer: Mixer, arch: Pick<Architecture, "dModel" | "norm">): MixerParams | undefined {
  const d = arch.dModel;
  switch (mixer.kind) {
    case "attention": {
      const q = mixer.heads * mixer.headDim;
      const vDim = mixer.valueHeadDim ?? mixer.headDim;
      const k = mixer.kvHeads * mixer.headDim;
      const v = mixer.sharedKV ? 0 : mixer.kvHeads * vDim;
      const gate = mixer.outputGate === "elementwise" ? q : mixer.outputGate === "headwise" ? mixer.heads : 0;
      const qkvOut = q + gate + k + v;
      let params = d * qkvOut + mixer.heads * vDim * d;
      if (mixer.qkvBias) params += qkvOut;
      if (mixer.outBias) params += d;
      if (mixer.qkNorm && mixer.qkNorm.kind !== "l2") {
        const perNorm = mixer.qkNorm.kind === "layernorm" && mixer.qkNorm.bias !== false ? 2 : 1;
        params += perNorm * (mixer.qkNorm.scope === "head" ? 2 * mixer.headDim : q + k);
      }
      if (mixer.sinks) params += mixer.heads;
      return { component: "attention", params };
    }
    case "mla": {
      const qk = mixer.qkNopeHeadDim + mixer.qkRopeHeadDim;
      const r = mixer.qLoraRank;
      let params = r === null ? d * mixer.heads * qk : d * r + r + r * mixer.heads * qk;
      params += d * (mixer.kvLoraRank + mixer.qkRopeHeadDim) + mixer.kvLoraRank;
      params += mixer.kvLoraRank * mixer.heads * (mixer.qkNopeHeadDim + mixer.vHeadDim);
      params += mixer.heads * mixer.vHeadDim * d;
      if (mixer.bias) params += (r ?? 0) + mixer.kvLoraRank + mixer.qkRopeHeadDim + d;
      if (mixer.indexer) {
        // DeepSeek V3.2 Indexer: wq_b (q_lora_rank → heads·headDim), wk (d → headDim),
        // k_norm (LayerNorm with bias), weights_proj (d → heads).
        const ix = mixer.indexer;
        params += (r ?? d) * ix.heads * ix.headDim + d * ix.headDim + 2 * ix.headDim + d * ix.heads;
      }
      return { component: "attention", params };
    }
    case "compressed-attention": {
      // DeepSeek V4 (per the tensor layout of the official weights): q_a (d→qr) + norm, q_b (qr→H·D), wkv (d→D)
      // + norm, sinks (H), grouped low-rank output wo_a (D·H/G → ol per group) and wo_b (G·ol → d); a KV
      // compressor when compressRatio is set (width 2D for overlapping CSA windows at ratio 4, else D): positional
      // table (w × ratio), kv and gate projections (d→w), norm (D); and the CSA indexer: q_b (qr→Ih·Id), weights
      // (d→Ih) and its own compressor (2·Id wide).
      const H = mixer.heads;
      const D = mixer.headDim;
      const qr = mixer.qLoraRank;
      const G = mixer.outputGroups;
      const ol = mixer.outputLoraRank;
      let params = d * qr + qr + qr * H * D + d * D + D + H + D * H * ol + G * ol * d;
      const r = mixer.compressRatio;
      if (r) {
        const w = r === 4 ? 2 * D : D;
        params += w * r + 2 * d * w + D;
      }
      if (mixer.indexer && r) {
        const ix = mixer.indexer;
        const iw = 2 * ix.headDim;
        params += qr * ix.heads * ix.headDim + d * ix.heads + iw * r + 2 * d * iw + ix.headDim;
      }
      return { component: "attention", params };
    }
    case "cca": {
      // transformers models/zaya (ZayaCCAProjection): q (d→H·hd), k (d→Hkv·hd), current and delayed values
      // (d→Hkv·hd/2 each), depthwise conv over q‖k (C channels, kernel k0, bias), grouped conv (C channels in
      // H+Hkv groups, kernel k1, bias), per-KV-head temperature, o_proj.
      const q = mixer.heads * mixer.headDim;
      const k = mixer.kvHeads * mixer.headDim;
      const c = q + k;
      const groupIn = c / (mixer.heads + mixer.kvHeads);
      let params = d * (q + 2 * k) + c * mixer.convKernel + c + c * groupIn * mixer.groupedConvKernel + c + mixer.kvHeads + q * d;
      if (mixer.bias) params += q + 2 * k + d;
      return { component: "attention", params };
    }
    case "gated-deltanet": {
      const keyDim = mixer.keyHeads * mixer.keyHeadDim;
      const valueDim = mixer.valueHeads * mixer.valueHeadDim;
      const convDim = 2 * keyDim + valueDim;
      const params =
        d * (2 * keyDim + 2 * valueDim) + // in_proj_qkvz
        d * 2 * mixer.valueHeads + // in_proj_ba
        convDim * mixer.convKernel + // depthwise conv, no bias
        2 * mixer.valueHeads + // dt_bias, A_log
        mixer.valueHeadDim + // gated RMSNorm
        valueDim * d; // out_proj
      return { component: "linearMixer", params };
    }
    case "lightning": {
      // transformers models/minimax (MiniMaxLightningAttention): qkv_proj (d→3·H·h), output_gate (d→H·h),
      // RMSNorm (H·h), out_proj (H·h→d); biases when set.
      const inner = mixer.heads * mixer.headDim;
      let params = 5 * d * inner + inner;
      if (mixer.bias) params += 4 * inner + d;
      if (mixer.qkNorm && mixer.qkNorm.kind !== "l2") params += 2 * mixer.headDim * (mixer.qkNorm.kind === "layernorm" && mixer.qkNorm.bias !== false ? 2 : 1);
      return { component: "linearMixer", params };
    }
    case "mamba2": {
      const inner = mixer.heads * mixer.headDim;
      const convDim = inner + 2 * mixer.groups * mixer.stateSize;
      const inProj = inner + convDim + mixer.heads;
      let params = d * inProj + convDim * mixer.convKernel + 3 * mixer.heads + inner + inner * d;
      if (mixer.convBias !== false) params += convDim;
      if (mixer.bias) params += inProj + d;
      return { component: "linearMixer", params };
    }
    case "kimi-delta": {
      // fla-org/flash-linear-attention fla/layers/kda.py (KimiDeltaAttention): q/k/v projections, depthwise
      // q/k/v convolutions without bias, low-rank decay gate f (d→V→H·K), beta b (d→H), A_log (H),
      // dt_bias (H·K), low-rank output gate g (d→V→H·V, with bias), gated RMSNorm (V), o_proj.
      const hk = mixer.heads * mixer.headDim;
      const v = mixer.headDim;
      const params =
        3 * d * hk +
        mixer.convKernel * 3 * hk +
        (d * v + v * hk) +
        d * mixer.heads +
        mixer.heads +
        hk +
        (d * v + v * hk + hk) +
        v +
        hk * d;
      return { component: "linearMixer", params };
    }
    case "mlstm": {
      // NX-AI/xlstm xlstm_large/model.py (mLSTMLayer): q, k (d→qkDim), v and output gate (d→vDim),
      // input and forget gates (d→heads, with bias), multi-head norm (vDim), out_proj (vDim→d).
      const params = d * (2 * mixer.qkDim + 2 * mixer.vDim + 2 * mixer.heads) + 2 * mixer.heads + mixer.vDim + mixer.vDim * d;
      return { component: "linearMixer", params };
    }
    case "short-conv": {
      let params = d * 3 * d + d * mixer.convKernel + d * d;
      if (mixer.bias) params += 3 * d + d;
      return { component: "linearMixer", params };
    }
    default:
      return undefined;
  }
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
}

/** Parameters of one FFN definition. */
export function ffnParams(ffn: Ffn, dModel: number): FfnParams {
  if (ffn.kind === "mlp") {
    return {
      dense: mlpParams(dModel, ffn.hidden, ffn.gated, ffn.bias ?? false),
      router: 0,
      routed: 0,
      perExpert: 0,
      shared: 0,
      activeExperts: 0,
    };
  }
  // LatentMoE (Nemotron 3 Super): routed experts work in a narrower latent width between a down- and an up-projection.
  const expertWidth = ffn.latent ?? dModel;
  const perExpert = mlpParams(expertWidth, ffn.expertHidden, ffn.gated, ffn.bias ?? false);
  const latentProjections = ffn.latent ? 2 * dModel * ffn.latent + (ffn.bias ? ffn.latent + dModel : 0) : 0;
  const routerOut = ffn.experts + (ffn.zeroExperts ?? 0);
  const h = ffn.router?.mlpHidden;
  // MLP router (ZAYA1 ZayaRouter): down-projection with bias, state scale, RMSNorm, two hidden layers with
  // biases, output over experts and zero experts without bias.
  const router =
    (h ? dModel * h + h + h + h + 2 * (h * h + h) + h * routerOut : dModel * routerOut) +
    (ffn.router?.bias ? routerOut : 0);
  const sharedHidden = ffn.sharedExperts ? (ffn.sharedHidden ?? ffn.sharedExperts * ffn.expertHidden) : 0;
  const shared =
    (sharedHidden ? mlpParams(dModel, sharedHidden, ffn.gated, ffn.bias ?? false) : 0) +
    (ffn.sharedGate ? dModel : 0) +
    latentProjections;
  return {
    dense: 0,
    router,
    routed: ffn.experts * perExpert,
    perExpert,
    shared,
    activeExperts: ffn.activeExperts,
  };
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

/** Hooks through which an extended schema supplies counts for its own mixer kinds. */
export interface ParamHooks {
  /** Parameters of a mixer kind the core does not know; return undefined to leave it uncounted. */
  mixer?: (mixer: { kind: string }, arch: Architecture) => MixerParams | undefined;
}

/** The result of counting, plus the definitions no formula could count. */
export interface ParamCountResult extends ParamCounts {
  /** Mixer definitions of unknown kinds that were counted as zero. */
  uncounted: string[];
}

/** Rows × width of a spec's n-gram tables (the lookup part, without the projections to dModel). */
export function ngramLookupParams(ngram: { vocabSize: number; tables?: number; dim?: number }, dModel: number): number {
  return (ngram.tables ?? 1) * ngram.vocabSize * (ngram.dim ?? dModel);
}

/**
 * Counts the parameters of a spec: total and active, by component.
 *
 * @example
 * ```ts
 * const { total, active, breakdown } = countParams(spec);
 * ```
 */
export function countParams(spec: { architecture: ArchitectureInput }, hooks: ParamHooks = {}): ParamCountResult {
  const arch = spec.architecture as Architecture;
  const d = arch.dModel;
  const total = emptyBreakdown();
  const active = emptyBreakdown();
  const uncounted: string[] = [];
  const mixerCache = new Map<string, MixerParams | undefined>();
  const mixerOf = (name: string): MixerParams | undefined => {
    if (!mixerCache.has(name)) {
      const mixer = arch.mixers[name];
      let counted = mixer ? mixerParams(mixer, arch) : undefined;
      if (!counted && mixer && hooks.mixer) counted = hooks.mixer(mixer, arch);
      if (!counted) uncounted.push(name);
      mixerCache.set(name, counted);
    }
    return mixerCache.get(name);
  };
  const add = (component: ParamComponent, all: number, used = all) => {
    total[component] += all;
    active[component] += used;
  };

  // Embeddings and head.
  add("embedding", arch.vocabSize * d);
  if (arch.positional.kind === "learned") {
    if (arch.contextLength === null) throw new Error("learned positions need a context length");
    add("positionEmbedding", arch.contextLength * d);
  }
  if (arch.embedding.norm) add("norms", normParams(arch.norm, d));
  if (!arch.embedding.tied) add("head", arch.vocabSize * d);
  if (arch.embedding.headBias) add("head", arch.vocabSize);
  const pl = arch.embedding.perLayer;
  if (pl) {
    const width = arch.numLayers * pl.dim;
    // Gemma 3n: embed_tokens_per_layer, per_layer_model_projection, per_layer_projection_norm,
    // and in every layer per_layer_input_gate, per_layer_projection and post_per_layer_input_norm.
    add("perLayerEmbedding", pl.vocabSize * width + d * width + pl.dim + arch.numLayers * (2 * d * pl.dim + d));
  }
  add("norms", normParams(arch.norm, d)); // final norm
  const ng = arch.embedding.ngram;
  if (ng) add("ngramEmbedding", ngramLookupParams(ng, d) + (ng.tables ?? 1) * (ng.dim === undefined ? 0 : ng.dim * d));

  // The layer stack.
  const counts = definitionCounts(arch.layers);
  // A shortcut group's FFN-only block (LongCat's MoE) reads the normed input of the group's first FFN: no norm of its own.
  const blocks = blockCounts(arch.layers);
  for (const { kind, count } of blocks) {
    if (kind.shortcut && kind.mixer === undefined) continue;
    add("norms", count * normsPerLayer(arch.norm, kind.mixer !== undefined, kind.ffn !== undefined) * normParams(arch.norm, d));
  }
  const hc = arch.hyperConnections?.streams;
  if (hc) {
    // mHC (DeepSeek V4): around each sublayer a map (n·d → 2n + n²) with a 3-value scale and a bias; before the
    // final norm a contraction (n·d → n) with bias and scale.
    const mix = 2 * hc + hc * hc;
    const perSublayer = hc * d * mix + 3 + mix;
    let sublayers = 0;
    for (const { kind, count } of blocks) sublayers += count * ((kind.mixer ? 1 : 0) + (kind.ffn ? 1 : 0));
    add("hyperConnections", sublayers * perSublayer + hc * d * hc + hc + 1);
  }
  for (const [name, times] of counts.mixers) {
    const m = mixerOf(name);
    if (m) add(m.component, times * m.params);
  }
  for (const [name, times] of counts.ffns) {
    const ffn = arch.ffns[name];
    if (!ffn) continue;
    const f = ffnParams(ffn, d);
    add("ffn", times * f.dense);
    add("router", times * f.router);
    add("sharedExperts", times * f.shared);
    add("routedExperts", times * f.routed, times * f.activeExperts * f.perExpert);
  }

  // Multi-token prediction modules: enorm, hnorm, eh_proj (2d → d), one block, final norm; embedding and head shared.
  if (arch.mtp) {
    const m = mixerOf(arch.mtp.mixer);
    const ffn = arch.ffns[arch.mtp.ffn];
    const f = ffn ? ffnParams(ffn, d) : undefined;
    const norms = (3 + normsPerLayer(arch.norm, true, true)) * normParams(arch.norm, d);
    const block = (m?.params ?? 0) + (f ? f.dense + f.router + f.shared : 0);
    const hcParams = hc ? 2 * (hc * d * (2 * hc + hc * hc) + 3 + 2 * hc + hc * hc) + hc * d * hc + hc + 1 : 0;
    const perModule = norms + 2 * d * d + block + hcParams;
    add(
      "mtp",
      arch.mtp.layers * (perModule + (f?.routed ?? 0)),
      arch.mtp.layers * (perModule + (f ? f.activeExperts * f.perExpert : 0)),
    );
  }

  const sum = (b: ParamBreakdown) => Object.values(b).reduce((a, n) => a + n, 0);
  const all = sum(total);
  return {
    total: all - total.mtp,
    active: sum(active) - active.mtp,
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
