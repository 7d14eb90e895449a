import { describe, expect, it } from "vitest";
import { expandLayers } from "../layers.js";
import { countParams } from "../params.js";
import type { AttentionMixer } from "../spec-types.js";
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

const defaults = {
  model_type: "mimo_v2_flash",
  hidden_size: 4096,
  num_hidden_layers: 48,
  num_attention_heads: 64,
  intermediate_size: 16384,
};
const layers = 48;
/** The checkpoints' remote-code layout of the same model (1 = sliding layer, 1 = MoE layer). */
const remote = {
  ...defaults,
  vocab_size: 152576,
  num_key_value_heads: 4,
  head_dim: 192,
  v_head_dim: 128,
  swa_num_attention_heads: 64,
  swa_num_key_value_heads: 8,
  swa_head_dim: 192,
  swa_v_head_dim: 128,
  partial_rotary_factor: 0.334,
  rope_theta: 5000000,
  swa_rope_theta: 10000,
  sliding_window: 128,
  sliding_window_size: 128,
  add_swa_attention_sink_bias: true,
  add_full_attention_sink_bias: false,
  n_routed_experts: 256,
  num_experts_per_tok: 8,
  moe_intermediate_size: 2048,
  routed_scaling_factor: null,
  n_group: 1,
  topk_group: 1,
  layernorm_epsilon: 1e-5,
  attention_value_scale: 0.707,
  hybrid_layer_pattern: Array.from({ length: layers }, (_, i) => (i === 0 || (i + 1) % 6 === 0 ? 0 : 1)),
  moe_layer_freq: Array.from({ length: layers }, (_, i) => (i === 0 ? 0 : 1)),
};

describe("mimo_v2_flash", () => {
  it("reads the remote-code layout as the transformers class defaults, every key understood", () => {
    const { spec, warnings } = importHuggingFaceConfig(remote);
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    expect(countParams(spec).total).toBe(countParams(importHuggingFaceConfig(defaults).spec).total);
    const a = spec.architecture;
    const sliding = a.mixers.sliding as AttentionMixer;
    expect(sliding).toMatchObject({ kvHeads: 8, headDim: 192, valueHeadDim: 128, window: 128, sinks: true, rope: { theta: 10000 } });
    expect((a.mixers.full as AttentionMixer).sinks).toBeUndefined();
    expect(expandLayers(a.layers).filter((l) => l.mixer === "full").length).toBe(9);
  });

  it("takes the sliding layers' KV heads as twice the model's unless the config says otherwise", () => {
    const kv = (config: Record<string, unknown>) =>
      (importHuggingFaceConfig(config).spec.architecture.mixers.sliding as AttentionMixer).kvHeads;
    expect(kv({ ...defaults, num_key_value_heads: 2 })).toBe(4);
    expect(kv({ ...defaults, num_key_value_heads: 2, swa_num_key_value_heads: 8 })).toBe(8);
  });

  it("refuses per-layer lists of the wrong shape, shared experts and KV heads that do not divide the heads", () => {
    expect(problemPaths({ ...remote, hybrid_layer_pattern: [0, 1] })).toEqual(["hybrid_layer_pattern"]);
    expect(problemPaths({ ...remote, moe_layer_freq: remote.moe_layer_freq.map((v) => v * 2) })).toEqual(["moe_layer_freq"]);
    expect(problemPaths({ ...remote, n_shared_experts: 1 })).toEqual(["n_shared_experts"]);
    expect(problemPaths({ ...remote, swa_num_key_value_heads: 7 })).toEqual(["swa_num_key_value_heads"]);
  });

  it("says that the MTP modules are not counted", () => {
    const { warnings } = importHuggingFaceConfig({ ...remote, num_nextn_predict_layers: 3 });
    expect(warnings.some((w) => w.includes("MTP modules"))).toBe(true);
  });
});

describe("mimo", () => {
  const mimo7b = {
    model_type: "mimo",
    vocab_size: 1000,
    hidden_size: 64,
    intermediate_size: 128,
    num_hidden_layers: 4,
    num_attention_heads: 8,
    num_key_value_heads: 2,
  };

  it("counts one Qwen2 block and the MTP projections per num_nextn_predict_layers", () => {
    const counts = (n: number) => countParams(importHuggingFaceConfig({ ...mimo7b, num_nextn_predict_layers: n }).spec);
    const block = (countParams(importHuggingFaceConfig(mimo7b).spec).total - 2 * 1000 * 64 - 64) / 4;
    expect(counts(0).totalWithMtp).toBe(counts(0).total);
    // token_layernorm + hidden_layernorm + input_proj 2·64² + block + final_layernorm, per module.
    expect(counts(2).totalWithMtp - counts(2).total).toBe(2 * (64 + 64 + 2 * 64 * 64 + block + 64));
  });

  it("warns that attention_bias false is not followed", () => {
    expect(importHuggingFaceConfig({ ...mimo7b, attention_bias: false }).warnings.some((w) => w.startsWith("mimo: attention_bias"))).toBe(
      true,
    );
  });
});
