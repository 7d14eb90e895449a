/** The popover rows and relation checks of `ShortConvMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { ShortConvMixer } from "./short-conv.js";
import { rows, noRelations } from "../details-kit.js";

export const shortConvDetails = {
  facts(m) {
    const r = rows();
    r.add("Conv kernel", m.convKernel);
    return r.rows;
  },
  relations: noRelations,
} satisfies MixerKindDetails<ShortConvMixer>;
