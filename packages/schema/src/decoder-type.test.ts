import { describe, expect, it } from "vitest";
import { decoderType } from "./classify.js";
import type { Mixer, ModelSpec } from "./spec-types.js";

/** A 4-layer hybrid: three layers of `other`, one GQA layer, with a dense or MoE FFN. */
function hybrid(other: Mixer, moe: boolean): ModelSpec {
  return {
    id: "hybrid-test",
    name: "Hybrid test",
    architecture: {
      vocabSize: 1000,
      contextLength: 4096,
      dModel: 256,
      numLayers: 4,
      embedding: { tied: true },
      positional: { kind: "rope", theta: 10000 },
      norm: { kind: "rmsnorm", placement: "pre" },
      mixers: { other, attn: { kind: "attention", heads: 4, kvHeads: 2, headDim: 64 } },
      ffns: {
        ffn: moe
          ? { kind: "moe", experts: 8, activeExperts: 2, expertHidden: 128, activation: "silu", gated: true }
          : { kind: "mlp", hidden: 512, activation: "silu", gated: true },
      },
      layers: [
        { mixer: "other", ffn: "ffn", count: 3 },
        { mixer: "attn", ffn: "ffn" },
      ],
    },
  };
}

describe("decoder type of hybrids (the gallery's terms)", () => {
  const conv: Mixer = { kind: "short-conv", convKernel: 3 };
  const mamba: Mixer = { kind: "mamba2", heads: 8, headDim: 64, stateSize: 128, groups: 1, convKernel: 4 };

  it("short convolutions beside MoE make a Sparse hybrid (LFM2.5-8B-A1B), like linear attention", () => {
    expect(decoderType(hybrid(conv, true))).toBe("Sparse hybrid");
  });

  it("Mamba-2 beside MoE stays a Hybrid MoE (Nemotron-H)", () => {
    expect(decoderType(hybrid(mamba, true))).toBe("Hybrid MoE");
  });

  it("without MoE either is a Dense hybrid (LFM2.5 1.2B, Nemotron 3 Nano 4B)", () => {
    expect(decoderType(hybrid(conv, false))).toBe("Dense hybrid");
    expect(decoderType(hybrid(mamba, false))).toBe("Dense hybrid");
  });
});
