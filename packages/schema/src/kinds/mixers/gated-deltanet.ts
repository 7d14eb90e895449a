/**
 * Gated DeltaNet linear attention (Qwen3-Next, Qwen3.5).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames, noRotary } from "../common.js";

/** Gated DeltaNet linear attention (Qwen3-Next, Qwen3.5). */
export interface GatedDeltaNetMixer {
  kind: "gated-deltanet";
  /** Key (and query) heads. */
  keyHeads: PositiveInt;
  /** Value heads. */
  valueHeads: PositiveInt;
  /** Key head dimension. */
  keyHeadDim: PositiveInt;
  /** Value head dimension. */
  valueHeadDim: PositiveInt;
  /** Causal depthwise convolution kernel size. */
  convKernel: PositiveInt;
}

export const gatedDeltanet = {
  kind: "gated-deltanet",
  family: "linear-attention",
  rotary: noRotary,
  params(m, arch) {
    const d = arch.dModel;
    const keyDim = m.keyHeads * m.keyHeadDim;
    const valueDim = m.valueHeads * m.valueHeadDim;
    const convDim = 2 * keyDim + valueDim;
    const params =
      d * (2 * keyDim + 2 * valueDim) + // in_proj_qkvz
      d * 2 * m.valueHeads + // in_proj_ba
      convDim * m.convKernel + // depthwise conv, no bias
      2 * m.valueHeads + // dt_bias, A_log
      m.valueHeadDim + // gated RMSNorm
      valueDim * d; // out_proj
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
  },
  ...fixedNames("Gated DeltaNet", "**Gated** DeltaNet"),
  callout: (m) => [m.keyHeads, " key / ", m.valueHeads, " value heads"],
} satisfies MixerKindCore<GatedDeltaNetMixer>;
