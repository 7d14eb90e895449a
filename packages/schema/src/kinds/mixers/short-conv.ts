/**
 * Gated short convolution (LFM2).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames } from "../common.js";

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
  params(m, arch) {
    const d = arch.dModel;
    let params = d * 3 * d + d * m.convKernel + d * d;
    if (m.bias) params += 3 * d + d;
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
    span: () => undefined,
    // The last kernel − 1 inputs.
    state: (m, arch) => arch.dModel * (m.convKernel - 1),
  },
  attentionMacs: () => 0,
  ...fixedNames("short convolution", "Gated **short convolution**"),
  concepts: () => ["short-conv"],
  callout: (m) => ["kernel ", m.convKernel],
} satisfies MixerKindCore<ShortConvMixer>;

