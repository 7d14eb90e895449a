/** The facets of `Csa2Mixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails, RelationIssue } from "../mixer-kind.js";
import type { Csa2Mixer } from "./csa2.js";
import { indexerFact, indexerScoringMacs, rows, tokens, asWritten } from "../details-kit.js";
import { formatInt } from "../../format.js";
import type { Concept } from "../../concepts/concept.js";

const modeText = {
  full: "writes the compressed rows",
  reindex: "reads them, selects its own top-k",
  reuse: "reads the rows and the last selection",
};

export const csa2Details = {
  cache: {
    // The compressed rows cover the whole context; the window bounds only the uncompressed buffer, counted as state.
    span: () => undefined,
    state: (m) => m.window * m.headDim,
  },
  attentionMacs(m, n) {
    // mlx-lm `_sparse_attention`: each query reads its window plus the selected compressed rows; a scoring
    // indexer (`Indexer.__call__`) scores every compressed row before its top-k (the candidate pool only masks them).
    const compressed = m.compressRatio ? Math.floor(n / m.compressRatio) : 0;
    const read = Math.min(n, m.window) + Math.min(compressed, m.indexer?.topK ?? compressed);
    const scoring = m.compressRatio && m.mode !== "reuse" ? indexerScoringMacs(m.indexer, compressed) : 0;
    return m.heads * 2 * m.headDim * read + scoring;
  },
  concepts(m) {
    const tags: Concept[] = ["compressed-attention", "MQA", "SWA"];
    if (m.compressRatio && m.mode !== "full") tags.push("kv-sharing");
    if (m.indexer) tags.push("DSA");
    tags.push("attention-sinks");
    return tags;
  },
  facts(m) {
    const r = rows();
    r.add("Variant", m.compressRatio ? `CSA2 ${m.mode ?? "full"}: ${modeText[m.mode ?? "full"]}` : "window only");
    r.add("Heads", m.heads);
    r.add("KV heads", "1 (keys = values)");
    r.add("Head dim (RoPE part)", `${formatInt(m.headDim)} (${formatInt(m.ropeDim)})`);
    r.add("Query latent rank", m.qLoraRank);
    r.add("Window", tokens(m.window));
    if (m.compressRatio) r.add("Compression", `1 row per ${formatInt(m.compressRatio)} tokens`);
    if (m.indexer)
      r.add(
        "Sparse indexer",
        m.mode === "reuse" ? `reuses the top-${formatInt(m.indexer.topK)} of an earlier layer` : indexerFact(m.indexer),
      );
    if (m.candidates) r.add("Candidate pool", `${formatInt(m.candidates.blocks)} blocks of ${formatInt(m.candidates.blockSize)} rows`);
    r.add("Output projection", `${formatInt(m.outputGroups)} groups of rank ${formatInt(m.outputLoraRank)}`);
    return r.rows;
  },
  relations(m, arch, path) {
    const issues: RelationIssue[] = [];
    if (m.ropeDim > m.headDim)
      issues.push({ path: [...path, "ropeDim"], message: `must not exceed headDim (${m.headDim}), got ${m.ropeDim}` });
    if ((m.heads * m.headDim) % m.outputGroups !== 0)
      issues.push({
        path: [...path, "outputGroups"],
        message: `must divide heads × headDim (${m.heads * m.headDim}), got ${m.outputGroups}`,
      });
    if (m.compressRatio === undefined) {
      for (const key of ["mode", "indexer", "candidates"] as const)
        if (m[key] !== undefined) issues.push({ path: [...path, key], message: "a window-only layer (no compressRatio) has none" });
      return issues;
    }
    if (m.mode === undefined) issues.push({ path: [...path, "mode"], message: "a compressed layer needs a mode (full, reindex or reuse)" });
    if (m.mode === "reindex" && (!m.indexer || m.indexer.shared))
      issues.push({ path: [...path, "indexer"], message: "a reindex layer runs an indexer of its own" });
    if (m.mode === "reuse" && m.indexer && !m.indexer.shared)
      issues.push({ path: [...path, "indexer", "shared"], message: "a reuse layer borrows its selection: the indexer must be shared" });
    if (m.candidates && (m.mode === "reuse" || !m.indexer))
      issues.push({ path: [...path, "candidates"], message: "only a layer with an indexer of its own keeps a candidate pool" });
    if (m.mode !== undefined && m.mode !== "full") {
      const source = Object.values(arch.mixers).some((x) => x.kind === "csa2" && x.mode === "full" && x.compressRatio === m.compressRatio);
      if (!source)
        issues.push({
          path: [...path, "mode"],
          message: `reads the rows of a full layer of ratio ${m.compressRatio}, and the spec has none`,
        });
    }
    return issues;
  },
  withDefaults: asWritten,
} satisfies MixerKindDetails<Csa2Mixer>;
