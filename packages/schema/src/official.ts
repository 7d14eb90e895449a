/**
 * Holding computed parameter counts to the creators' official figures.
 */
import { countParams, paramsWithout, type ParamCounts } from "./params.js";
import { activePrefillParams } from "./kinds/features/causal-encoder-decoder.details.js";
import type { KindOptions } from "./kinds/registry.js";
import type { OfficialParams, ParamScope, ArchitectureInput } from "./spec-types.js";

/** The unit a figure is rounded to: explicit, or read off its trailing zeros (671e9 → 1e9). */
export function roundingUnit(value: number, explicit?: number): number {
  if (explicit !== undefined) return explicit;
  let unit = 1;
  while (value % (unit * 10) === 0 && unit < 1e15) unit *= 10;
  return unit;
}

/** Significant digits a figure is stated with. */
export function significantDigits(value: number, unit: number): number {
  return String(Math.round(value / unit)).length;
}

/**
 * How far a computed count may be from the official figure: 1% for figures stated with three or more
 * significant digits, half the rounding unit for coarser ones ("8B" covers 7.5B–8.5B).
 */
export function officialTolerance(value: number, roundedTo?: number): number {
  const unit = roundingUnit(value, roundedTo);
  return significantDigits(value, unit) >= 3 ? 0.01 * value : Math.max(unit / 2, 0.01 * value);
}

/** One comparison of a computed count with an official figure. */
export interface OfficialCheck {
  /** Our count, in the official figure's scope. */
  computed: number;
  /** The official figure. */
  official: number;
  /** Allowed absolute difference. */
  tolerance: number;
  /** (computed − official) / official. */
  relativeError: number;
  /** Whether the difference is within tolerance (for a size class: our count within a factor of two of it). */
  ok: boolean;
  /** The official figure is a size class from the model's name, not a count (`officialParams.sizeClass`). */
  sizeClass?: true;
  /** The spec's explanation when it is not (see `officialParams.deviations`). */
  deviation?: string;
}

/**
 * Our count of `which` params adjusted to a scope: excluded components removed, external ones added. An active
 * scope with `countsLookups` starts from `activeWithLookups` (the look-up tables added back to their components).
 */
export function scopedCount(counts: ParamCounts, which: "total" | "active", scope: ParamScope | undefined): number {
  const external = (scope?.external ?? []).reduce((a, e) => a + e.params, 0);
  if (which === "total") return paramsWithout(counts.breakdown, scope?.excludes) + external;
  if (!scope?.countsLookups) return paramsWithout(counts.activeBreakdown, scope?.excludes) + external;
  // The look-ups sit in the embedding, position and feature components of the total; the routed experts a
  // token does not visit are the only other difference between active and total.
  const withLookups = { ...counts.activeBreakdown };
  for (const c of ["embedding", "positionEmbedding", "perLayerEmbedding", "ngramEmbedding"] as const) withLookups[c] = counts.breakdown[c];
  withLookups.head = counts.breakdown.head;
  return paramsWithout(withLookups, scope.excludes) + external;
}

/** How far from a size class a count may be: within a factor of two ("1B" places a model between 0.5B and 2B). */
export const sizeClassFactor = 2;

function check(computed: number, official: number, roundedTo?: number, sizeClass?: boolean): OfficialCheck {
  const relativeError = (computed - official) / official;
  if (sizeClass) {
    // The band is asymmetric; `tolerance` is its upper side.
    const ok = computed * sizeClassFactor >= official && computed <= official * sizeClassFactor;
    return { computed, official, tolerance: official * (sizeClassFactor - 1), relativeError, ok, sizeClass: true };
  }
  const tolerance = officialTolerance(official, roundedTo);
  return { computed, official, tolerance, relativeError, ok: Math.abs(computed - official) <= tolerance };
}

/** The comparisons of a spec's counts with its official figures. */
export interface OfficialComparison {
  total: OfficialCheck;
  active?: OfficialCheck;
  /** Active per prompt token at prefill (`officialParams.activePrefill`). */
  activePrefill?: OfficialCheck;
  /** One per `officialParams.parts` entry, in order. */
  parts?: (OfficialCheck & { label: string })[];
}

/** Compares a spec's computed parameters with its `officialParams`, in the same scope. */
export function compareWithOfficial(
  spec: { architecture: ArchitectureInput } & { officialParams: OfficialParams },
  options?: KindOptions,
): OfficialComparison {
  const counts = countParams(spec, options);
  const o = spec.officialParams;
  const explain = (figure: "total" | "active" | "activePrefill", c: OfficialCheck): OfficialCheck => {
    const deviation = o.deviations?.find((d) => d.figure === figure)?.explanation;
    return deviation === undefined ? c : { ...c, deviation };
  };
  const result: OfficialComparison = {
    total: explain("total", check(scopedCount(counts, "total", o.scope), o.total, o.roundedTo, o.sizeClass)),
  };
  const activeScope = o.activeScope ?? o.scope;
  if (o.active !== undefined) {
    result.active = explain("active", check(scopedCount(counts, "active", activeScope), o.active, o.roundedTo, o.sizeClass));
  }
  if (o.activePrefill !== undefined) {
    // The prefill count has no breakdown: the active scope's external parameters are added, its exclusions must
    // be components a prompt token does not run anyway (MTP modules).
    const external = (activeScope?.external ?? []).reduce((a, e) => a + e.params, 0);
    result.activePrefill = explain("activePrefill", check(activePrefillParams(spec, options) + external, o.activePrefill, o.roundedTo));
  }
  if (o.parts?.length) {
    result.parts = o.parts.map((part) => {
      const computed = sumOf(counts.breakdown, part.components);
      return { label: part.label, ...check(computed, part.total, part.roundedTo) };
    });
  }
  return result;
}

function sumOf(breakdown: ParamCounts["breakdown"], components: readonly string[]): number {
  let n = 0;
  for (const c of new Set(components)) n += breakdown[c as keyof typeof breakdown] ?? 0;
  return n;
}

/** Every check of a comparison with its figure's name (`total`, `active`, `activePrefill`, `part <label>`). */
export function officialChecks(c: OfficialComparison): [figure: string, check: OfficialCheck][] {
  const out: [string, OfficialCheck][] = [["total", c.total]];
  if (c.active) out.push(["active", c.active]);
  if (c.activePrefill) out.push(["activePrefill", c.activePrefill]);
  for (const p of c.parts ?? []) out.push([`part ${p.label}`, p]);
  return out;
}
