import { describe, expect, it } from "vitest";
import { expandLayers } from "../layers.js";
import type { AttentionMixer } from "../spec-types.js";
import { countParams } from "../params.js";
import { HfImportError, importHuggingFaceConfig } from "./index.js";

const problemPaths = (config: Record<string, unknown>): string[] => {
  try {
    importHuggingFaceConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems.map((p) => p.path);
  }
  throw new Error("expected the import to fail");
};

const dense = {
  model_type: "gemma4_text",
  vocab_size: 1000,
  hidden_size: 64,
  intermediate_size: 128,
  num_hidden_layers: 6,
  num_attention_heads: 8,
  num_key_value_heads: 4,
  head_dim: 16,
  global_head_dim: 32,
  hidden_size_per_layer_input: 0,
};

describe("gemma4_text", () => {
  it("reads wider global heads whose keys double as values, and plain RMSNorm weights", () => {
    const { spec, warnings } = importHuggingFaceConfig({ ...dense, attention_k_eq_v: true, num_global_key_value_heads: 2 });
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    const a = spec.architecture;
    expect(a.mixers.global).toMatchObject({ kvHeads: 2, headDim: 32, sharedKV: true, qkNorm: { kind: "rmsnorm", scope: "head" } });
    expect((a.mixers.sliding as AttentionMixer).sharedKV).toBeUndefined();
    expect(a.norm).toEqual({ kind: "rmsnorm", placement: "sandwich", eps: 1e-6 });
    expect(a.positional).toMatchObject({ kind: "rope", theta: 1e6, fraction: 0.25 });
    expect((a.mixers.sliding as AttentionMixer).rope).toEqual({ theta: 10000, fraction: 1 });
  });

  it("keeps v_proj and the model's KV heads on global layers without attention_k_eq_v", () => {
    const global = importHuggingFaceConfig(dense).spec.architecture.mixers.global as AttentionMixer;
    expect(global).toMatchObject({ kvHeads: 4, headDim: 32 });
    expect(global.sharedKV).toBeUndefined();
  });

  it("forces the last layer to full attention, as the configuration class does", () => {
    const types = [
      "sliding_attention",
      "sliding_attention",
      "full_attention",
      "sliding_attention",
      "sliding_attention",
      "sliding_attention",
    ];
    const { spec, warnings } = importHuggingFaceConfig({ ...dense, layer_types: types });
    expect(expandLayers(spec.architecture.layers).map((l) => l.mixer)).toEqual([
      "sliding",
      "sliding",
      "global",
      "sliding",
      "sliding",
      "global",
    ]);
    expect(warnings.some((w) => w.includes("last layer is always full attention"))).toBe(true);
  });

  it("reads the MoE block as experts beside the dense MLP, with the router's scales and the block's extra norms", () => {
    const moe = { ...dense, enable_moe_block: true, num_experts: 4, top_k_experts: 2, moe_intermediate_size: 32 };
    const { spec, warnings } = importHuggingFaceConfig(moe);
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    expect(spec.architecture.ffns).toEqual({
      moe: {
        kind: "moe",
        experts: 4,
        activeExperts: 2,
        expertHidden: 32,
        sharedExperts: 1,
        sharedHidden: 128,
        activation: "gelu-tanh",
        gated: true,
        router: { scoring: "softmax", inputScale: true, expertScale: true },
        branchNorms: 3,
      },
    });
    expect(expandLayers(spec.architecture.layers).every((l) => l.ffn === "moe")).toBe(true);
    // The expert settings have no class default.
    expect(problemPaths({ ...dense, enable_moe_block: true })).toEqual(["num_experts", "top_k_experts", "moe_intermediate_size"]);
    expect(problemPaths({ ...moe, top_k_experts: 5 })).toEqual(["top_k_experts"]);
  });

  it("reads per-layer embeddings (on by default) into the spec's per-layer table", () => {
    const { hidden_size_per_layer_input: _ple, ...withDefaultPle } = dense;
    const { spec, warnings } = importHuggingFaceConfig(withDefaultPle);
    expect(spec.architecture.embedding.perLayer).toEqual({ vocabSize: 262144, dim: 256 });
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    expect(importHuggingFaceConfig(dense).spec.architecture.embedding.perLayer).toBeUndefined();
  });

  it("builds no K/V weights in KV-shared layers and widens their MLP with use_double_wide_mlp", () => {
    const twelve = { ...dense, num_hidden_layers: 12 };
    const config = { ...twelve, num_kv_shared_layers: 2, use_double_wide_mlp: true };
    const { spec, warnings } = importHuggingFaceConfig(config);
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    const a = spec.architecture;
    expect(
      expandLayers(a.layers)
        .map((l) => `${l.mixer}/${l.ffn}`)
        .slice(4),
    ).toEqual([
      "sliding/mlp",
      "global/mlp",
      "sliding/mlp",
      "sliding/mlp",
      "sliding/mlp",
      "sliding/mlp",
      "slidingShared/mlpWide",
      "globalShared/mlpWide",
    ]);
    expect(a.mixers.slidingShared).toMatchObject({ reusesKV: true, kvWeights: false });
    expect(a.ffns.mlpWide).toMatchObject({ kind: "mlp", hidden: 256 });
    // Against the same config without sharing: layer 10 loses k/v (2·64·4·16) and k_norm (16), layer 11 loses k/v
    // (2·64·4·32) and k_norm (32); both MLPs double (3·64·128 more each).
    const plain = countParams(importHuggingFaceConfig(twelve).spec).total;
    const shared = countParams(spec).total;
    expect(shared - plain).toBe(-(2 * 64 * 4 * 16 + 16) - (2 * 64 * 4 * 32 + 32) + 2 * 3 * 64 * 128);
    const narrow = importHuggingFaceConfig({ ...config, use_double_wide_mlp: false }).spec;
    expect(expandLayers(narrow.architecture.layers)[11]?.ffn).toBe("mlp");
  });

  it("refuses sharing that leaves no earlier layer to share with, and a missing global KV head count, by name", () => {
    expect(problemPaths({ ...dense, num_kv_shared_layers: 6 })).toEqual(["num_kv_shared_layers"]);
    // Layer 5 is the only full-attention layer: sharing it leaves no earlier full layer to read from.
    expect(problemPaths({ ...dense, num_kv_shared_layers: 1 })).toEqual(["num_kv_shared_layers"]);
    expect(problemPaths({ ...dense, attention_k_eq_v: true })).toEqual(["num_global_key_value_heads"]);
  });
});
