/** The zod/mini schema of `MoeFfn` (checked against the interface in `spec-schema.ts`). */
import * as z from "zod/mini";
import { bool, nonNegativeInt, oneOf, positiveInt, positiveNumber, strict, activation } from "../schema-kit.js";

/** Schema of {@link MoeFfn}. */
export const MoeFfnSchema = strict({
  kind: z.literal("moe"),
  experts: positiveInt(),
  activeExperts: positiveInt(),
  expertHidden: positiveInt(),
  sharedExperts: z.optional(nonNegativeInt()),
  sharedHidden: z.optional(positiveInt()),
  sharedGate: z.optional(bool()),
  activation: activation(),
  gated: bool(),
  bias: z.optional(bool()),
  latent: z.optional(positiveInt()),
  latentNorm: z.optional(bool()),
  zeroExperts: z.optional(nonNegativeInt()),
  router: z.optional(
    strict({
      scoring: z.optional(oneOf(["softmax", "sigmoid", "sqrtsoftplus"])),
      hash: z.optional(bool()),
      mlpHidden: z.optional(positiveInt()),
      bias: z.optional(bool()),
      groups: z.optional(positiveInt()),
      topkGroups: z.optional(positiveInt()),
      routedScale: z.optional(positiveNumber()),
      inputScale: z.optional(bool()),
      expertScale: z.optional(bool()),
    }),
  ),
  branchNorms: z.optional(positiveInt()),
});
