/**
 * Helpers of the kinds' details (the `*.details.ts` modules: true cache, FLOPs, concept tags, popover rows,
 * relation checks), kept apart from the helpers the figure needs.
 */
import { formatInt } from "../format.js";
import type { Activation, RopeSettings, SparseIndexer } from "../spec-types.js";
import { ownIndexer } from "./common.js";

/** `1,024 tokens`. */
export const tokens = (n: number): string => `${formatInt(n)} tokens`;

/** Collects popover rows, skipping absent values and formatting integers. */
export function rows(): { add(label: string, value: number | string | undefined | null): void; rows: [string, string][] } {
  const out: [string, string][] = [];
  return {
    add(label, value) {
      if (value !== undefined && value !== null) out.push([label, typeof value === "number" ? formatInt(value) : value]);
    },
    rows: out,
  };
}

/** The `withDefaults` of a kind without optional fields that have defaults: the object as written. */
export const asWritten = <T>(x: T): T => x;

/** No relation issues. */
export const noRelations = (): never[] => [];

/** Checks that a window fits the context; shared by windowed kinds. */
export function windowFitsContext(window: number | undefined, contextLength: number | null, path: (string | number)[]) {
  return window !== undefined && contextLength !== null && window > contextLength
    ? [{ path: [...path, "window"], message: `must not exceed the context length (${contextLength}), got ${window}` }]
    : [];
}

/** `silu (gated)`. */
export const activationText = (f: { activation: Activation; gated: boolean }): string => `${f.activation}${f.gated ? " (gated)" : ""}`;

/** `32 heads × 128, top-2,048`; for a layer that reuses another layer's selection, says so. */
export const indexerFact = (ix: SparseIndexer): string =>
  ix.shared
    ? `none of its own: reuses the top-${formatInt(ix.topK)} of the last layer with an indexer`
    : `${ix.heads} heads × ${ix.headDim}, top-${formatInt(ix.topK)}`;

/** True when a mixer switches RoPE off in a RoPE model (a NoPE layer). */
export const isNope = (rope: false | RopeSettings | undefined, modelRope: boolean): boolean => modelRope && rope === false;

/**
 * Multiply-adds of a lightning indexer scoring `tokens` earlier positions for one query: one dot product per
 * indexer head and key, then the heads' weighted sum (DeepSeek V3.2 `Indexer.forward`: `einsum(q, k)`, ReLU,
 * times `weights_proj`, summed over heads). 0 for a layer without an indexer of its own.
 */
export function indexerScoringMacs(indexer: SparseIndexer | undefined, tokens: number): number {
  const own = ownIndexer(indexer);
  return own ? own.heads * (own.headDim + 1) * tokens : 0;
}
