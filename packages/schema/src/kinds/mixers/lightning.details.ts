/** The popover rows and relation checks of `LightningMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { LightningMixer } from "./lightning.js";
import { rows, noRelations } from "../details-kit.js";

export const lightningDetails = {
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("Head dim", m.headDim);
    if (m.qkNorm) r.add("QK-Norm", m.qkNorm.kind);
    return r.rows;
  },
  relations: noRelations,
} satisfies MixerKindDetails<LightningMixer>;
