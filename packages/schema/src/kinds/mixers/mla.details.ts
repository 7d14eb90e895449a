/** The facets of `MlaMixer` that the first paint does not need: true cache, FLOPs, concept tags, popover rows, relation checks. */
import type { MixerKindDetails } from "../mixer-kind.js";
import type { MlaMixer } from "./mla.js";
import { indexerFact, indexerScoringMacs, isNope, rows, tokens, windowFitsContext } from "../details-kit.js";
import type { Concept } from "../../concepts/concept.js";

export const mlaDetails = {
  cache: {
    span: (m) => m.window || undefined,
    state: () => 0,
  },
  attentionMacs(m, tokens) {
    const visible = Math.min(tokens, m.window ?? tokens);
    const span = Math.min(visible, m.indexer?.topK ?? visible);
    return m.heads * (m.qkNopeHeadDim + m.qkRopeHeadDim + m.vHeadDim) * span + indexerScoringMacs(m.indexer, visible);
  },
  concepts(m, ctx) {
    const tags: Concept[] = ["MLA"];
    if (m.indexer) tags.push("DSA");
    if (m.outputGate) tags.push("gated-attention");
    if (m.window) tags.push("SWA");
    if (isNope(m.rope, ctx.rope)) tags.push("NoPE");
    return tags;
  },
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
  withDefaults: (m) => ({ bias: false, ...m }),
} satisfies MixerKindDetails<MlaMixer>;
