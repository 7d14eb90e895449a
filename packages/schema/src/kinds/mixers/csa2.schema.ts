/** The zod/mini schema of `Csa2Mixer` (checked against the interface in `schemas.ts`). */
import * as z from "zod/mini";
import { oneOf, positiveInt, strict, IndexerSchema } from "../schema-kit.js";
import { compressedAttentionCoreFields } from "./compressed-attention.schema.js";

/** Schema of {@link Csa2Mixer}. */
export const Csa2MixerSchema = strict({
  kind: z.literal("csa2"),
  ...compressedAttentionCoreFields,
  mode: z.optional(oneOf(["full", "reindex", "reuse"])),
  indexer: z.optional(IndexerSchema),
  candidates: z.optional(strict({ blocks: positiveInt(), blockSize: positiveInt() })),
});
