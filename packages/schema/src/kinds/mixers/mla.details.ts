/** The popover rows and relation checks of `MlaMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { MlaMixer } from "./mla.js";
import { indexerFact, rows, tokens, windowFitsContext } from "../details-kit.js";

export const mlaDetails = {
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("KV latent rank", m.kvLoraRank);
    r.add("Query latent rank", m.qLoraRank ?? "none");
    r.add("Head dim (no RoPE + RoPE)", `${m.qkNopeHeadDim} + ${m.qkRopeHeadDim}`);
    r.add("Value head dim", m.vHeadDim);
    if (m.window) r.add("Window", tokens(m.window));
    if (m.indexer) r.add("Sparse indexer", indexerFact(m.indexer));
    if (m.outputGate) r.add("Output gate", m.outputGate);
    if (m.rope === false) r.add("RoPE", "none (NoPE)");
    return r.rows;
  },
  relations: (m, arch, path) => windowFitsContext(m.window, arch.contextLength, path),
} satisfies MixerKindDetails<MlaMixer>;
