import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandLayers } from "../layers.js";
import { countParams } from "../params.js";
import type { MlaMixer } from "../spec-types.js";
import { HfImportError, importHuggingFaceConfig } from "./index.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;

const problemPaths = (config: Record<string, unknown>): string[] => {
  try {
    importHuggingFaceConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems.map((p) => p.path);
  }
  throw new Error("expected the import to fail");
};

/** Per layer: whether it runs its own indexer. */
const ownIndexers = (config: Record<string, unknown>): boolean[] => {
  const { architecture } = importHuggingFaceConfig(config).spec;
  return expandLayers(architecture.layers).map((slot) => {
    const mixer = architecture.mixers[slot.mixer ?? ""] as MlaMixer;
    expect(mixer.indexer).toBeDefined();
    return !mixer.indexer?.shared;
  });
};

const small = {
  model_type: "glm_moe_dsa",
  vocab_size: 1000,
  hidden_size: 64,
  num_hidden_layers: 8,
  num_attention_heads: 4,
  intermediate_size: 128,
  q_lora_rank: 32,
  kv_lora_rank: 16,
  qk_nope_head_dim: 8,
  qk_rope_head_dim: 4,
  v_head_dim: 8,
  n_routed_experts: 4,
  num_experts_per_tok: 2,
  moe_intermediate_size: 32,
  first_k_dense_replace: 1,
  index_n_heads: 2,
  index_head_dim: 16,
  index_topk: 8,
};

describe("DeepSeek Sparse Attention configs", () => {
  it("read every key of the real DeepSeek-V3.2 and GLM-5 configs, with an indexer on every layer", () => {
    for (const name of ["deepseek-v3.2", "glm-5"]) {
      const { spec, warnings } = importHuggingFaceConfig(fixture(name));
      expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
      expect(ownIndexers(fixture(name)).every(Boolean)).toBe(true);
      expect(spec.architecture.ffns.dense).toBeDefined();
    }
    const indexer = (importHuggingFaceConfig(fixture("glm-5")).spec.architecture.mixers.mla as MlaMixer).indexer;
    expect(indexer).toEqual({ heads: 32, headDim: 128, topK: 2048 }); // GlmMoeDsaConfig defaults
  });

  it("glm_moe_dsa: layers reuse the previous full layer's top-k by index_topk_freq and index_skip_topk_offset", () => {
    // max(i − 3 + 1, 0) % 4 == 0 → full: layers 0, 1, 2 and 6.
    expect(ownIndexers({ ...small, index_topk_freq: 4, index_skip_topk_offset: 3 })).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(ownIndexers({ ...small, index_topk_pattern: "FFSFSSFS" })).toEqual([true, true, false, true, false, false, true, false]);
    const types = ["full", "shared", "shared", "shared", "full", "shared", "shared", "shared"];
    expect(ownIndexers({ ...small, indexer_types: types, index_topk_freq: 2 })).toEqual(types.map((t) => t === "full"));
    // A shared layer has no indexer weights: wq_b 32·2·16 + wk 64·16 + k_norm 2·16 + weights_proj 64·2 = 2208 each.
    const all = countParams(importHuggingFaceConfig(small).spec).total;
    expect(all - countParams(importHuggingFaceConfig({ ...small, indexer_types: types }).spec).total).toBe(6 * 2208);
  });

  it("refuses indexer layouts and ranks transformers cannot build, naming the key", () => {
    expect(problemPaths({ ...small, index_topk_pattern: "FFS" })).toEqual(["index_topk_pattern"]);
    expect(problemPaths({ ...small, index_topk_pattern: "FFSXFFFF" })).toEqual(["index_topk_pattern"]);
    expect(problemPaths({ ...small, indexer_types: ["shared", "full", "full", "full", "full", "full", "full", "full"] })).toEqual([
      "indexer_types",
    ]);
    expect(problemPaths({ ...small, index_topk_freq: 2, index_skip_topk_offset: 0 })).toEqual(["index_skip_topk_offset"]);
    expect(problemPaths({ ...small, q_lora_rank: null })).toEqual(["q_lora_rank"]);
    expect(problemPaths({ ...small, model_type: "deepseek_v32", n_group: 1, topk_group: 1, q_lora_rank: null })).toEqual(["q_lora_rank"]);
  });

  it("deepseek_v32 reads no sharing keys: every layer runs its indexer", () => {
    const v32 = { ...small, model_type: "deepseek_v32", n_group: 1, topk_group: 1 };
    expect(ownIndexers(v32).every(Boolean)).toBe(true);
    const { warnings } = importHuggingFaceConfig({ ...v32, index_topk_freq: 4 });
    expect(warnings.some((w) => w.includes("index_topk_freq"))).toBe(true);
  });
});
