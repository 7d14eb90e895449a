/** The popover rows and relation checks of `MlpFfn` (loaded by the popover and the validator, not by the figure). */
import type { FfnKindDetails } from "../mixer-kind.js";
import type { MlpFfn } from "./mlp.js";
import { formatInt } from "../../format.js";
import { activationText } from "../details-kit.js";

export const mlpDetails = {
  concepts: () => [],
  facts: (f) => [
    ["Hidden size", formatInt(f.hidden)],
    ["Activation", activationText(f)],
  ],
  relations: () => [],
  withDefaults: (f) => ({ bias: false, ...f }),
} satisfies FfnKindDetails<MlpFfn>;
