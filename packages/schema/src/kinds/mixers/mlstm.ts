/**
 * The mLSTM recurrent mixer with matrix memory (xLSTM).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames, noRotary } from "../common.js";

/** mLSTM recurrent mixer with matrix memory (xLSTM). */
export interface MlstmMixer {
  kind: "mlstm";
  /** Heads. */
  heads: PositiveInt;
  /** Query/key width (all heads). */
  qkDim: PositiveInt;
  /** Value width (all heads). */
  vDim: PositiveInt;
}

export const mlstm = {
  kind: "mlstm",
  family: "ssm",
  rotary: noRotary,
  params(m, arch) {
    // NX-AI/xlstm xlstm_large/model.py (mLSTMLayer): q, k (d→qkDim), v and output gate (d→vDim),
    // input and forget gates (d→heads, with bias), multi-head norm (vDim), out_proj (vDim→d).
    const d = arch.dModel;
    const params = d * (2 * m.qkDim + 2 * m.vDim + 2 * m.heads) + 2 * m.heads + m.vDim + m.vDim * d;
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
  },
  ...fixedNames("mLSTM", "**mLSTM** with matrix memory", "**mLSTM**"),
  callout: (m) => [m.heads, " heads"],
} satisfies MixerKindCore<MlstmMixer>;
