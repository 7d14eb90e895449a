/** The zod/mini schema of `CompressedAttentionMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { nonNegativeInt, positiveInt, strict, IndexerSchema } from "../schema-kit.js";

/** Schema of {@link CompressedAttentionMixer}. */
export const CompressedAttentionMixerSchema = strict({
  kind: z.literal("compressed-attention"),
  heads: positiveInt(),
  headDim: positiveInt(),
  ropeDim: nonNegativeInt(),
  qLoraRank: positiveInt(),
  outputGroups: positiveInt(),
  outputLoraRank: positiveInt(),
  window: positiveInt(),
  compressRatio: z.optional(positiveInt()),
  indexer: z.optional(IndexerSchema),
});
