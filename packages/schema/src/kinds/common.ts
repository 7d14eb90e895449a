/**
 * Small pieces several kinds share in their first-paint facets: q/k norm weights, the head-sharing name, names.
 */
import type { QkNorm, RopeSettings, SparseIndexer } from "../spec-types.js";

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

/** No callout notes. */
export const noNotes = (): never[] => [];

/** The naming facets of a kind whose names do not depend on its fields: one name, one title. */
export function fixedNames(name: string, title: string, comboTitle = title) {
  return {
    label: () => name,
    attentionLabel: () => name,
    shortName: () => name,
    title: () => title,
    comboTitle: () => comboTitle,
    groupTitle: () => undefined,
    calloutNotes: noNotes,
  };
}

/** The indexer a layer runs itself: undefined when it has none or reuses another layer's top-k (`shared`). */
export const ownIndexer = (indexer: SparseIndexer | undefined): SparseIndexer | undefined =>
  indexer && !indexer.shared ? indexer : undefined;

/** The `rotary` facet of a mixer with a `rope` override: `false` is NoPE, absent is the model's settings. */
export const ropeOverrideOf = (m: { rope?: false | RopeSettings }): false | RopeSettings => (m.rope === false ? false : (m.rope ?? {}));

/** The `rotary` facet of a mixer without positional input (recurrent and convolution mixers). */
export const noRotary = (): undefined => undefined;
