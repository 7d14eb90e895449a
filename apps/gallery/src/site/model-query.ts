/**
 * The home page's query of the model index and its URL form; the filtering, sorting and searching themselves are
 * `@archgal/schema`'s model-list rules, shared with `<llm-arch-gallery>`.
 */
import { modelFacets, modelSortKeys, type ModelFacet, type ModelSortKey } from "@archgal/schema/model-list";

/** Everything the home page's controls say. */
export interface ModelQuery {
  /** Free-text search over name, id and org. */
  search: string;
  /** Selected values per facet; within a facet values are alternatives (OR), across facets all must hold (AND). */
  facets: Record<ModelFacet, string[]>;
  sort: ModelSortKey;
  /** `desc` = newest / largest first. */
  direction: "asc" | "desc";
}

/** The default query: everything, newest first. */
export function emptyQuery(): ModelQuery {
  return { search: "", facets: { decoder: [], org: [], attention: [], concept: [], year: [] }, sort: "date", direction: "desc" };
}

/** The query as URL search parameters (only what differs from the default). */
export function queryToParams(q: ModelQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.search) p.set("q", q.search);
  for (const f of modelFacets) if (q.facets[f].length) p.set(f, q.facets[f].join(","));
  if (q.sort !== "date") p.set("sort", q.sort);
  if (q.direction !== "desc") p.set("dir", q.direction);
  return p;
}

/** Reads a query back from URL search parameters; unknown values are ignored. */
export function queryFromParams(p: URLSearchParams): ModelQuery {
  const q = emptyQuery();
  q.search = p.get("q") ?? "";
  for (const f of modelFacets) {
    const v = p.get(f);
    if (v) q.facets[f] = v.split(",").filter(Boolean);
  }
  const sort = p.get("sort");
  if (sort && Object.hasOwn(modelSortKeys, sort)) q.sort = sort as ModelSortKey;
  if (p.get("dir") === "asc") q.direction = "asc";
  return q;
}
