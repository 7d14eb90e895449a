import { describe, expect, it } from "vitest";
import { compareRows, formatCompareValue } from "./compare-table.js";
import { diffModels } from "./diff.js";
import type { ModelSpec } from "./spec-types.js";
import { deepseekV3, gpt2Small, llama2_7b, llama3_8b, mistral7b } from "../test-fixtures/golden-specs.js";

const edited = (spec: ModelSpec, edit: (s: ModelSpec) => void): ModelSpec => {
  const copy = structuredClone(spec);
  edit(copy);
  return copy;
};

describe("diff labels", () => {
  it("name fields in plain language, nested fields included", () => {
    const eps = edited(llama3_8b, (s) => (s.architecture.norm.eps = 1e-6));
    expect(diffModels(llama3_8b, eps).map((d) => d.label)).toEqual(["Norm epsilon"]);
    const indexed = edited(deepseekV3, (s) => {
      (s.architecture.mixers.mla as { indexer?: unknown }).indexer = { heads: 64, headDim: 128, topK: 2048 };
    });
    const labels = diffModels(deepseekV3, indexed)
      .filter((d) => d.path.includes("indexer"))
      .map((d) => d.label);
    expect(labels.sort()).toEqual(["Indexer head dimension (MLA)", "Indexer heads (MLA)", "Tokens the indexer selects (MLA)"]);
    expect(labels.some((l) => l.startsWith("Heads"))).toBe(false);
  });

  it("spell out a field without a name of its own, and never read a label from Object.prototype", () => {
    const odd = edited(llama3_8b, (s) => {
      (s.architecture.mixers.attn as unknown as Record<string, unknown>).someNewField = 3;
      Reflect.set(s.architecture.mixers.attn!, "constructor", 1);
    });
    const labels = diffModels(llama3_8b, odd).map((d) => d.label);
    expect(labels).toContain("Some new field (GQA)");
    expect(labels).toContain("Constructor (GQA)");
    expect(labels.join(" ")).not.toMatch(/native code|function/);
  });

  it("treat a field written with its documented default like an absent one", () => {
    const explicit = edited(llama3_8b, (s) => Object.assign(s.architecture.mixers.attn!, { qkvBias: false, outBias: false }));
    expect(diffModels(llama3_8b, explicit)).toEqual([]);
    const biased = edited(llama3_8b, (s) => Object.assign(s.architecture.mixers.attn!, { qkvBias: true }));
    expect(diffModels(llama3_8b, biased).filter((d) => !d.path.startsWith("derived."))).toMatchObject([
      { path: "architecture.mixers.attn.qkvBias", label: "Query/key/value bias (GQA)", a: false, b: true },
    ]);
  });
});

describe("compareRows", () => {
  it("has one row per differing field, the first model's value where another does not differ", () => {
    const rows = compareRows([llama2_7b, llama3_8b, mistral7b]);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get("architecture.mixers.attn.kvHeads")?.values).toEqual([32, 8, 8]);
    expect(byPath.get("architecture.mixers.attn.window")?.values).toEqual([undefined, undefined, 4096]);
    expect(byPath.get("architecture.vocabSize")?.values).toEqual([32000, 128256, 32000]);
    expect(rows.some((r) => r.path.startsWith("derived."))).toBe(true);
    expect(compareRows([llama2_7b, llama3_8b], { derived: false }).some((r) => r.path.startsWith("derived."))).toBe(false);
    expect(compareRows([llama3_8b, llama3_8b])).toEqual([]);
    expect(compareRows([])).toEqual([]);
  });

  it("leaves out rows whose values read the same", () => {
    const nudged = edited(llama3_8b, (s) => (s.architecture.norm.eps = 1e-5 + 1e-21));
    expect(diffModels(llama3_8b, nudged)).toHaveLength(1);
    // 1e-5 and 1e-5 + 1e-21 differ as numbers and as text; a count that rounds alike does not.
    expect(compareRows([llama3_8b, nudged]).map((r) => r.path)).toEqual(["architecture.norm.eps"]);
    const rows = compareRows([gpt2Small, edited(gpt2Small, (s) => ((s.architecture.mixers.mha as { headDim: number }).headDim = 64))]);
    expect(rows).toEqual([]);
  });
});

describe("formatCompareValue", () => {
  it("writes absent, null, booleans, bytes, counts, context and integers one way", () => {
    expect(formatCompareValue("architecture.mixers.attn.window", undefined)).toBe("—");
    expect(formatCompareValue("architecture.mixers.attn.window", null)).toBe("none");
    expect(formatCompareValue("architecture.contextLength", null)).toBe("no explicit limit");
    expect(formatCompareValue("architecture.contextLength", 131072)).toBe("128k");
    expect(formatCompareValue("architecture.embedding.tied", true)).toBe("yes");
    expect(formatCompareValue("architecture.embedding.tied", false)).toBe("no");
    expect(formatCompareValue("derived.kvCacheBytesPerToken", 131072)).toBe("128 KiB");
    expect(formatCompareValue("derived.params.total", 8_030_261_248)).toBe("8.03B");
    expect(formatCompareValue("architecture.ffns.mlp.hidden", 14336)).toBe("14,336");
    expect(formatCompareValue("architecture.norm.eps", 1e-5)).toBe("0.00001");
    expect(formatCompareValue("derived.attention", "GQA")).toBe("GQA");
  });
});
