/**
 * Extending the spec downstream: your own fields, your own mixer kinds, without forking.
 *
 * A downstream kind is defined with the same facets as a core kind (`kinds/mixer-kind.ts`), so it gets its
 * parameter count, KV cache or recurrent state, FLOPs, decoder type, labels, figure title, callout and popover
 * rows like any core kind. Pass the definitions as `{ kinds }` to the metric functions and the renderer.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * import { createSpecSchema, defineMixerKind, validateSpec, modelStats } from "@archgal/schema";
 *
 * // RetNet's multi-scale retention: q, k, v, gate and output projections; a headDim × headDim state per head.
 * const retention = defineMixerKind({
 *   kind: "retention",
 *   schema: z.strictObject({ kind: z.literal("retention"), heads: z.int(), headDim: z.int() }),
 *   family: "linear-attention",
 *   params: (m, arch) => ({ component: "linearMixer", params: 5 * arch.dModel * m.heads * m.headDim }),
 *   cache: { perToken: () => 0, state: (m) => m.heads * m.headDim * m.headDim },
 *   attentionMacs: (m) => 3 * m.heads * m.headDim * m.headDim,
 *   label: () => "retention",
 *   title: () => "Multi-scale **Retention**",
 *   facts: (m) => [["Heads", String(m.heads)], ["Head dim", String(m.headDim)]],
 *   callout: (m) => [m.heads, " heads"],
 * });
 * const MySpec = createSpecSchema({ mixerKinds: [retention], fields: { myScore: z.optional(z.number()) } });
 * const result = validateSpec(json, MySpec);
 * if (result.success) modelStats(result.data, { kinds: [retention] });
 * ```
 */
import * as z from "zod/mini";
import type { CalloutPart, MixerKindDefinition, MixerRotary, RelationIssue } from "./kinds/mixer-kind.js";
import type { KindOptions } from "./kinds/registry.js";
import { isCoreMixerKind } from "./kinds/registry.js";
import {
  architectureSchema,
  coreMixerSchemas,
  FfnSchema,
  kindUnion,
  metadataShape,
  mixerKinds,
  strict,
  withRelations,
} from "./spec-schema.js";
import type { Architecture, Mixer, ModelSpec } from "./spec-types.js";

export type { MixerKindDefinition } from "./kinds/mixer-kind.js";

/** The facets {@link defineMixerKind} fills in when a definition leaves them out. */
type DefaultedFacets =
  | "attentionLabel"
  | "shortName"
  | "comboTitle"
  | "groupTitle"
  | "concepts"
  | "callout"
  | "calloutNotes"
  | "relations"
  | "withDefaults"
  | "rotary";

/**
 * What {@link defineMixerKind} takes: a full kind definition in which the facets that only refine the picture
 * may be left out (names default to the label and title, no concepts, no callout, no relation checks, no
 * defaults to fill in; an `attention`-family kind takes the model's rotary positions, any other none).
 */
export type MixerKindInput<M extends { kind: string }> = Omit<MixerKindDefinition<M>, "cache" | DefaultedFacets> & {
  cache: Omit<MixerKindDefinition<M>["cache"], "span"> & Partial<Pick<MixerKindDefinition<M>["cache"], "span">>;
} & Partial<Pick<MixerKindDefinition<M>, DefaultedFacets>>;

/** A downstream mixer kind, as {@link defineMixerKind} returns it. */
export interface DefinedMixerKind<M extends { kind: string }> extends MixerKindDefinition<M> {
  /** @deprecated Pass `{ kinds: [definition] }` to the metric functions; this is that object. */
  hooks: KindOptions;
}

/**
 * Defines a mixer kind for {@link createSpecSchema} and the metric functions (`{ kinds: [definition] }`).
 * Throws when the kind is a core kind.
 */
export function defineMixerKind<M extends { kind: string }>(definition: MixerKindInput<M>): DefinedMixerKind<M> {
  if (typeof definition.kind !== "string" || definition.kind === "") throw new TypeError("a mixer kind needs a non-empty string `kind`");
  if (isCoreMixerKind(definition.kind)) throw new Error(`mixer kind "${definition.kind}" is already defined by @archgal/schema`);
  const def: DefinedMixerKind<M> = {
    attentionLabel: definition.label,
    shortName: definition.label,
    comboTitle: definition.title,
    groupTitle: () => undefined,
    concepts: () => [],
    callout: (): CalloutPart[] | undefined => undefined,
    calloutNotes: (): CalloutPart[][] => [],
    relations: (): RelationIssue[] => [],
    withDefaults: (m: M): M => m,
    rotary: (): MixerRotary => (definition.family === "attention" ? {} : undefined),
    ...definition,
    cache: { span: () => undefined, ...definition.cache },
    hooks: { kinds: [] },
  };
  def.hooks = { kinds: [def] };
  return def;
}

/** @deprecated Pass `{ kinds: [...] }` to the metric functions directly. */
export function combineHooks(kinds: readonly MixerKindDefinition[]): KindOptions {
  return { kinds };
}

/** Options of {@link createSpecSchema}. */
export interface SpecSchemaOptions<
  F extends z.core.$ZodLooseShape = Record<never, never>,
  A extends z.core.$ZodLooseShape = Record<never, never>,
  K extends readonly MixerKindDefinition[] = [],
> {
  /** Extra top-level fields. */
  fields?: F;
  /** Extra fields of `architecture`. */
  architectureFields?: A;
  /** Extra mixer kinds. */
  mixerKinds?: K;
}

type ExtendedMixer<K extends readonly MixerKindDefinition[]> = Mixer | (K[number] extends MixerKindDefinition<infer M> ? M : never);

/** The spec type produced by an extended schema. */
export type ExtendedSpec<F extends z.core.$ZodLooseShape, A extends z.core.$ZodLooseShape, K extends readonly MixerKindDefinition[]> = Omit<
  ModelSpec,
  "architecture"
> &
  z.output<z.ZodMiniObject<F>> & {
    architecture: Omit<Architecture, "mixers"> & z.output<z.ZodMiniObject<A>> & { mixers: { [name: string]: ExtendedMixer<K> } };
  };

/**
 * A spec schema with your own fields and mixer kinds, keeping every core check.
 * Unknown fields are still rejected, so typos are caught in extended specs too.
 */
export function createSpecSchema<
  F extends z.core.$ZodLooseShape = Record<never, never>,
  A extends z.core.$ZodLooseShape = Record<never, never>,
  K extends readonly MixerKindDefinition[] = [],
>(options: SpecSchemaOptions<F, A, K> = {}): z.ZodMiniType<ExtendedSpec<F, A, K>> {
  const extraKinds = options.mixerKinds ?? [];
  const kinds = [...mixerKinds, ...extraKinds.map((k) => k.kind)];
  const mixer = kindUnion("mixer", [...coreMixerSchemas, ...extraKinds.map((k) => k.schema)] as never, kinds);
  const architecture = z.extend(architectureSchema(mixer, FfnSchema), options.architectureFields ?? {});
  const spec = strict({ ...metadataShape, ...(options.fields ?? {}), architecture });
  return withRelations(spec as unknown as z.ZodMiniType<ModelSpec>, { kinds: extraKinds }) as unknown as z.ZodMiniType<
    ExtendedSpec<F, A, K>
  >;
}
