/**
 * Hand-made specs covering every structure the renderer draws. Numbers follow the models' public configs
 * closely enough to look right; the dataset (@archgal/data) holds the sourced entries.
 */
import type { Architecture, ModelSpec } from "@archgal/schema";
import type { RenderableSpec } from "../src/analysis.js";

const meta = (id: string, name: string, org: string) => ({
  id,
  name,
  org,
  releaseDate: "2025-01-01",
  license: { name: "test" },
  links: {},
  summary: "fixture",
  keyDetail: "fixture",
  sources: [{ url: "https://example.org/config.json", title: "config.json", covers: ["architecture"] }],
});

const spec = (id: string, name: string, org: string, architecture: Architecture, total: number, active?: number): ModelSpec => ({
  ...meta(id, name, org),
  officialParams: { total, ...(active ? { active } : {}), asWritten: "x", source: "https://example.org/" },
  architecture,
});

/** GPT-2 small: learned positions, LayerNorm with bias, MHA, GELU MLP. */
export const gpt2 = spec("gpt-2-small", "GPT-2 (124M)", "OpenAI", {
  vocabSize: 50257,
  contextLength: 1024,
  dModel: 768,
  numLayers: 12,
  embedding: { tied: true },
  positional: { kind: "learned" },
  norm: { kind: "layernorm", bias: true, placement: "pre" },
  mixers: { mha: { kind: "attention", heads: 12, kvHeads: 12, headDim: 64, qkvBias: true, outBias: true } },
  ffns: { mlp: { kind: "mlp", hidden: 3072, activation: "gelu-tanh", gated: false, bias: true } },
  layers: [{ mixer: "mha", ffn: "mlp", count: 12 }],
}, 124_000_000);

/** Llama 3 8B: GQA, RoPE, SwiGLU. */
export const llama3 = spec("llama-3-8b", "Llama 3 (8B)", "Meta", {
  vocabSize: 128256,
  contextLength: 8192,
  dModel: 4096,
  numLayers: 32,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 500000 },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers: { attn: { kind: "attention", heads: 32, kvHeads: 8, headDim: 128 } },
  ffns: { mlp: { kind: "mlp", hidden: 14336, activation: "silu", gated: true } },
  layers: [{ mixer: "attn", ffn: "mlp", count: 32 }],
}, 8_000_000_000);

/** Gemma 3 27B: sandwich norms, QK-norm, 5:1 sliding-window/global pattern, GeGLU. */
export const gemma3 = spec("gemma-3-27b", "Gemma 3 (27B)", "Google", {
  vocabSize: 262208,
  contextLength: 131072,
  dModel: 5376,
  numLayers: 62,
  embedding: { tied: true, scale: "sqrt-d" },
  positional: { kind: "rope", theta: 1_000_000, scaling: { type: "linear", factor: 8 } },
  norm: { kind: "rmsnorm", placement: "sandwich", zeroCentered: true },
  mixers: {
    local: { kind: "attention", heads: 32, kvHeads: 16, headDim: 128, qkNorm: { kind: "rmsnorm", scope: "head" }, window: 1024, rope: { theta: 10000 } },
    global: { kind: "attention", heads: 32, kvHeads: 16, headDim: 128, qkNorm: { kind: "rmsnorm", scope: "head" } },
  },
  ffns: { mlp: { kind: "mlp", hidden: 21504, activation: "gelu-tanh", gated: true } },
  layers: [
    { repeat: 10, layers: [{ mixer: "local", ffn: "mlp", count: 5 }, { mixer: "global", ffn: "mlp" }] },
    { mixer: "local", ffn: "mlp", count: 2 },
  ],
}, 27_000_000_000);

/** DeepSeek V3: MLA, dense prefix, MoE with a shared expert, MTP. */
export const deepseekV3 = spec("deepseek-v3", "DeepSeek V3", "DeepSeek", {
  vocabSize: 129280,
  contextLength: 131072,
  dModel: 7168,
  numLayers: 61,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 10000 },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers: { mla: { kind: "mla", heads: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 } },
  ffns: {
    dense: { kind: "mlp", hidden: 18432, activation: "silu", gated: true },
    moe: { kind: "moe", experts: 256, activeExperts: 8, expertHidden: 2048, sharedExperts: 1, activation: "silu", gated: true, router: { scoring: "sigmoid", bias: true, groups: 8, topkGroups: 4, routedScale: 2.5 } },
  },
  layers: [
    { mixer: "mla", ffn: "dense", count: 3 },
    { mixer: "mla", ffn: "moe", count: 58 },
  ],
  mtp: { layers: 1, mixer: "mla", ffn: "moe" },
}, 671_000_000_000, 37_000_000_000);

/** Qwen3-Next 80B-A3B: 3:1 Gated DeltaNet / gated attention, partial RoPE, MoE with a gated shared expert. */
export const qwen3Next = spec("qwen3-next-80b-a3b", "Qwen3 Next (80B-A3B)", "Alibaba Qwen", {
  vocabSize: 151936,
  contextLength: 262144,
  dModel: 2048,
  numLayers: 48,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 10_000_000, fraction: 0.25 },
  norm: { kind: "rmsnorm", placement: "pre", zeroCentered: true },
  mixers: {
    linear: { kind: "gated-deltanet", keyHeads: 16, valueHeads: 32, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4 },
    full: { kind: "attention", heads: 16, kvHeads: 2, headDim: 256, qkNorm: { kind: "rmsnorm", scope: "head" }, outputGate: "elementwise" },
  },
  ffns: { moe: { kind: "moe", experts: 512, activeExperts: 10, expertHidden: 512, sharedExperts: 1, sharedGate: true, activation: "silu", gated: true } },
  layers: [{ repeat: 12, layers: [{ mixer: "linear", ffn: "moe", count: 3 }, { mixer: "full", ffn: "moe" }] }],
}, 80_000_000_000, 3_000_000_000);

/** A Nemotron-H style hybrid: Mamba-2-only, attention-only and MoE-only layers, no positional encoding. */
export const nemotronH = spec("nemotron-h-fixture", "Nemotron-H style hybrid", "NVIDIA", {
  vocabSize: 131072,
  contextLength: 262144,
  dModel: 2688,
  numLayers: 52,
  embedding: { tied: false },
  positional: { kind: "none" },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers: {
    mamba: { kind: "mamba2", heads: 64, headDim: 64, stateSize: 128, groups: 8, convKernel: 4 },
    attn: { kind: "attention", heads: 32, kvHeads: 2, headDim: 128 },
  },
  ffns: { moe: { kind: "moe", experts: 128, activeExperts: 6, expertHidden: 1856, sharedExperts: 1, sharedHidden: 3712, activation: "relu2", gated: false } },
  layers: [
    { repeat: 5, layers: [{ mixer: "mamba" }, { ffn: "moe" }, { mixer: "mamba" }, { ffn: "moe" }, { mixer: "attn" }, { ffn: "moe" }, { mixer: "mamba" }] },
    { repeat: 8, layers: [{ mixer: "mamba" }, { ffn: "moe" }] },
    { mixer: "mamba" },
  ],
}, 31_600_000_000, 3_200_000_000);

/** xLSTM 7B: mLSTM only, no attention, no positions, no context limit. */
export const xlstm = spec("xlstm-7b", "xLSTM (7B)", "NXAI", {
  vocabSize: 50304,
  contextLength: null,
  dModel: 4096,
  numLayers: 32,
  embedding: { tied: false },
  positional: { kind: "none" },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers: { mlstm: { kind: "mlstm", heads: 8, qkDim: 2048, vDim: 4096 } },
  ffns: { mlp: { kind: "mlp", hidden: 10944, activation: "silu", gated: true } },
  layers: [{ mixer: "mlstm", ffn: "mlp", count: 32 }],
}, 7_000_000_000);

/** GPT-OSS 120B: alternating sliding/global attention with sinks, MoE with biases. */
export const gptOss = spec("gpt-oss-120b", "GPT-OSS (120B)", "OpenAI", {
  vocabSize: 201088,
  contextLength: 131072,
  dModel: 2880,
  numLayers: 36,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 150000, scaling: { type: "yarn", factor: 32, originalContext: 4096 } },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers: {
    sliding: { kind: "attention", heads: 64, kvHeads: 8, headDim: 64, qkvBias: true, outBias: true, sinks: true, window: 128 },
    full: { kind: "attention", heads: 64, kvHeads: 8, headDim: 64, qkvBias: true, outBias: true, sinks: true },
  },
  ffns: { moe: { kind: "moe", experts: 128, activeExperts: 4, expertHidden: 2880, activation: "swiglu-oai", gated: true, bias: true, router: { bias: true } } },
  layers: [{ repeat: 18, layers: [{ mixer: "sliding", ffn: "moe" }, { mixer: "full", ffn: "moe" }] }],
}, 117_000_000_000, 5_100_000_000);

/** OLMo 2 7B: post-norm inside the residual, QK-norm over all heads. */
export const olmo2 = spec("olmo-2-7b", "OLMo 2 (7B)", "Ai2", {
  vocabSize: 100352,
  contextLength: 4096,
  dModel: 4096,
  numLayers: 32,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 500000 },
  norm: { kind: "rmsnorm", placement: "post" },
  mixers: { attn: { kind: "attention", heads: 32, kvHeads: 32, headDim: 128, qkNorm: { kind: "rmsnorm", scope: "all-heads" } } },
  ffns: { mlp: { kind: "mlp", hidden: 11008, activation: "silu", gated: true } },
  layers: [{ mixer: "attn", ffn: "mlp", count: 32 }],
}, 7_000_000_000);

/** A Command-A style parallel block with 3:1 sliding-window / NoPE global attention. */
export const parallelBlock = spec("parallel-fixture", "Parallel block (Command A style)", "Cohere", {
  vocabSize: 256000,
  contextLength: 262144,
  dModel: 12288,
  numLayers: 64,
  embedding: { tied: true },
  positional: { kind: "rope", theta: 50000 },
  norm: { kind: "layernorm", bias: false, placement: "parallel" },
  mixers: {
    local: { kind: "attention", heads: 96, kvHeads: 8, headDim: 128, window: 4096 },
    global: { kind: "attention", heads: 96, kvHeads: 8, headDim: 128, rope: false },
  },
  ffns: { mlp: { kind: "mlp", hidden: 33792, activation: "silu", gated: true } },
  layers: [{ repeat: 16, layers: [{ mixer: "local", ffn: "mlp", count: 3 }, { mixer: "global", ffn: "mlp" }] }],
}, 111_000_000_000);

/** An extended spec with a mixer kind the renderer does not know. */
export const extended: RenderableSpec = {
  ...meta("retnet-fixture", "RetNet-style extension", "Example Lab"),
  architecture: {
    vocabSize: 32000,
    contextLength: 8192,
    dModel: 2048,
    numLayers: 24,
    embedding: { tied: true },
    positional: { kind: "none" },
    norm: { kind: "layernorm", placement: "pre" },
    mixers: { ret: { kind: "retention", heads: 8, headDim: 256, gated: true } },
    ffns: { mlp: { kind: "mlp", hidden: 8192, activation: "gelu", gated: false } },
    layers: [{ mixer: "ret", ffn: "mlp", count: 24 }],
  },
};

/** A pure Mamba-2 stack: mixer-only layers, no FFN at all, tied embeddings, one layer of a second kind. */
export const mambaOnly = spec("mamba-only-fixture", "Mamba-2 only", "Example Lab", {
  vocabSize: 50280,
  contextLength: null,
  dModel: 2560,
  numLayers: 64,
  embedding: { tied: true },
  positional: { kind: "none" },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers: { m: { kind: "mamba2", heads: 80, headDim: 64, stateSize: 128, groups: 1, convKernel: 4 } },
  ffns: {},
  layers: [{ mixer: "m", count: 64 }],
}, 2_700_000_000);

/** One layer of everything at once: short conv, Lightning, Kimi Delta and GQA, sandwich norms, per-layer embeddings. */
export const kitchenSink = spec("kitchen-sink-fixture", "Kitchen sink", "Example Lab", {
  vocabSize: 65536,
  contextLength: 32768,
  dModel: 1024,
  numLayers: 5,
  embedding: { tied: false, norm: true, perLayer: { vocabSize: 65536, dim: 64 }, headBias: true },
  positional: { kind: "rope", theta: 10000, fraction: 0.5 },
  norm: { kind: "rmsnorm", placement: "sandwich" },
  mixers: {
    conv: { kind: "short-conv", convKernel: 3 },
    light: { kind: "lightning", heads: 8, headDim: 128 },
    kda: { kind: "kimi-delta", heads: 8, headDim: 128, convKernel: 4 },
    gqa: { kind: "attention", heads: 8, kvHeads: 2, headDim: 128, chunk: 8192, qkNorm: { kind: "l2", scope: "head" } },
  },
  ffns: { mlp: { kind: "mlp", hidden: 4096, activation: "relu2", gated: false } },
  layers: [{ mixer: "conv", ffn: "mlp" }, { mixer: "light", ffn: "mlp" }, { mixer: "kda", ffn: "mlp" }, { mixer: "gqa", ffn: "mlp", count: 2 }],
  finalLogitSoftcap: 30,
}, 500_000_000);

/** Every fixture, by id. */
export const fixtures: readonly RenderableSpec[] = [gpt2, llama3, gemma3, deepseekV3, qwen3Next, nemotronH, xlstm, gptOss, olmo2, parallelBlock, extended, mambaOnly, kitchenSink];
