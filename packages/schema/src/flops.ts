/**
 * Forward FLOPs per token and weight memory.
 */
import { definitionCounts } from "./layers.js";
import { countParams, layerStackComponents, type ParamCounts } from "./params.js";
import { dtypeBytes, type Dtype } from "./kv-cache.js";
import type { ArchitectureInput, Architecture } from "./spec-types.js";
import { resolveKinds, stackPasses, type KindOptions } from "./kinds/registry.js";
import { mixerKindDetails } from "./kinds/details.js";

/** Forward FLOPs for one token, split into matrix multiplies and attention over the context. */
export interface FlopsPerToken {
  /** All forward FLOPs. */
  total: number;
  /**
   * 2 × every active weight a token multiplies with (embedding look-ups excluded, output head included); a looped
   * stack's layers count once per pass.
   */
  matmul: number;
  /** Attention scores and weighted sums over the cached context (2 FLOPs per multiply-add). */
  attention: number;
}

/**
 * Forward FLOPs per token at a given context length (the token attends to `contextLength` cached positions,
 * capped by sliding windows, chunks and sparse top-k).
 */
export function flopsPerToken(
  spec: { architecture: ArchitectureInput },
  options: KindOptions & { contextLength?: number; counts?: ParamCounts } = {},
): FlopsPerToken {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  const params = options.counts ?? countParams(spec, { kinds });
  const b = params.activeBreakdown;
  // The headline active count already leaves out look-ups (embedding rows, feature tables) and counts the head.
  // A looped stack multiplies through its layers once per pass; embedding and head run once.
  const passes = stackPasses(arch);
  let stack = 0;
  if (passes > 1) for (const component of layerStackComponents) stack += b[component];
  const matmul = 2 * (params.active + (passes - 1) * stack);
  const tokens = options.contextLength ?? arch.contextLength ?? 4096;
  let attention = 0;
  for (const [name, times] of definitionCounts(arch.layers).mixers) {
    const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    const details = mixerKindDetails(mixer, kinds);
    if (mixer && details) attention += passes * times * 2 * details.attentionMacs(mixer, tokens);
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
export function weightMemory(spec: { architecture: ArchitectureInput }, options?: KindOptions, counts?: ParamCounts): WeightMemory {
  const { totalWithMtp: total } = counts ?? countParams(spec, options);
  const at = (dtype: Dtype) => total * dtypeBytes[dtype];
  return { bf16: at("bf16"), fp8: at("fp8"), int4: at("int4") };
}
