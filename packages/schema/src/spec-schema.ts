/**
 * Runtime validation of a {@link ModelSpec}, written with `zod/mini` so that browser bundles stay small.
 *
 * Structure is checked by the object schemas; relations between fields (kv heads divide heads, the
 * layer pattern adds up, names resolve, …) by {@link checkSpecRelations}, which reports each problem
 * at the path of the offending field.
 */
import * as z from "zod/mini";
import type * as T from "./spec-types.js";
import { linkUrlPattern } from "./url.js";
import { countBlocks, countLayerPattern, maxLayers, tooManyBlocks } from "./layers.js";
import {
  bool,
  describeValue,
  got,
  nonNegativeInt,
  oneOf,
  positiveInt,
  positiveNumber,
  ropeFields,
  strict,
  text,
} from "./kinds/schema-kit.js";
import { coreFfnSchemas, coreMixerSchemas, ffnKinds, mixerKinds } from "./kinds/schemas.js";
import { resolveKinds, type KindOptions } from "./kinds/registry.js";
import { ffnKindDetails, mixerKindDetails } from "./kinds/details.js";
import { engramRelations } from "./kinds/features/engram.details.js";
import { causalEncoderDecoderRelations } from "./kinds/features/causal-encoder-decoder.details.js";

export { describeValue, strict } from "./kinds/schema-kit.js";
export { coreMixerSchemas, mixerKinds } from "./kinds/schemas.js";
export * from "./kinds/schemas.js";

/** Regular expressions shared with the JSON Schema (`spec-types.ts` carries the same patterns). */
export const patterns = {
  modelId: /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/,
  definitionName: /^[A-Za-z][A-Za-z0-9_-]*$/,
  isoDate: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  url: linkUrlPattern,
} as const;

const url = () =>
  z
    .string({ error: (iss) => `expected a URL, ${got(iss)}` })
    .check(
      z.maxLength(2048, { error: "must be at most 2048 characters" }),
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

/** Schema of one cited source (`sources[]`): its public URL, title, the spec paths it covers, the copy it was read through. */
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

/** Schema of the licence: its name and, optionally, its public URL. */
export const LicenseSchema = strict({ name: text(120, 1), url: z.optional(url()) });

/** The components a parameter count is broken down into (`countParams().breakdown` keys), in display order. */
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
  external: z.optional(z.array(strict({ label: text(120, 1), params: nonNegativeInt(), source: url() }))),
  countsLookups: z.optional(z.boolean()),
});

/** Schema of the creators' own parameter figure (`officialParams`), with its scope and any written deviation. */
export const OfficialParamsSchema = strict({
  total: positiveInt(),
  active: z.optional(positiveInt()),
  activePrefill: z.optional(positiveInt()),
  parts: z.optional(
    z
      .array(
        strict({
          label: text(120, 1),
          total: positiveInt(),
          roundedTo: z.optional(positiveInt()),
          components: z.array(oneOf(paramComponents)).check(z.minLength(1)),
        }),
      )
      .check(z.maxLength(8)),
  ),
  roundedTo: z.optional(positiveInt()),
  asWritten: text(200, 1),
  source: url(),
  sizeClass: z.optional(bool()),
  scope: z.optional(ParamScopeSchema),
  activeScope: z.optional(ParamScopeSchema),
  note: z.optional(text(1000)),
  deviations: z.optional(z.array(strict({ figure: oneOf(["total", "active", "activePrefill"]), explanation: text(2000, 1) }))),
});

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
  ngram: z.optional(
    strict({
      vocabSize: positiveInt(),
      tables: z.optional(positiveInt()),
      dim: z.optional(positiveInt()),
      streamInjection: z.optional(strict({ heads: positiveInt(), convKernel: positiveInt() })),
    }),
  ),
});

export { maxLayers };
/** How deep layer groups may nest (real models use 1–2 levels). */
export const maxGroupDepth = 8;

const layerCount = () => positiveInt().check(z.lte(maxLayers, { error: (iss) => `expected at most ${maxLayers}, ${got(iss)}` }));

const LayerSpecSchema = strict({
  mixer: z.optional(definitionName()),
  ffn: z.optional(definitionName()),
  count: z.optional(layerCount()),
});
// A group's keys on a layer fail the layer option outright, so that a group whose inner entries are broken is
// reported at those entries (the deeper option) rather than as a layer with unknown fields.
const groupKeysAbsent = z.custom<unknown>((v) => !(typeof v === "object" && v !== null && ("repeat" in v || "layers" in v)), {
  error: "a group {repeat, layers}, not a layer",
  abort: true,
});
const LayerOnlySchema = z.pipe(groupKeysAbsent, LayerSpecSchema) as unknown as typeof LayerSpecSchema;

interface LayerGroupSchemaType extends z.ZodMiniType<T.LayerGroup> {}
const LayerGroupSchema: LayerGroupSchemaType = strict({
  repeat: layerCount(),
  shortcut: z.optional(bool()),
  get layers() {
    return z.array(LayerEntrySchema).check(z.minLength(1, { error: "a group needs at least one layer" }));
  },
});
const LayerEntrySchema: z.ZodMiniType<T.LayerEntry> = z.union([LayerGroupSchema, LayerOnlySchema], {
  error: (iss) => `expected a layer {mixer, ffn, count} or a group {repeat, layers}, ${got(iss)}`,
});

const MtpSchema = strict({
  layers: positiveInt(),
  mixer: definitionName(),
  ffn: definitionName(),
  hiddenNorm: z.optional(bool()),
  hyperConnections: z.optional(bool()),
});

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
    hyperConnections: z.optional(
      strict({
        streams: positiveInt(),
        form: z.optional(oneOf(["manifold", "single-pass", "independent", "low-rank"])),
        rank: z.optional(positiveInt()),
        streamNorm: z.optional(bool()),
        readout: z.optional(oneOf(["contraction", "mean"])),
      }),
    ),
    loop: z.optional(strict({ passes: layerCount(), normBetweenPasses: z.optional(bool()) })),
    engram: z.optional(
      strict({
        layers: z.array(nonNegativeInt()).check(z.minLength(1), z.maxLength(maxLayers)),
        rows: z.array(positiveInt()).check(z.minLength(1), z.maxLength(maxLayers)),
        maxNgram: positiveInt(),
        heads: positiveInt(),
        dim: positiveInt(),
      }),
    ),
    encoderDecoder: z.optional(strict({ encoderLayers: layerCount(), decoderReplay: z.optional(positiveInt()) })),
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

/** Schema of one mixer definition: the union of every core mixer kind's schema, told apart by `kind`. */
export const MixerSchema = kindUnion("mixer", coreMixerSchemas, mixerKinds);
/** Schema of one feed-forward definition (`mlp` or `moe`), told apart by `kind`. */
export const FfnSchema = kindUnion("ffn", coreFfnSchemas, ffnKinds);
/** Schema of the `architecture` block of a spec over the core mixer and FFN kinds. */
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
  galleryDifferences: z.optional(z.array(strict({ metric: oneOf(["kvCacheBytesPerToken", "params"]), explanation: text(2000, 1) }))),
  notes: z.optional(z.array(text(2000))),
};

/** Issue collected by a relation check: a path below the spec root and a message. */
export type { RelationIssue } from "./kinds/mixer-kind.js";
import type { RelationIssue } from "./kinds/mixer-kind.js";

/**
 * Checks relations between fields that the object schemas cannot express.
 * Works on any spec whose architecture has the core shape, including extended specs.
 */
export function checkSpecRelations(spec: T.ModelSpec, options?: KindOptions): RelationIssue[] {
  const issues: RelationIssue[] = [];
  const arch = spec.architecture;
  const at = (...path: (string | number)[]) => ["architecture", ...path];

  // Each kind checks its own fields (see `kinds/`); unknown kinds were rejected by the schema, or belong to an
  // extension whose definition the caller passes.
  const registry = resolveKinds(options);
  for (const [name, mixer] of Object.entries(arch.mixers)) {
    issues.push(...(mixerKindDetails(mixer, registry)?.relations(mixer, arch, at("mixers", name)) ?? []));
  }
  for (const [name, ffn] of Object.entries(arch.ffns)) {
    issues.push(...(ffnKindDetails(ffn)?.relations(ffn, at("ffns", name)) ?? []));
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

  const blocks = countBlocks(arch.layers);
  const total = countLayerPattern(arch.layers);
  if (blocks > maxLayers)
    issues.push({ path: at("layers"), message: `${tooManyBlocks(blocks)} (a shortcut group counts every block it holds)` });
  else if (total !== arch.numLayers) {
    issues.push({ path: at("layers"), message: `adds up to ${total} layers, but numLayers is ${arch.numLayers}` });
  }

  if (arch.mtp) {
    if (!Object.hasOwn(arch.mixers, arch.mtp.mixer))
      issues.push({ path: at("mtp", "mixer"), message: `unknown mixer "${arch.mtp.mixer}"` });
    if (!Object.hasOwn(arch.ffns, arch.mtp.ffn)) issues.push({ path: at("mtp", "ffn"), message: `unknown ffn "${arch.mtp.ffn}"` });
  }

  const ngram = arch.embedding.ngram;
  if (ngram?.streamInjection) {
    if (ngram.dim === undefined)
      issues.push({ path: at("embedding", "ngram", "dim"), message: "an n-gram stream injection needs the row width of its table" });
    if ((ngram.tables ?? 1) !== 1)
      issues.push({ path: at("embedding", "ngram", "tables"), message: `an n-gram stream injection reads one table, got ${ngram.tables}` });
    if (!arch.hyperConnections)
      issues.push({
        path: at("embedding", "ngram", "streamInjection"),
        message: "injects into hyper-connection streams, but the architecture has no hyperConnections",
      });
  }
  const hc = arch.hyperConnections;
  if (hc) {
    if (hc.form === "low-rank" && hc.rank === undefined)
      issues.push({ path: at("hyperConnections", "rank"), message: 'the "low-rank" form needs its bottleneck rank' });
    if (hc.form !== "low-rank" && hc.rank !== undefined)
      issues.push({ path: at("hyperConnections", "rank"), message: `only applies to form "low-rank", not "${hc.form ?? "manifold"}"` });
    for (const key of ["streamNorm", "readout"] as const)
      if ((hc.form ?? "manifold") !== "manifold" && hc[key] !== undefined)
        issues.push({ path: at("hyperConnections", key), message: `only applies to form "manifold", not "${hc.form}"` });
  }

  issues.push(...engramRelations(arch));
  issues.push(...causalEncoderDecoderRelations(arch));

  if (arch.loop && arch.loop.passes < 2) {
    issues.push({
      path: at("loop", "passes"),
      message: `a looped stack runs at least 2 passes, got ${arch.loop.passes}; leave out \`loop\` for a single pass`,
    });
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
export function withRelations<S extends z.ZodMiniType<T.ModelSpec>>(schema: S, options?: KindOptions): S {
  return schema.check(
    z.superRefine((spec, ctx) => {
      for (const issue of checkSpecRelations(spec as T.ModelSpec, options)) {
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
