/**
 * What is new in a model: the concept tags it has and its family does not, for the figure's accent outlines
 * (the renderer's `highlight` option) and its text alternative.
 *
 * - The family is the model it derives from (`derivedFrom`, when that model is among the models given), else
 *   every model of the same organisation (`org`, compared without case and surrounding spaces; `Name (Alias)` is
 *   also `Name` and `Alias`, so `Z.ai` is `Zhipu AI (Z.ai)`) released strictly before it (`releaseDate`). Models
 *   released the same day are not each other's family.
 * - A model with a family gets the tags none of its family has: DeepSeek V3.2 (derived from V3) gets DSA; a
 *   fine-tune with its base's architecture gets nothing.
 * - A model with no family (the first of its organisation, or one without `org` or `releaseDate`) gets the tags
 *   that differ from the plain decoder, {@link PLAIN_DECODER_CONCEPTS}: GQA or MHA attention with RoPE, a dense or
 *   MoE feed-forward, pre-norm and (as GPT-2 had them) tied embeddings. Pre-norm and a dense FFN have no tag.
 *
 * The tags are those of `concepts()` (each from its kind's or feature's definition), in its order; their names
 * come from the concept catalogue.
 */
import { conceptSources, concepts } from "./concept-tags.js";
import { conceptEntry } from "./concepts/catalogue.js";
import type { Concept } from "./concepts/concept.js";
import { hyperConnectionsName } from "./kinds/features/hyper-connections.js";
import type { KindOptions } from "./kinds/registry.js";
import type { ModelSpec } from "./spec-types.js";

/** The plain decoder a model without a family is compared with (see the module's description). */
export const PLAIN_DECODER_CONCEPTS: readonly Concept[] = ["MHA", "GQA", "RoPE", "MoE", "tied-embeddings"];

/** What a model's family is looked up by. */
type FamilySpec = Pick<ModelSpec, "id" | "org" | "releaseDate" | "derivedFrom" | "architecture">;

/**
 * The names an organisation goes by, lower-cased: the whole string, and for `Name (Alias)` also `Name` and
 * `Alias` (`Zhipu AI (Z.ai)` is `Z.ai` too).
 */
function orgNames(org: string | undefined): Set<string> {
  const names = new Set<string>();
  const whole = org?.trim().toLowerCase();
  if (!whole) return names;
  names.add(whole);
  const m = /^(.+?)\s*\((.+)\)$/.exec(whole);
  if (m) for (const part of [m[1]!, m[2]!]) if (part.trim()) names.add(part.trim());
  return names;
}

/**
 * The family of `spec` among `models`: its `derivedFrom` model when given and found, else the same organisation's
 * models released before it (never `spec` itself). Empty when it has none.
 */
export function modelFamily<S extends FamilySpec>(spec: FamilySpec, models: readonly S[]): S[] {
  if (spec.derivedFrom) {
    const base = models.find((m) => m.id === spec.derivedFrom && m.id !== spec.id);
    if (base) return [base];
  }
  const org = orgNames(spec.org);
  const date = spec.releaseDate;
  if (!org.size || !date) return [];
  const same = (other: string | undefined) => [...orgNames(other)].some((n) => org.has(n));
  return models.filter((m) => m.id !== spec.id && same(m.org) && m.releaseDate !== undefined && m.releaseDate < date);
}

/**
 * The mechanisms (concept tags) that `spec` has and its family among `models` does not, or, without a family,
 * those not in the plain decoder ({@link PLAIN_DECODER_CONCEPTS}). `models` may hold the whole dataset; the family
 * is picked from it (see the module's description).
 *
 * @example
 * ```ts
 * distinctiveMechanisms(deepseekV32, dataset); // ["DSA"]
 * ```
 */
export function distinctiveMechanisms(spec: FamilySpec, models: readonly FamilySpec[], options?: KindOptions): Concept[] {
  const family = modelFamily(spec, models);
  const known = new Set<Concept>(family.length ? family.flatMap((m) => concepts(m, options)) : PLAIN_DECODER_CONCEPTS);
  return concepts(spec, options).filter((t) => !known.has(t));
}

/** A mechanism new in a model, as the renderer's `highlight` option takes it. */
export interface NewMechanism {
  /** Its concept tag, e.g. `DSA`. */
  tag: Concept;
  /** Its name for text, from the concept catalogue (hyper-connections by their form, e.g. `mHC`). */
  name: string;
  /** The definitions that carry it (`mixer:<name>`, `ffn:<name>`); empty for a mechanism of the whole block. */
  parts: string[];
}

/** {@link distinctiveMechanisms} with each tag's name and the definitions of `spec` that carry it. */
export function newMechanisms(spec: FamilySpec, models: readonly FamilySpec[], options?: KindOptions): NewMechanism[] {
  const sources = conceptSources(spec, options);
  const hc = spec.architecture.hyperConnections;
  return distinctiveMechanisms(spec, models, options).map((tag) => {
    const named = tag === "hyper-connections" && hc ? hyperConnectionsName(hc) : (conceptEntry(tag)?.name ?? tag);
    return {
      tag,
      name: named.charAt(0).toUpperCase() + named.slice(1),
      parts: [...new Set(sources.filter((s) => s.tag === tag && /^(mixer|ffn):/.test(s.part)).map((s) => s.part))],
    };
  });
}
