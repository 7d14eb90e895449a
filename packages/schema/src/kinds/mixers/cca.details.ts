/** The facets of `CcaMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { CcaMixer } from "./cca.js";
import { rows, noRelations, asWritten } from "../details-kit.js";
import { headSharing } from "../common.js";

export const ccaDetails = {
  cache: {
    span: () => undefined,
    // The convolution tails over q‖k and the previous token's delayed value half.
    state(m) {
      const c = (m.heads + m.kvHeads) * m.headDim;
      return c * (m.convKernel - 1 + m.groupedConvKernel - 1) + (m.kvHeads * m.headDim) / 2;
    },
  },
  attentionMacs: (m, tokens) => m.heads * 2 * m.headDim * tokens,
  concepts: (m) => ["cca", headSharing(m)],
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("KV heads", m.kvHeads);
    r.add("Head dim", m.headDim);
    r.add("Conv kernels (depthwise / grouped)", `${m.convKernel} / ${m.groupedConvKernel}`);
    r.add("Delayed values", "half of the value heads read the previous token");
    return r.rows;
  },
  relations: noRelations,
  withDefaults: asWritten,
} satisfies MixerKindDetails<CcaMixer>;
