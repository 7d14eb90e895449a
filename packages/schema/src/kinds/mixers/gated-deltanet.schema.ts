/** The zod/mini schema of `GatedDeltaNetMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { positiveInt, strict } from "../schema-kit.js";

/** Schema of {@link GatedDeltaNetMixer}. */
export const GatedDeltaNetMixerSchema = strict({
  kind: z.literal("gated-deltanet"),
  keyHeads: positiveInt(),
  valueHeads: positiveInt(),
  keyHeadDim: positiveInt(),
  valueHeadDim: positiveInt(),
  convKernel: positiveInt(),
});
