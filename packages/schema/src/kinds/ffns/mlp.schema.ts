/** The zod/mini schema of `MlpFfn` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, positiveInt, strict, activation } from "../schema-kit.js";

/** Schema of {@link MlpFfn}. */
export const MlpFfnSchema = strict({
  kind: z.literal("mlp"),
  hidden: positiveInt(),
  activation: activation(),
  gated: bool(),
  bias: z.optional(bool()),
});
