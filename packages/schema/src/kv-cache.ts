/**
 * KV cache in the gallery's per-token convention (what the fact sheet shows). The true cache at a given
 * context, with windows capped and recurrent state counted, is `cache-size.ts`.
 */
import { definitionCounts } from "./layers.js";
import type { Mixer, ArchitectureInput, Architecture } from "./spec-types.js";
import { resolveKinds, stackPasses, type KindOptions } from "./kinds/registry.js";

/** Bytes per element of the supported cache dtypes. */
export const dtypeBytes = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 } as const;

/** A cache or weight dtype. */
export type Dtype = keyof typeof dtypeBytes;

/**
 * Cached elements per token of one layer's mixer under the per-token KV rule (indexer keys and window rows
 * included): 0 for linear-attention and recurrent mixers (and unknown kinds).
 */
export function kvElementsPerToken(mixer: Mixer | { kind: string }, options?: KindOptions): number {
  return ruleElements(resolveKinds(options).of(mixer) as never, mixer as never);
}

/** Elements one layer adds to the cache per token under the per-token KV rule (conventions.ts): no window cap, indexer keys counted. */
function ruleElements(
  kind: { cache: { perToken(m: never): number; indexKeysPerToken?(m: never): number; windowPerToken?(m: never): number } } | undefined,
  mixer: never,
): number {
  if (!kind) return 0;
  return kind.cache.perToken(mixer) + (kind.cache.indexKeysPerToken?.(mixer) ?? 0) + (kind.cache.windowPerToken?.(mixer) ?? 0);
}

/**
 * KV cache bytes per token by the one KV rule of conventions.ts (the gallery's convention): bf16, every attention
 * layer's per-token cache with no window cap (sliding-window, chunked and window-only layers in full), sparse-attention
 * indexer key caches included, linear-attention and SSM layers excluded, MLA storing latent + rope dims.
 * A looped stack (`loop`) keeps one cache per pass, so the layers count once per pass.
 */
export function kvCacheBytesPerToken(spec: { architecture: ArchitectureInput }, dtype: Dtype = "bf16", options?: KindOptions): number {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  let elements = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    if (mixer) elements += times * ruleElements(kinds.of(mixer) as never, mixer as never);
  }
  return stackPasses(arch) * elements * dtypeBytes[dtype];
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
