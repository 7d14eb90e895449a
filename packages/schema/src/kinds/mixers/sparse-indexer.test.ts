import { describe, expect, it } from "vitest";
import { mla, type MlaMixer } from "./mla.js";
import { mlaDetails } from "./mla.details.js";
import { kvCacheBytesPerToken } from "../../kv-cache.js";
import { kvCacheBytes } from "../../cache-size.js";
import { countParams } from "../../params.js";
import { flopsPerToken } from "../../flops.js";
import { formatIssues, validateSpec } from "../../validate.js";
import type { ArchitectureInput } from "../../spec-types.js";

const arch = { dModel: 6144, norm: { kind: "rmsnorm", placement: "pre" } } as const;
// GLM-5's latent attention and lightning indexer (GlmMoeDsaConfig defaults).
const own: MlaMixer = {
  kind: "mla",
  heads: 64,
  qLoraRank: 2048,
  kvLoraRank: 512,
  qkNopeHeadDim: 192,
  qkRopeHeadDim: 64,
  vHeadDim: 256,
  indexer: { heads: 32, headDim: 128, topK: 2048 },
};
const shared: MlaMixer = { ...own, indexer: { ...own.indexer!, shared: true } };

// One layer of each, with a small dense FFN, so every metric can be computed end to end.
const spec: { architecture: ArchitectureInput } = {
  architecture: {
    vocabSize: 1000,
    contextLength: 1_048_576,
    dModel: 6144,
    numLayers: 2,
    embedding: { tied: false },
    positional: { kind: "rope", theta: 8_000_000 },
    norm: { kind: "rmsnorm", placement: "pre" },
    mixers: { own, shared },
    ffns: { mlp: { kind: "mlp", hidden: 64, activation: "silu", gated: true } },
    layers: [
      { mixer: "own", ffn: "mlp" },
      { mixer: "shared", ffn: "mlp" },
    ],
  },
};

describe("a shared sparse indexer (IndexShare / IndexCache)", () => {
  it("carries no indexer weights: wq_b, wk, k_norm and weights_proj are left out", () => {
    const indexer = 2048 * 32 * 128 + 6144 * 128 + 2 * 128 + 6144 * 32;
    expect(mla.params(own, arch).params - mla.params(shared, arch).params).toBe(indexer);
    const counts = countParams(spec);
    expect(counts.total).toBe(countParams({ architecture: { ...spec.architecture, mixers: { own, shared: own } } }).total - indexer);
  });

  it("caches no indexer keys for the sharing layer, while the latent stays in both", () => {
    expect(mla.cache.indexKeysPerToken(own)).toBe(128);
    expect(mla.cache.indexKeysPerToken(shared)).toBe(0);
    // The per-token KV rule: the latent and rope key of both layers, the owning layer's indexer keys.
    expect(kvCacheBytesPerToken(spec)).toBe((2 * 576 + 128) * 2);
    // The true cache adds the owning layer's 128-element keys only.
    expect(kvCacheBytes(spec, { contextLength: 1000 }).kv).toBe(1000 * (2 * 576 + 128) * 2);
  });

  it("attends to the same top-k but skips the indexer's scoring of every earlier token", () => {
    const tokens = 1_000_000;
    const attend = 64 * (192 + 64 + 256) * 2048;
    expect(mlaDetails.attentionMacs(shared, tokens)).toBe(attend);
    expect(mlaDetails.attentionMacs(own, tokens)).toBe(attend + 32 * (128 + 1) * tokens);
    expect(flopsPerToken(spec, { contextLength: tokens }).attention).toBe(2 * (2 * attend + 32 * 129 * tokens));
  });

  it("says so in the popover and validates", () => {
    expect(mlaDetails.facts(own)).toContainEqual(["Sparse indexer", "32 heads × 128, top-2,048"]);
    expect(mlaDetails.facts(shared)).toContainEqual([
      "Sparse indexer",
      "none of its own: reuses the top-2,048 of the last layer with an indexer",
    ]);
    expect(validateSpec({ id: "x", name: "x", ...spec }).issues).toEqual([]);
    const bad = validateSpec({
      id: "x",
      name: "x",
      architecture: { ...spec.architecture, mixers: { own, shared: { ...shared, indexer: { ...shared.indexer, shared: "yes" } } } },
    });
    expect(formatIssues(bad.issues)).toMatch(/architecture\.mixers\.shared\.indexer\.shared.*expected true or false/);
  });
});

describe("the figure's note on shared indexers", () => {
  it("counts the layers that reuse a selection, and says nothing for layers with their own indexer", () => {
    expect(mla.calloutNotes(shared, 57)).toEqual([[57, " layers reuse an earlier layer's token selection"]]);
    expect(mla.calloutNotes(own, 21)).toEqual([]);
  });
});

describe("a sparse indexer on grouped-query attention (Naive N0.5 Flash)", () => {
  // NaiveN05FlashAttention's DSA layers: GQA 64 / 4 heads of 192 (values 128) with a 16-head indexer.
  const gqa = { kind: "attention", heads: 64, kvHeads: 4, headDim: 192, valueHeadDim: 128 } as const;
  const dsa = { ...gqa, indexer: { heads: 16, headDim: 128, topK: 2048 } };
  const d = 4096;
  const at = { dModel: d, norm: { kind: "rmsnorm", placement: "pre" } } as const;
  it("adds wq and weights_proj from the layer input, wk and the LayerNorm k_norm", async () => {
    const { attention } = await import("./attention.js");
    expect(attention.params(dsa, at).params - attention.params(gqa, at).params).toBe(d * 16 * 128 + d * 128 + 2 * 128 + d * 16);
    expect(attention.params({ ...dsa, indexer: { ...dsa.indexer, shared: true } }, at).params).toBe(attention.params(gqa, at).params);
    expect(attention.cache.indexKeysPerToken?.(dsa)).toBe(128);
    expect(attention.label(dsa)).toBe("GQA + DSA");
    expect(attention.title(dsa)).toBe("**Sparse** Grouped-Query Attention");
  });
  it("reads only the top-k tokens and is tagged DSA", async () => {
    const { attentionDetails } = await import("./attention.details.js");
    expect(attentionDetails.attentionMacs(dsa, 100_000)).toBe(64 * 320 * 2048 + 16 * 129 * 100_000);
    expect(attentionDetails.concepts(dsa, { rope: true })).toContain("DSA");
  });
});
