/**
 * How a model's headline numbers are worded wherever they are shown — the components' fact sheet, the gallery's
 * cards, fact sheets and listings, the CLI: scale, share, KV cache per token and context, one rule each.
 */
import { formatBytes, formatCount, formatTokens, trimNumber } from "./format.js";
import { kvLabel } from "./kv-cache.js";
import { hasUnvisitedWeights } from "./conventions.js";

/** The parameter counts the wording reads (see `countParams`). */
export interface ScaleCounts {
  total: number;
  /** The headline active count: weights a token multiplies through (embedding look-ups not counted). */
  active: number;
  /** The active count with the embedding rows and lookup tables a token reads. */
  activeWithLookups: number;
  /** Parameters of multi-token-prediction modules, outside `total`. */
  mtp?: number;
}

/** A fraction as a percentage: two significant digits below 10 % (`5.5%`, `0.35%`), whole above (`12%`, `125%`). */
export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  if (!Number.isFinite(p)) return `${String(p)}%`;
  return `${p >= 10 ? Math.round(p) : trimNumber(p, 2)}%`;
}

/**
 * A model's parameter figure. `short` (cards, listings): `671B · 36.6B active (5.5%)`, or `8.03B` when every weight
 * is used by every token. `full` (fact sheets): `671B total · 36.6B active (5.5%; embedding look-ups not counted,
 * 37.6B with them) + 11.5B MTP`, or `8.03B total (dense)`.
 */
export function formatScale(p: ScaleCounts, style: "short" | "full" = "short"): string {
  const sparse = hasUnvisitedWeights(p);
  if (style === "short")
    return sparse
      ? `${formatCount(p.total)} · ${formatCount(p.active)} active (${formatPercent(p.active / p.total)})`
      : formatCount(p.total);
  const active = sparse
    ? ` · ${formatCount(p.active)} active (${formatPercent(p.active / p.total)}; embedding look-ups not counted, ${formatCount(p.activeWithLookups)} with them)`
    : " (dense)";
  return `${formatCount(p.total)} total${active}${p.mtp ? ` + ${formatCount(p.mtp)} MTP` : ""}`;
}

/** KV cache per token in the gallery's convention: `68.6 KiB · Low`, or `none (fixed-size state only)`. */
export function formatKvPerToken(bytesPerToken: number): string {
  return bytesPerToken === 0 ? "none (fixed-size state only)" : `${formatBytes(bytesPerToken)} · ${kvLabel(bytesPerToken)}`;
}

/** A context length with its unit: `128k tokens`, `202,752 tokens`, or `no explicit limit`. */
export function formatContext(contextLength: number | null): string {
  return contextLength === null ? formatTokens(null) : `${formatTokens(contextLength)} tokens`;
}
