/**
 * Small pieces several kinds share: q/k norm weights, the head-sharing name, RoPE switches.
 */
import type { QkNorm, RopeSettings } from "../spec-types.js";
import { formatInt } from "../format.js";

/** Weights of one q/k norm of `width` (0 for the parameter-free L2 norm). */
export function qkNormWeights(qkNorm: QkNorm | undefined, width: number): number {
  if (!qkNorm || qkNorm.kind === "l2") return 0;
  return (qkNorm.kind === "layernorm" && qkNorm.bias !== false ? 2 : 1) * width;
}

/** MHA, GQA or MQA for a mixer with query and key/value heads. */
export function headSharing(mixer: { heads: number; kvHeads: number }): "MHA" | "GQA" | "MQA" {
  if (mixer.kvHeads === mixer.heads) return "MHA";
  if (mixer.kvHeads === 1) return "MQA";
  return "GQA";
}

/** The long names of the head-sharing schemes. */
export const sharingNames = { MHA: "Multi-Head", GQA: "Grouped-Query", MQA: "Multi-Query" } as const;

/** True when a mixer switches RoPE off in a RoPE model (a NoPE layer). */
export const isNope = (rope: false | RopeSettings | undefined, modelRope: boolean): boolean => modelRope && rope === false;

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

/** No callout notes. */
export const noNotes = (): never[] => [];

/** Checks that a window fits the context; shared by windowed kinds. */
export function windowFitsContext(window: number | undefined, contextLength: number | null, path: (string | number)[]) {
  return window !== undefined && contextLength !== null && window > contextLength
    ? [{ path: [...path, "window"], message: `must not exceed the context length (${contextLength}), got ${window}` }]
    : [];
}
