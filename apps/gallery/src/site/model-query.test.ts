import { describe, expect, it } from "vitest";
import { models } from "@archgal/data";
import { attentionKinds, emptyQuery, facetOptions, matchesSearch, queryFromParams, queryToParams, runQuery } from "./model-query.js";

describe("model query", () => {
  it("returns every model newest first by default", () => {
    const hits = runQuery(models, emptyQuery());
    expect(hits).toHaveLength(models.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.releaseDate >= hits[i]!.releaseDate).toBe(true);
  });

  it("ORs values within a facet and ANDs across facets", () => {
    const q = emptyQuery();
    q.facets.decoder = ["Dense", "Sparse MoE"];
    const both = runQuery(models, q);
    expect(both.length).toBe(models.filter((m) => m.decoderType === "Dense" || m.decoderType === "Sparse MoE").length);
    q.facets.concept = ["MLA"];
    const mla = runQuery(models, q);
    expect(mla.length).toBeGreaterThan(0);
    expect(mla.every((m) => m.concepts.includes("MLA") && ["Dense", "Sparse MoE"].includes(m.decoderType))).toBe(true);
  });

  it("splits hybrid attention labels into kinds", () => {
    const hybrid = models.find((m) => m.attention.includes(" + "));
    expect(hybrid).toBeDefined();
    expect(attentionKinds(hybrid!).length).toBe(2);
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
    const byActive = runQuery(models, q);
    expect(byActive[0]!.params.active).toBe(Math.max(...models.map((m) => m.params.active)));
    q.sort = "kv";
    q.direction = "asc";
    const byKv = runQuery(models, q);
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
});
