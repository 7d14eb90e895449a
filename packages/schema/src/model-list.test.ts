import { describe, expect, it } from "vitest";
import { attentionLabel, attentionParts, joinAttentionLabels } from "./classify.js";
import {
  compareModels,
  editDistance,
  facetCounts,
  facetOptions,
  facetValues,
  matchesFacets,
  matchesSearch,
  queryModels,
  type ListedModel,
} from "./model-list.js";

function entry(id: string, over: Partial<ListedModel> = {}): ListedModel {
  return {
    id,
    name: id,
    org: "Org",
    releaseDate: "2025-01-01",
    decoderType: "Dense",
    attention: "GQA",
    params: { total: 1e9, active: 1e9 },
    kvCacheBytesPerToken: 1024,
    contextLength: 8192,
    concepts: [],
    ...over,
  };
}

const list = [
  entry("deepseek-v3", {
    name: "DeepSeek V3",
    org: "DeepSeek",
    releaseDate: "2024-12-26",
    decoderType: "Sparse MoE",
    attention: "MLA",
    concepts: ["MLA", "MoE"],
    params: { total: 671e9, active: 37e9 },
  }),
  entry("qwen3-next", {
    name: "Qwen3-Next 80B-A3B",
    org: "Qwen",
    releaseDate: "2025-09-10",
    decoderType: "Sparse hybrid",
    attention: "Gated DeltaNet + GQA",
    concepts: ["MoE"],
    params: { total: 80e9, active: 3e9 },
  }),
  entry("llama-3-8b", {
    name: "Llama 3 8B",
    org: "Meta",
    releaseDate: "2024-04-18",
    contextLength: null,
    kvCacheBytesPerToken: 131072,
    params: { total: 8e9, active: 8e9 },
  }),
  entry("nemotron-h", {
    name: "Nemotron-H 8B",
    org: "NVIDIA",
    releaseDate: "2025-04-14",
    decoderType: "Hybrid MoE",
    attention: "Mamba-2 + GQA",
    concepts: ["SSM"],
    kvCacheBytesPerToken: 0,
    params: { total: 8e9, active: 8e9 },
  }),
];
const ids = (ms: readonly ListedModel[]) => ms.map((m) => m.id);

describe("attention labels", () => {
  it("joins each distinct mixer label once and splits the label back into the same parts", () => {
    const mixers = [
      { kind: "gated-deltanet", numHeads: 16, headDim: 128, numValueHeads: 32, valueHeadDim: 128, convKernel: 4 },
      { kind: "attention", heads: 16, kvHeads: 2, headDim: 256 },
      { kind: "gated-deltanet", numHeads: 16, headDim: 128, numValueHeads: 32, valueHeadDim: 128, convKernel: 4 },
    ];
    const label = joinAttentionLabels(mixers);
    expect(label).toBe("Gated DeltaNet + GQA");
    expect(attentionParts(label)).toEqual(["Gated DeltaNet", "GQA"]);
    expect(joinAttentionLabels([])).toBe("");
  });
  it("names an unknown kind by its own name, a prototype key included", () => {
    expect(joinAttentionLabels([{ kind: "constructor" }, { kind: "__proto__" }])).toBe("constructor + __proto__");
  });
  it("gives `none` for a model whose layers use no mixer", () => {
    const spec = { architecture: { mixers: {}, ffns: { f: { kind: "mlp" } }, layers: [{ ffn: "f" }] } };
    expect(attentionLabel(spec as never)).toBe("none");
    expect(attentionParts("none")).toEqual(["none"]);
  });
});

describe("model list", () => {
  it("reads facet values, the attention facet as the label's parts", () => {
    expect(facetValues(list[1]!, "attention")).toEqual(["Gated DeltaNet", "GQA"]);
    expect(facetValues(list[0]!, "year")).toEqual(["2024"]);
    expect(facetOptions(list, "attention")[0]).toEqual({ value: "GQA", count: 3 });
    expect(facetOptions(list, "year").map((o) => o.value)).toEqual(["2025", "2024"]);
  });

  it("ORs values within a facet and ANDs across facets", () => {
    expect(ids(queryModels(list, { facets: { decoder: ["Dense", "Sparse MoE"] } }))).toEqual(["deepseek-v3", "llama-3-8b"]);
    expect(ids(queryModels(list, { facets: { decoder: ["Dense", "Sparse MoE"], concept: ["MoE"] } }))).toEqual(["deepseek-v3"]);
    expect(matchesFacets(list[0]!, { decoder: ["Dense"] }, "decoder")).toBe(true);
    expect(matchesFacets(list[0]!, { decoder: [] })).toBe(true);
  });

  it("searches names, ids and organisations ignoring case, accents and punctuation, with typos in longer words", () => {
    const ds = list[0]!;
    for (const q of ["deepseek v3", "DEEPSEEK-V3", "deepseekv3", "deepsek", "DéepSeek"]) expect(matchesSearch(ds, q), q).toBe(true);
    expect(matchesSearch(ds, "llama")).toBe(false);
    expect(matchesSearch(list[3]!, "nemotorn")).toBe(true);
    // three letters: exact only
    expect(matchesSearch(list[2]!, "qwn")).toBe(false);
    expect(editDistance("qwne", "qwen", 1)).toBe(2);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
  });

  it("searches labels and concept tags only in the `all` scope", () => {
    expect(matchesSearch(list[1]!, "deltanet")).toBe(false);
    expect(matchesSearch(list[1]!, "deltanet", "all")).toBe(true);
    expect(matchesSearch(list[3]!, "ssm", "all")).toBe(true);
    expect(matchesSearch(list[0]!, "2024-12", "all")).toBe(true);
  });

  it("sorts by each key, unlimited context as the longest, ties newest first then by name", () => {
    expect(ids(queryModels(list, {}))).toEqual(["qwen3-next", "nemotron-h", "deepseek-v3", "llama-3-8b"]);
    expect(ids(queryModels(list, { sort: "active", direction: "asc" }))[0]).toBe("qwen3-next");
    expect(ids(queryModels(list, { sort: "context" }))[0]).toBe("llama-3-8b");
    expect(ids(queryModels(list, { sort: "kv", direction: "asc" }))[0]).toBe("nemotron-h");
    expect(ids(queryModels(list, { sort: "name", direction: "asc" }))).toEqual(["deepseek-v3", "llama-3-8b", "nemotron-h", "qwen3-next"]);
    const twins = [entry("b", { name: "B" }), entry("a", { name: "A" }), entry("c", { name: "C", releaseDate: "2026-01-01" })];
    expect(ids([...twins].sort(compareModels("total", "desc")))).toEqual(["c", "a", "b"]);
  });

  it("counts what ticking each value would show under the rest of the query", () => {
    const q = { search: "", facets: { decoder: ["Dense"] } };
    const counts = facetCounts(list, q, "decoder");
    for (const [value, count] of counts) expect(count).toBe(queryModels(list, { ...q, facets: { decoder: [value] } }).length);
    expect(counts.get("Hybrid MoE")).toBe(1);
  });
});
