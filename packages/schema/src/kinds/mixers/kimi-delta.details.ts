/** The facets of `KimiDeltaMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { KimiDeltaMixer } from "./kimi-delta.js";
import { rows, asWritten } from "../details-kit.js";

export const kimiDeltaDetails = {
  cache: {
    span: () => undefined,
    state: (m) => m.heads * m.headDim * m.headDim + 3 * m.heads * m.headDim * (m.convKernel - 1),
  },
  attentionMacs: (m) => 3 * m.heads * m.headDim * m.headDim,
  concepts: () => ["kimi-delta-attention"],
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("Head dim", m.headDim);
    r.add("Conv kernel", m.convKernel);
    r.add("Output gate", `${m.outputGate ?? "low-rank"}${m.outputGate !== "full-rank" && m.outputGateBias === false ? " (no bias)" : ""}`);
    r.add("Decay gate", m.decayGate ?? "low-rank");
    return r.rows;
  },
  relations(m, _arch, path) {
    return m.outputGate === "full-rank" && m.outputGateBias !== undefined
      ? [{ path: [...path, "outputGateBias"], message: "applies to the low-rank output gate only (the full-rank gate has no bias)" }]
      : [];
  },
  withDefaults: asWritten,
} satisfies MixerKindDetails<KimiDeltaMixer>;
