/**
 * KV cache: the gallery's per-token convention, and the true cache at a given context.
 */
import { definitionCounts } from "./layers.js";
import type { Mixer, ArchitectureInput, Architecture } from "./spec-types.js";

/** Bytes per element of the supported cache dtypes. */
export const dtypeBytes = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 } as const;

/** A cache or weight dtype. */
export type Dtype = keyof typeof dtypeBytes;

/** Cached elements per token of one layer's mixer: 0 for linear-attention and recurrent mixers. */
export function kvElementsPerToken(mixer: Mixer): number {
  switch (mixer.kind) {
    case "attention": {
      if (mixer.reusesKV) return 0;
      const k = mixer.kvHeads * mixer.headDim;
      const v = mixer.kvHeads * (mixer.valueHeadDim ?? mixer.headDim);
      return mixer.sharedKV ? k : k + v;
    }
    case "mla":
      return mixer.kvLoraRank + mixer.qkRopeHeadDim;
    case "compressed-attention":
      // One shared key=value row of headDim per compressRatio tokens; window-only layers keep a constant cache.
      return mixer.compressRatio ? mixer.headDim / mixer.compressRatio : 0;
    case "cca":
      return 2 * mixer.kvHeads * mixer.headDim;
    default:
      return 0;
  }
}

/**
 * KV cache bytes per token in the gallery's convention: bf16, every attention layer at full size
 * (sliding windows not capped), linear-attention and SSM layers excluded, MLA storing latent + rope dims.
 */
export function kvCacheBytesPerToken(spec: { architecture: ArchitectureInput }, dtype: Dtype = "bf16"): number {
  const arch = spec.architecture as Architecture;
  let elements = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = arch.mixers[name];
    if (mixer) elements += times * kvElementsPerToken(mixer);
  }
  return elements * dtypeBytes[dtype];
}

/** Fixed recurrent state (elements per sequence) of a linear-attention or SSM mixer. */
export function stateElements(mixer: Mixer, dModel: number): number {
  switch (mixer.kind) {
    case "gated-deltanet": {
      const keyDim = mixer.keyHeads * mixer.keyHeadDim;
      const valueDim = mixer.valueHeads * mixer.valueHeadDim;
      return mixer.valueHeads * mixer.keyHeadDim * mixer.valueHeadDim + (2 * keyDim + valueDim) * (mixer.convKernel - 1);
    }
    case "kimi-delta":
      return mixer.heads * mixer.headDim * mixer.headDim + 3 * mixer.heads * mixer.headDim * (mixer.convKernel - 1);
    case "lightning":
      return mixer.heads * mixer.headDim * mixer.headDim;
    case "mamba2": {
      const inner = mixer.heads * mixer.headDim;
      return mixer.heads * mixer.headDim * mixer.stateSize + (inner + 2 * mixer.groups * mixer.stateSize) * (mixer.convKernel - 1);
    }
    case "mlstm":
      return mixer.heads * (mixer.qkDim / mixer.heads) * (mixer.vDim / mixer.heads) + mixer.qkDim + mixer.heads;
    case "short-conv":
      return dModel * (mixer.convKernel - 1);
    case "compressed-attention":
      // The sliding window of uncompressed rows is a fixed-size buffer.
      return mixer.window * mixer.headDim;
    case "cca": {
      const c = (mixer.heads + mixer.kvHeads) * mixer.headDim;
      return c * (mixer.convKernel - 1 + mixer.groupedConvKernel - 1) + (mixer.kvHeads * mixer.headDim) / 2;
    }
    default:
      return 0;
  }
}

/** Options of {@link kvCacheBytes}. */
export interface CacheOptions {
  /** Tokens in context (per sequence). */
  contextLength: number;
  /** Sequences. Default 1. */
  batch?: number;
  /** Dtype of keys and values. Default bf16. */
  dtype?: Dtype;
  /** Dtype of recurrent state. Default fp32, as most implementations keep it. */
  stateDtype?: Dtype;
}

/** The true cache at a given context: windows and chunks capped, recurrent state counted. */
export interface CacheSize {
  /** All bytes. */
  total: number;
  /** Bytes of keys and values of attention layers. */
  kv: number;
  /** Bytes of fixed recurrent state (linear attention, SSM, convolutions). */
  state: number;
  /** What a naive calculation (no window cap, no state) would give, for comparison. */
  naive: number;
}

/**
 * Cache memory for `contextLength` tokens: sliding windows and attention chunks hold at most
 * their size, layers that reuse another layer's KV hold nothing, and linear/SSM layers hold a
 * fixed state regardless of length.
 */
export function kvCacheBytes(spec: { architecture: ArchitectureInput }, options: CacheOptions): CacheSize {
  const arch = spec.architecture as Architecture;
  const batch = options.batch ?? 1;
  const kvBytes = dtypeBytes[options.dtype ?? "bf16"];
  const stBytes = dtypeBytes[options.stateDtype ?? "fp32"];
  const ctx = arch.contextLength === null ? options.contextLength : Math.min(options.contextLength, arch.contextLength);
  let kv = 0;
  let state = 0;
  let naive = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = arch.mixers[name];
    if (!mixer) continue;
    const perToken = kvElementsPerToken(mixer);
    const cap = "window" in mixer && mixer.window ? mixer.window : "chunk" in mixer && mixer.chunk ? mixer.chunk : Infinity;
    kv += times * perToken * Math.min(ctx, cap) * kvBytes;
    naive += times * perToken * ctx * kvBytes;
    state += times * stateElements(mixer, arch.dModel) * stBytes;
  }
  return { total: batch * (kv + state), kv: batch * kv, state: batch * state, naive: batch * naive };
}

/** The gallery's qualitative label for a KV-cache size per token. */
export type KvLabel = "No cache" | "Very low" | "Low" | "Moderate" | "High" | "Very high";

/**
 * Label for a per-token KV size in bytes. Thresholds (28, 80, 176, 312 KiB) reproduce the labels the gallery
 * gives its 72 models (the test checks each one).
 */
export function kvLabel(bytesPerToken: number): KvLabel {
  const kib = bytesPerToken / 1024;
  if (kib === 0) return "No cache";
  if (kib < 28) return "Very low";
  if (kib < 80) return "Low";
  if (kib < 176) return "Moderate";
  if (kib < 312) return "High";
  return "Very high";
}

/** Number of layers of the main stack that keep a growing KV cache. */
export function cachedLayerCount(spec: { architecture: ArchitectureInput }): number {
  const arch = spec.architecture as Architecture;
  let layers = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const m = arch.mixers[name];
    if (m && kvElementsPerToken(m) > 0) layers += times;
  }
  return layers;
}
