/**
 * Gated short convolution (LFM2).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames, noRotary } from "../common.js";

/** Gated short convolution (LFM2). */
export interface ShortConvMixer {
  kind: "short-conv";
  /** Convolution kernel size. */
  convKernel: PositiveInt;
  /** Biases on the projections. */
  bias?: boolean;
}

export const shortConv = {
  kind: "short-conv",
  family: "convolution",
  rotary: noRotary,
  params(m, arch) {
    const d = arch.dModel;
    let params = d * 3 * d + d * m.convKernel + d * d;
    if (m.bias) params += 3 * d + d;
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
  },
  ...fixedNames("short convolution", "Gated **short convolution**"),
  callout: (m) => ["kernel ", m.convKernel],
} satisfies MixerKindCore<ShortConvMixer>;
