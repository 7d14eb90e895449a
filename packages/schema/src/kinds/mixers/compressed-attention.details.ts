/** The popover rows and relation checks of `CompressedAttentionMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { CompressedAttentionMixer } from "./compressed-attention.js";
import { indexerFact, rows, tokens, noRelations } from "../details-kit.js";
import { formatInt } from "../../format.js";

export const compressedAttentionDetails = {
  facts(m) {
    const r = rows();
    r.add("Variant", m.compressRatio ? (m.indexer ? "compressed sparse (CSA)" : "heavily compressed (HCA)") : "window only");
    r.add("Heads", m.heads);
    r.add("KV heads", "1 (keys = values)");
    r.add("Head dim (RoPE part)", `${formatInt(m.headDim)} (${formatInt(m.ropeDim)})`);
    r.add("Query latent rank", m.qLoraRank);
    r.add("Window", tokens(m.window));
    if (m.compressRatio) r.add("Compression", `1 row per ${formatInt(m.compressRatio)} tokens`);
    if (m.indexer) r.add("Sparse indexer", indexerFact(m.indexer));
    r.add("Output projection", `${formatInt(m.outputGroups)} groups of rank ${formatInt(m.outputLoraRank)}`);
    return r.rows;
  },
  relations: noRelations,
} satisfies MixerKindDetails<CompressedAttentionMixer>;
