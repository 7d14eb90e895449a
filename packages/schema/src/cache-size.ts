/**
 * The true cache at a given context: sliding windows and chunks capped, indexer keys and recurrent state
 * counted (the gallery's per-token convention is `kv-cache.ts`).
 */
import { definitionCounts } from "./layers.js";
import type { Mixer, ArchitectureInput, Architecture } from "./spec-types.js";
import { resolveKinds, stackPasses, type KindOptions, type KindRegistry } from "./kinds/registry.js";
import { mixerKindDetails } from "./kinds/details.js";
import { dtypeBytes, type Dtype } from "./kv-cache.js";

/** Fixed recurrent state (elements per sequence) of a linear-attention or SSM mixer (0 for an unknown kind). */
export function stateElements(mixer: Mixer | { kind: string }, dModel: number, options?: KindOptions): number {
  return mixerKindDetails(mixer, resolveKinds(options))?.cache.state(mixer, { dModel, norm: { kind: "rmsnorm", placement: "pre" } }) ?? 0;
}

/**
 * Each mixer definition the layers use, once, with its kind, its details, the number of layers using it and its
 * per-token elements (KV plus an indexer's own keys); definitions of kinds the registry does not know are skipped.
 */
function* usedMixers(arch: Architecture, kinds: KindRegistry) {
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    const kind = kinds.of(mixer);
    const details = mixerKindDetails(mixer, kinds);
    if (!mixer || !kind || !details) continue;
    yield { mixer, kind, details, times, perToken: kind.cache.perToken(mixer) + (kind.cache.indexKeysPerToken?.(mixer) ?? 0) };
  }
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
  if (!(Number.isFinite(options.contextLength) && options.contextLength >= 0))
    throw new RangeError(`contextLength: expected a non-negative number, got ${options.contextLength}`);
  if (!(Number.isFinite(batch) && batch >= 0)) throw new RangeError(`batch: expected a non-negative number, got ${batch}`);
  if (!Object.hasOwn(dtypeBytes, options.dtype ?? "bf16")) throw new RangeError(`dtype: unknown dtype ${String(options.dtype)}`);
  if (!Object.hasOwn(dtypeBytes, options.stateDtype ?? "fp32"))
    throw new RangeError(`stateDtype: unknown dtype ${String(options.stateDtype)}`);
  const ctx = arch.contextLength === null ? options.contextLength : Math.min(options.contextLength, arch.contextLength);
  const kinds = resolveKinds(options);
  let kv = 0;
  let state = 0;
  let naive = 0;
  for (const { mixer, details, times, perToken } of usedMixers(arch, kinds)) {
    const cap = details.cache.span(mixer) ?? Infinity;
    kv += times * perToken * Math.min(ctx, cap) * kvBytes;
    naive += times * perToken * ctx * kvBytes;
    state += times * details.cache.state(mixer, arch) * stBytes;
  }
  const copies = batch * stackPasses(arch);
  return { total: copies * (kv + state), kv: copies * kv, state: copies * state, naive: copies * naive };
}

/** One thing that bounds a model's cache, for a sentence such as "sliding-window GQA layers keep at most 1,024 tokens". */
export type CacheLimit =
  /** Layers whose per-token cache holds at most `tokens` (a sliding window or an attention chunk). */
  | { kind: "window"; label: string; tokens: number }
  /** Layers that cache nothing per token and keep a fixed-size state instead (linear attention, SSM, convolution). */
  | { kind: "state"; label: string }
  /** Layers that store no cache of their own (they read an earlier layer's). */
  | { kind: "none"; label: string };

/**
 * What bounds the cache of a model, one entry per mixer definition the layers use (each kind's own cache facets:
 * per-token elements, span and state), in the order of first use. Layers with an uncapped per-token cache bring
 * none. Labels are the kinds' layer-mix labels (`mixerLabel`).
 */
export function cacheLimits(spec: { architecture: ArchitectureInput }, options?: KindOptions): CacheLimit[] {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  const out: CacheLimit[] = [];
  for (const { mixer, kind, details, perToken } of usedMixers(arch, kinds)) {
    const label = kind.label(mixer);
    const span = details.cache.span(mixer);
    const state = details.cache.state(mixer, arch);
    // A window kept as a fixed buffer (DeepSeek V4's uncompressed rows) is a window, not a recurrent state.
    const windowRow = kind.cache.windowPerToken?.(mixer) ?? 0;
    if (perToken > 0 && span !== undefined) out.push({ kind: "window", label, tokens: span });
    else if (perToken === 0 && windowRow > 0) out.push({ kind: "window", label, tokens: Math.round(state / windowRow) });
    else if (perToken === 0 && state > 0) out.push({ kind: "state", label });
    else if (perToken === 0) out.push({ kind: "none", label });
  }
  return out;
}
