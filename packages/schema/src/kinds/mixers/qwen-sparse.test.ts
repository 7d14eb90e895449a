import { describe, expect, it } from "vitest";
import { qwenSparse as core, type QwenSparseMixer } from "./qwen-sparse.js";
import type { MixerKind } from "../mixer-kind.js";
import { qwenSparseDetails } from "./qwen-sparse.details.js";
import { attention } from "./attention.js";
import { kvCacheBytesPerToken } from "../../kv-cache.js";
import { kvCacheBytes } from "../../cache-size.js";
import { formatIssues, validateSpec } from "../../validate.js";
import { conceptEntry } from "../../concepts/catalogue.js";
import type { Architecture } from "../../spec-types.js";

const qwenSparse: Omit<Required<MixerKind<QwenSparseMixer>>, "cacheWriterParams"> & {
  cache: Required<Omit<MixerKind<QwenSparseMixer>["cache"], "windowPerToken">>;
} = {
  ...core,
  ...qwenSparseDetails,
  cache: { ...core.cache, ...qwenSparseDetails.cache },
};

// Qwen3.8-Flash-Next's softmax layer (transformers Qwen4ExpTextAttention with the checkpoint's config values).
const d = 2560;
const arch = { dModel: d, norm: { kind: "rmsnorm", placement: "pre" } } as const;
const qsa: QwenSparseMixer = {
  kind: "qwen-sparse",
  heads: 24,
  kvHeads: 2,
  headDim: 256,
  qkNorm: { kind: "rmsnorm", scope: "head" },
  outputGate: "elementwise",
  indexer: { heads: 4, headDim: 128, blockSize: 4, topKBlocks: 512 },
};
const gated = {
  kind: "attention",
  heads: 24,
  kvHeads: 2,
  headDim: 256,
  qkNorm: { kind: "rmsnorm", scope: "head" },
  outputGate: "elementwise",
} as const;

describe("Qwen Sparse Attention", () => {
  it("counts the gated GQA projections and q/k norms plus index_qk_proj and the indexer's two RMSNorms", () => {
    const layer = d * (2 * 24 * 256 + 2 * 2 * 256) + 24 * 256 * d + 2 * 256;
    const indexer = d * (4 + 1) * 128 + 2 * 128;
    expect(attention.params(gated, arch).params).toBe(layer);
    expect(qwenSparse.params(qsa, arch)).toEqual({ component: "attention", params: layer + indexer });
  });

  it("caches the GQA keys and values plus one raw indexer key per token (the KV rule and the true cache)", () => {
    expect(qwenSparse.cache.perToken(qsa)).toBe(2 * 2 * 256);
    expect(qwenSparse.cache.indexKeysPerToken(qsa)).toBe(128);
    const spec = (mixer: unknown) => ({
      architecture: {
        vocabSize: 100,
        contextLength: 262_144,
        dModel: d,
        numLayers: 1,
        embedding: { tied: false },
        positional: { kind: "rope", theta: 1e7, fraction: 0.25 },
        norm: { kind: "rmsnorm", placement: "pre" },
        mixers: { m: mixer },
        ffns: { f: { kind: "mlp", hidden: 64, activation: "silu", gated: true } },
        layers: [{ mixer: "m", ffn: "f" }],
      } as unknown as Architecture,
    });
    expect(kvCacheBytesPerToken(spec(qsa))).toBe(kvCacheBytesPerToken(spec(gated)) + 128 * 2);
    expect(kvCacheBytes(spec(qsa), { contextLength: 1000 }).kv).toBe(1000 * (1024 + 128) * 2);
    expect(validateSpec({ id: "x", name: "x", ...spec(qsa) }).issues).toEqual([]);
  });

  it("reads the selected blocks and the unfinished one, and scores one pooled key per complete block", () => {
    const tokens = 100_000;
    const selected = 512 * 4 + 3;
    expect(qwenSparse.attentionMacs(qsa, tokens)).toBe(24 * 512 * selected + 4 * 128 * 25_000);
    // Up to 2,051 tokens every key is read: dense attention.
    expect(qwenSparse.attentionMacs(qsa, 2000)).toBe(24 * 512 * 2000 + 4 * 128 * 500);
  });

  it("is named, tagged and explained as Qwen Sparse Attention", () => {
    expect(qwenSparse.label(qsa)).toBe("Qwen Sparse Attention");
    expect(qwenSparse.attentionLabel(qsa)).toBe("GQA");
    expect(qwenSparse.title(qsa)).toBe("**Qwen Sparse** Grouped-Query Attention");
    expect(qwenSparse.concepts(qsa, { rope: true })).toEqual(["GQA", "QK-Norm", "gated-attention", "qwen-sparse-attention"]);
    expect(conceptEntry("qwen-sparse-attention")?.short).toBe("QSA");
    expect(qwenSparse.calloutNotes(qsa, 12)).toEqual([["top ", 512, " blocks of ", 4, " tokens per query"]]);
    expect(qwenSparseDetails.facts(qsa)).toContainEqual(["Selection", "top 512 blocks of 4 tokens and the unfinished last block"]);
  });

  it("rejects a missing indexer and kv heads that do not divide the heads", () => {
    const { indexer: _indexer, ...bare } = qsa;
    const base = {
      vocabSize: 10,
      contextLength: 16,
      dModel: 8,
      numLayers: 1,
      embedding: { tied: true },
      positional: { kind: "rope" },
      norm: { kind: "rmsnorm", placement: "pre" },
      ffns: { f: { kind: "mlp", hidden: 16, activation: "silu", gated: true } },
      layers: [{ mixer: "m", ffn: "f" }],
    };
    expect(formatIssues(validateSpec({ id: "x", name: "x", architecture: { ...base, mixers: { m: bare } } }).issues)).toMatch(/indexer/);
    expect(
      formatIssues(validateSpec({ id: "x", name: "x", architecture: { ...base, mixers: { m: { ...qsa, kvHeads: 5 } } } }).issues),
    ).toMatch(/kvHeads.*divide/);
  });
});
