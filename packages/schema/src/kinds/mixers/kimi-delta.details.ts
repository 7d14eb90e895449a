/** The popover rows and relation checks of `KimiDeltaMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { KimiDeltaMixer } from "./kimi-delta.js";
import { rows, noRelations } from "../details-kit.js";

export const kimiDeltaDetails = {
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("Head dim", m.headDim);
    r.add("Conv kernel", m.convKernel);
    r.add("Output gate", m.outputGate ?? "low-rank");
    return r.rows;
  },
  relations: noRelations,
} satisfies MixerKindDetails<KimiDeltaMixer>;
