/**
 * Filtering, sorting and searching the model index: pure functions of the index and a query,
 * so the home page, its URL and the tests agree on what a query shows.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { compareText } from "@archgal/schema/metrics";

/** Sort keys offered on the home page. */
export const sortKeys = {
  date: "Release date",
  total: "Total parameters",
  active: "Active parameters",
  kv: "KV cache per token",
  context: "Context length",
  name: "Name",
} as const;

export type SortKey = keyof typeof sortKeys;

/** Facets a model can be filtered by. */
export const facetKeys = ["decoder", "org", "attention", "concept", "year"] as const;
export type FacetKey = (typeof facetKeys)[number];

/** Everything the home page's controls say. */
export interface ModelQuery {
  /** Free-text search over name, id and org. */
  search: string;
  /** Selected values per facet; within a facet values are alternatives (OR), across facets all must hold (AND). */
  facets: Record<FacetKey, string[]>;
  sort: SortKey;
  /** `desc` = newest / largest first. */
  direction: "asc" | "desc";
}

/** The default query: everything, newest first. */
export function emptyQuery(): ModelQuery {
  return { search: "", facets: { decoder: [], org: [], attention: [], concept: [], year: [] }, sort: "date", direction: "desc" };
}

/** Attention kinds of a model: its attention label split into parts (`Gated DeltaNet + GQA` → both). */
export function attentionKinds(m: ModelIndexEntry): string[] {
  return m.attention.split(" + ").map((s) => s.trim());
}

/** The value(s) a model has for a facet. */
export function facetValues(m: ModelIndexEntry, facet: FacetKey): string[] {
  switch (facet) {
    case "decoder":
      return [m.decoderType];
    case "org":
      return [m.org];
    case "attention":
      return attentionKinds(m);
    case "concept":
      return m.concepts;
    case "year":
      return [m.releaseDate.slice(0, 4)];
  }
}

/** Every value of a facet in the index with how many models have it, most common first (years newest first). */
export function facetOptions(models: readonly ModelIndexEntry[], facet: FacetKey): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of models) for (const v of new Set(facetValues(m, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
  const options = [...counts].map(([value, count]) => ({ value, count }));
  if (facet === "year") return options.sort((a, b) => compareText(b.value, a.value));
  return options.sort((a, b) => b.count - a.count || compareText(a.value, b.value));
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_.()-]+/g, " ")
    .trim();
}

/** Levenshtein distance of `a` and `b`, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Typos a search word may contain and still match: none below 4 letters, one up to 7, two from 8. */
export function typoAllowance(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Whether a model matches the search text: every word must occur in its name, id or org, or be within a small
 * edit distance ({@link typoAllowance}) of one of their words or of a word's start (`deepsek`, `qwne`, `nemotorn`).
 */
export function matchesSearch(m: ModelIndexEntry, search: string): boolean {
  const words = normalise(search).split(" ").filter(Boolean);
  if (!words.length) return true;
  const hay = normalise(`${m.name} ${m.id} ${m.org}`);
  const compact = hay.replace(/ /g, "");
  const hayWords = [...new Set(hay.split(" "))];
  return words.every((w) => {
    if (hay.includes(w) || compact.includes(w)) return true;
    const k = typoAllowance(w);
    if (!k) return false;
    // a whole word, or a word's beginning as long as the typed word (prefix typing with a typo)
    return hayWords.some((hw) => editDistance(w, hw, k) <= k || (hw.length > w.length && editDistance(w, hw.slice(0, w.length), k) <= k));
  });
}

function matchesFacets(m: ModelIndexEntry, q: ModelQuery, except?: FacetKey): boolean {
  return facetKeys.every((f) => f === except || q.facets[f].length === 0 || facetValues(m, f).some((v) => q.facets[f].includes(v)));
}

/**
 * How many models each value of `facet` would show if it were ticked with the rest of the query as it is: the
 * search and the other facets apply, this facet's own ticks do not (values within a facet are alternatives).
 */
export function facetCounts(models: readonly ModelIndexEntry[], q: ModelQuery, facet: FacetKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of models) {
    if (!matchesSearch(m, q.search) || !matchesFacets(m, q, facet)) continue;
    for (const v of new Set(facetValues(m, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

function sortValue(m: ModelIndexEntry, key: SortKey): number | string {
  switch (key) {
    case "date":
      return m.releaseDate;
    case "total":
      return m.params.total;
    case "active":
      return m.params.active;
    case "kv":
      return m.kvCacheBytesPerToken;
    case "context":
      return m.contextLength ?? Number.POSITIVE_INFINITY;
    case "name":
      return m.name.toLowerCase();
  }
}

/** Models matching the query, sorted. Ties fall back to newest first, then name. */
export function runQuery(models: readonly ModelIndexEntry[], q: ModelQuery): ModelIndexEntry[] {
  const hits = models.filter((m) => matchesSearch(m, q.search) && matchesFacets(m, q));
  const sign = q.direction === "asc" ? 1 : -1;
  return hits.sort((a, b) => {
    const va = sortValue(a, q.sort);
    const vb = sortValue(b, q.sort);
    if (va < vb) return -sign;
    if (va > vb) return sign;
    return compareText(b.releaseDate, a.releaseDate) || compareText(a.name, b.name);
  });
}

/** The query as URL search parameters (only what differs from the default). */
export function queryToParams(q: ModelQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.search) p.set("q", q.search);
  for (const f of facetKeys) if (q.facets[f].length) p.set(f, q.facets[f].join(","));
  if (q.sort !== "date") p.set("sort", q.sort);
  if (q.direction !== "desc") p.set("dir", q.direction);
  return p;
}

/** Reads a query back from URL search parameters; unknown values are ignored. */
export function queryFromParams(p: URLSearchParams): ModelQuery {
  const q = emptyQuery();
  q.search = p.get("q") ?? "";
  for (const f of facetKeys) {
    const v = p.get(f);
    if (v) q.facets[f] = v.split(",").filter(Boolean);
  }
  const sort = p.get("sort");
  if (sort && Object.hasOwn(sortKeys, sort)) q.sort = sort as SortKey;
  if (p.get("dir") === "asc") q.direction = "asc";
  return q;
}
