/** The zod/mini schema of `Csa2Mixer` (checked against the interface in `schemas.ts`). */
import * as z from "zod/mini";
import { nonNegativeInt, oneOf, positiveInt, strict, IndexerSchema } from "../schema-kit.js";

/** Schema of {@link Csa2Mixer}. */
export const Csa2MixerSchema = strict({
  kind: z.literal("csa2"),
  heads: positiveInt(),
  headDim: positiveInt(),
  ropeDim: nonNegativeInt(),
  qLoraRank: positiveInt(),
  outputGroups: positiveInt(),
  outputLoraRank: positiveInt(),
  window: positiveInt(),
  compressRatio: z.optional(positiveInt()),
  mode: z.optional(oneOf(["full", "reindex", "reuse"])),
  indexer: z.optional(IndexerSchema),
  candidates: z.optional(strict({ blocks: positiveInt(), blockSize: positiveInt() })),
});
