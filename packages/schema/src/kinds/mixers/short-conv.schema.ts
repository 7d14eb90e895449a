/** The zod/mini schema of `ShortConvMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, positiveInt, strict } from "../schema-kit.js";

/** Schema of {@link ShortConvMixer}. */
export const ShortConvMixerSchema = strict({
  kind: z.literal("short-conv"),
  convKernel: positiveInt(),
  bias: z.optional(bool()),
});
