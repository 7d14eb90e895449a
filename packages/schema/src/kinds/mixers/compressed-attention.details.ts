/** The facets of `CompressedAttentionMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { CompressedAttentionMixer } from "./compressed-attention.js";
import { indexerFact, rows, tokens, noRelations, asWritten } from "../details-kit.js";
import { formatInt } from "../../format.js";
import type { Concept } from "../../concepts/concept.js";

export const compressedAttentionDetails = {
  cache: {
    // The compressed rows cover the whole context (the window bounds only the uncompressed buffer, counted as state).
    span: () => undefined,
    // The sliding window of uncompressed rows is a fixed-size buffer.
    state: (m) => m.window * m.headDim,
  },
  attentionMacs(m, tokens) {
    const compressed = m.compressRatio ? Math.ceil(tokens / m.compressRatio) : 0;
    const rows = Math.min(tokens, m.window) + Math.min(compressed, m.indexer?.topK ?? compressed);
    return m.heads * 2 * m.headDim * rows;
  },
  concepts(m) {
    const tags: Concept[] = ["compressed-attention", "MQA", "SWA"];
    if (m.indexer) tags.push("DSA");
    tags.push("attention-sinks");
    return tags;
  },
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
  withDefaults: asWritten,
} satisfies MixerKindDetails<CompressedAttentionMixer>;
