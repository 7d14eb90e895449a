/** The facets of `QwenSparseMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { QwenSparseMixer } from "./qwen-sparse.js";
import { attentionDetails } from "./attention.details.js";
import { rows, tokens, asWritten } from "../details-kit.js";
import type { Concept } from "../../concepts/concept.js";

const asAttention = ({ kind: _kind, indexer: _indexer, ...m }: QwenSparseMixer) => ({ kind: "attention" as const, ...m });

export const qwenSparseDetails = {
  cache: {
    span: () => undefined,
    state: () => 0,
  },
  attentionMacs(m, tokens) {
    const ix = m.indexer;
    // The selected blocks plus the unfinished tail block (at most blockSize − 1 tokens).
    const selected = Math.min(tokens, ix.topKBlocks * ix.blockSize + ix.blockSize - 1);
    // Every indexer head scores one pooled key per complete block; the main attention reads only the selection.
    return attentionDetails.attentionMacs(asAttention(m), selected) + ix.heads * ix.headDim * Math.floor(tokens / ix.blockSize);
  },
  concepts(m, ctx) {
    const tags: Concept[] = [...attentionDetails.concepts(asAttention(m), ctx), "qwen-sparse-attention"];
    return tags;
  },
  facts(m) {
    const r = rows();
    for (const [label, value] of attentionDetails.facts(asAttention(m))) if (label !== "Window") r.add(label, value);
    r.add("Block indexer", `${m.indexer.heads} heads × ${m.indexer.headDim}, keys averaged over ${tokens(m.indexer.blockSize)}`);
    r.add("Selection", `top ${m.indexer.topKBlocks} blocks of ${tokens(m.indexer.blockSize)} and the unfinished last block`);
    return r.rows;
  },
  relations: (m, arch, path) => attentionDetails.relations(asAttention(m), arch, path),
  withDefaults: asWritten,
} satisfies MixerKindDetails<QwenSparseMixer>;
