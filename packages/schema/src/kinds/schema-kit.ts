/**
 * The zod/mini building blocks of the spec schema, with error messages that name what was expected and what
 * was received. Shared by `spec-schema.ts` and the kinds' schemas (the `*.schema.ts` modules beside each kind).
 */
import * as z from "zod/mini";

/** Renders a received value compactly for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export const got = (iss: { input?: unknown }): string => `got ${describeValue(iss.input)}`;

export const positiveInt = () =>
  z
    .int({ error: (iss) => `expected a positive integer, ${got(iss)}` })
    .check(z.positive({ error: (iss) => `expected a positive integer, ${got(iss)}` }));
export const nonNegativeInt = () =>
  z
    .int({ error: (iss) => `expected a non-negative integer, ${got(iss)}` })
    .check(z.nonnegative({ error: (iss) => `expected a non-negative integer, ${got(iss)}` }));
export const positiveNumber = () =>
  z
    .number({ error: (iss) => `expected a positive number, ${got(iss)}` })
    .check(z.positive({ error: (iss) => `expected a positive number, ${got(iss)}` }));
export const finiteNumber = () => z.number({ error: (iss) => `expected a number, ${got(iss)}` });
export const bool = () => z.boolean({ error: (iss) => `expected true or false, ${got(iss)}` });
export const text = (max: number, min = 0) =>
  z
    .string({ error: (iss) => `expected a string, ${got(iss)}` })
    .check(z.minLength(min, { error: `must not be empty` }), z.maxLength(max, { error: `must be at most ${max} characters` }));
export const oneOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  z.enum(values, { error: (iss) => `expected one of ${values.join(", ")}, ${got(iss)}` });
export const strict = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map((k) => `"${k}"`).join(", ")}`
        : `expected an object, ${got(iss)}`,
  });

export const RopeScalingSchema = strict({
  type: oneOf(["linear", "dynamic", "yarn", "llama3", "longrope", "su", "ntk", "default"]),
  factor: z.optional(positiveNumber()),
  originalContext: z.optional(positiveInt()),
  lowFreqFactor: z.optional(finiteNumber()),
  highFreqFactor: z.optional(finiteNumber()),
  betaFast: z.optional(finiteNumber()),
  betaSlow: z.optional(finiteNumber()),
  mscale: z.optional(finiteNumber()),
  mscaleAllDim: z.optional(finiteNumber()),
});

export const ropeFields = {
  theta: z.optional(positiveNumber()),
  fraction: z.optional(positiveNumber().check(z.lte(1, { error: (iss) => `expected a fraction in (0, 1], ${got(iss)}` }))),
  scaling: z.optional(RopeScalingSchema),
};
export const RopeSettingsSchema = strict(ropeFields);
export const ropeOverride = () =>
  z.optional(
    z.union([z.literal(false), RopeSettingsSchema], {
      error: (iss) => `expected false (NoPE) or RoPE settings, ${got(iss)}`,
    }),
  );

export const QkNormSchema = strict({
  kind: oneOf(["rmsnorm", "layernorm", "l2"]),
  bias: z.optional(bool()),
  scope: oneOf(["head", "all-heads"]),
});

export const IndexerSchema = strict({ heads: positiveInt(), headDim: positiveInt(), topK: positiveInt(), shared: z.optional(bool()) });

/** The activation functions of feed-forward layers. */
export const activation = () => oneOf(["gelu", "gelu-tanh", "silu", "relu", "relu2", "swiglu-oai", "situ", "polynorm"]);
