/**
 * Runtime validation of a {@link ModelSpec}, written with `zod/mini` so that browser bundles stay small.
 *
 * Structure is checked by the object schemas; relations between fields (kv heads divide heads, the
 * layer pattern adds up, names resolve, …) by {@link checkSpecRelations}, which reports each problem
 * at the path of the offending field.
 */
import * as z from "zod/mini";
import type * as T from "./spec-types.js";
import { countLayerPattern } from "./layers.js";

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

const got = (iss: { input?: unknown }): string => `got ${describeValue(iss.input)}`;

const positiveInt = () =>
  z.int({ error: (iss) => `expected a positive integer, ${got(iss)}` }).check(
    z.positive({ error: (iss) => `expected a positive integer, ${got(iss)}` }),
  );
const nonNegativeInt = () =>
  z.int({ error: (iss) => `expected a non-negative integer, ${got(iss)}` }).check(
    z.nonnegative({ error: (iss) => `expected a non-negative integer, ${got(iss)}` }),
  );
const positiveNumber = () =>
  z.number({ error: (iss) => `expected a positive number, ${got(iss)}` }).check(
    z.positive({ error: (iss) => `expected a positive number, ${got(iss)}` }),
  );
const finiteNumber = () => z.number({ error: (iss) => `expected a number, ${got(iss)}` });
const bool = () => z.boolean({ error: (iss) => `expected true or false, ${got(iss)}` });
const text = (max: number, min = 0) =>
  z.string({ error: (iss) => `expected a string, ${got(iss)}` }).check(
    z.minLength(min, { error: `must not be empty` }),
    z.maxLength(max, { error: `must be at most ${max} characters` }),
  );
const oneOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  z.enum(values, { error: (iss) => `expected one of ${values.join(", ")}, ${got(iss)}` });
export const strict = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map((k) => `"${k}"`).join(", ")}`
        : `expected an object, ${got(iss)}`,
  });

/** Regular expressions shared with the JSON Schema (`spec-types.ts` carries the same patterns). */
export const patterns = {
  modelId: /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/,
  definitionName: /^[A-Za-z][A-Za-z0-9_-]*$/,
  isoDate: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  url: /^https?:\/\/[^\s"'<>]+$/,
} as const;

const url = () =>
  z.string({ error: (iss) => `expected a URL, ${got(iss)}` }).check(
    z.regex(patterns.url, { error: (iss) => `expected an http(s) URL, ${got(iss)}` }),
  );
const modelId = () =>
  z.string({ error: (iss) => `expected a model id, ${got(iss)}` }).check(
    z.maxLength(80, { error: "must be at most 80 characters" }),
    z.regex(patterns.modelId, {
      error: (iss) => `expected a kebab-case id (a-z, 0-9, "-" or "."), ${got(iss)}`,
    }),
  );
const definitionName = () =>
  z.string({ error: (iss) => `expected a definition name, ${got(iss)}` }).check(
    z.maxLength(40, { error: "must be at most 40 characters" }),
    z.regex(patterns.definitionName, {
      error: (iss) => `expected a name of letters, digits, "_" or "-", ${got(iss)}`,
    }),
  );

export const SourceSchema = strict({
  url: url(),
  title: text(200, 1),
  covers: z.array(text(200, 1)).check(z.minLength(1, { error: "must name at least one spec path" })),
  via: z.optional(text(500)),
  note: z.optional(text(2000)),
});

export const ModelLinksSchema = strict({
  config: z.optional(url()),
  paper: z.optional(url()),
  modelCard: z.optional(url()),
  code: z.optional(url()),
  blog: z.optional(url()),
});

export const LicenseSchema = strict({ name: text(120, 1), url: z.optional(url()) });

export const paramComponents = [
  "embedding",
  "positionEmbedding",
  "perLayerEmbedding",
  "ngramEmbedding",
  "hyperConnections",
  "attention",
  "linearMixer",
  "ffn",
  "router",
  "routedExperts",
  "sharedExperts",
  "norms",
  "head",
  "mtp",
] as const satisfies readonly T.ParamComponent[];

const ParamScopeSchema = strict({
  excludes: z.optional(z.array(oneOf(paramComponents))),
  external: z.optional(
    z.array(strict({ label: text(120, 1), params: nonNegativeInt(), source: url() })),
  ),
});

export const OfficialParamsSchema = strict({
  total: positiveInt(),
  active: z.optional(positiveInt()),
  roundedTo: z.optional(positiveInt()),
  asWritten: text(200, 1),
  source: url(),
  scope: z.optional(ParamScopeSchema),
  activeScope: z.optional(ParamScopeSchema),
  note: z.optional(text(1000)),
  deviations: z.optional(z.array(strict({ figure: oneOf(["total", "active"]), explanation: text(2000, 1) }))),
});

const RopeScalingSchema = strict({
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

const ropeFields = {
  theta: z.optional(positiveNumber()),
  fraction: z.optional(
    positiveNumber().check(z.lte(1, { error: (iss) => `expected a fraction in (0, 1], ${got(iss)}` })),
  ),
  scaling: z.optional(RopeScalingSchema),
};
const RopeSettingsSchema = strict(ropeFields);
const ropeOverride = () =>
  z.optional(
    z.union([z.literal(false), RopeSettingsSchema], {
      error: (iss) => `expected false (NoPE) or RoPE settings, ${got(iss)}`,
    }),
  );

const PositionalSchema = strict({
  kind: oneOf(["rope", "learned", "alibi", "none"]),
  ...ropeFields,
});

const NormSchema = strict({
  kind: oneOf(["rmsnorm", "layernorm"]),
  bias: z.optional(bool()),
  placement: oneOf(["pre", "post", "sandwich", "parallel"]),
  eps: z.optional(positiveNumber()),
  zeroCentered: z.optional(bool()),
  affine: z.optional(bool()),
  parallelNorms: z.optional(z.union([z.literal(1), z.literal(2)], { error: (iss) => `expected 1 or 2, ${got(iss)}` })),
});

const EmbeddingSchema = strict({
  tied: bool(),
  scale: z.optional(
    z.union([z.literal("sqrt-d"), positiveNumber()], {
      error: (iss) => `expected "sqrt-d" or a positive number, ${got(iss)}`,
    }),
  ),
  norm: z.optional(bool()),
  headBias: z.optional(bool()),
  perLayer: z.optional(strict({ vocabSize: positiveInt(), dim: positiveInt() })),
  ngram: z.optional(strict({ vocabSize: positiveInt(), tables: z.optional(positiveInt()), dim: z.optional(positiveInt()) })),
});

const QkNormSchema = strict({
  kind: oneOf(["rmsnorm", "layernorm", "l2"]),
  bias: z.optional(bool()),
  scope: oneOf(["head", "all-heads"]),
});

const IndexerSchema = strict({ heads: positiveInt(), headDim: positiveInt(), topK: positiveInt() });

export const AttentionMixerSchema = strict({
  kind: z.literal("attention"),
  heads: positiveInt(),
  kvHeads: positiveInt(),
  headDim: positiveInt(),
  valueHeadDim: z.optional(positiveInt()),
  qkvBias: z.optional(bool()),
  outBias: z.optional(bool()),
  qkNorm: z.optional(QkNormSchema),
  window: z.optional(positiveInt()),
  chunk: z.optional(positiveInt()),
  rope: ropeOverride(),
  sinks: z.optional(bool()),
  outputGate: z.optional(oneOf(["elementwise", "headwise"])),
  sharedKV: z.optional(bool()),
  reusesKV: z.optional(bool()),
  logitSoftcap: z.optional(positiveNumber()),
});

export const MlaMixerSchema = strict({
  kind: z.literal("mla"),
  heads: positiveInt(),
  qLoraRank: z.nullable(positiveInt()),
  kvLoraRank: positiveInt(),
  qkNopeHeadDim: nonNegativeInt(),
  qkRopeHeadDim: nonNegativeInt(),
  vHeadDim: positiveInt(),
  bias: z.optional(bool()),
  rope: ropeOverride(),
  window: z.optional(positiveInt()),
  indexer: z.optional(IndexerSchema),
});

export const CompressedAttentionMixerSchema = strict({
  kind: z.literal("compressed-attention"),
  heads: positiveInt(),
  headDim: positiveInt(),
  ropeDim: nonNegativeInt(),
  qLoraRank: positiveInt(),
  outputGroups: positiveInt(),
  outputLoraRank: positiveInt(),
  window: positiveInt(),
  compressRatio: z.optional(positiveInt()),
  indexer: z.optional(IndexerSchema),
});

export const CcaMixerSchema = strict({
  kind: z.literal("cca"),
  heads: positiveInt(),
  kvHeads: positiveInt(),
  headDim: positiveInt(),
  convKernel: positiveInt(),
  groupedConvKernel: positiveInt(),
  bias: z.optional(bool()),
});

export const GatedDeltaNetMixerSchema = strict({
  kind: z.literal("gated-deltanet"),
  keyHeads: positiveInt(),
  valueHeads: positiveInt(),
  keyHeadDim: positiveInt(),
  valueHeadDim: positiveInt(),
  convKernel: positiveInt(),
});

export const KimiDeltaMixerSchema = strict({
  kind: z.literal("kimi-delta"),
  heads: positiveInt(),
  headDim: positiveInt(),
  convKernel: positiveInt(),
});

export const LightningMixerSchema = strict({
  kind: z.literal("lightning"),
  heads: positiveInt(),
  headDim: positiveInt(),
  bias: z.optional(bool()),
  qkNorm: z.optional(QkNormSchema),
  rope: ropeOverride(),
});

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

export const MlstmMixerSchema = strict({
  kind: z.literal("mlstm"),
  heads: positiveInt(),
  qkDim: positiveInt(),
  vDim: positiveInt(),
});

export const ShortConvMixerSchema = strict({
  kind: z.literal("short-conv"),
  convKernel: positiveInt(),
  bias: z.optional(bool()),
});

/** Mixer kinds known to this version of the schema. */
export const mixerKinds = [
  "attention",
  "mla",
  "compressed-attention",
  "cca",
  "gated-deltanet",
  "kimi-delta",
  "lightning",
  "mamba2",
  "mlstm",
  "short-conv",
] as const satisfies readonly T.Mixer["kind"][];

export const coreMixerSchemas = [
  AttentionMixerSchema,
  MlaMixerSchema,
  CompressedAttentionMixerSchema,
  CcaMixerSchema,
  GatedDeltaNetMixerSchema,
  KimiDeltaMixerSchema,
  LightningMixerSchema,
  Mamba2MixerSchema,
  MlstmMixerSchema,
  ShortConvMixerSchema,
] as const;

const activation = () => oneOf(["gelu", "gelu-tanh", "silu", "relu", "relu2", "swiglu-oai"]);

export const MlpFfnSchema = strict({
  kind: z.literal("mlp"),
  hidden: positiveInt(),
  activation: activation(),
  gated: bool(),
  bias: z.optional(bool()),
});

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
    }),
  ),
});

const ffnOptions = [MlpFfnSchema, MoeFfnSchema] as const;

/** Upper bound of numLayers, count and repeat: far above any real stack (~100 layers), low enough that no consumer has to defend itself. */
export const maxLayers = 10_000;
/** How deep layer groups may nest (real models use 1–2 levels). */
export const maxGroupDepth = 8;

const layerCount = () =>
  positiveInt().check(z.lte(maxLayers, { error: (iss) => `expected at most ${maxLayers}, ${got(iss)}` }));

const LayerSpecSchema = strict({
  mixer: z.optional(definitionName()),
  ffn: z.optional(definitionName()),
  count: z.optional(layerCount()),
});

interface LayerGroupSchemaType extends z.ZodMiniType<T.LayerGroup> {}
const LayerGroupSchema: LayerGroupSchemaType = strict({
  repeat: layerCount(),
  shortcut: z.optional(bool()),
  get layers() {
    return z.array(LayerEntrySchema).check(z.minLength(1, { error: "a group needs at least one layer" }));
  },
});
const LayerEntrySchema: z.ZodMiniType<T.LayerEntry> = z.union([LayerGroupSchema, LayerSpecSchema], {
  error: (iss) => `expected a layer {mixer, ffn, count} or a group {repeat, layers}, ${got(iss)}`,
});

const MtpSchema = strict({ layers: positiveInt(), mixer: definitionName(), ffn: definitionName() });

/** Builds the schema of the `architecture` object from mixer and FFN schemas (see {@link createSpecSchema}). */
export function architectureSchema<M extends z.ZodMiniType, F extends z.ZodMiniType>(mixer: M, ffn: F) {
  return strict({
    vocabSize: positiveInt(),
    contextLength: z.nullable(positiveInt()),
    dModel: positiveInt(),
    numLayers: layerCount(),
    embedding: EmbeddingSchema,
    positional: PositionalSchema,
    norm: NormSchema,
    mixers: z.record(definitionName(), mixer),
    ffns: z.record(definitionName(), ffn),
    layers: z.array(LayerEntrySchema).check(z.minLength(1, { error: "needs at least one layer" })),
    mtp: z.optional(MtpSchema),
    hyperConnections: z.optional(strict({ streams: positiveInt() })),
    finalLogitSoftcap: z.optional(positiveNumber()),
  });
}

/** A tagged union over `kind` whose error names the known kinds. */
export function kindUnion<const O extends readonly [z.ZodMiniType, ...z.ZodMiniType[]]>(
  what: string,
  options: O,
  kinds: readonly string[],
) {
  return z.discriminatedUnion("kind", options as never, {
    error: (iss) =>
      iss.code === "invalid_union" && typeof iss.input === "object" && iss.input !== null
        ? `unknown ${what} kind ${describeValue((iss.input as { kind?: unknown }).kind)}; expected one of ${kinds.join(", ")}`
        : `expected a ${what} object, ${got(iss)}`,
  }) as unknown as z.ZodMiniType<z.output<O[number]>>;
}

export const MixerSchema = kindUnion("mixer", coreMixerSchemas, mixerKinds);
export const FfnSchema = kindUnion("ffn", ffnOptions, ["mlp", "moe"]);
export const ArchitectureSchema = architectureSchema(MixerSchema, FfnSchema);

/** The fields of a model entry other than `architecture`. */
export const metadataShape = {
  $schema: z.optional(z.string()),
  id: modelId(),
  name: text(120, 1),
  org: z.optional(text(120, 1)),
  releaseDate: z.optional(
    z
      .string({ error: (iss) => `expected a date, ${got(iss)}` })
      .check(z.regex(patterns.isoDate, { error: (iss) => `expected a date YYYY-MM-DD, ${got(iss)}` })),
  ),
  license: z.optional(LicenseSchema),
  links: z.optional(ModelLinksSchema),
  officialParams: z.optional(OfficialParamsSchema),
  summary: z.optional(text(400)),
  keyDetail: z.optional(text(400)),
  derivedFrom: z.optional(modelId()),
  sources: z.optional(z.array(SourceSchema).check(z.minLength(1, { error: "needs at least one source" }))),
  galleryDifferences: z.optional(
    z.array(strict({ metric: oneOf(["kvCacheBytesPerToken", "params"]), explanation: text(2000, 1) })),
  ),
  notes: z.optional(z.array(text(2000))),
};

/** Issue collected by a relation check: a path below the spec root and a message. */
export interface RelationIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks relations between fields that the object schemas cannot express.
 * Works on any spec whose architecture has the core shape, including extended specs.
 */
export function checkSpecRelations(spec: T.ModelSpec): RelationIssue[] {
  const issues: RelationIssue[] = [];
  const arch = spec.architecture;
  const at = (...path: (string | number)[]) => ["architecture", ...path];

  for (const [name, mixer] of Object.entries(arch.mixers)) {
    const m = mixer as T.Mixer;
    if (m.kind === "attention") {
      if (m.kvHeads > m.heads) {
        issues.push({ path: at("mixers", name, "kvHeads"), message: `must not exceed heads (${m.heads}), got ${m.kvHeads}` });
      } else if (m.heads % m.kvHeads !== 0) {
        issues.push({ path: at("mixers", name, "kvHeads"), message: `must divide heads (${m.heads}), got ${m.kvHeads}` });
      }
      if (m.window !== undefined && arch.contextLength !== null && m.window > arch.contextLength) {
        issues.push({
          path: at("mixers", name, "window"),
          message: `must not exceed the context length (${arch.contextLength}), got ${m.window}`,
        });
      }
      if (m.window !== undefined && m.chunk !== undefined) {
        issues.push({ path: at("mixers", name, "chunk"), message: "a mixer is either sliding-window or chunked, not both" });
      }
      if (m.sharedKV && m.reusesKV) {
        issues.push({ path: at("mixers", name, "reusesKV"), message: "a layer that reuses another layer's KV cannot also share K and V" });
      }
    }
    if (m.kind === "gated-deltanet" && m.valueHeads % m.keyHeads !== 0) {
      issues.push({
        path: at("mixers", name, "valueHeads"),
        message: `must be a multiple of keyHeads (${m.keyHeads}), got ${m.valueHeads}`,
      });
    }
    if (m.kind === "mla" && m.window !== undefined && arch.contextLength !== null && m.window > arch.contextLength) {
      issues.push({
        path: at("mixers", name, "window"),
        message: `must not exceed the context length (${arch.contextLength}), got ${m.window}`,
      });
    }
  }

  for (const [name, ffn] of Object.entries(arch.ffns)) {
    const f = ffn as T.Ffn;
    if (f.kind === "moe") {
      if (f.activeExperts > f.experts) {
        issues.push({
          path: at("ffns", name, "activeExperts"),
          message: `must not exceed experts (${f.experts}), got ${f.activeExperts}`,
        });
      }
      const groups = f.router?.groups;
      if (groups !== undefined && f.experts % groups !== 0) {
        issues.push({ path: at("ffns", name, "router", "groups"), message: `must divide experts (${f.experts}), got ${groups}` });
      }
      const topk = f.router?.topkGroups;
      if (topk !== undefined && (groups === undefined || topk > groups)) {
        issues.push({
          path: at("ffns", name, "router", "topkGroups"),
          message: groups === undefined ? "needs router.groups" : `must not exceed groups (${groups}), got ${topk}`,
        });
      }
      if (f.sharedHidden !== undefined && !f.sharedExperts) {
        issues.push({ path: at("ffns", name, "sharedHidden"), message: "is set but sharedExperts is 0 or missing" });
      }
    }
  }

  const walk = (entries: T.LayerEntry[], path: (string | number)[]) => {
    entries.forEach((entry, i) => {
      if ("repeat" in entry) {
        walk(entry.layers, [...path, i, "layers"]);
        return;
      }
      if (entry.mixer === undefined && entry.ffn === undefined) {
        issues.push({ path: [...path, i], message: "a layer needs a mixer, an ffn, or both" });
      }
      if (entry.mixer !== undefined && !Object.hasOwn(arch.mixers, entry.mixer)) {
        issues.push({
          path: [...path, i, "mixer"],
          message: `unknown mixer "${entry.mixer}"; defined: ${Object.keys(arch.mixers).join(", ") || "none"}`,
        });
      }
      if (entry.ffn !== undefined && !Object.hasOwn(arch.ffns, entry.ffn)) {
        issues.push({
          path: [...path, i, "ffn"],
          message: `unknown ffn "${entry.ffn}"; defined: ${Object.keys(arch.ffns).join(", ") || "none"}`,
        });
      }
    });
  };
  walk(arch.layers, at("layers"));

  const total = countLayerPattern(arch.layers);
  if (total !== arch.numLayers) {
    issues.push({ path: at("layers"), message: `adds up to ${total} layers, but numLayers is ${arch.numLayers}` });
  }

  if (arch.mtp) {
    if (!Object.hasOwn(arch.mixers, arch.mtp.mixer)) issues.push({ path: at("mtp", "mixer"), message: `unknown mixer "${arch.mtp.mixer}"` });
    if (!Object.hasOwn(arch.ffns, arch.mtp.ffn)) issues.push({ path: at("mtp", "ffn"), message: `unknown ffn "${arch.mtp.ffn}"` });
  }

  const norm = arch.norm;
  if (norm.kind === "rmsnorm" && norm.bias) {
    issues.push({ path: at("norm", "bias"), message: "RMSNorm has no bias" });
  }
  if (arch.positional.kind === "learned" && arch.contextLength === null) {
    issues.push({
      path: at("contextLength"),
      message: "learned positions need a context length (the position table has one row per position)",
    });
  }
  if (arch.positional.kind !== "rope") {
    for (const key of ["theta", "fraction", "scaling"] as const) {
      if (arch.positional[key] !== undefined) {
        issues.push({ path: at("positional", key), message: `only applies to kind "rope", not "${arch.positional.kind}"` });
      }
    }
  }

  const official = spec.officialParams;
  if (official?.active !== undefined && official.active > official.total) {
    issues.push({
      path: ["officialParams", "active"],
      message: `must not exceed total (${official.total}), got ${official.active}`,
    });
  }
  return issues;
}

/** Adds {@link checkSpecRelations} to an object schema of a whole spec. */
export function withRelations<S extends z.ZodMiniType<T.ModelSpec>>(schema: S): S {
  return schema.check(
    z.superRefine((spec, ctx) => {
      for (const issue of checkSpecRelations(spec as T.ModelSpec)) {
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input: undefined });
      }
    }),
  ) as S;
}

/** The schema of one model entry, with relation checks. */
export const ModelSpecSchema = withRelations(
  strict({ ...metadataShape, architecture: ArchitectureSchema }) as unknown as z.ZodMiniType<T.ModelSpec>,
);

/** Type-level check that the zod schema and the documented interfaces describe the same shape. */
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Assert<V extends true> = V;
type StructuralSpec = z.output<ReturnType<typeof strict<typeof metadataShape & { architecture: typeof ArchitectureSchema }>>>;
export type _ArchitectureMatches = Assert<Equals<z.output<typeof ArchitectureSchema>, T.Architecture>>;
export type _MixerMatches = Assert<Equals<z.output<typeof MixerSchema>, T.Mixer>>;
export type _FfnMatches = Assert<Equals<z.output<typeof FfnSchema>, T.Ffn>>;
export type _SpecMatches = Assert<Equals<StructuralSpec, T.ModelSpec>>;
