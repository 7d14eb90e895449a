/** The facets of `Mamba2Mixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { Mamba2Mixer } from "./mamba2.js";
import { rows, noRelations } from "../details-kit.js";

export const mamba2Details = {
  cache: {
    span: () => undefined,
    state(m) {
      const inner = m.heads * m.headDim;
      return m.heads * m.headDim * m.stateSize + (inner + 2 * m.groups * m.stateSize) * (m.convKernel - 1);
    },
  },
  attentionMacs: (m) => 3 * m.heads * m.headDim * m.stateSize,
  concepts: () => ["mamba-2"],
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
  withDefaults: (m) => ({ bias: false, convBias: true, ...m }),
} satisfies MixerKindDetails<Mamba2Mixer>;
