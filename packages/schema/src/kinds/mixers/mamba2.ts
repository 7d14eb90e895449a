/**
 * Mamba-2 state-space mixer (Nemotron-H, Granite 4 hybrids).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames, noRotary } from "../common.js";

/** Mamba-2 state-space mixer (Nemotron-H, Granite 4 hybrids). */
export interface Mamba2Mixer {
  kind: "mamba2";
  /** SSM heads. */
  heads: PositiveInt;
  /** Head dimension (heads × headDim = inner width). */
  headDim: PositiveInt;
  /** SSM state size per group. */
  stateSize: PositiveInt;
  /** B/C groups. */
  groups: PositiveInt;
  /** Causal convolution kernel size. */
  convKernel: PositiveInt;
  /** Biases on the in/out projections. */
  bias?: boolean;
  /** Bias on the convolution. Default true. */
  convBias?: boolean;
}

export const mamba2 = {
  kind: "mamba2",
  family: "ssm",
  rotary: noRotary,
  params(m, arch) {
    const d = arch.dModel;
    const inner = m.heads * m.headDim;
    const convDim = inner + 2 * m.groups * m.stateSize;
    const inProj = inner + convDim + m.heads;
    let params = d * inProj + convDim * m.convKernel + 3 * m.heads + inner + inner * d;
    if (m.convBias !== false) params += convDim;
    if (m.bias) params += inProj + d;
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
  },
  ...fixedNames("Mamba-2", "**Mamba-2** (state space)", "**Mamba-2**"),
  callout: (m) => [m.heads, " heads, state ", m.stateSize],
} satisfies MixerKindCore<Mamba2Mixer>;
