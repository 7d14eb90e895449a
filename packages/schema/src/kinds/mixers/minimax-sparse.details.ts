/** The popover rows and relation checks of `MiniMaxSparseMixer` (loaded by the popover and the validator, not by the figure). */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { MiniMaxSparseMixer } from "./minimax-sparse.js";
import { attentionDetails } from "./attention.details.js";
import { rows, tokens } from "../details-kit.js";

const asAttention = ({ kind: _kind, indexer: _indexer, ...m }: MiniMaxSparseMixer) => ({ kind: "attention" as const, ...m });

export const minimaxSparseDetails = {
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
    if (local > m.indexer.topKBlocks) issues.push({ path: [...path, "indexer", "localBlocks"], message: `must not exceed topKBlocks (${m.indexer.topKBlocks}), got ${local}` });
    return issues;
  },
} satisfies MixerKindDetails<MiniMaxSparseMixer>;
