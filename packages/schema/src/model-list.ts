/**
 * Filtering, sorting and searching a list of models (the light index): the one set of rules behind every model
 * list — the `<llm-arch-gallery>` element and the site's home grid. Pure functions of the entries and a query.
 */
import { attentionParts } from "./attention-parts.js";
import { compareText } from "./format.js";

/** What a model list reads of each entry (a subset of `@archgal/data`'s `ModelIndexEntry`). */
export interface ListedModel {
  /** Stable id, e.g. `deepseek-v3`. */
  id: string;
  /** Display name. */
  name: string;
  /** Creator organisation. */
  org: string;
  /** Release date, `YYYY-MM-DD`. */
  releaseDate: string;
  /** Decoder type, e.g. `Sparse MoE`. */
  decoderType: string;
  /** Attention label, e.g. `GQA + Gated DeltaNet`. */
  attention: string;
  /** Total and headline active parameters. */
  params: { total: number; active: number };
  /** KV cache per token in the gallery's convention. */
  kvCacheBytesPerToken: number;
  /** Supported context, or `null` when unlimited. */
  contextLength: number | null;
  /** Concept tags. */
  concepts: readonly string[];
}

/** Facets a model list can be filtered by. */
export const modelFacets = ["decoder", "org", "attention", "concept", "year"] as const;

/** One facet of {@link modelFacets}. */
export type ModelFacet = (typeof modelFacets)[number];

/** Ticked values per facet: within a facet values are alternatives (OR), across facets all must hold (AND). */
export type FacetSelection = Partial<Record<ModelFacet, readonly string[]>>;

/** The value(s) a model has for a facet; its attention facet is its attention label's parts. */
export function facetValues(m: ListedModel, facet: ModelFacet): string[] {
  switch (facet) {
    case "decoder":
      return [m.decoderType];
    case "org":
      return [m.org];
    case "attention":
      return attentionParts(m.attention);
    case "concept":
      return [...m.concepts];
    case "year":
      return [m.releaseDate.slice(0, 4)];
  }
}

/** Whether a model has one of the ticked values of every facet with ticks (`except` is left out). */
export function matchesFacets(m: ListedModel, selection: FacetSelection, except?: ModelFacet): boolean {
  return modelFacets.every((f) => {
    const ticked = selection[f];
    return f === except || !ticked?.length || facetValues(m, f).some((v) => ticked.includes(v));
  });
}

/** Every value of a facet in a list with how many models have it, most common first (years newest first). */
export function facetOptions(models: readonly ListedModel[], facet: ModelFacet): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of models) for (const v of new Set(facetValues(m, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
  const options = [...counts].map(([value, count]) => ({ value, count }));
  if (facet === "year") return options.sort((a, b) => compareText(b.value, a.value));
  return options.sort((a, b) => b.count - a.count || compareText(a.value, b.value));
}

/** Lower case, accents removed, `_ . ( ) -` and runs of white space as one space. */
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
 * What a search looks through: `names` (name, id and organisation) or `all` (also decoder type, attention label,
 * concept tags and release date).
 */
export type SearchScope = "names" | "all";

function searchText(m: ListedModel, scope: SearchScope): string {
  const names = `${m.name} ${m.id} ${m.org}`;
  return scope === "names" ? names : `${names} ${m.decoderType} ${m.attention} ${m.concepts.join(" ")} ${m.releaseDate}`;
}

/**
 * Whether a model matches the search text: every word must occur in the text of its {@link SearchScope}, or be
 * within a small edit distance ({@link typoAllowance}) of one of its words or of a word's start (`deepsek`,
 * `qwne`, `nemotorn`). Case, accents and punctuation do not count.
 */
export function matchesSearch(m: ListedModel, search: string, scope: SearchScope = "names"): boolean {
  const words = normalise(search).split(" ").filter(Boolean);
  if (!words.length) return true;
  const hay = normalise(searchText(m, scope));
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

/** Orders of a model list, with their labels. */
export const modelSortKeys = {
  date: "Release date",
  total: "Total parameters",
  active: "Active parameters",
  kv: "KV cache per token",
  context: "Context length",
  name: "Name",
} as const;

/** One order of {@link modelSortKeys}. */
export type ModelSortKey = keyof typeof modelSortKeys;

function sortValue(m: ListedModel, key: ModelSortKey): number | string {
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

/**
 * A comparator for `Array.prototype.sort`: by `key`, `desc` = newest / largest first; ties fall back to newest
 * first, then name. An unlimited context sorts as the longest.
 */
export function compareModels(key: ModelSortKey, direction: "asc" | "desc"): (a: ListedModel, b: ListedModel) => number {
  const sign = direction === "asc" ? 1 : -1;
  return (a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va < vb) return -sign;
    if (va > vb) return sign;
    return compareText(b.releaseDate, a.releaseDate) || compareText(a.name, b.name);
  };
}

/** What a model list shows: search text, ticked facets, order. */
export interface ModelListQuery {
  /** Search text ({@link matchesSearch}). */
  search?: string;
  /** Where the search looks (default `names`). */
  scope?: SearchScope;
  /** Ticked facet values. */
  facets?: FacetSelection;
  /** Order (default `date`). */
  sort?: ModelSortKey;
  /** Direction (default `desc`: newest / largest first). */
  direction?: "asc" | "desc";
}

/** The models matching a query, sorted (a new array). */
export function queryModels<M extends ListedModel>(models: readonly M[], q: ModelListQuery): M[] {
  const search = q.search ?? "";
  const facets = q.facets ?? {};
  return models
    .filter((m) => matchesSearch(m, search, q.scope) && matchesFacets(m, facets))
    .sort(compareModels(q.sort ?? "date", q.direction ?? "desc"));
}

/**
 * How many models each value of `facet` would show if it were ticked with the rest of the query as it is: the
 * search and the other facets apply, this facet's own ticks do not (values within a facet are alternatives).
 */
export function facetCounts(models: readonly ListedModel[], q: ModelListQuery, facet: ModelFacet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of models) {
    if (!matchesSearch(m, q.search ?? "", q.scope) || !matchesFacets(m, q.facets ?? {}, facet)) continue;
    for (const v of new Set(facetValues(m, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}
