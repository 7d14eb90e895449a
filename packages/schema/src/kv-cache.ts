/**
 * KV cache: the gallery's per-token convention, and the true cache at a given context.
 */
import { definitionCounts } from "./layers.js";
import type { Mixer, ArchitectureInput, Architecture } from "./spec-types.js";
import { resolveKinds, stackPasses, type KindOptions } from "./kinds/registry.js";

/** Bytes per element of the supported cache dtypes. */
export const dtypeBytes = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 } as const;

/** A cache or weight dtype. */
export type Dtype = keyof typeof dtypeBytes;

/** Cached elements per token of one layer's mixer: 0 for linear-attention and recurrent mixers (and unknown kinds). */
export function kvElementsPerToken(mixer: Mixer | { kind: string }, options?: KindOptions): number {
  return resolveKinds(options).of(mixer)?.cache.perToken(mixer) ?? 0;
}

/**
 * KV cache bytes per token in the gallery's convention: bf16, every attention layer at full size
 * (sliding windows not capped), linear-attention and SSM layers excluded, MLA storing latent + rope dims.
 * A looped stack (`loop`) keeps one cache per pass, so the layers count once per pass.
 */
export function kvCacheBytesPerToken(spec: { architecture: ArchitectureInput }, dtype: Dtype = "bf16", options?: KindOptions): number {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  let elements = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    if (mixer) elements += times * (kinds.of(mixer)?.cache.perToken(mixer) ?? 0);
  }
  return stackPasses(arch) * elements * dtypeBytes[dtype];
}

/** Fixed recurrent state (elements per sequence) of a linear-attention or SSM mixer (0 for an unknown kind). */
export function stateElements(mixer: Mixer | { kind: string }, dModel: number, options?: KindOptions): number {
  return resolveKinds(options).of(mixer)?.cache.state(mixer, { dModel, norm: { kind: "rmsnorm", placement: "pre" } }) ?? 0;
}

/** Options of {@link kvCacheBytes}. */
export interface CacheOptions extends KindOptions {
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
 * their size, layers that reuse another layer's KV hold nothing, sparse-attention indexers add their own keys
 * (only on layers that run an indexer), and linear/SSM layers hold a fixed state regardless of length. Each pass of a looped stack keeps its own cache and state.
 */
export function kvCacheBytes(spec: { architecture: ArchitectureInput }, options: CacheOptions): CacheSize {
  const arch = spec.architecture as Architecture;
  const batch = options.batch ?? 1;
  const kvBytes = dtypeBytes[options.dtype ?? "bf16"];
  const stBytes = dtypeBytes[options.stateDtype ?? "fp32"];
  // Options from a form or a command line: refuse what would give NaN or negative bytes, naming the option.
  if (!(Number.isFinite(options.contextLength) && options.contextLength >= 0)) throw new RangeError(`contextLength: expected a non-negative number, got ${options.contextLength}`);
  if (!(Number.isFinite(batch) && batch >= 0)) throw new RangeError(`batch: expected a non-negative number, got ${batch}`);
  if (!Object.hasOwn(dtypeBytes, options.dtype ?? "bf16")) throw new RangeError(`dtype: unknown dtype ${String(options.dtype)}`);
  if (!Object.hasOwn(dtypeBytes, options.stateDtype ?? "fp32")) throw new RangeError(`stateDtype: unknown dtype ${String(options.stateDtype)}`);
  const ctx = arch.contextLength === null ? options.contextLength : Math.min(options.contextLength, arch.contextLength);
  const kinds = resolveKinds(options);
  let kv = 0;
  let state = 0;
  let naive = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    const kind = kinds.of(mixer);
    if (!mixer || !kind) continue;
    const perToken = kind.cache.perToken(mixer) + (kind.cache.indexKeysPerToken?.(mixer) ?? 0);
    const cap = kind.cache.span(mixer) ?? Infinity;
    kv += times * perToken * Math.min(ctx, cap) * kvBytes;
    naive += times * perToken * ctx * kvBytes;
    state += times * kind.cache.state(mixer, arch) * stBytes;
  }
  const copies = batch * stackPasses(arch);
  return { total: copies * (kv + state), kv: copies * kv, state: copies * state, naive: copies * naive };
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

/** Number of layers of the main stack that keep a growing KV cache (each pass of a looped stack counted). */
export function cachedLayerCount(spec: { architecture: ArchitectureInput }, options?: KindOptions): number {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  let layers = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const m = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    if (m && (kinds.of(m)?.cache.perToken(m) ?? 0) > 0) layers += times;
  }
  return stackPasses(arch) * layers;
}
