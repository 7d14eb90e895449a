/** The facets of `ShortConvMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { ShortConvMixer } from "./short-conv.js";
import { rows, noRelations } from "../details-kit.js";

export const shortConvDetails = {
  cache: {
    span: () => undefined,
    // The last kernel − 1 inputs.
    state: (m, arch) => arch.dModel * (m.convKernel - 1),
  },
  attentionMacs: () => 0,
  concepts: () => ["short-conv"],
  facts(m) {
    const r = rows();
    r.add("Conv kernel", m.convKernel);
    return r.rows;
  },
  relations: noRelations,
  withDefaults: (m) => ({ bias: false, ...m }),
} satisfies MixerKindDetails<ShortConvMixer>;
