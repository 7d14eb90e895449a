import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandLayers } from "../layers.js";
import type { AttentionMixer, MoeFfn } from "../spec-types.js";
import { HfImportError, importHuggingFaceConfig } from "./index.js";

const real = JSON.parse(readFileSync(new URL("./fixtures/laguna-xs.2.json", import.meta.url), "utf8")) as Record<string, unknown>;

const problemPaths = (config: Record<string, unknown>): string[] => {
  try {
    importHuggingFaceConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems.map((p) => p.path);
  }
  throw new Error("expected the import to fail");
};

describe("laguna", () => {
  it("reads per-layer head counts, the per-head gate and each layer type's RoPE from the real Laguna-XS.2 config", () => {
    const { spec, warnings } = importHuggingFaceConfig(real);
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    const a = spec.architecture;
    expect(a.mixers.global).toMatchObject({ heads: 48, kvHeads: 8, outputGate: "headwise", qkNorm: { kind: "rmsnorm", scope: "head" } });
    expect(a.mixers.swa).toMatchObject({ heads: 64, window: 512, rope: { theta: 10000, fraction: 1 } });
    expect(a.positional).toMatchObject({ theta: 500000, fraction: 0.5, scaling: { type: "yarn", factor: 64 } });
    expect(
      expandLayers(a.layers)
        .slice(0, 5)
        .map((l) => `${l.mixer}/${l.ffn}`),
    ).toEqual(["global/dense", "swa/moe", "swa/moe", "swa/moe", "global/moe"]);
    expect((a.ffns.moe as MoeFfn).router).toEqual({ scoring: "sigmoid", bias: true, routedScale: 2.5 });
  });

  it("names one mixer per layer type and head count", () => {
    const heads = (real.num_attention_heads_per_layer as number[]).map((h, i) => (i === 8 ? 56 : h));
    const mixers = importHuggingFaceConfig({ ...real, num_attention_heads_per_layer: heads }).spec.architecture.mixers;
    expect(Object.keys(mixers).sort()).toEqual(["global", "global-56", "swa"]);
    expect((mixers["global-56"] as AttentionMixer).heads).toBe(56);
  });

  it("refuses head lists of the wrong length or not divisible by the KV heads, and router weights on the input", () => {
    expect(problemPaths({ ...real, num_attention_heads_per_layer: [48, 64] })).toEqual(["num_attention_heads_per_layer"]);
    const heads = (real.num_attention_heads_per_layer as number[]).map((h, i) => (i === 1 ? 60 : h));
    expect(problemPaths({ ...real, num_attention_heads_per_layer: heads })).toEqual(["num_attention_heads_per_layer"]);
    expect(problemPaths({ ...real, moe_apply_router_weight_on_input: true })).toEqual(["moe_apply_router_weight_on_input"]);
    expect(problemPaths({ ...real, gating: false })).toEqual(["gating"]);
  });
});
