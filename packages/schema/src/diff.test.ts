import { describe, expect, it } from "vitest";
import { diffModels } from "./diff.js";
import { llama2_7b, llama3_8b, mistral7b, deepseekV3 } from "../test-fixtures/golden-specs.js";

describe("diffModels", () => {
  it("is empty for a model against itself", () => {
    expect(diffModels(llama3_8b, llama3_8b)).toEqual([]);
  });
  it("finds GQA, vocabulary and FFN width between Llama 2 7B and Llama 3 8B", () => {
    const diff = diffModels(llama2_7b, llama3_8b);
    const byPath = new Map(diff.map((d) => [d.path, d]));
    expect(byPath.get("architecture.mixers.attn.kvHeads")).toMatchObject({ a: 32, b: 8, kind: "changed", label: "KV heads (attn)" });
    expect(byPath.get("architecture.vocabSize")).toMatchObject({ a: 32000, b: 128256 });
    expect(byPath.get("architecture.ffns.mlp.hidden")).toMatchObject({ a: 11008, b: 14336 });
    expect(byPath.get("derived.attention")).toMatchObject({ a: "MHA", b: "GQA" });
    expect(byPath.get("architecture.mixers.attn.kvHeads")?.components).toEqual({ a: "mixer:attn", b: "mixer:attn" });
  });
  it("reports a sliding window added", () => {
    const diff = diffModels(llama3_8b, mistral7b);
    expect(diff.find((d) => d.path === "architecture.mixers.attn.window")).toMatchObject({ kind: "added", b: 4096 });
  });
  it("pairs differently named definitions by first use", () => {
    const diff = diffModels(llama3_8b, deepseekV3);
    const kind = diff.find((d) => d.path.endsWith(".kind") && d.path.includes("mixers"));
    expect(kind).toMatchObject({ a: "attention", b: "mla", components: { a: "mixer:attn", b: "mixer:mla" } });
    expect(diff.find((d) => d.path === "derived.decoderType")).toMatchObject({ a: "Dense", b: "Sparse MoE" });
  });
});
