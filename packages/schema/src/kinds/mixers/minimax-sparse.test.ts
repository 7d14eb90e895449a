import { describe, expect, it } from "vitest";
import { minimaxSparse as core, type MiniMaxSparseMixer } from "./minimax-sparse.js";
import type { MixerKind } from "../mixer-kind.js";
import { minimaxSparseDetails } from "./minimax-sparse.details.js";
import { attention } from "./attention.js";
import { kvCacheBytesPerToken } from "../../kv-cache.js";
import { kvCacheBytes } from "../../cache-size.js";
import { formatIssues, validateSpec } from "../../validate.js";
import { conceptEntry } from "../../concepts/catalogue.js";
import type { Architecture } from "../../spec-types.js";

const minimaxSparse: Omit<Required<MixerKind<MiniMaxSparseMixer>>, "cacheWriterParams"> & {
  cache: Required<Omit<MixerKind<MiniMaxSparseMixer>["cache"], "windowPerToken">>;
} = {
  ...core,
  ...minimaxSparseDetails,
  cache: { ...core.cache, ...minimaxSparseDetails.cache },
};

// MiniMax M3's sparse layer (transformers MiniMaxM3VLTextConfig defaults for the MiniMaxAI/MiniMax-M3 checkpoint).
const d = 6144;
const arch = { dModel: d, norm: { kind: "rmsnorm", placement: "pre" } } as const;
const msa: MiniMaxSparseMixer = {
  kind: "minimax-sparse",
  heads: 64,
  kvHeads: 4,
  headDim: 128,
  qkNorm: { kind: "rmsnorm", scope: "head" },
  indexer: { heads: 4, headDim: 128, blockSize: 128, topKBlocks: 16, localBlocks: 1 },
};
const gqa = { kind: "attention", heads: 64, kvHeads: 4, headDim: 128, qkNorm: { kind: "rmsnorm", scope: "head" } } as const;

describe("MiniMax Sparse Attention", () => {
  it("counts the GQA projections and q/k norms plus the indexer's q_proj, k_proj, q_norm and k_norm", () => {
    const layer = d * (64 * 128 + 2 * 4 * 128) + 64 * 128 * d + 2 * 128;
    const indexer = d * 4 * 128 + d * 128 + 2 * 128;
    expect(attention.params(gqa, arch).params).toBe(layer);
    expect(minimaxSparse.params(msa, arch)).toEqual({ component: "attention", params: layer + indexer });
  });

  it("caches the GQA keys and values plus one indexer key, per token (the KV rule) and in the true cache", () => {
    expect(minimaxSparse.cache.perToken(msa)).toBe(2 * 4 * 128);
    expect(minimaxSparse.cache.indexKeysPerToken(msa)).toBe(128);
    const spec = (mixer: unknown) => ({
      architecture: {
        vocabSize: 100,
        contextLength: 524_288,
        dModel: d,
        numLayers: 1,
        embedding: { tied: false },
        positional: { kind: "rope", theta: 5e6, fraction: 0.5 },
        norm: { kind: "rmsnorm", placement: "pre" },
        mixers: { m: mixer },
        ffns: { f: { kind: "mlp", hidden: 64, activation: "silu", gated: true } },
        layers: [{ mixer: "m", ffn: "f" }],
      } as unknown as Architecture,
    });
    expect(kvCacheBytesPerToken(spec(msa))).toBe(kvCacheBytesPerToken(spec(gqa)) + 128 * 2);
    expect(kvCacheBytes(spec(msa), { contextLength: 1000 }).kv).toBe(1000 * (1024 + 128) * 2);
    expect(validateSpec({ id: "x", name: "x", ...spec(msa) }).issues).toEqual([]);
  });

  it("reads only the selected blocks, but scores every earlier key", () => {
    const tokens = 100_000;
    const selected = 16 * 128;
    expect(minimaxSparse.attentionMacs(msa, tokens)).toBe(64 * 256 * selected + 4 * 128 * tokens);
    // Below 16 blocks of context every key is read.
    expect(minimaxSparse.attentionMacs(msa, 1000)).toBe(64 * 256 * 1000 + 4 * 128 * 1000);
  });

  it("is named, tagged and explained as MiniMax Sparse Attention", () => {
    expect(minimaxSparse.label(msa)).toBe("MiniMax Sparse Attention");
    expect(minimaxSparse.attentionLabel(msa)).toBe("GQA");
    expect(minimaxSparse.title(msa)).toBe("**MiniMax Sparse** Grouped-Query Attention");
    expect(minimaxSparse.concepts(msa, { rope: true })).toEqual(["GQA", "QK-Norm", "block-sparse-attention"]);
    expect(conceptEntry("block-sparse-attention")?.short).toBe("MSA");
    expect(minimaxSparse.calloutNotes(msa, 57)).toEqual([["top ", 16, " blocks of ", 128, " tokens per query"]]);
    expect(minimaxSparseDetails.facts(msa)).toContainEqual(["Selection", "top 16 blocks of 128 tokens"]);
  });

  it("rejects more always-kept blocks than selected ones, and a missing indexer", () => {
    const archFull = { contextLength: 4096 } as Architecture;
    expect(minimaxSparseDetails.relations({ ...msa, indexer: { ...msa.indexer, localBlocks: 17 } }, archFull, ["mixers", "msa"])).toEqual([
      { path: ["mixers", "msa", "indexer", "localBlocks"], message: "must not exceed topKBlocks (16), got 17" },
    ]);
    const { indexer: _indexer, ...bare } = msa;
    const v = validateSpec({
      id: "x",
      name: "x",
      architecture: {
        vocabSize: 10,
        contextLength: 16,
        dModel: 8,
        numLayers: 1,
        embedding: { tied: true },
        positional: { kind: "rope" },
        norm: { kind: "rmsnorm", placement: "pre" },
        mixers: { m: bare },
        ffns: { f: { kind: "mlp", hidden: 16, activation: "silu", gated: true } },
        layers: [{ mixer: "m", ffn: "f" }],
      },
    });
    expect(formatIssues(v.issues)).toMatch(/architecture\.mixers\.m\.indexer/);
  });
});
