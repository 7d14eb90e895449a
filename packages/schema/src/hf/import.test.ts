import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandLayers, formatLayerPattern } from "../layers.js";
import { countParams } from "../params.js";
import type { AttentionMixer, MlaMixer, MoeFfn } from "../spec-types.js";
import { validateSpec } from "../validate.js";
import { HfImportError, importHuggingFaceConfig, slugId, supportedModelTypes } from "./index.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;

/** The problems an import throws, or fails the test. */
function problemsOf(config: unknown, options = {}): { path: string; message: string }[] {
  try {
    importHuggingFaceConfig(config, options);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems;
  }
  throw new Error("expected the import to fail");
}

const core = {
  vocab_size: 1000,
  hidden_size: 64,
  num_hidden_layers: 4,
  num_attention_heads: 8,
  num_key_value_heads: 2,
  intermediate_size: 128,
};

const linear = { linear_num_key_heads: 2, linear_num_value_heads: 4, linear_key_head_dim: 16, linear_value_head_dim: 16, head_dim: 16 };
const experts = { num_experts: 4, num_experts_per_tok: 2, moe_intermediate_size: 32 };

/** Fields beyond the core that a type requires (no class default, or one the tiny core contradicts). */
const extras: Record<string, Record<string, unknown>> = {
  bailing_moe: { moe_intermediate_size: 32 },
  deepseek_v2: { num_experts_per_tok: 2 },
  chatglm: { num_layers: 4, ffn_hidden_size: 128, kv_channels: 8 },
  dots1: { n_routed_experts: 4, num_experts_per_tok: 2, moe_intermediate_size: 32 },
  gemma4_text: { hidden_size_per_layer_input: 0 },
  glm4_moe_lite: {
    n_routed_experts: 4,
    num_experts_per_tok: 2,
    moe_intermediate_size: 32,
    q_lora_rank: 16,
    kv_lora_rank: 8,
    qk_nope_head_dim: 8,
    qk_rope_head_dim: 4,
    v_head_dim: 8,
  },
  Motif: { attention_cls: "gdla", num_noise_heads: 2, q_lora_rank: 32, kv_lora_rank: 16, head_dim: 16 },
  laguna: { num_experts: 4, num_experts_per_tok: 2, moe_intermediate_size: 32, shared_expert_intermediate_size: 32 },
  lfm2: { full_attn_idxs: [1, 3] },
  longcat_flash: { num_layers: 2, ffn_hidden_size: 128, n_routed_experts: 4, zero_expert_num: 2, moe_topk: 2, expert_ffn_hidden_size: 32 },
  lfm2_moe: { full_attn_idxs: [1, 3], moe_intermediate_size: 32 },
  mamba2: { num_heads: 8, head_dim: 16 },
  minicpm3: { q_lora_rank: 16, kv_lora_rank: 8, qk_nope_head_dim: 8, qk_rope_head_dim: 4 },
  bamba: { mamba_n_heads: 8 },
  granitemoehybrid: { mamba_n_heads: 8 },
  qwen3_5_text: linear,
  qwen3_5_moe_text: { ...linear, ...experts },
};
const wrappers: Record<string, string> = {
  gemma3: "gemma3_text",
  gemma4: "gemma4_text",
  glm4v_moe: "glm4v_moe_text",
  llama4: "llama4_text",
  qwen3_5: "qwen3_5_text",
  qwen3_5_moe: "qwen3_5_moe_text",
  qwen3_vl: "qwen3_vl_text",
  qwen3_vl_moe: "qwen3_vl_moe_text",
};

/** The smallest config of each supported type: the required core fields. */
function minimal(modelType: string): Record<string, unknown> {
  const text = wrappers[modelType];
  if (text) return { model_type: modelType, text_config: { ...core, ...extras[text] } };
  return { model_type: modelType, ...core, ...extras[modelType] };
}

describe("supported model types", () => {
  it("cover the required list", () => {
    const required = [
      "gpt2",
      "llama",
      "mistral",
      "mixtral",
      "qwen2",
      "qwen2_moe",
      "qwen3",
      "qwen3_moe",
      "qwen3_next",
      "gemma",
      "gemma2",
      "gemma3",
      "gemma3_text",
      "phi",
      "phi3",
      "falcon",
      "starcoder2",
      "stablelm",
      "cohere",
      "cohere2",
      "internlm2",
      "baichuan",
      "deepseek_v2",
      "deepseek_v3",
      "gpt_oss",
      "olmo",
      "olmo2",
      "olmo3",
      "glm4_moe",
      "minimax",
      "minimax_m2",
      "exaone4",
      "granite",
      "nemotron_h",
    ];
    expect(supportedModelTypes).toEqual(expect.arrayContaining(required));
    expect(supportedModelTypes.length).toBeGreaterThanOrEqual(70);
  });

  for (const modelType of supportedModelTypes) {
    it(`${modelType}: a minimal config imports and validates`, () => {
      const { spec } = importHuggingFaceConfig(minimal(modelType));
      expect(validateSpec(spec).issues).toEqual([]);
      expect(spec.id).toBe(slugId(modelType));
      expect(spec.architecture.dModel).toBe(64);
    });
  }

  it("ties a Qwen3-VL head by the wrapper's tie_word_embeddings, warning when text_config disagrees", () => {
    const text = { model_type: "qwen3_vl_text", ...core, tie_word_embeddings: false };
    const tied = importHuggingFaceConfig({ model_type: "qwen3_vl", tie_word_embeddings: true, text_config: text });
    expect(tied.spec.architecture.embedding.tied).toBe(true);
    expect(tied.warnings.some((w) => w.includes("differs from the qwen3_vl config's tie_word_embeddings"))).toBe(true);
    const untied = importHuggingFaceConfig({ model_type: "qwen3_vl", text_config: { ...text, tie_word_embeddings: true } });
    expect(untied.spec.architecture.embedding.tied).toBe(false);
  });

  it("reads a LongCat-Flash layer as a shortcut group of two MLA blocks and one MoE, and checks the sublayer count", () => {
    const config = minimal("longcat_flash");
    const { spec } = importHuggingFaceConfig(config);
    expect(spec.architecture.numLayers).toBe(2);
    expect(spec.architecture.layers).toEqual([
      { repeat: 2, shortcut: true, layers: [{ mixer: "mla", ffn: "dense", count: 2 }, { ffn: "moe" }] },
    ]);
    expect((spec.architecture.ffns.moe as MoeFfn).zeroExperts).toBe(2);
    expect(problemsOf({ ...config, num_hidden_layers: 3 }).map((p) => p.path)).toEqual(["num_hidden_layers"]);
    expect(problemsOf({ ...config, router_bias: true }).map((p) => p.path)).toEqual(["router_bias"]);
  });

  it("recognises DeepSeek inference configs by their shape", () => {
    const { spec, warnings } = importHuggingFaceConfig(fixture("deepseek-v3-inference"));
    expect(formatLayerPattern(spec.architecture.layers)).toBe("3×(mla, dense) + 58×(mla, moe)");
    const moe = spec.architecture.ffns.moe as MoeFfn;
    expect(moe.router).toEqual({ scoring: "sigmoid", bias: true, groups: 8, topkGroups: 4, routedScale: 2.5 });
    expect(warnings.some((w) => w.includes("context length"))).toBe(true);
    const lite = importHuggingFaceConfig(fixture("deepseek-v2-lite-inference")).spec;
    expect((lite.architecture.mixers.mla as MlaMixer).qLoraRank).toBeNull();
    expect((lite.architecture.ffns.moe as MoeFfn).router?.bias).toBeUndefined();
  });
});

describe("structure", () => {
  it("Gemma 3: text_config, 5:1 sliding pattern, local RoPE θ without scaling, sandwich zero-centred norms", () => {
    const { spec } = importHuggingFaceConfig(fixture("gemma-3-27b"));
    const a = spec.architecture;
    expect(formatLayerPattern(a.layers)).toBe("10×[5×(sliding, mlp) + 1×(global, mlp)] + 2×(sliding, mlp)");
    expect(a.positional).toEqual({ kind: "rope", theta: 1e6, scaling: { type: "linear", factor: 8 } });
    expect((a.mixers.sliding as AttentionMixer).rope).toEqual({ theta: 10000, scaling: { type: "default" } });
    expect((a.mixers.sliding as AttentionMixer).window).toBe(1024);
    expect((a.mixers.global as AttentionMixer).qkNorm).toEqual({ kind: "rmsnorm", scope: "head" });
    expect(a.norm).toEqual({ kind: "rmsnorm", placement: "sandwich", eps: 1e-6, zeroCentered: true });
    expect(a.embedding).toEqual({ tied: true, scale: "sqrt-d" });
  });

  it("Gemma 2: attention and final logit soft-capping, alternating local/global starting local", () => {
    const a = importHuggingFaceConfig(fixture("gemma-2-9b")).spec.architecture;
    expect(a.finalLogitSoftcap).toBe(30);
    expect((a.mixers.global as AttentionMixer).logitSoftcap).toBe(50);
    expect(formatLayerPattern(a.layers)).toBe("21×[1×(sliding, mlp) + 1×(global, mlp)]");
  });

  it("Qwen2: use_sliding_window + max_window_layers puts the window on the upper layers; q/k/v bias, no o bias", () => {
    const config = {
      model_type: "qwen2",
      ...core,
      num_hidden_layers: 6,
      use_sliding_window: true,
      sliding_window: 512,
      max_window_layers: 4,
    };
    const a = importHuggingFaceConfig(config).spec.architecture;
    expect(formatLayerPattern(a.layers)).toBe("4×(full, mlp) + 2×(sliding, mlp)");
    expect(a.mixers.full).toEqual({ kind: "attention", heads: 8, kvHeads: 2, headDim: 8, qkvBias: true });
    const off = importHuggingFaceConfig({ model_type: "qwen2", ...core, sliding_window: 512 }).spec.architecture;
    expect(formatLayerPattern(off.layers)).toBe("4×(full, mlp)");
  });

  it("Qwen2-MoE: mlp_only_layers and decoder_sparse_step pick the dense layers; the shared expert has its gate and width", () => {
    const config = {
      model_type: "qwen2_moe",
      ...core,
      num_hidden_layers: 6,
      decoder_sparse_step: 2,
      mlp_only_layers: [3],
      num_experts: 8,
      num_experts_per_tok: 2,
      moe_intermediate_size: 32,
      shared_expert_intermediate_size: 96,
    };
    const a = importHuggingFaceConfig(config).spec.architecture;
    expect(expandLayers(a.layers).map((l) => l.ffn)).toEqual(["dense", "moe", "dense", "dense", "dense", "moe"]);
    expect(a.ffns.moe).toMatchObject({
      experts: 8,
      activeExperts: 2,
      expertHidden: 32,
      sharedExperts: 1,
      sharedHidden: 96,
      sharedGate: true,
    });
  });

  it("Qwen3-Next: full_attention_interval, gated attention, Gated DeltaNet, zero-centred norms", () => {
    const a = importHuggingFaceConfig(fixture("qwen3-next-80b-a3b")).spec.architecture;
    expect(formatLayerPattern(a.layers)).toBe("12×[3×(gdn, moe) + 1×(attn, moe)]");
    expect(a.mixers.attn).toMatchObject({ outputGate: "elementwise", qkNorm: { kind: "rmsnorm", scope: "head" }, headDim: 256 });
    expect(a.positional).toMatchObject({ theta: 1e7, fraction: 0.25 });
    expect(a.norm.zeroCentered).toBe(true);
  });

  it("EXAONE 4: an L/G string pattern, global layers without RoPE, post-norms", () => {
    const config = {
      model_type: "exaone4",
      ...core,
      num_hidden_layers: 7,
      sliding_window: 64,
      sliding_window_pattern: "LLG",
      max_position_embeddings: 4096,
    };
    const a = importHuggingFaceConfig(config).spec.architecture;
    // L L G L L G, and the last layer is always global.
    expect(expandLayers(a.layers).map((l) => l.mixer)).toEqual(["sliding", "sliding", "full", "sliding", "sliding", "full", "full"]);
    expect((a.mixers.full as AttentionMixer).rope).toBe(false);
    expect(a.norm.placement).toBe("post");
  });

  it("Cohere 2: NoPE global layers, one bias-free LayerNorm per parallel block", () => {
    const a = importHuggingFaceConfig(fixture("tiny-aya")).spec.architecture;
    expect(formatLayerPattern(a.layers)).toBe("9×[3×(sliding, mlp) + 1×(full, mlp)]");
    expect((a.mixers.full as AttentionMixer).rope).toBe(false);
    expect((a.mixers.sliding as AttentionMixer).rope).toBeUndefined();
    expect(a.norm).toEqual({ kind: "layernorm", bias: false, placement: "parallel", eps: 1e-5 });
  });

  it("Falcon: multi-query by default; the new decoder architecture has GQA and two parallel LayerNorms", () => {
    const seven = importHuggingFaceConfig({ model_type: "falcon", hidden_size: 4544, num_hidden_layers: 32, num_attention_heads: 71 });
    expect(seven.spec.architecture.mixers.attn).toMatchObject({ heads: 71, kvHeads: 1, headDim: 64 });
    expect(seven.spec.architecture.norm.placement).toBe("parallel");
    const forty = importHuggingFaceConfig({
      model_type: "falcon",
      hidden_size: 8192,
      num_hidden_layers: 60,
      num_attention_heads: 128,
      num_kv_heads: 8,
      new_decoder_architecture: true,
    });
    expect(forty.spec.architecture.mixers.attn).toMatchObject({ kvHeads: 8 });
    expect(forty.spec.architecture.norm).toMatchObject({ placement: "parallel", parallelNorms: 2 });
    // ln_attn and ln_mlp: two LayerNorms (weight + bias) per layer, plus ln_f.
    expect(countParams(forty.spec).breakdown.norms).toBe((60 * 2 + 1) * 2 * 8192);
  });

  it("Phi: partial rotary, biases everywhere, a head bias", () => {
    const a = importHuggingFaceConfig({ model_type: "phi", ...core }).spec.architecture;
    expect(a.positional).toMatchObject({ fraction: 0.5 });
    expect(a.embedding).toEqual({ tied: false, headBias: true });
    expect(a.mixers.attn).toMatchObject({ qkvBias: true, outBias: true });
    expect(a.ffns.mlp).toMatchObject({ gated: false, bias: true, activation: "gelu-tanh" });
  });

  it("OLMo 2: post-norms and q/k norms over all heads; OLMo 3: RoPE scaling only on full-attention layers", () => {
    const two = importHuggingFaceConfig(fixture("olmo-2-7b")).spec.architecture;
    expect(two.norm.placement).toBe("post");
    expect((two.mixers.attn as AttentionMixer).qkNorm).toEqual({ kind: "rmsnorm", scope: "all-heads" });
    const three = importHuggingFaceConfig(fixture("olmo-3-32b")).spec.architecture;
    expect(three.positional.scaling?.type).toBe("yarn");
    expect((three.mixers.sliding as AttentionMixer).rope).toEqual({ scaling: { type: "default" } });
    expect((three.mixers.full as AttentionMixer).rope).toBeUndefined();
  });

  it("OLMo 1's norms have no weights and count nothing", () => {
    const { spec } = importHuggingFaceConfig({ model_type: "olmo", ...core });
    expect(spec.architecture.norm.affine).toBe(false);
    expect(countParams(spec).breakdown.norms).toBe(0);
  });

  it("DeepSeek V2 with q_lora_rank null projects queries directly", () => {
    const config = { model_type: "deepseek_v2", ...core, q_lora_rank: null, num_experts_per_tok: 2, first_k_dense_replace: 1 };
    const a = importHuggingFaceConfig(config).spec.architecture;
    expect((a.mixers.mla as MlaMixer).qLoraRank).toBeNull();
    expect(formatLayerPattern(a.layers)).toBe("1×(mla, dense) + 3×(mla, moe)");
  });

  it("DeepSeek V3 and GLM-4.5: MTP from num_nextn_predict_layers", () => {
    expect(importHuggingFaceConfig(fixture("deepseek-v3")).spec.architecture.mtp).toEqual({ layers: 1, mixer: "mla", ffn: "moe" });
    const glm = importHuggingFaceConfig(fixture("glm-4.7")).spec.architecture;
    expect(glm.mtp).toEqual({ layers: 1, mixer: "attn", ffn: "moe" });
    expect(glm.positional).toMatchObject({ fraction: 0.5 });
    expect(glm.mixers.attn).toMatchObject({ qkvBias: true, qkNorm: { kind: "rmsnorm", scope: "head" } });
  });

  it("GPT-OSS: sinks, attention and expert biases, a router bias, alternating sliding layers", () => {
    const a = importHuggingFaceConfig(fixture("gpt-oss-20b")).spec.architecture;
    expect(a.mixers.sliding).toMatchObject({ sinks: true, qkvBias: true, outBias: true, window: 128 });
    expect(a.ffns.moe).toMatchObject({ bias: true, activation: "swiglu-oai", router: { bias: true } });
    expect(formatLayerPattern(a.layers)).toBe("12×[1×(sliding, moe) + 1×(full, moe)]");
  });

  it("Nemotron-H: the hybrid pattern as nested groups of mixer-only and FFN-only blocks", () => {
    const a = importHuggingFaceConfig(fixture("nemotron-3-nano-30b-a3b")).spec.architecture;
    expect(formatLayerPattern(a.layers)).toBe(
      "5×[2×[1×(mamba) + 1×(moe)] + 1×(mamba) + 1×(attn) + 1×(moe)] + 3×[1×(mamba) + 1×(moe)] + 1×(mamba) + 1×(attn) + 1×(moe) + 4×[1×(mamba) + 1×(moe)]",
    );
    expect(a.positional).toEqual({ kind: "none" });
    expect(a.numLayers).toBe(52);
  });

  it("Nemotron-H: LatentMoE from moe_latent_size", () => {
    const config = {
      model_type: "nemotron_h",
      hidden_size: 64,
      vocab_size: 100,
      hybrid_override_pattern: "M*E",
      moe_latent_size: 16,
      moe_intermediate_size: 32,
    };
    expect((importHuggingFaceConfig(config).spec.architecture.ffns.moe as MoeFfn).latent).toBe(16);
  });

  it("MiniMax (Text-01): attn_type_list picks lightning and softmax layers", () => {
    const config = { model_type: "minimax", ...core, attn_type_list: [0, 0, 0, 1], rotary_dim: 4 };
    const { spec, warnings } = importHuggingFaceConfig(config);
    expect(expandLayers(spec.architecture.layers).map((l) => l.mixer)).toEqual(["lightning", "lightning", "lightning", "attn"]);
    expect(spec.architecture.mixers.lightning).toEqual({ kind: "lightning", heads: 8, headDim: 8, rope: false });
    expect(spec.architecture.positional).toMatchObject({ fraction: 0.5 });
    expect(warnings.some((w) => w.includes("lightning"))).toBe(false);
    // transformers MiniMaxLightningAttention: qkv (d→3·H·h), output gate (d→H·h), RMSNorm (H·h), out_proj (H·h→d).
    expect(countParams(spec).uncounted).toEqual([]);
  });

  it("ties the head by each class's default", () => {
    const tied = (modelType: string) => importHuggingFaceConfig(minimal(modelType)).spec.architecture.embedding.tied;
    expect(["gpt2", "gemma", "gemma2", "gemma3", "starcoder2", "cohere", "cohere2", "falcon"].map(tied)).toEqual(Array(8).fill(true));
    expect(["llama", "mistral", "qwen2", "qwen3", "phi", "phi3", "olmo2", "deepseek_v3", "gpt_oss", "glm4_moe"].map(tied)).toEqual(
      Array(10).fill(false),
    );
    expect(importHuggingFaceConfig({ ...minimal("llama"), tie_word_embeddings: true }).spec.architecture.embedding.tied).toBe(true);
  });

  it("names the class defaults it used", () => {
    const { warnings } = importHuggingFaceConfig(minimal("mistral"));
    expect(warnings.find((w) => w.includes("MistralConfig defaults"))).toContain("sliding_window=4096");
  });

  it("reads a text_config of a supported type inside an unknown multimodal wrapper", () => {
    const { spec, warnings } = importHuggingFaceConfig({ model_type: "llava_like", text_config: { model_type: "llama", ...core } });
    expect(spec.architecture.numLayers).toBe(4);
    expect(warnings[0]).toContain('text_config, of model_type "llama"');
  });
});

describe("ids, names and sources", () => {
  it("derives id and name from _name_or_path, and adds the source", () => {
    const { spec } = importHuggingFaceConfig(
      { ...minimal("llama"), _name_or_path: "meta-llama/Llama-3.2-1B" },
      { sourceUrl: "https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/config.json" },
    );
    expect(spec.id).toBe("llama-3.2-1b");
    expect(spec.name).toBe("Llama-3.2-1B");
    expect(spec.sources).toEqual([
      {
        url: "https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/config.json",
        title: "config.json (Llama-3.2-1B)",
        covers: ["architecture"],
      },
    ]);
  });

  it("takes id and name from the options", () => {
    const { spec } = importHuggingFaceConfig(minimal("qwen3"), { id: "my-model", name: "My Model" });
    expect([spec.id, spec.name]).toEqual(["my-model", "My Model"]);
  });

  it("refuses an invalid id or source URL, naming the option", () => {
    expect(problemsOf(minimal("llama"), { id: "Not An Id" }).map((p) => p.path)).toEqual(["options.id"]);
    expect(problemsOf(minimal("llama"), { sourceUrl: "not a url" }).map((p) => p.path)).toContain("options.sourceUrl");
  });

  it("slugs free text into ids", () => {
    expect(slugId("Qwen/Qwen3-30B-A3B")).toBe("qwen-qwen3-30b-a3b");
    expect(slugId("gpt_oss")).toBe("gpt-oss");
    expect(slugId("--Weird__Name..v2--")).toBe("weird-name.v2");
    expect(slugId("")).toBe("model");
  });
});

describe("bad input", () => {
  it.each([null, [], "config", 42, undefined])("refuses %j: not an object", (value) => {
    expect(problemsOf(value)).toEqual([{ path: "", message: expect.stringContaining("expected a JSON object") }]);
  });

  it("refuses fields of the wrong type", () => {
    const problems = problemsOf({ ...minimal("llama"), hidden_size: "4096", tie_word_embeddings: "yes", rope_scaling: 3 });
    expect(problems).toEqual([
      { path: "hidden_size", message: 'expected a positive integer, got "4096"' },
      { path: "tie_word_embeddings", message: 'expected true or false, got "yes"' },
      { path: "rope_scaling", message: "expected an object or null" },
    ]);
  });

  it.each([
    [-32, "-32"],
    [0, "0"],
    [2.5, "2.5"],
  ])("refuses num_hidden_layers = %d", (value, shown) => {
    expect(problemsOf({ ...minimal("llama"), num_hidden_layers: value })).toEqual([
      { path: "num_hidden_layers", message: `expected a positive integer, got ${shown}` },
    ]);
  });

  it("names every missing required field", () => {
    const problems = problemsOf({ model_type: "llama" });
    expect(problems.map((p) => p.path)).toEqual(["hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size"]);
    const error = (() => {
      try {
        importHuggingFaceConfig({ model_type: "mixtral", vocab_size: 10 });
      } catch (e) {
        return e as HfImportError;
      }
    })();
    for (const field of ["hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size"])
      expect(error?.message).toContain(field);
  });

  it("names missing fields inside text_config, and a missing text_config", () => {
    expect(problemsOf({ model_type: "gemma3" }).map((p) => p.path)).toEqual([
      "text_config",
      "text_config.hidden_size",
      "text_config.num_hidden_layers",
      "text_config.num_attention_heads",
      "text_config.intermediate_size",
    ]);
  });

  it("refuses a model_type that is not a string", () => {
    expect(problemsOf({ ...core, model_type: 7 })).toEqual([{ path: "model_type", message: "expected a string, got 7" }]);
  });

  it("refuses heads that do not divide, naming the config key", () => {
    expect(problemsOf({ ...minimal("llama"), num_key_value_heads: 3 })[0]).toMatchObject({
      path: "num_key_value_heads",
      message: expect.stringContaining("architecture.mixers.attn.kvHeads"),
    });
  });

  it("refuses an unknown activation", () => {
    expect(problemsOf({ ...minimal("llama"), hidden_act: "xielu" })[0]).toMatchObject({ path: "hidden_act" });
  });
});

describe("unknown model types", () => {
  it("are refused by default, saying how to ask for a guess", () => {
    const problems = problemsOf({ model_type: "my_llama", ...core });
    expect(problems).toEqual([{ path: "model_type", message: expect.stringContaining('"my_llama" is not a supported model_type') }]);
    expect(problems[0]?.message).toContain("guess: true");
  });

  it("import by Llama's conventions with guess: true, marked as guessed, with a warning per assumption", () => {
    const { spec, warnings, guessed } = importHuggingFaceConfig({ model_type: "my_llama", ...core, sliding_window: 128 }, { guess: true });
    expect(guessed).toBe(true);
    expect(spec.name).toBe("my_llama (guessed)");
    expect(spec.notes?.[0]).toMatch(/^Guessed: model_type "my_llama" is not supported/);
    expect(validateSpec(spec).issues).toEqual([]);
    expect(spec.id).toBe("my-llama");
    expect(warnings[0]).toContain('model_type "my_llama" is not supported; imported by Llama\'s conventions');
    for (const field of [
      "max_position_embeddings",
      "hidden_act",
      "tie_word_embeddings",
      "rms_norm_eps",
      "attention_bias",
      "mlp_bias",
      "head_dim",
      "rope_theta",
    ]) {
      expect(
        warnings.some((w) => w.startsWith(`assumed ${field} = `)),
        field,
      ).toBe(true);
    }
    expect(warnings.some((w) => w.startsWith("assumed num_key_value_heads"))).toBe(false); // given: no assumption
    expect(warnings.some((w) => w.includes('"sliding_window" has no effect'))).toBe(true);
    expect(countParams(spec).total).toBeGreaterThan(0);
  });

  it("known types are never marked as guessed", () => {
    const { spec, guessed } = importHuggingFaceConfig(minimal("llama"));
    expect(guessed).toBe(false);
    expect(spec.notes).toBeUndefined();
    expect(spec.name).toBe("llama");
  });

  it("even a guess is refused when a field implies a structure Llama cannot describe", () => {
    const problems = problemsOf({ model_type: "my_moe", ...core, num_experts: 8 }, { guess: true });
    expect(problems).toEqual([{ path: "num_experts", message: expect.stringContaining('"num_experts" implies an architecture') }]);
  });

  it("a guess is refused when the config lacks Llama's fields, naming them", () => {
    const problems = problemsOf({ model_type: "my_rnn", hidden_size: 64 }, { guess: true });
    expect(problems[0]).toMatchObject({ path: "model_type", message: expect.stringContaining('"my_rnn" is not a supported model_type') });
    expect(problems.slice(1).map((p) => p.path)).toEqual(["vocab_size", "num_hidden_layers", "num_attention_heads", "intermediate_size"]);
  });

  it("types the spec cannot express yet are refused with what is missing, even with guess: true", () => {
    for (const modelType of ["mamba", "falcon_mamba", "jamba", "recurrent_gemma"]) {
      const problems = problemsOf({ model_type: modelType, ...core }, { guess: true });
      expect(problems).toEqual([{ path: "model_type", message: expect.stringContaining("not expressible yet") }]);
    }
  });

  it("without model_type: refused unless guessed (DeepSeek inference configs aside)", () => {
    expect(problemsOf({ ...core })[0]?.path).toBe("model_type");
    expect(importHuggingFaceConfig({ ...core }, { guess: true }).warnings[0]).toContain("a config without model_type is not supported");
    expect(problemsOf({ hidden_size: 64 }, { guess: true })[0]?.path).toBe("model_type");
  });
});

describe("config keys no step reads", () => {
  it("give one warning each, naming the key; known-irrelevant keys give none", () => {
    const { warnings } = importHuggingFaceConfig({
      ...minimal("llama"),
      torch_dtype: "bfloat16",
      architectures: ["LlamaForCausalLM"],
      bos_token_id: 1,
      eos_token_id: [2, 3],
      attention_dropout: 0,
      initializer_range: 0.02,
      _name_or_path: "x/y",
      fancy_new_thing: 7,
    });
    const unread = warnings.filter((w) => w.startsWith("config key"));
    expect(unread).toEqual(['config key "fancy_new_thing" is not one the LlamaConfig import understands; ignored']);
  });

  it("say so when the key's name suggests weights the count may leave out", () => {
    const { warnings } = importHuggingFaceConfig({ ...minimal("llama"), num_experts: 8, fancy_new_thing: 7 });
    expect(warnings).toContain(
      'config key "num_experts" is not one the LlamaConfig import understands; ignored (it names experts, layers or ranks: the count may leave out weights it adds)',
    );
    expect(warnings).toContain('config key "fancy_new_thing" is not one the LlamaConfig import understands; ignored');
  });

  it("inside text_config, the path names it", () => {
    const { warnings } = importHuggingFaceConfig({ model_type: "gemma3", text_config: { ...core, mystery: true } });
    expect(warnings).toContain('config key "text_config.mystery" is not one the Gemma3TextConfig import understands; ignored');
  });
});

describe("keys real checkpoints carry", () => {
  const unread = (config: Record<string, unknown>) => importHuggingFaceConfig(config).warnings.filter((w) => w.startsWith("config key"));

  it("qwen2: sliding_window is read (inert) when use_sliding_window is false", () => {
    expect(unread({ ...minimal("qwen2"), use_sliding_window: false, sliding_window: 32768, max_window_layers: 21 })).toEqual([]);
  });

  it("baichuan: model_max_length beside max_position_embeddings is read", () => {
    expect(unread({ ...minimal("baichuan"), max_position_embeddings: 4096, model_max_length: 4096 })).toEqual([]);
  });

  it("baichuan: positions by vLLM's rule (RoPE for BaiChuanForCausalLM and hidden 4096, else ALiBi)", () => {
    const kind = (extra: Record<string, unknown>) =>
      importHuggingFaceConfig({ ...minimal("baichuan"), ...extra }).spec.architecture.positional.kind;
    expect(kind({ hidden_size: 4096, num_attention_heads: 32 })).toBe("rope");
    expect(kind({ hidden_size: 5120, num_attention_heads: 40 })).toBe("alibi");
    expect(kind({ hidden_size: 5120, num_attention_heads: 40, architectures: ["BaiChuanForCausalLM"] })).toBe("rope");
  });

  it("granitemoehybrid: layers_block_type is layer_types' alias", () => {
    const types = ["mamba", "attention", "mamba", "mamba"];
    const { spec, warnings } = importHuggingFaceConfig({ ...minimal("granitemoehybrid"), layers_block_type: types });
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    expect(formatLayerPattern(spec.architecture.layers)).toBe("1×(mamba, ffn) + 1×(attn, ffn) + 2×(mamba, ffn)");
  });

  it("deepseek_v2/v3: num_key_value_heads (unused by MLA), moe_layer_freq 1 and greedy routing's group sizes are read", () => {
    expect(unread({ ...minimal("deepseek_v2"), num_key_value_heads: 16, moe_layer_freq: 1, n_group: 1, topk_group: 1 })).toEqual([]);
    expect(unread({ ...minimal("deepseek_v3"), num_key_value_heads: 128, moe_layer_freq: 1 })).toEqual([]);
    const freq2 = importHuggingFaceConfig({ ...minimal("deepseek_v3"), moe_layer_freq: 2 }).warnings;
    expect(freq2.some((w) => w.startsWith("deepseek_v3: moe_layer_freq is not 1"))).toBe(true);
  });

  it("minimax_m2: the remote-code keys are read, and values the spec cannot follow are refused by name", () => {
    const m2 = {
      ...minimal("minimax_m2"),
      qk_norm_type: "per_layer",
      use_routing_bias: true,
      shared_intermediate_size: 0,
      use_mtp: true,
      num_mtp_modules: 1,
      mtp_transformer_layers: 1,
    };
    expect(unread(m2)).toEqual([]);
    expect(problemsOf({ ...m2, qk_norm_type: "per_head" }).map((p) => p.path)).toEqual(["qk_norm_type"]);
    expect(problemsOf({ ...m2, shared_intermediate_size: 512 }).map((p) => p.path)).toEqual(["shared_intermediate_size"]);
    expect(problemsOf({ ...m2, mtp_transformer_layers: 2 }).map((p) => p.path)).toEqual(["mtp_transformer_layers"]);
    const withBias = countParams(importHuggingFaceConfig(m2).spec).total;
    const without = countParams(importHuggingFaceConfig({ ...m2, use_routing_bias: false }).spec).total;
    expect(withBias - without).toBe(4 * 256); // 4 layers × one correction bias per expert (256 by default)
  });

  it("bailing_moe: kv heads are required, DeepSeek-style expert keys are refused, num_experts null is dense", () => {
    const { num_key_value_heads: _kv, ...noKv } = minimal("bailing_moe");
    expect(problemsOf(noKv).map((p) => p.path)).toContain("num_key_value_heads");
    expect(problemsOf({ ...minimal("bailing_moe"), n_routed_experts: 64 }).map((p) => p.path)).toEqual(["n_routed_experts"]);
    const dense = importHuggingFaceConfig({ ...minimal("bailing_moe"), num_experts: null }).spec;
    expect(formatLayerPattern(dense.architecture.layers)).toBe("4×(attn, dense)");
  });

  it("qwen3_moe: Qwen2-MoE-style keys are read when they match what Qwen3-MoE builds, refused by name when not", () => {
    const coder = {
      ...minimal("qwen3_moe"),
      shared_expert_intermediate_size: 0,
      qkv_bias: false,
      use_qk_norm: true,
      sliding_window: null,
      use_sliding_window: false,
    };
    expect(unread(coder)).toEqual([]);
    expect(problemsOf({ ...coder, shared_expert_intermediate_size: 512 }).map((p) => p.path)).toEqual(["shared_expert_intermediate_size"]);
    expect(problemsOf({ ...coder, qkv_bias: true }).map((p) => p.path)).toEqual(["qkv_bias"]);
    expect(problemsOf({ ...coder, use_qk_norm: false }).map((p) => p.path)).toEqual(["use_qk_norm"]);
  });

  it("minimax_m2: attn_type_list of 1s is read; another layer type is refused", () => {
    expect(unread({ ...minimal("minimax_m2"), attn_type_list: [1, 1, 1, 1] })).toEqual([]);
    expect(problemsOf({ ...minimal("minimax_m2"), attn_type_list: [0, 1, 1, 1] }).map((p) => p.path)).toEqual(["attn_type_list"]);
  });

  it("kimi_k2 is read as DeepseekV3Config", () => {
    const { spec } = importHuggingFaceConfig({ ...minimal("deepseek_v3"), model_type: "kimi_k2" });
    expect(countParams(spec).total).toBe(countParams(importHuggingFaceConfig(minimal("deepseek_v3")).spec).total);
  });
});

describe("glm4v_moe_text", () => {
  it("counts no MTP layer and refuses q/k norms, which Glm4vMoeTextConfig does not have", () => {
    const text = minimal("glm4v_moe_text");
    const { spec, warnings } = importHuggingFaceConfig({ ...text, num_nextn_predict_layers: 1 });
    expect(spec.architecture.mtp).toBeUndefined();
    expect(warnings.some((w) => w.includes("MTP layer is not part of the text model"))).toBe(true);
    expect(problemsOf({ ...text, use_qk_norm: true }).map((p) => p.path)).toEqual(["use_qk_norm"]);
    // The same sizes as glm4_moe with attention_bias on: q/k/v biases are the only difference.
    const glm = countParams(
      importHuggingFaceConfig({ ...text, model_type: "glm4_moe", num_nextn_predict_layers: 0, attention_bias: true }).spec,
    ).total;
    expect(countParams(spec).total).toBe(glm);
  });
});
