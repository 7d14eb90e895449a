import { describe, expect, it } from "vitest";
import { formatLayerMix } from "./classify.js";
import { concepts } from "./concept-tags.js";
import { flopsPerToken } from "./flops.js";
import { cachedLayerCount, kvCacheBytesPerToken } from "./kv-cache.js";
import { kvCacheBytes } from "./cache-size.js";
import { countParams } from "./params.js";
import { validateSpec } from "./validate.js";
import type { ModelSpec } from "./spec-types.js";

/**
 * Nanbeige4.2-3B's stored stack (config.json: hidden 3072, 22 layers, 48 query / 8 KV heads of 128, SwiGLU 10752,
 * vocab 166144, untied head, num_loops 2), with and without its two passes.
 */
const stack: ModelSpec = {
  id: "looped-test",
  name: "Looped test",
  architecture: {
    vocabSize: 166144,
    contextLength: 262144,
    dModel: 3072,
    numLayers: 22,
    embedding: { tied: false },
    positional: { kind: "rope", theta: 70000000 },
    norm: { kind: "rmsnorm", placement: "pre" },
    mixers: { attn: { kind: "attention", heads: 48, kvHeads: 8, headDim: 128 } },
    ffns: { mlp: { kind: "mlp", hidden: 10752, activation: "silu", gated: true } },
    layers: [{ mixer: "attn", ffn: "mlp", count: 22 }],
  },
};
const looped: ModelSpec = { ...stack, architecture: { ...stack.architecture, loop: { passes: 2, normBetweenPasses: true } } };

describe("looped depth", () => {
  it("counts the shared weights once", () => {
    const d = 3072;
    const attn = d * 48 * 128 + 2 * d * 8 * 128 + 48 * 128 * d;
    const mlp = 3 * d * 10752;
    const expected = 2 * 166144 * d + 22 * (attn + mlp + 2 * d) + d;
    expect(countParams(looped).total).toBe(expected);
    expect(countParams(looped).breakdown).toEqual(countParams(stack).breakdown);
  });

  it("keeps one KV cache per pass: 22 layers × 2 passes × 2 × 8 × 128 × 2 bytes = 176 KiB per token", () => {
    expect(kvCacheBytesPerToken(looped)).toBe(2 * 22 * 2 * 8 * 128 * 2);
    expect(kvCacheBytesPerToken(looped) / 1024).toBe(176);
    expect(kvCacheBytesPerToken(looped)).toBe(2 * kvCacheBytesPerToken(stack));
    const at = { contextLength: 4096 };
    expect(kvCacheBytes(looped, at)).toEqual({
      total: 2 * kvCacheBytes(stack, at).total,
      kv: 2 * kvCacheBytes(stack, at).kv,
      state: 0,
      naive: 2 * kvCacheBytes(stack, at).naive,
    });
    expect(cachedLayerCount(looped)).toBe(44);
  });

  it("multiplies through the stack once per pass, the embedding and head once", () => {
    const once = flopsPerToken(stack, { contextLength: 4096 });
    const twice = flopsPerToken(looped, { contextLength: 4096 });
    const b = countParams(stack).breakdown;
    expect(twice.matmul - once.matmul).toBe(2 * (b.attention + b.ffn));
    expect(twice.attention).toBe(2 * once.attention);
  });

  it("labels the layer mix with its passes and tags the concept", () => {
    expect(formatLayerMix(looped)).toBe("22 GQA × 2 passes");
    expect(formatLayerMix(stack)).toBe("22 GQA");
    expect(concepts(looped)).toContain("looped-depth");
    expect(concepts(stack)).not.toContain("looped-depth");
  });

  it("brackets a mixed stack before the passes", () => {
    const mixed: ModelSpec = {
      ...looped,
      architecture: {
        ...looped.architecture,
        mixers: { ...looped.architecture.mixers, conv: { kind: "short-conv", convKernel: 3 } },
        layers: [
          { mixer: "conv", ffn: "mlp", count: 20 },
          { mixer: "attn", ffn: "mlp", count: 2 },
        ],
      },
    };
    expect(formatLayerMix(mixed)).toBe("(20 short convolution + 2 GQA) × 2 passes");
  });

  it("validates, and names the field when the passes make no loop", () => {
    expect(validateSpec(looped).issues).toEqual([]);
    const one = validateSpec({ ...stack, architecture: { ...stack.architecture, loop: { passes: 1 } } });
    expect(one.issues.map((i) => i.path)).toEqual(["architecture.loop.passes"]);
    expect(one.issues[0]!.message).toMatch(/at least 2 passes/);
    const zero = validateSpec({ ...stack, architecture: { ...stack.architecture, loop: { passes: 0 } } } as unknown as ModelSpec);
    expect(zero.issues.map((i) => i.path)).toContain("architecture.loop.passes");
  });
});
