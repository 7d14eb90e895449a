/** The facets of `MlstmMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { MlstmMixer } from "./mlstm.js";
import { rows, noRelations, asWritten } from "../details-kit.js";
import { formatInt } from "../../format.js";

export const mlstmDetails = {
  cache: {
    span: () => undefined,
    // A (qk/heads × v/heads) matrix memory per head, the normaliser vector and the max state.
    state: (m) => m.heads * (m.qkDim / m.heads) * (m.vDim / m.heads) + m.qkDim + m.heads,
  },
  attentionMacs: (m) => 3 * m.heads * (m.qkDim / m.heads) * (m.vDim / m.heads),
  concepts: () => ["mlstm"],
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("QK / V width", `${formatInt(m.qkDim)} / ${formatInt(m.vDim)}`);
    return r.rows;
  },
  relations: noRelations,
  withDefaults: asWritten,
} satisfies MixerKindDetails<MlstmMixer>;
