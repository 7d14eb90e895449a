/**
 * Small, fully sourced specs used by the schema's golden tests. The dataset (@archgal/data) has the full
 * entries; these live here so that @archgal/schema does not depend on it.
 */
import type { Architecture, DatasetEntry } from "../src/spec-types.js";

/** Wraps an architecture in minimal valid metadata. */
export function specOf(id: string, architecture: Architecture, official: DatasetEntry["officialParams"], configUrl: string): DatasetEntry {
  return {
    id,
    name: id,
    org: "test",
    releaseDate: "2024-01-01",
    license: { name: "test" },
    links: { config: configUrl },
    officialParams: official,
    summary: "Golden-test fixture.",
    keyDetail: "Golden-test fixture.",
    sources: [{ url: configUrl, title: "config.json", covers: ["architecture"] }],
    architecture,
  };
}

/** GPT-2 small: openai-community/gpt2 config.json (n_embd 768, n_layer 12, n_head 12, n_positions 1024, vocab 50257). */
export const gpt2Small = specOf(
  "gpt-2-small",
  {
    vocabSize: 50257,
    contextLength: 1024,
    dModel: 768,
    numLayers: 12,
    embedding: { tied: true },
    positional: { kind: "learned" },
    norm: { kind: "layernorm", bias: true, placement: "pre", eps: 1e-5 },
    mixers: { mha: { kind: "attention", heads: 12, kvHeads: 12, headDim: 64, qkvBias: true, outBias: true } },
    ffns: { mlp: { kind: "mlp", hidden: 3072, activation: "gelu-tanh", gated: false, bias: true } },
    layers: [{ mixer: "mha", ffn: "mlp", count: 12 }],
  },
  { total: 124_000_000, asWritten: "124M", source: "https://github.com/openai/gpt-2/blob/master/DEVELOPERS.md" },
  "https://huggingface.co/openai-community/gpt2/blob/main/config.json",
);

/** Llama-style dense decoder from a HF LlamaConfig. */
function llama(
  id: string,
  o: {
    vocab: number;
    ctx: number;
    d: number;
    layers: number;
    heads: number;
    kv: number;
    hidden: number;
    theta: number;
    tied?: boolean;
    window?: number;
  },
  official: DatasetEntry["officialParams"],
  url: string,
): DatasetEntry {
  return specOf(
    id,
    {
      vocabSize: o.vocab,
      contextLength: o.ctx,
      dModel: o.d,
      numLayers: o.layers,
      embedding: { tied: o.tied ?? false },
      positional: { kind: "rope", theta: o.theta },
      norm: { kind: "rmsnorm", placement: "pre", eps: 1e-5 },
      mixers: {
        attn: { kind: "attention", heads: o.heads, kvHeads: o.kv, headDim: o.d / o.heads, ...(o.window ? { window: o.window } : {}) },
      },
      ffns: { mlp: { kind: "mlp", hidden: o.hidden, activation: "silu", gated: true } },
      layers: [{ mixer: "attn", ffn: "mlp", count: o.layers }],
    },
    official,
    url,
  );
}

/** Llama 2 7B: meta-llama/Llama-2-7b-hf config.json. */
export const llama2_7b = llama(
  "llama-2-7b",
  { vocab: 32000, ctx: 4096, d: 4096, layers: 32, heads: 32, kv: 32, hidden: 11008, theta: 10000 },
  { total: 7_000_000_000, asWritten: "7B", source: "https://github.com/meta-llama/llama-models/blob/main/models/llama2/MODEL_CARD.md" },
  "https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json",
);

/** Llama 3 8B: meta-llama/Meta-Llama-3-8B config.json. */
export const llama3_8b = llama(
  "llama-3-8b",
  { vocab: 128256, ctx: 8192, d: 4096, layers: 32, heads: 32, kv: 8, hidden: 14336, theta: 500000 },
  { total: 8_000_000_000, asWritten: "8B", source: "https://github.com/meta-llama/llama-models/blob/main/models/llama3/MODEL_CARD.md" },
  "https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json",
);

/** Mistral 7B v0.1: mistralai/Mistral-7B-v0.1 config.json (sliding_window 4096). */
export const mistral7b = llama(
  "mistral-7b",
  { vocab: 32000, ctx: 32768, d: 4096, layers: 32, heads: 32, kv: 8, hidden: 14336, theta: 10000, window: 4096 },
  { total: 7_000_000_000, asWritten: "7B", source: "https://mistral.ai/news/announcing-mistral-7b" },
  "https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json",
);

/** DeepSeek V3: deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json and README_WEIGHTS.md (1 MTP module). */
export const deepseekV3 = specOf(
  "deepseek-v3",
  {
    vocabSize: 129280,
    contextLength: 131072,
    dModel: 7168,
    numLayers: 61,
    embedding: { tied: false },
    positional: { kind: "rope", theta: 10000 },
    norm: { kind: "rmsnorm", placement: "pre", eps: 1e-6 },
    mixers: {
      mla: { kind: "mla", heads: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    },
    ffns: {
      dense: { kind: "mlp", hidden: 18432, activation: "silu", gated: true },
      moe: {
        kind: "moe",
        experts: 256,
        activeExperts: 8,
        expertHidden: 2048,
        sharedExperts: 1,
        activation: "silu",
        gated: true,
        router: { scoring: "sigmoid", bias: true, groups: 8, topkGroups: 4, routedScale: 2.5 },
      },
    },
    layers: [
      { mixer: "mla", ffn: "dense", count: 3 },
      { mixer: "mla", ffn: "moe", count: 58 },
    ],
    mtp: { layers: 1, mixer: "mla", ffn: "moe" },
  },
  {
    total: 671_000_000_000,
    active: 37_000_000_000,
    asWritten: "671B total, 37B activated",
    source: "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md",
    scope: { excludes: ["mtp"] },
  },
  "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/inference/configs/config_671B.json",
);

/** Gemma 3 27B text stack: google/gemma-3-27b-it config.json text_config with Gemma3TextConfig defaults. */
export const gemma3_27b = specOf(
  "gemma-3-27b",
  {
    vocabSize: 262208,
    contextLength: 131072,
    dModel: 5376,
    numLayers: 62,
    embedding: { tied: true, scale: "sqrt-d" },
    positional: { kind: "rope", theta: 1_000_000, scaling: { type: "linear", factor: 8 } },
    norm: { kind: "rmsnorm", placement: "sandwich", eps: 1e-6, zeroCentered: true },
    mixers: {
      local: {
        kind: "attention",
        heads: 32,
        kvHeads: 16,
        headDim: 128,
        qkNorm: { kind: "rmsnorm", scope: "head" },
        window: 1024,
        rope: { theta: 10000 },
      },
      global: { kind: "attention", heads: 32, kvHeads: 16, headDim: 128, qkNorm: { kind: "rmsnorm", scope: "head" } },
    },
    ffns: { mlp: { kind: "mlp", hidden: 21504, activation: "gelu-tanh", gated: true } },
    layers: [
      {
        repeat: 10,
        layers: [
          { mixer: "local", ffn: "mlp", count: 5 },
          { mixer: "global", ffn: "mlp" },
        ],
      },
      { mixer: "local", ffn: "mlp", count: 2 },
    ],
  },
  { total: 27_000_000_000, asWritten: "27B", source: "https://huggingface.co/google/gemma-3-27b-it" },
  "https://huggingface.co/google/gemma-3-27b-it/blob/main/config.json",
);
