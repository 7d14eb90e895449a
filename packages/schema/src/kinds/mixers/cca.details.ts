/** The popover rows and relation checks of `CcaMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { CcaMixer } from "./cca.js";
import { rows, noRelations } from "../details-kit.js";

export const ccaDetails = {
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
} satisfies MixerKindDetails<CcaMixer>;
