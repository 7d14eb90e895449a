/** The zod/mini schema of `Mamba2Mixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, positiveInt, strict } from "../schema-kit.js";

/** Schema of {@link Mamba2Mixer}. */
export const Mamba2MixerSchema = strict({
  kind: z.literal("mamba2"),
  heads: positiveInt(),
  headDim: positiveInt(),
  stateSize: positiveInt(),
  groups: positiveInt(),
  convKernel: positiveInt(),
  bias: z.optional(bool()),
  convBias: z.optional(bool()),
});
