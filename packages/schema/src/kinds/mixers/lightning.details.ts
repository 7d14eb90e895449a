/** The facets of `LightningMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { LightningMixer } from "./lightning.js";
import { rows, noRelations } from "../details-kit.js";
import type { Concept } from "../../concepts/concept.js";

export const lightningDetails = {
  cache: {
    span: () => undefined,
    state: (m) => m.heads * m.headDim * m.headDim,
  },
  attentionMacs: (m) => 3 * m.heads * m.headDim * m.headDim,
  concepts: (m) => ["lightning-attention", ...(m.qkNorm ? (["QK-Norm"] as Concept[]) : [])],
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("Head dim", m.headDim);
    if (m.qkNorm) r.add("QK-Norm", m.qkNorm.kind);
    return r.rows;
  },
  relations: noRelations,
  withDefaults: (m) => ({ bias: false, ...m }),
} satisfies MixerKindDetails<LightningMixer>;
