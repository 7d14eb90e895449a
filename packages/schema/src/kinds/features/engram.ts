/**
 * Engram conditional memory (DeepSeek V4.1): at a few layers, the n-grams ending at each token are hashed into a
 * large table and the rows found are written into the hyper-connection streams through a gate.
 *
 * Per module (NVIDIA NeMo Automodel `deepseek_v41/engram.py`, `DeepseekV41Engram`, ported from the release's
 * `inference/engram.py`): the table `embed` (rows × dim, looked up, not multiplied); `wkv`, one bias-free linear
 * from the (maxNgram − 1)·heads looked-up rows concatenated to one key per stream plus a shared value
 * ((maxNgram − 1)·heads·dim → (streams + 1)·dModel); and the gate's `q_weight` and `k_weight` (streams × dModel each).
 */
import type { BlockFeature } from "../mixer-kind.js";
import type { Architecture, NonNegativeInt, PositiveInt } from "../../spec-types.js";

/** Engram memory modules at some layers of the stack (DeepSeek V4.1). */
export interface EngramMemory {
  /**
   * The 0-based layers that carry a module, ascending.
   * @minItems 1
   */
  layers: NonNegativeInt[];
  /**
   * Rows of each module's table (the sum of its prime-sized hash buckets), one per entry of `layers`.
   * @minItems 1
   */
  rows: PositiveInt[];
  /** Largest n-gram order: the orders 2 … maxNgram ending at each token are hashed. */
  maxNgram: PositiveInt;
  /** Hash heads per n-gram order (each looks up one row). */
  heads: PositiveInt;
  /** Width of one table row. */
  dim: PositiveInt;
}

/** Rows every token looks up in one module: one per n-gram order and hash head. */
export const engramRowsPerToken = (e: EngramMemory): number => (e.maxNgram - 1) * e.heads;

/** Weights one module multiplies per token: `wkv` and the gate's q/k weights. */
export function engramProjectionParams(e: EngramMemory, arch: Pick<Architecture, "dModel" | "hyperConnections">): number {
  const streams = arch.hyperConnections?.streams ?? 1;
  return engramRowsPerToken(e) * e.dim * (streams + 1) * arch.dModel + 2 * streams * arch.dModel;
}

/** Rows × width of every module's table (the looked-up part). */
export const engramTableParams = (e: EngramMemory): number => e.rows.reduce((a, r) => a + r * e.dim, 0);

export const engram = {
  id: "engram",
  params(arch, _ctx, add) {
    const e = arch.engram;
    if (!e) return;
    // Counted with the n-gram tables: the tables are looked up (not active), the projections are multiplied.
    const projections = e.layers.length * engramProjectionParams(e, arch);
    add("ngramEmbedding", engramTableParams(e) + projections, projections);
  },
} satisfies BlockFeature;
