/** The facets of `GatedDeltaNetMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { GatedDeltaNetMixer } from "./gated-deltanet.js";
import { rows, asWritten } from "../details-kit.js";

export const gatedDeltanetDetails = {
  cache: {
    span: () => undefined,
    // One keyHeadDim × valueHeadDim memory per value head, plus the convolution tails.
    state(m) {
      const keyDim = m.keyHeads * m.keyHeadDim;
      const valueDim = m.valueHeads * m.valueHeadDim;
      return m.valueHeads * m.keyHeadDim * m.valueHeadDim + (2 * keyDim + valueDim) * (m.convKernel - 1);
    },
  },
  attentionMacs: (m) => 3 * m.valueHeads * m.keyHeadDim * m.valueHeadDim,
  concepts: () => ["gated-deltanet"],
  facts(m) {
    const r = rows();
    r.add("Key heads", m.keyHeads);
    r.add("Value heads", m.valueHeads);
    r.add("Key / value head dim", `${m.keyHeadDim} / ${m.valueHeadDim}`);
    r.add("Conv kernel", m.convKernel);
    return r.rows;
  },
  relations: (m, _arch, path) =>
    m.valueHeads % m.keyHeads !== 0
      ? [{ path: [...path, "valueHeads"], message: `must be a multiple of keyHeads (${m.keyHeads}), got ${m.valueHeads}` }]
      : [],
  withDefaults: asWritten,
} satisfies MixerKindDetails<GatedDeltaNetMixer>;
