/** The popover rows and relation checks of `GatedDeltaNetMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { GatedDeltaNetMixer } from "./gated-deltanet.js";
import { rows } from "../details-kit.js";

export const gatedDeltanetDetails = {
  facts(m) {
    const r = rows();
    r.add("Key heads", m.keyHeads);
    r.add("Value heads", m.valueHeads);
    r.add("Key / value head dim", `${m.keyHeadDim} / ${m.valueHeadDim}`);
    r.add("Conv kernel", m.convKernel);
    return r.rows;
  },
  relations: (m, _arch, path) =>
    m.valueHeads % m.keyHeads !== 0 ? [{ path: [...path, "valueHeads"], message: `must be a multiple of keyHeads (${m.keyHeads}), got ${m.valueHeads}` }] : [],
} satisfies MixerKindDetails<GatedDeltaNetMixer>;
