/** The zod/mini schema of `MiniMaxSparseMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, nonNegativeInt, positiveInt, ropeOverride, strict, QkNormSchema } from "../schema-kit.js";

/** Schema of {@link MiniMaxSparseMixer}. */
export const MiniMaxSparseMixerSchema = strict({
  kind: z.literal("minimax-sparse"),
  heads: positiveInt(),
  kvHeads: positiveInt(),
  headDim: positiveInt(),
  valueHeadDim: z.optional(positiveInt()),
  qkvBias: z.optional(bool()),
  outBias: z.optional(bool()),
  qkNorm: z.optional(QkNormSchema),
  rope: ropeOverride(),
  sinks: z.optional(bool()),
  indexer: strict({
    heads: positiveInt(),
    headDim: positiveInt(),
    blockSize: positiveInt(),
    topKBlocks: positiveInt(),
    localBlocks: z.optional(nonNegativeInt()),
  }),
});
