/**
 * What the popover says about one diagram component: a title, its numbers from the spec, and explanations of
 * the concepts it embodies. Components are named by the renderer's `data-component` / `data-kind`.
 */
import { formatCount, formatInt, formatLayerMix, formatTokens, headSharing, mixerKindNames } from "@archgal/schema/metrics";
import { parseComponentId } from "@archgal/renderer/lean";
import type { Concept, Ffn, Mixer, ModelSpec } from "@archgal/schema/metrics";
import { conceptExplanations, type ConceptExplanation } from "./concept-explanations.js";
import type { SpecFacts } from "./spec-facts.js";
import { componentTitle } from "./component-title.js";

/** The popover content of one component. */
export interface ComponentInfo {
  /** What it is, e.g. `Multi-head latent attention (MLA)`. */
  title: string;
  /** Its numbers as label/value pairs, e.g. `["Heads", "128"]`. */
  rows: [label: string, value: string][];
  /** Explanations of the concepts it shows. */
  concepts: ConceptExplanation[];
}

type Defs<T> = [name: string, def: T, layers: number][];

/** Definitions of a collection that the layers use, with their layer counts. */
function used<T>(defs: Record<string, T>, counts: Map<string, number>): Defs<T> {
  return [...counts].flatMap(([name, n]) => (defs[name] ? [[name, defs[name], n] as [string, T, number]] : []));
}

const yes = (b: unknown) => (b ? "yes" : "no");

function mixerConcepts(m: Mixer, f: SpecFacts): Concept[] {
  const out: Concept[] = [];
  const rope = f.spec.architecture.positional.kind === "rope";
  if (m.kind === "attention") {
    out.push(headSharing(m));
    if (m.window) out.push("SWA");
    if (m.chunk) out.push("chunked-attention");
    if (m.qkNorm) out.push("QK-Norm");
    if (m.outputGate) out.push("gated-attention");
    if (m.sinks) out.push("attention-sinks");
    if (m.sharedKV || m.reusesKV) out.push("kv-sharing");
    if (rope && m.rope === false) out.push("NoPE");
  } else if (m.kind === "mla") {
    out.push("MLA");
    if (m.indexer) out.push("DSA");
    if (m.window) out.push("SWA");
    if (rope && m.rope === false) out.push("NoPE");
  } else {
    const tags: Record<string, Concept> = { "gated-deltanet": "gated-deltanet", "kimi-delta": "kimi-delta-attention", lightning: "lightning-attention", mamba2: "mamba-2", mlstm: "mlstm", "short-conv": "short-conv" };
    const tag = tags[m.kind];
    if (tag) out.push(tag);
    if (m.kind === "lightning" && m.qkNorm) out.push("QK-Norm");
  }
  return out;
}

function mixerRows(name: string, m: Mixer, layers: number, several: boolean): [string, string][] {
  const p = several ? `${name}: ` : "";
  const rows: [string, string][] = [[`${p}Layers`, formatInt(layers)]];
  const add = (label: string, v: number | string | undefined | null) => {
    if (v !== undefined && v !== null) rows.push([`${p}${label}`, typeof v === "number" ? formatInt(v) : v]);
  };
  switch (m.kind) {
    case "attention":
      add("Heads", m.heads);
      add("KV heads", m.kvHeads);
      add("Head dim", m.headDim);
      add("Value head dim", m.valueHeadDim);
      add("Window", m.window ? `${formatInt(m.window)} tokens` : "global");
      add("Chunk", m.chunk);
      if (m.qkNorm) add("QK-Norm", m.qkNorm.kind);
      if (m.rope === false) add("RoPE", "none (NoPE)");
      else if (m.rope?.theta) add("RoPE θ", m.rope.theta);
      if (m.outputGate) add("Output gate", m.outputGate);
      if (m.logitSoftcap) add("Logit soft-cap", String(m.logitSoftcap));
      break;
    case "mla":
      add("Heads", m.heads);
      add("KV latent rank", m.kvLoraRank);
      add("Query latent rank", m.qLoraRank ?? "none");
      add("Head dim (no RoPE + RoPE)", `${m.qkNopeHeadDim} + ${m.qkRopeHeadDim}`);
      add("Value head dim", m.vHeadDim);
      if (m.window) add("Window", `${formatInt(m.window)} tokens`);
      if (m.indexer) add("Sparse indexer", `${m.indexer.heads} heads × ${m.indexer.headDim}, top-${formatInt(m.indexer.topK)}`);
      if (m.rope === false) add("RoPE", "none (NoPE)");
      break;
    case "gated-deltanet":
      add("Key heads", m.keyHeads);
      add("Value heads", m.valueHeads);
      add("Key / value head dim", `${m.keyHeadDim} / ${m.valueHeadDim}`);
      add("Conv kernel", m.convKernel);
      break;
    case "kimi-delta":
    case "lightning":
      add("Heads", m.heads);
      add("Head dim", m.headDim);
      if (m.kind === "kimi-delta") add("Conv kernel", m.convKernel);
      break;
    case "mamba2":
      add("Heads", m.heads);
      add("Head dim", m.headDim);
      add("State size", m.stateSize);
      add("Groups", m.groups);
      add("Conv kernel", m.convKernel);
      break;
    case "mlstm":
      add("Heads", m.heads);
      add("QK / V width", `${formatInt(m.qkDim)} / ${formatInt(m.vDim)}`);
      break;
    case "short-conv":
      add("Conv kernel", m.convKernel);
      break;
    default:
      add("Kind", (m as { kind: string }).kind);
  }
  return rows;
}

function ffnRows(name: string, ff: Ffn, layers: number, several: boolean): [string, string][] {
  const p = several ? `${name}: ` : "";
  const rows: [string, string][] = [[`${p}Layers`, formatInt(layers)]];
  const act = `${ff.activation}${ff.gated ? " (gated)" : ""}`;
  if (ff.kind === "mlp") {
    rows.push([`${p}Hidden size`, formatInt(ff.hidden)], [`${p}Activation`, act]);
  } else {
    rows.push([`${p}Experts`, `${formatInt(ff.activeExperts)} of ${formatInt(ff.experts)} active`], [`${p}Expert hidden size`, formatInt(ff.expertHidden)]);
    if (ff.sharedExperts) rows.push([`${p}Shared experts`, formatInt(ff.sharedExperts)]);
    if (ff.router?.scoring) rows.push([`${p}Router`, ff.router.scoring]);
    rows.push([`${p}Activation`, act]);
  }
  return rows;
}

const explain = (tags: readonly Concept[]) => [...new Set(tags)].flatMap((t) => (conceptExplanations[t] ? [conceptExplanations[t]] : []));

/**
 * The popover content of a diagram component.
 *
 * @param f - the model's derived facts
 * @param component - the `data-component` of the SVG group, e.g. `mixer:mla`, `ffn:moe`, `norm-1`, `panel:moe`
 * @param kind - its `data-kind`, e.g. `mla`, `moe`, `norm`
 */
export function componentInfo(f: SpecFacts, component: string, kind: string): ComponentInfo {
  return { ...details(f, component, kind), title: componentTitle(f, component) };
}

function details(f: SpecFacts, component: string, kind: string): ComponentInfo {
  const spec: ModelSpec = f.spec;
  const arch = spec.architecture;
  const s = f.stats;
  const b = s.params.breakdown;
  const id = parseComponentId(component);
  const head = id.kind;
  const rest = (id.kind === "mixer" || id.kind === "ffn" || id.kind === "panel" ? id.name : undefined) ?? "";
  const norm = arch.norm.kind === "rmsnorm" ? "RMSNorm" : "LayerNorm";
  const mixers = used(arch.mixers, f.counts.mixers);
  const ffns = used(arch.ffns, f.counts.ffns);

  const mixerInfo = (only?: string): ComponentInfo => {
    // A specific definition or kind (`mixer:<name>` / `mixer:<kind>` / panel id), else all used mixers.
    let list = mixers.filter(([name, m]) => name === only || m.kind === only || (only === "attention" && m.kind === "attention"));
    if (!list.length) list = mixers;
    const several = list.length > 1;
    const rows = list.flatMap(([name, m, n]) => mixerRows(name, m, n, several));
    rows.push(["Attention parameters", formatCount(b.attention + (b.linearMixer ?? 0))]);
    const kinds = [...new Set(list.map(([, m]) => (m.kind === "attention" ? headSharing(m) : (mixerKindNames[m.kind] ?? m.kind))))];
    return { title: `Token mixer: ${kinds.join(" + ")}`, rows, concepts: explain(list.flatMap(([, m]) => mixerConcepts(m, f))) };
  };
  const ffnInfo = (only?: string): ComponentInfo => {
    let list = ffns.filter(([name, ff]) => name === only || ff.kind === only);
    if (!list.length) list = ffns;
    const several = list.length > 1;
    const rows = list.flatMap(([name, ff, n]) => ffnRows(name, ff, n, several));
    const moe = list.some(([, ff]) => ff.kind === "moe");
    const shared = list.some(([, ff]) => ff.kind === "moe" && ff.sharedExperts);
    rows.push(["FFN parameters", moe ? `${formatCount(s.params.breakdown.ffn + b.routedExperts + b.sharedExperts + b.router)} (${formatCount(s.params.activeBreakdown.ffn + s.params.activeBreakdown.routedExperts + s.params.activeBreakdown.sharedExperts + s.params.activeBreakdown.router)} active)` : formatCount(b.ffn)]);
    return {
      title: moe ? (list.length > 1 ? "Mixture of experts (or dense feed forward)" : "Mixture of experts") : "Feed-forward network",
      rows,
      concepts: explain([...(moe ? (["MoE"] as const) : []), ...(shared ? (["shared-expert"] as const) : [])]),
    };
  };

  if (head === "mixer") return mixerInfo(rest || undefined);
  if (head === "ffn") return ffnInfo(rest || undefined);
  if (head === "panel") {
    if (rest === "moe" || rest === "ffn" || rest === "savings") return ffnInfo(rest === "ffn" ? "mlp" : "moe");
    if (rest === "mtp") return mtpInfo();
    if (rest === "pattern") return blockInfo();
    return mixerInfo(rest);
  }
  function blockInfo(): ComponentInfo {
    return {
      title: `Transformer block × ${formatInt(arch.numLayers)}`,
      rows: [
        ["Layers", formatInt(arch.numLayers)],
        ["Layer mix", formatLayerMix(spec)],
        ["Norm", `${norm}, ${arch.norm.placement}`],
        ["Width (d_model)", formatInt(arch.dModel)],
      ],
      concepts: explain(arch.norm.placement === "sandwich" ? ["sandwich-norm"] : arch.norm.placement === "post" ? ["post-norm"] : arch.norm.placement === "parallel" ? ["parallel-block"] : []),
    };
  }
  function mtpInfo(): ComponentInfo {
    return { title: "Multi-token prediction modules", rows: [["Modules", formatInt(arch.mtp?.layers ?? 0)], ["Parameters", formatCount(s.params.mtp)]], concepts: explain(["MTP"]) };
  }
  switch (component) {
    case "block":
    case "pattern":
      return blockInfo();
    case "mtp":
      return mtpInfo();
    case "embedding":
      return {
        title: "Token embedding",
        rows: [
          ["Vocabulary", formatInt(arch.vocabSize)],
          ["Width", formatInt(arch.dModel)],
          ["Parameters", formatCount(b.embedding)],
          ["Tied to output", yes(arch.embedding.tied)],
        ],
        concepts: explain(arch.embedding.tied ? ["tied-embeddings"] : []),
      };
    case "head":
      return {
        title: "Linear output layer",
        rows: [
          ["Vocabulary", formatInt(arch.vocabSize)],
          ["Parameters", arch.embedding.tied ? "shared with the embedding" : formatCount(b.head)],
          ...(arch.finalLogitSoftcap ? [["Logit soft-cap", String(arch.finalLogitSoftcap)] as [string, string]] : []),
        ],
        concepts: explain(arch.finalLogitSoftcap ? ["logit-softcap"] : []),
      };
    case "rope":
    case "positional": {
      const pos = arch.positional;
      const rows: [string, string][] = [["Kind", pos.kind === "rope" ? "rotary (RoPE)" : pos.kind]];
      if (pos.theta) rows.push(["θ", formatInt(pos.theta)]);
      if (pos.fraction) rows.push(["Rotated fraction", String(pos.fraction)]);
      if (pos.scaling) rows.push(["Scaling", `${pos.scaling.type}${pos.scaling.factor ? ` ×${pos.scaling.factor}` : ""}`]);
      rows.push(["Context", formatTokens(arch.contextLength)]);
      const tags = s.concepts.filter((c) => c === "RoPE" || c === "partial-RoPE" || c === "NoPE" || c === "learned-positions");
      return { title: "Positional information", rows, concepts: explain(tags) };
    }
    case "qk-norm":
      return {
        title: "QK-Norm",
        rows: mixers.flatMap(([name, m]) => (m.kind === "attention" && m.qkNorm ? [[name, `${m.qkNorm.kind}, ${m.qkNorm.scope}`] as [string, string]] : [])),
        concepts: explain(["QK-Norm"]),
      };
    case "per-layer-embedding":
      return {
        title: "Per-layer embeddings",
        rows: arch.embedding.perLayer ? [["Table", formatInt(arch.embedding.perLayer.vocabSize)], ["Per layer", formatInt(arch.embedding.perLayer.dim)]] : [],
        concepts: explain(["per-layer-embeddings"]),
      };
  }
  if (kind === "norm" || /norm/.test(component)) {
    const rows: [string, string][] = [
      ["Kind", norm],
      ["Placement", arch.norm.placement],
    ];
    if (arch.norm.eps) rows.push(["ε", String(arch.norm.eps)]);
    rows.push(["All norm parameters", formatCount(b.norms)]);
    return { title: component === "final-norm" ? `Final ${norm}` : norm, rows, concepts: explain(arch.norm.placement === "sandwich" ? ["sandwich-norm"] : []) };
  }
  return { title: component, rows: [], concepts: [] };
}
