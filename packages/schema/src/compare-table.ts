/**
 * The comparison table of two to four models, shared by every compare view (the renderer's comparison figure,
 * `<llm-arch-compare>` and the gallery's compare page): one row per field on which a model differs from the
 * first, and each value as text.
 */
import { diffModels } from "./diff.js";
import { formatBytes, formatCount, formatInt, formatTokens } from "./format.js";
import type { SpecInput } from "./spec-types.js";

/** One row of a comparison: a field and its value in every model, in order. */
export interface CompareRow {
  /** Spec path, e.g. `architecture.mixers.attn.kvHeads`, or `derived.params.total` for a derived figure. */
  path: string;
  /** Plain-language label, e.g. `KV heads (attn)`. */
  label: string;
  /** The value in each model (`undefined`: the model has no such field). */
  values: unknown[];
}

/** Options of {@link compareRows}. */
export interface CompareRowsOptions {
  /** Include the derived figures (`derived.*`: parameters, KV cache, decoder type, …); default true. */
  derived?: boolean;
}

/**
 * Every field on which at least one model differs from the first, in first-seen order. A model that does not
 * differ on a field shows the first model's value. Rows whose values all read the same as text
 * ({@link formatCompareValue}) are left out: they are no difference to a reader.
 */
export function compareRows(specs: readonly SpecInput[], options: CompareRowsOptions = {}): CompareRow[] {
  const [first, ...rest] = specs;
  if (!first) return [];
  const diffs = rest.map((s) => new Map(diffModels(first, s).map((d) => [d.path, d])));
  const rows = new Map<string, CompareRow>();
  for (const diff of diffs)
    for (const d of diff.values()) if (!rows.has(d.path)) rows.set(d.path, { path: d.path, label: d.label, values: [] });
  for (const row of rows.values()) {
    const firstValue = diffs.map((d) => d.get(row.path)).find((d) => d)?.a;
    row.values = [firstValue, ...diffs.map((d) => (d.has(row.path) ? d.get(row.path)!.b : firstValue))];
  }
  return [...rows.values()].filter((r) => {
    if (options.derived === false && r.path.startsWith("derived.")) return false;
    const texts = new Set(r.values.map((v) => formatCompareValue(r.path, v)));
    return texts.size > 1;
  });
}

/**
 * A value of a comparison as text: `—` for a field the model does not have, `none` for `null` (`no explicit limit` for a
 * context length), `yes`/`no`, byte sizes for the KV cache, `7.2B`-style counts for parameters, the creators'
 * context spelling (`128k`), and grouped integers (`14,336`).
 */
export function formatCompareValue(path: string, v: unknown): string {
  if (v === undefined) return "—";
  if (v === null) return path === "architecture.contextLength" ? formatTokens(null) : "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    if (path.endsWith("kvCacheBytesPerToken")) return formatBytes(v);
    if (path.startsWith("derived.params")) return formatCount(v);
    if (path === "architecture.contextLength") return formatTokens(v);
    return Number.isInteger(v) ? formatInt(v) : String(v);
  }
  return String(v);
}
