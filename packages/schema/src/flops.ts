/**
 * Forward FLOPs per token and weight memory.
 */
import { definitionCounts } from "./layers.js";
import { countParams, ngramLookupParams, type ParamCounts, type ParamHooks } from "./params.js";
import { dtypeBytes, type Dtype } from "./kv-cache.js";
import type { Mixer, ArchitectureInput, Architecture } from "./spec-types.js";

/** Forward FLOPs for one token, split into matrix multiplies and attention over the context. */
export interface FlopsPerToken {
  /** All forward FLOPs. */
  total: number;
  /** 2 × every active weight a token multiplies with (embedding look-ups excluded, output head included). */
  matmul: number;
  /** Attention scores and weighted sums over the cached context (2 FLOPs per multiply-add). */
  attention: number;
}

/** Multiply-adds for one query against `tokens` cached positions, per layer. */
function attentionMacs(mixer: Mixer, tokens: number): number {
  switch (mixer.kind) {
    case "attention": {
      const span = Math.min(tokens, mixer.window ?? mixer.chunk ?? tokens);
      return mixer.heads * (mixer.headDim + (mixer.valueHeadDim ?? mixer.headDim)) * span;
    }
    case "mla": {
      const span = Math.min(tokens, mixer.indexer?.topK ?? tokens, mixer.window ?? tokens);
      return mixer.heads * (mixer.qkNopeHeadDim + mixer.qkRopeHeadDim + mixer.vHeadDim) * span;
    }
    case "compressed-attention": {
      const compressed = mixer.compressRatio ? Math.ceil(tokens / mixer.compressRatio) : 0;
      const rows = Math.min(tokens, mixer.window) + Math.min(compressed, mixer.indexer?.topK ?? compressed);
      return mixer.heads * 2 * mixer.headDim * rows;
    }
    case "cca": {
      const span = tokens;
      return mixer.heads * 2 * mixer.headDim * span;
    }
    case "gated-deltanet":
      return 3 * mixer.valueHeads * mixer.keyHeadDim * mixer.valueHeadDim;
    case "kimi-delta":
    case "lightning":
      return 3 * mixer.heads * mixer.headDim * mixer.headDim;
    case "mamba2":
      return 3 * mixer.heads * mixer.headDim * mixer.stateSize;
    case "mlstm":
      return 3 * mixer.heads * (mixer.qkDim / mixer.heads) * (mixer.vDim / mixer.heads);
    default:
      return 0;
  }
}

/**
 * Forward FLOPs per token at a given context length (the token attends to `contextLength` cached positions,
 * capped by sliding windows, chunks and sparse top-k).
 */
export function flopsPerToken(
  spec: { architecture: ArchitectureInput },
  options: { contextLength?: number; hooks?: ParamHooks; counts?: ParamCounts } = {},
): FlopsPerToken {
  const arch = spec.architecture as Architecture;
  const params = options.counts ?? countParams(spec, options.hooks);
  const b = params.activeBreakdown;
  const ngramLookups = arch.embedding.ngram ? ngramLookupParams(arch.embedding.ngram, arch.dModel) : 0;
  const lookups = b.embedding + b.positionEmbedding + ngramLookups + (arch.embedding.perLayer ? arch.embedding.perLayer.vocabSize * arch.numLayers * arch.embedding.perLayer.dim : 0);
  const headMatmul = arch.embedding.tied ? arch.vocabSize * arch.dModel : 0;
  const matmul = 2 * (params.active - lookups + headMatmul);
  const tokens = options.contextLength ?? arch.contextLength ?? 4096;
  let attention = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = arch.mixers[name];
    if (mixer) attention += times * 2 * attentionMacs(mixer, tokens);
  }
  return { total: matmul + attention, matmul, attention };
}

/** Weight memory in bytes at common dtypes. */
export interface WeightMemory {
  bf16: number;
  fp8: number;
  int4: number;
}

/**
 * Bytes needed to hold every weight of the checkpoint (MTP modules included) at bf16, fp8 and int4.
 * Pass `counts` when you already have them, to skip counting again.
 */
export function weightMemory(spec: { architecture: ArchitectureInput }, hooks?: ParamHooks, counts?: ParamCounts): WeightMemory {
  const { totalWithMtp: total } = counts ?? countParams(spec, hooks);
  const at = (dtype: Dtype) => total * dtypeBytes[dtype];
  return { bf16: at("bf16"), fp8: at("fp8"), int4: at("int4") };
}
