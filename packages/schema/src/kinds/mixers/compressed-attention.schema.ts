/** The zod/mini schema of `CompressedAttentionMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { nonNegativeInt, positiveInt, strict, IndexerSchema } from "../schema-kit.js";

/** Fields of `CompressedAttentionCore`, shared with the CSA2 schema. */
export const compressedAttentionCoreFields = {
  heads: positiveInt(),
  headDim: positiveInt(),
  ropeDim: nonNegativeInt(),
  qLoraRank: positiveInt(),
  outputGroups: positiveInt(),
  outputLoraRank: positiveInt(),
  window: positiveInt(),
  compressRatio: z.optional(positiveInt()),
};

/** Schema of {@link CompressedAttentionMixer}. */
export const CompressedAttentionMixerSchema = strict({
  kind: z.literal("compressed-attention"),
  ...compressedAttentionCoreFields,
  indexer: z.optional(IndexerSchema),
});
