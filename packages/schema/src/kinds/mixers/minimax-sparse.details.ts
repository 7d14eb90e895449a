/** The facets of `MiniMaxSparseMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { MiniMaxSparseMixer } from "./minimax-sparse.js";
import { attentionDetails } from "./attention.details.js";
import { rows, tokens, asWritten } from "../details-kit.js";
import type { Concept } from "../../concepts/concept.js";

const asAttention = ({ kind: _kind, indexer: _indexer, ...m }: MiniMaxSparseMixer) => ({ kind: "attention" as const, ...m });

export const minimaxSparseDetails = {
  cache: {
    span: () => undefined,
    state: () => 0,
  },
  attentionMacs(m, tokens) {
    const selected = Math.min(tokens, m.indexer.topKBlocks * m.indexer.blockSize);
    // Every earlier key is scored by every indexer head; the main attention reads only the selected blocks.
    return attentionDetails.attentionMacs(asAttention(m), selected) + m.indexer.heads * m.indexer.headDim * tokens;
  },
  concepts(m, ctx) {
    const tags: Concept[] = [...attentionDetails.concepts(asAttention(m), ctx), "block-sparse-attention"];
    return tags;
  },
  facts(m) {
    const r = rows();
    for (const [label, value] of attentionDetails.facts(asAttention(m))) if (label !== "Window") r.add(label, value);
    r.add("Block indexer", `${m.indexer.heads} heads × ${m.indexer.headDim}`);
    r.add("Selection", `top ${m.indexer.topKBlocks} blocks of ${tokens(m.indexer.blockSize)}`);
    if (m.indexer.localBlocks) r.add("Always kept", `${m.indexer.localBlocks} local block${m.indexer.localBlocks === 1 ? "" : "s"}`);
    return r.rows;
  },
  relations(m, arch, path) {
    const issues = attentionDetails.relations(asAttention(m), arch, path);
    const local = m.indexer.localBlocks ?? 0;
    if (local > m.indexer.topKBlocks)
      issues.push({
        path: [...path, "indexer", "localBlocks"],
        message: `must not exceed topKBlocks (${m.indexer.topKBlocks}), got ${local}`,
      });
    return issues;
  },
  withDefaults: asWritten,
} satisfies MixerKindDetails<MiniMaxSparseMixer>;
