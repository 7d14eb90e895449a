/** The zod/mini schema of `MlstmMixer` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { positiveInt, strict } from "../schema-kit.js";

/** Schema of {@link MlstmMixer}. */
export const MlstmMixerSchema = strict({
  kind: z.literal("mlstm"),
  heads: positiveInt(),
  qkDim: positiveInt(),
  vDim: positiveInt(),
});
