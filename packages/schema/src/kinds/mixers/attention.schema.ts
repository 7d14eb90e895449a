/** The zod/mini schema of `AttentionMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, oneOf, positiveInt, positiveNumber, ropeOverride, strict, IndexerSchema, QkNormSchema } from "../schema-kit.js";

/** Schema of {@link AttentionMixer}. */
export const AttentionMixerSchema = strict({
  kind: z.literal("attention"),
  heads: positiveInt(),
  kvHeads: positiveInt(),
  headDim: positiveInt(),
  valueHeadDim: z.optional(positiveInt()),
  qkvBias: z.optional(bool()),
  outBias: z.optional(bool()),
  qkNorm: z.optional(QkNormSchema),
  window: z.optional(positiveInt()),
  chunk: z.optional(positiveInt()),
  rope: ropeOverride(),
  sinks: z.optional(bool()),
  outputGate: z.optional(oneOf(["elementwise", "headwise"])),
  sharedKV: z.optional(bool()),
  reusesKV: z.optional(bool()),
  kvWeights: z.optional(bool()),
  logitSoftcap: z.optional(positiveNumber()),
  relativeBias: z.optional(strict({ dim: positiveInt(), extent: positiveInt() })),
  indexer: z.optional(IndexerSchema),
});
