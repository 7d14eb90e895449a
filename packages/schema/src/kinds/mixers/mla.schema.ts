/** The zod/mini schema of `MlaMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, nonNegativeInt, oneOf, positiveInt, ropeOverride, strict, IndexerSchema } from "../schema-kit.js";

/** Schema of {@link MlaMixer}. */
export const MlaMixerSchema = strict({
  kind: z.literal("mla"),
  heads: positiveInt(),
  qLoraRank: z.nullable(positiveInt()),
  kvLoraRank: positiveInt(),
  qkNopeHeadDim: nonNegativeInt(),
  qkRopeHeadDim: nonNegativeInt(),
  vHeadDim: positiveInt(),
  bias: z.optional(bool()),
  rope: ropeOverride(),
  window: z.optional(positiveInt()),
  indexer: z.optional(IndexerSchema),
  outputGate: z.optional(oneOf(["elementwise", "headwise"])),
});
