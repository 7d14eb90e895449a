/**
 * Lightning attention, a gated linear attention (MiniMax-01, Ling 2.5).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt, QkNorm, RopeSettings } from "../../spec-types.js";
import { fixedNames, qkNormWeights, ropeOverrideOf } from "../common.js";

/** Lightning attention, a gated linear attention (MiniMax-01, Ling 2.5). */
export interface LightningMixer {
  kind: "lightning";
  /** Heads. */
  heads: PositiveInt;
  /** Head dimension. */
  headDim: PositiveInt;
  /** Biases on the projections. */
  bias?: boolean;
  /** Query/key norm. */
  qkNorm?: QkNorm;
  /** RoPE for this mixer, or `false`. */
  rope?: false | RopeSettings;
}

export const lightning = {
  kind: "lightning",
  family: "linear-attention",
  rotary: ropeOverrideOf,
  params(m, arch) {
    // transformers models/minimax (MiniMaxLightningAttention): qkv_proj (d→3·H·h), output_gate (d→H·h),
    // RMSNorm (H·h), out_proj (H·h→d); biases when set.
    const d = arch.dModel;
    const inner = m.heads * m.headDim;
    let params = 5 * d * inner + inner;
    if (m.bias) params += 4 * inner + d;
    params += qkNormWeights(m.qkNorm, 2 * m.headDim);
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
  },
  ...fixedNames("Lightning Attention", "**Lightning** Attention"),
  callout: (m) => [m.heads, " heads"],
} satisfies MixerKindCore<LightningMixer>;
