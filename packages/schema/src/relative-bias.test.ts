import { describe, expect, it } from "vitest";
import { formatLayerMix } from "./classify.js";
import { concepts } from "./concept-tags.js";
import { flopsPerToken } from "./flops.js";
import { kvCacheBytesPerToken } from "./kv-cache.js";
import { countParams, mixerParams } from "./params.js";
import { validateSpec } from "./validate.js";
import type { AttentionMixer, ModelSpec } from "./spec-types.js";

/** Inkling's global attention (config: 64 heads, 8 KV heads of 128, d_rel 16, rel_extent 1024, no q/o bias). */
const global: AttentionMixer = { kind: "attention", heads: 64, kvHeads: 8, headDim: 128, relativeBias: { dim: 16, extent: 1024 } };
const plain: AttentionMixer = { kind: "attention", heads: 64, kvHeads: 8, headDim: 128 };
const arch = { dModel: 6144, norm: { kind: "rmsnorm", placement: "pre" } } as const;

const spec = (mixer: AttentionMixer): ModelSpec => ({
  id: "rel-test",
  name: "Relative bias test",
  architecture: {
    vocabSize: 1000,
    contextLength: 1048576,
    dModel: 6144,
    numLayers: 2,
    embedding: { tied: true },
    positional: { kind: "none" },
    norm: { kind: "rmsnorm", placement: "pre" },
    mixers: { attn: mixer },
    ffns: { mlp: { kind: "mlp", hidden: 1024, activation: "silu", gated: true } },
    layers: [{ mixer: "attn", ffn: "mlp", count: 2 }],
  },
});

describe("learned relative-position bias (attention option)", () => {
  it("adds the r slice of the fused q/k/v/r projection and the dim × extent table (SGLang InklingAttention)", () => {
    // qkvr output sizes: 128·64 + 128·8 + 128·8 + 16·64; wo_ud 128·64 → 6144; rel_logits_proj.proj 16 × 1024.
    const expected = 6144 * (128 * 64 + 2 * 128 * 8 + 16 * 64) + 128 * 64 * 6144 + 16 * 1024;
    expect(mixerParams(global, arch)?.params).toBe(expected);
    expect(mixerParams(global, arch)!.params - mixerParams(plain, arch)!.params).toBe(6144 * 16 * 64 + 16 * 1024);
  });

  it("costs 64 heads × 16 × 1,024 multiply-adds per query and no cache", () => {
    const withBias = flopsPerToken(spec(global), { contextLength: 100 }).attention;
    const without = flopsPerToken(spec(plain), { contextLength: 100 }).attention;
    expect(withBias - without).toBe(2 * 2 * 64 * 16 * 1024);
    expect(kvCacheBytesPerToken(spec(global))).toBe(kvCacheBytesPerToken(spec(plain)));
    expect(countParams(spec(global)).total - countParams(spec(plain)).total).toBe(2 * (6144 * 16 * 64 + 16 * 1024));
  });

  it("is tagged and validated; a bias beyond the sliding window is refused at its field", () => {
    expect(concepts(spec(global))).toContain("relative-position-bias");
    expect(concepts(spec(plain))).not.toContain("relative-position-bias");
    expect(formatLayerMix(spec(global))).toBe("2 GQA");
    expect(validateSpec(spec(global)).issues).toEqual([]);
    const wide = validateSpec(spec({ ...global, window: 512, relativeBias: { dim: 16, extent: 1024 } }));
    expect(wide.issues.map((i) => i.path)).toEqual(["architecture.mixers.attn.relativeBias.extent"]);
    const zero = validateSpec(spec({ ...global, relativeBias: { dim: 0, extent: 1024 } }));
    expect(zero.issues.map((i) => i.path)).toContain("architecture.mixers.attn.relativeBias.dim");
  });
});
