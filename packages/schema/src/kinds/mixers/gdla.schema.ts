/** The zod/mini schema of `GdlaMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { nonNegativeInt, oneOf, positiveInt, ropeOverride, strict } from "../schema-kit.js";

/** Schema of {@link GdlaMixer}. */
export const GdlaMixerSchema = strict({
  kind: z.literal("gdla"),
  heads: positiveInt(),
  noiseHeads: positiveInt(),
  kvHeads: positiveInt(),
  qLoraRank: positiveInt(),
  kvLoraRank: positiveInt(),
  qkNopeHeadDim: nonNegativeInt(),
  qkRopeHeadDim: nonNegativeInt(),
  vHeadDim: positiveInt(),
  outputGate: z.optional(oneOf(["elementwise"])),
  rope: ropeOverride(),
  window: z.optional(positiveInt()),
  cachedAs: z.optional(oneOf(["latent", "keys-values"])),
});
