/** The facets of `GdlaMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails, RelationIssue } from "../mixer-kind.js";
import { gdlaSignalHeads, type GdlaMixer } from "./gdla.js";
import { isNope, rows, tokens, windowFitsContext } from "../details-kit.js";
import type { Concept } from "../../concepts/concept.js";

export const gdlaDetails = {
  cache: {
    span: (m) => m.window || undefined,
    state: () => 0,
  },
  // Every query head, signal or noise, scores the visible keys (no-RoPE and RoPE parts) and sums their values.
  attentionMacs: (m, tokens) => m.heads * (m.qkNopeHeadDim + m.qkRopeHeadDim + m.vHeadDim) * Math.min(tokens, m.window ?? tokens),
  concepts(m, ctx) {
    // MLA-style projections; cached as keys and values of a few shared heads, the cache is a GQA one.
    const tags: Concept[] = m.cachedAs === "latent" ? ["MLA", "differential-attention"] : ["MLA", "GQA", "differential-attention"];
    if (m.outputGate) tags.push("gated-attention");
    if (m.window) tags.push("SWA");
    if (isNope(m.rope, ctx.rope)) tags.push("NoPE");
    return tags;
  },
  facts(m) {
    const r = rows();
    r.add("Heads", `${m.heads} (${gdlaSignalHeads(m)} signal + ${m.noiseHeads} noise)`);
    r.add("KV heads", m.kvHeads);
    r.add("KV latent rank", m.kvLoraRank);
    r.add("Query latent rank", m.qLoraRank);
    r.add("Head dim (no RoPE + RoPE)", `${m.qkNopeHeadDim} + ${m.qkRopeHeadDim}`);
    r.add("Value head dim", m.vHeadDim);
    if (m.window) r.add("Window", tokens(m.window));
    if (m.outputGate) r.add("Output gate", `${m.outputGate}, from the query latent`);
    r.add("Cached per token", m.cachedAs === "latent" ? "latent + rotary key" : "keys and values of every KV head");
    if (m.rope === false) r.add("RoPE", "none (NoPE)");
    return r.rows;
  },
  relations(m, arch, path) {
    const issues: RelationIssue[] = [];
    const signal = gdlaSignalHeads(m);
    if (signal <= 0 || signal % m.noiseHeads !== 0)
      issues.push({
        path: [...path, "noiseHeads"],
        message: `must leave a whole number (at least 1) of signal heads per noise head: ${m.heads} heads, ${m.noiseHeads} noise heads`,
      });
    if (m.heads % m.kvHeads !== 0) issues.push({ path: [...path, "kvHeads"], message: `must divide heads (${m.heads}), got ${m.kvHeads}` });
    return [...issues, ...windowFitsContext(m.window, arch.contextLength, path)];
  },
  withDefaults: (m) => ({ cachedAs: "keys-values", ...m }),
} satisfies MixerKindDetails<GdlaMixer>;
