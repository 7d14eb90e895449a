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
    expect(byPath.get("architecture.mixers.attn.kvHeads")).toMatchObject({ a: 32, b: 8, kind: "changed", label: "KV heads (MHA)" });
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

describe("pairing definitions by role", () => {
  const arch = (mixers: Record<string, object>, ffns: Record<string, object>, layers: object[]) => ({
    architecture: { ...llama3_8b.architecture, mixers, ffns, layers, numLayers: layers.length },
  });
  const gqa = { kind: "attention", heads: 32, kvHeads: 8, headDim: 128 };
  const dense = { kind: "mlp", hidden: 14336, activation: "silu", gated: true };
  const moe = { kind: "moe", experts: 64, topK: 4, expertHidden: 1024, activation: "silu", gated: true };

  it("pairs MoE with MoE when one model starts with dense layers", () => {
    const v3like = arch({ attn: gqa }, { dense, moe }, [
      { mixer: "attn", ffn: "dense" },
      { mixer: "attn", ffn: "moe", count: 3 },
    ]);
    const qwenlike = arch({ attn: gqa }, { experts: { ...moe, experts: 128 } }, [{ mixer: "attn", ffn: "experts", count: 4 }]);
    const diff = diffModels(v3like as never, qwenlike as never);
    expect(diff.find((d) => d.path === "architecture.ffns.moe.experts")).toMatchObject({
      a: 64,
      b: 128,
      components: { a: "ffn:moe", b: "ffn:experts" },
    });
    // The dense FFN has no partner: its fields are reported as removed, not compared with the MoE's.
    expect(diff.filter((d) => d.components?.a === "ffn:dense").every((d) => d.kind === "removed" && d.components?.b === undefined)).toBe(
      true,
    );
  });

  it("labels rows by what the definition is, with its slot name only where two would read the same", () => {
    const two = arch({ attn: gqa }, { hash: moe, moe }, [
      { mixer: "attn", ffn: "hash" },
      { mixer: "attn", ffn: "moe", count: 3 },
    ]);
    const other = arch({ attn: { ...gqa, kvHeads: 4 } }, { hash: { ...moe, topK: 2 }, moe: { ...moe, topK: 8 } }, [
      { mixer: "attn", ffn: "hash" },
      { mixer: "attn", ffn: "moe", count: 3 },
    ]);
    const labels = diffModels(two as never, other as never).map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(["KV heads (GQA)", "Top k (MoE, hash)", "Top k (MoE, moe)"]));
  });

  it("pairs global attention with global attention, whatever the slot order", () => {
    const gemmaLike = arch({ local: { ...gqa, window: 1024 }, global: gqa }, { dense }, [
      { mixer: "local", ffn: "dense", count: 5 },
      { mixer: "global", ffn: "dense" },
    ]);
    const llamaLike = arch({ attn: { ...gqa, kvHeads: 4 } }, { dense }, [{ mixer: "attn", ffn: "dense", count: 6 }]);
    const diff = diffModels(llamaLike as never, gemmaLike as never);
    expect(diff.find((d) => d.path === "architecture.mixers.attn.kvHeads")).toMatchObject({
      a: 4,
      b: 8,
      components: { a: "mixer:attn", b: "mixer:global" },
    });
    const local = diff.filter((d) => d.components?.b === "mixer:local");
    expect(local.every((d) => d.kind === "added")).toBe(true);
    // Only the fields the definition sets: no rows of documented defaults (biases, sinks, …) for it.
    expect(local.map((d) => d.path.split(".").pop()).sort()).toEqual(["headDim", "heads", "kind", "kvHeads", "window"]);
  });
});
