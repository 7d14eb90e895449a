/**
 * Resolving what an element shows: a spec from a `.spec` property, a `src` URL or a model id, validated, with
 * the numbers derived from it.
 */
import {
  attentionLabel,
  countParams,
  decoderType,
  definitionCounts,
  formatLayerMix,
  kvCacheBytesPerToken,
  kvLabel,
  type ModelSpec,
  type ModelStats,
} from "@archgal/schema/lean";
import { ArchError } from "./errors.js";
import { checkId, fetchJson, loaderFor } from "./loaders.js";
import { defaultLoader, trustedData } from "./default-loader.js";

/** A validated spec with its derived numbers. */
export interface SpecFacts {
  /** The spec. */
  spec: ModelSpec;
  /** The derived numbers the elements show (the fields of `modelStats` they use). */
  stats: FactStats;
  /** How many layers use each mixer and FFN definition. */
  counts: ReturnType<typeof definitionCounts>;
  /**
   * What is new in a dataset model against its family, as its loader gave it (`ModelLoader.newMechanisms`; not
   * checked here: the renderer bounds and cleans it), for the diagram's accent outlines.
   */
  newMechanisms?: unknown;
}

/**
 * The subset of `@archgal/schema`'s `ModelStats` the elements show at first paint (without FLOPs, memory and
 * concept tags, to stay small; the popover derives the tags it explains).
 */
export type FactStats = Pick<
  ModelStats,
  "kvCacheBytesPerToken" | "kvLabel" | "decoderType" | "attention" | "layerMixText" | "contextLength"
> & {
  params: Pick<ModelStats["params"], "total" | "active" | "activeWithLookups" | "mtp" | "activeFraction" | "breakdown" | "activeBreakdown">;
};

/** Derives the numbers the elements show. */
export function factStats(spec: ModelSpec): FactStats {
  const p = countParams(spec);
  const kv = kvCacheBytesPerToken(spec);
  return {
    params: {
      total: p.total,
      active: p.active,
      activeWithLookups: p.activeWithLookups,
      mtp: p.mtp,
      activeFraction: p.active / p.total,
      breakdown: p.breakdown,
      activeBreakdown: p.activeBreakdown,
    },
    kvCacheBytesPerToken: kv,
    kvLabel: kvLabel(kv),
    decoderType: decoderType(spec),
    attention: attentionLabel(spec),
    layerMixText: formatLayerMix(spec),
    contextLength: spec.architecture.contextLength,
  };
}

/** Where an element's model comes from; the first one given wins: `spec`, then `src`, then `model`. */
export interface SpecSource {
  /** A spec object (validated here). */
  spec?: unknown;
  /** URL of a spec JSON file. */
  src?: string | null;
  /** A model id of the dataset. */
  model?: string | null;
  /** The element's `data-base` override of the data location. */
  base?: string | null;
}

/** Whether a source names anything to load. */
export const hasSource = (s: SpecSource) => s.spec != null || Boolean(s.src) || Boolean(s.model);

/** Derives the numbers of a spec that is known to be valid (a dataset file, validated when it was built). */
export function trustedFacts(spec: ModelSpec): SpecFacts {
  return { spec, stats: factStats(spec), counts: definitionCounts(spec.architecture.layers) };
}

/**
 * Validates a spec (loading the validator on first use) and derives its numbers; throws an `invalid-spec`
 * {@link ArchError} listing every problem.
 */
export async function factsOf(input: unknown, where?: { id?: string; url?: string }): Promise<SpecFacts> {
  const { validateSpec } = await import("./validate.js");
  const result = validateSpec(input);
  if (!result.success) {
    const id = (input as { id?: unknown } | null)?.id;
    const name = typeof id === "string" ? ` "${id}"` : where?.url ? ` from ${where.url}` : "";
    const n = result.issues.length;
    throw new ArchError({
      kind: "invalid-spec",
      message: `invalid spec${name}: ${n} problem${n === 1 ? "" : "s"}`,
      issues: result.issues,
      ...(typeof id === "string" ? { id } : {}),
      ...where,
    });
  }
  const spec = result.data;
  try {
    return trustedFacts(spec);
  } catch (cause) {
    throw new ArchError(
      { kind: "invalid-spec", message: `invalid spec "${spec.id}": ${(cause as Error).message}`, id: spec.id },
      { cause },
    );
  }
}

/** Loads and validates the spec a source names. Rejects with an {@link ArchError}. */
export async function loadFacts(s: SpecSource): Promise<SpecFacts> {
  if (s.spec != null) return factsOf(s.spec);
  if (s.src) {
    const url = new URL(s.src, document.baseURI).href;
    return factsOf(await fetchJson(url), { url });
  }
  const id = s.model ?? "";
  checkId(id);
  const loader = loaderFor(s.base);
  // The model's new mechanisms (a small file beside it) come with it; without them the figure has no outlines.
  const news = loader.newMechanisms?.(id).catch(() => undefined);
  const data = await loader.load(id);
  // Waited for at most 2 s past the model (it is a few hundred bytes from the same place): a slow one goes without.
  const withNews = async (f: SpecFacts): Promise<SpecFacts> => {
    const list = await Promise.race([news, new Promise<undefined>((r) => setTimeout(r, 2000))]);
    return list === undefined ? f : { ...f, newMechanisms: list };
  };
  // The npm build's own dataset was validated when it was built; anything fetched (the CDN build's `models/`
  // folder, a script tag's or an element's `data-base`, a custom loader) is checked here.
  if (loader !== defaultLoader || !trustedData) return withNews(await factsOf(data, { id }));
  try {
    return withNews(trustedFacts(data as ModelSpec));
  } catch (cause) {
    throw new ArchError({ kind: "invalid-spec", id, message: `the data of "${id}" is damaged: ${(cause as Error).message}` }, { cause });
  }
}
