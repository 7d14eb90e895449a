/**
 * Looped depth (Ouro, Nanbeige 4.2): the whole layer stack runs several times per token with the same weights.
 *
 * The weights are stored once, so the parameter count does not change. Every pass keeps its own keys and values
 * (Ouro's cache slot is `pass × layers + layer`, Nanbeige's `layer + pass × layers`), so the KV cache, any recurrent
 * state and the stack's multiplies grow with the number of passes.
 */
import type { BlockFeature } from "../mixer-kind.js";
import type { LayerCount } from "../../spec-types.js";

/** The layer stack reused for several passes with shared weights. */
export interface LoopedDepth {
  /** How many times a token runs through the whole layer stack (2 or more); the weights are the same each time. */
  passes: LayerCount;
  /**
   * The final norm is also applied between passes (its weights reused), so each pass starts from a normalised
   * stream (Ouro; Nanbeige's `skip_loop_final_norm: false`). Adds no parameters.
   */
  normBetweenPasses?: boolean;
}

export const loopedDepth = {
  id: "looped-depth",
  // Shared weights: nothing beyond the stack counted once.
  params: () => {},
  stackPasses: (arch) => arch.loop?.passes ?? 1,
} satisfies BlockFeature;
