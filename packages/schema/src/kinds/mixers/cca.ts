/**
 * Compressed convolutional attention (ZAYA1).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames } from "../common.js";

/**
 * Compressed convolutional attention (ZAYA1): GQA projections where half the value heads read the previous
 * token, and queries/keys pass through a depthwise and a grouped causal convolution before L2-normalised
 * attention with a learned per-KV-head temperature.
 */
export interface CcaMixer {
  kind: "cca";
  /** Query heads. */
  heads: PositiveInt;
  /** Key/value heads. */
  kvHeads: PositiveInt;
  /** Head dimension. */
  headDim: PositiveInt;
  /** Kernel of the depthwise q/k convolution. */
  convKernel: PositiveInt;
  /** Kernel of the grouped q/k convolution. */
  groupedConvKernel: PositiveInt;
  /** Biases on the projections. */
  bias?: boolean;
}

export const cca = {
  kind: "cca",
  family: "attention",
  rotary: () => ({}),
  params(m, arch) {
    // transformers models/zaya (ZayaCCAProjection): q (d→H·hd), k (d→Hkv·hd), current and delayed values
    // (d→Hkv·hd/2 each), depthwise conv over q‖k (C channels, kernel k0, bias), grouped conv (C channels in
    // H+Hkv groups, kernel k1, bias), per-KV-head temperature, o_proj.
    const d = arch.dModel;
    const q = m.heads * m.headDim;
    const k = m.kvHeads * m.headDim;
    const c = q + k;
    const groupIn = c / (m.heads + m.kvHeads);
    let params = d * (q + 2 * k) + c * m.convKernel + c + c * groupIn * m.groupedConvKernel + c + m.kvHeads + q * d;
    if (m.bias) params += q + 2 * k + d;
    return { component: "attention", params };
  },
  cache: {
    perToken: (m) => 2 * m.kvHeads * m.headDim,
  },
  ...fixedNames("CCA", "**Compressed Convolutional** Attention"),
  callout: (m) => [m.heads, " heads, ", m.kvHeads, " KV heads"],
} satisfies MixerKindCore<CcaMixer>;
