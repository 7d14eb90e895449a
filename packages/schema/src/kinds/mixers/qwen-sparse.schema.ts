/** The zod/mini schema of `QwenSparseMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, oneOf, positiveInt, ropeOverride, strict, QkNormSchema } from "../schema-kit.js";

/** Schema of {@link QwenSparseMixer}. */
export const QwenSparseMixerSchema = strict({
  kind: z.literal("qwen-sparse"),
  heads: positiveInt(),
  kvHeads: positiveInt(),
  headDim: positiveInt(),
  valueHeadDim: z.optional(positiveInt()),
  qkvBias: z.optional(bool()),
  outBias: z.optional(bool()),
  qkNorm: z.optional(QkNormSchema),
  rope: ropeOverride(),
  outputGate: z.optional(oneOf(["elementwise", "headwise"])),
  indexer: strict({
    heads: positiveInt(),
    headDim: positiveInt(),
    blockSize: positiveInt(),
    topKBlocks: positiveInt(),
  }),
});
