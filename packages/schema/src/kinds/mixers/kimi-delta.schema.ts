/** The zod/mini schema of `KimiDeltaMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { oneOf, positiveInt, strict } from "../schema-kit.js";

/** Schema of {@link KimiDeltaMixer}. */
export const KimiDeltaMixerSchema = strict({
  kind: z.literal("kimi-delta"),
  heads: positiveInt(),
  headDim: positiveInt(),
  convKernel: positiveInt(),
  outputGate: z.optional(oneOf(["low-rank", "full-rank"])),
  outputGateBias: z.optional(z.boolean()),
  decayGate: z.optional(oneOf(["low-rank", "full-rank"])),
});
