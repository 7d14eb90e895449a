/**
 * Helpers of the kinds' popover rows and relation checks (the `*.details.ts` modules), kept apart from the
 * helpers the figure needs.
 */
import { formatInt } from "../format.js";
import type { Activation, SparseIndexer } from "../spec-types.js";

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
