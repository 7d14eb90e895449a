import { describe, expect, it } from "vitest";
import { models } from "@archgal/data";
import { editDistance, facetCounts, facetOptions, facetValues, matchesSearch, modelFacets, queryModels } from "@archgal/schema/metrics";
import { emptyQuery, queryFromParams, queryToParams } from "./model-query.js";

describe("model query", () => {
  it("returns every model newest first by default", () => {
    const hits = queryModels(models, emptyQuery());
    expect(hits).toHaveLength(models.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.releaseDate >= hits[i]!.releaseDate).toBe(true);
  });

  it("ORs values within a facet and ANDs across facets", () => {
    const q = emptyQuery();
    q.facets.decoder = ["Dense", "Sparse MoE"];
    const both = queryModels(models, q);
    expect(both.length).toBe(models.filter((m) => m.decoderType === "Dense" || m.decoderType === "Sparse MoE").length);
    q.facets.concept = ["MLA"];
    const mla = queryModels(models, q);
    expect(mla.length).toBeGreaterThan(0);
    expect(mla.every((m) => m.concepts.includes("MLA") && ["Dense", "Sparse MoE"].includes(m.decoderType))).toBe(true);
  });

  it("splits hybrid attention labels into kinds", () => {
    const hybrid = models.find((m) => m.attention.includes(" + "));
    expect(hybrid).toBeDefined();
    expect(facetValues(hybrid!, "attention").length).toBe(2);
    const kinds = facetOptions(models, "attention").map((o) => o.value);
    expect(kinds).toContain("GQA");
    expect(kinds.some((k) => k.includes(" + "))).toBe(false);
  });

  it("searches names, ids and organisations, ignoring case and punctuation", () => {
    const deepseek = models.find((m) => m.id === "deepseek-v3")!;
    expect(matchesSearch(deepseek, "deepseek v3")).toBe(true);
    expect(matchesSearch(deepseek, "DEEPSEEK-V3")).toBe(true);
    expect(matchesSearch(deepseek, "deepseekv3")).toBe(true);
    expect(matchesSearch(deepseek, "llama")).toBe(false);
  });

  it("sorts by active parameters and KV cache", () => {
    const q = emptyQuery();
    q.sort = "active";
    const byActive = queryModels(models, q);
    expect(byActive[0]!.params.active).toBe(Math.max(...models.map((m) => m.params.active)));
    q.sort = "kv";
    q.direction = "asc";
    const byKv = queryModels(models, q);
    expect(byKv[0]!.kvCacheBytesPerToken).toBe(Math.min(...models.map((m) => m.kvCacheBytesPerToken)));
  });

  it("round-trips through URL parameters", () => {
    const q = emptyQuery();
    q.search = "qwen";
    q.facets.year = ["2025"];
    q.facets.org = ["Alibaba Qwen"];
    q.sort = "context";
    q.direction = "asc";
    const params = queryToParams(q);
    expect(queryFromParams(new URLSearchParams(params.toString()))).toEqual(q);
    expect(queryToParams(emptyQuery()).toString()).toBe("");
  });

  it("ignores a sort that only the prototype knows (toString, constructor, __proto__)", () => {
    for (const sort of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(queryFromParams(new URLSearchParams({ sort })).sort, sort).toBe(emptyQuery().sort);
    }
  });
});

describe("search typo tolerance", () => {
  const byId = (id: string) => models.find((m) => m.id === id)!;
  it("measures edit distance with an early exit", () => {
    expect(editDistance("deepsek", "deepseek", 1)).toBe(1);
    expect(editDistance("qwne", "qwen", 1)).toBe(2); // a swap is two edits: beyond the limit
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("abc", "abcdefgh", 2)).toBe(3);
  });
  it("finds a model despite a typo in a longer word, not in a short one", () => {
    expect(matchesSearch(byId("deepseek-v3"), "deepsek")).toBe(true);
    expect(matchesSearch(byId("deepseek-v3"), "depseek v3")).toBe(true);
    expect(matchesSearch(byId("llama-3-8b"), "lama")).toBe(true);
    expect(matchesSearch(byId("llama-3-8b"), "deepsek")).toBe(false);
    // three letters: exact only
    expect(matchesSearch(byId("llama-3-8b"), "qwn")).toBe(false);
  });
  it("keeps exact searches exact enough: a typo search never matches every model", () => {
    const hits = queryModels(models, { ...emptyQuery(), search: "nemotorn" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(models.length);
    expect(hits.every((m) => /nemotron/i.test(m.name))).toBe(true);
  });
});

describe("facet counts follow the query", () => {
  it("counts what ticking a value would show, so no offered value leads to an empty result", () => {
    const q = emptyQuery();
    q.facets.decoder = ["Sparse MoE"];
    q.search = "deepseek";
    for (const facet of modelFacets) {
      for (const [value, count] of facetCounts(models, q, facet)) {
        // values within a facet are alternatives: the count is what this value alone shows under the rest of the query
        expect(count, `${facet}=${value}`).toBe(queryModels(models, { ...q, facets: { ...q.facets, [facet]: [value] } }).length);
        expect(count).toBeGreaterThan(0);
      }
    }
  });
  it("equals the plain counts with an empty query", () => {
    const counts = facetCounts(models, emptyQuery(), "org");
    for (const o of facetOptions(models, "org")) expect(counts.get(o.value)).toBe(o.count);
  });
});
