/** The popover rows and relation checks of `Mamba2Mixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { Mamba2Mixer } from "./mamba2.js";
import { rows, noRelations } from "../details-kit.js";

export const mamba2Details = {
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("Head dim", m.headDim);
    r.add("State size", m.stateSize);
    r.add("Groups", m.groups);
    r.add("Conv kernel", m.convKernel);
    return r.rows;
  },
  relations: noRelations,
} satisfies MixerKindDetails<Mamba2Mixer>;
