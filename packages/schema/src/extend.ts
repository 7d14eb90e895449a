/**
 * Extending the spec downstream: your own fields, your own mixer kinds, without forking.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * import { createSpecSchema, defineMixerKind, validateSpec, countParams } from "@archgal/schema";
 *
 * const retention = defineMixerKind({
 *   kind: "retention",
 *   schema: z.strictObject({ kind: z.literal("retention"), heads: z.int(), headDim: z.int() }),
 *   params: (m, arch) => ({ component: "linearMixer", params: 4 * arch.dModel * m.heads * m.headDim }),
 * });
 * const MySpec = createSpecSchema({ mixerKinds: [retention], fields: { myScore: z.optional(z.number()) } });
 * const result = validateSpec(json, MySpec);
 * const counts = countParams(result.data, retention.hooks);
 * ```
 */
import * as z from "zod/mini";
import type { MixerParams, ParamHooks } from "./params.js";
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

/** A mixer kind defined outside the core schema. */
export interface MixerKindDefinition<K extends string = string, M extends { kind: K } = { kind: K }> {
  /** The `kind` discriminator; must not collide with a core kind. */
  kind: K;
  /** Schema of the mixer object (must require `kind: K`). */
  schema: z.ZodMiniType<M>;
  /** Parameter count of one such mixer; without it the kind counts as zero and is reported as uncounted. */
  params?(mixer: M, arch: Architecture): MixerParams;
  /** Hooks to pass to `countParams` / `modelStats` so this kind is counted. */
  hooks: ParamHooks;
}

/** Defines a mixer kind for {@link createSpecSchema}. */
export function defineMixerKind<K extends string, M extends { kind: K }>(definition: {
  kind: K;
  schema: z.ZodMiniType<M>;
  params?: (mixer: M, arch: Architecture) => MixerParams;
}): MixerKindDefinition<K, M> {
  if ((mixerKinds as readonly string[]).includes(definition.kind)) {
    throw new Error(`mixer kind "${definition.kind}" is already defined by @archgal/schema`);
  }
  const hooks: ParamHooks = {
    mixer: (mixer, arch) =>
      mixer.kind === definition.kind && definition.params ? definition.params(mixer as M, arch) : undefined,
  };
  return { ...definition, hooks };
}

/** Combines the param hooks of several mixer kinds. */
export function combineHooks(kinds: readonly MixerKindDefinition[]): ParamHooks {
  return {
    mixer: (mixer, arch) => {
      for (const k of kinds) {
        const counted = k.hooks.mixer?.(mixer, arch);
        if (counted) return counted;
      }
      return undefined;
    },
  };
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

type ExtendedMixer<K extends readonly MixerKindDefinition[]> =
  | Mixer
  | (K[number] extends MixerKindDefinition<string, infer M> ? M : never);

/** The spec type produced by an extended schema. */
export type ExtendedSpec<
  F extends z.core.$ZodLooseShape,
  A extends z.core.$ZodLooseShape,
  K extends readonly MixerKindDefinition[],
> = Omit<ModelSpec, "architecture"> &
  z.output<z.ZodMiniObject<F>> & {
    architecture: Omit<Architecture, "mixers"> &
      z.output<z.ZodMiniObject<A>> & { mixers: { [name: string]: ExtendedMixer<K> } };
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
  const mixer = kindUnion(
    "mixer",
    [...coreMixerSchemas, ...extraKinds.map((k) => k.schema)] as never,
    kinds,
  );
  const architecture = z.extend(architectureSchema(mixer, FfnSchema), options.architectureFields ?? {});
  const spec = strict({ ...metadataShape, ...(options.fields ?? {}), architecture });
  return withRelations(spec as unknown as z.ZodMiniType<ModelSpec>) as unknown as z.ZodMiniType<ExtendedSpec<F, A, K>>;
}
