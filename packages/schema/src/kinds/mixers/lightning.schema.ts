/** The zod/mini schema of `LightningMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, positiveInt, ropeOverride, strict, QkNormSchema } from "../schema-kit.js";

/** Schema of {@link LightningMixer}. */
export const LightningMixerSchema = strict({
  kind: z.literal("lightning"),
  heads: positiveInt(),
  headDim: positiveInt(),
  bias: z.optional(bool()),
  qkNorm: z.optional(QkNormSchema),
  rope: ropeOverride(),
});
