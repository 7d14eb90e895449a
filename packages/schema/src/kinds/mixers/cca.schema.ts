/** The zod/mini schema of `CcaMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, positiveInt, strict } from "../schema-kit.js";

/** Schema of {@link CcaMixer}. */
export const CcaMixerSchema = strict({
  kind: z.literal("cca"),
  heads: positiveInt(),
  kvHeads: positiveInt(),
  headDim: positiveInt(),
  convKernel: positiveInt(),
  groupedConvKernel: positiveInt(),
  bias: z.optional(bool()),
});
