/** The facets of `AttentionMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails, RelationIssue } from "../mixer-kind.js";
import type { AttentionMixer } from "./attention.js";
import { indexerFact, indexerScoringMacs, isNope, rows, tokens, windowFitsContext } from "../details-kit.js";
import type { Concept } from "../../concepts/concept.js";
import { headSharing } from "../common.js";

export const attentionDetails = {
  cache: {
    span: (m) => m.window || m.chunk || undefined,
    state: () => 0,
  },
  attentionMacs(m, tokens) {
    const visible = Math.min(tokens, m.window ?? m.chunk ?? tokens);
    const span = Math.min(visible, m.indexer?.topK ?? visible);
    // The relative bias: each head's dim values times the dim × extent table, for every query.
    const bias = m.relativeBias ? m.heads * m.relativeBias.dim * m.relativeBias.extent : 0;
    return m.heads * (m.headDim + (m.valueHeadDim ?? m.headDim)) * span + bias + indexerScoringMacs(m.indexer, visible);
  },
  concepts(m, ctx) {
    const tags: Concept[] = [headSharing(m)];
    if (m.window) tags.push("SWA");
    if (m.chunk) tags.push("chunked-attention");
    if (m.qkNorm) tags.push("QK-Norm");
    if (m.outputGate) tags.push("gated-attention");
    if (m.sinks) tags.push("attention-sinks");
    if (m.logitSoftcap) tags.push("logit-softcap");
    if (m.sharedKV || m.reusesKV) tags.push("kv-sharing");
    if (m.relativeBias) tags.push("relative-position-bias");
    if (m.indexer) tags.push("DSA");
    if (isNope(m.rope, ctx.rope)) tags.push("NoPE");
    if (ctx.rope && m.rope && m.rope.fraction !== undefined && m.rope.fraction < 1) tags.push("partial-RoPE");
    return tags;
  },
  facts(m) {
    const r = rows();
    r.add("Heads", m.heads);
    r.add("KV heads", m.kvHeads);
    r.add("Head dim", m.headDim);
    r.add("Value head dim", m.valueHeadDim);
    r.add("Window", m.window ? tokens(m.window) : "global");
    r.add("Chunk", m.chunk);
    if (m.qkNorm) r.add("QK-Norm", m.qkNorm.kind);
    if (m.rope === false) r.add("RoPE", "none (NoPE)");
    else if (m.rope?.theta) r.add("RoPE θ", m.rope.theta);
    if (m.outputGate) r.add("Output gate", m.outputGate);
    if (m.logitSoftcap) r.add("Logit soft-cap", String(m.logitSoftcap));
    if (m.relativeBias) r.add("Relative bias", `${m.relativeBias.dim} per head over ${tokens(m.relativeBias.extent)}`);
    if (m.indexer) r.add("Sparse indexer", indexerFact(m.indexer));
    return r.rows;
  },
  relations(m, arch, path) {
    const issues: RelationIssue[] = [];
    if (m.kvHeads > m.heads) issues.push({ path: [...path, "kvHeads"], message: `must not exceed heads (${m.heads}), got ${m.kvHeads}` });
    else if (m.heads % m.kvHeads !== 0)
      issues.push({ path: [...path, "kvHeads"], message: `must divide heads (${m.heads}), got ${m.kvHeads}` });
    issues.push(...windowFitsContext(m.window, arch.contextLength, path));
    if (m.window !== undefined && m.chunk !== undefined)
      issues.push({ path: [...path, "chunk"], message: "a mixer is either sliding-window or chunked, not both" });
    if (m.relativeBias && m.window !== undefined && m.relativeBias.extent > m.window) {
      issues.push({
        path: [...path, "relativeBias", "extent"],
        message: `a bias beyond the sliding window (${m.window}) never applies, got ${m.relativeBias.extent}`,
      });
    }
    if (m.kvWeights === false && !m.reusesKV)
      issues.push({
        path: [...path, "kvWeights"],
        message: "false needs reusesKV: only a layer that reuses another layer's KV cache can do without K/V weights",
      });
    if (m.sharedKV && m.reusesKV)
      issues.push({ path: [...path, "reusesKV"], message: "a layer that reuses another layer's KV cannot also share K and V" });
    return issues;
  },
  withDefaults: (m) => ({
    valueHeadDim: m.headDim,
    qkvBias: false,
    outBias: false,
    sinks: false,
    sharedKV: false,
    reusesKV: false,
    kvWeights: true,
    ...m,
  }),
} satisfies MixerKindDetails<AttentionMixer>;
