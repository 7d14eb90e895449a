/** The popover rows and relation checks of `MlstmMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { MlstmMixer } from "./mlstm.js";
import { rows, noRelations } from "../details-kit.js";
import { formatInt } from "../../format.js";

export const mlstmDetails = {
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("QK / V width", `${formatInt(m.qkDim)} / ${formatInt(m.vDim)}`);
    return r.rows;
  },
  relations: noRelations,
} satisfies MixerKindDetails<MlstmMixer>;
