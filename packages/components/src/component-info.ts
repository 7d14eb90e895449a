/**
 * What the popover says about one diagram component: a title, its numbers from the spec, and explanations of
 * the concepts it embodies. Components are named by the renderer's `data-component` / `data-kind`. Each mixer's
 * and FFN's rows and concepts come from its kind's definition (`@archgal/schema`'s kind registry), the
 * explanations from the concept catalogue (`@archgal/schema/concepts`); this module loads on first use.
 */
import {
  concepts,
  ffnKind,
  hyperConnectionsName,
  joinAttentionLabels,
  formatCount,
  formatInt,
  formatLayerMix,
  formatTokens,
} from "@archgal/schema/metrics";
import { parseComponentId } from "@archgal/renderer/lean";
import type { Concept, Ffn, Mixer, ModelSpec } from "@archgal/schema/metrics";
import { conceptEntry } from "@archgal/schema/concepts";
import { ffnKindDetails, mixerKindDetails } from "@archgal/schema/details";
import type { SpecFacts } from "./spec-facts.js";

/** A concept's display name and its popover explanation. */
export interface ConceptExplanation {
  /** The concept tag, e.g. `GQA` (its page in the gallery app). */
  tag: Concept;
  /** Display name, e.g. `Grouped-query attention (GQA)`. */
  name: string;
  /** What it is and why it is used. */
  text: string;
}
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
  return [...counts].flatMap(([name, n]) => (Object.hasOwn(defs, name) ? [[name, defs[name]!, n] as [string, T, number]] : []));
}

const yes = (b: unknown) => (b ? "yes" : "no");

function mixerConcepts(m: Mixer, f: SpecFacts): Concept[] {
  return mixerKindDetails(m)?.concepts(m, { rope: f.spec.architecture.positional.kind === "rope" }) ?? [];
}

function mixerRows(name: string, m: Mixer, layers: number, several: boolean): [string, string][] {
  const p = several ? `${name}: ` : "";
  const facts = mixerKindDetails(m)?.facts(m) ?? [["Kind", String((m as { kind: unknown }).kind)]];
  return [[`${p}Layers`, formatInt(layers)], ...facts.map(([label, value]): [string, string] => [`${p}${label}`, value])];
}

function ffnRows(name: string, ff: Ffn, layers: number, several: boolean): [string, string][] {
  const p = several ? `${name}: ` : "";
  const facts = ffnKindDetails(ff)?.facts(ff) ?? [];
  return [[`${p}Layers`, formatInt(layers)], ...facts.map(([label, value]): [string, string] => [`${p}${label}`, value])];
}

const explain = (tags: readonly Concept[]): ConceptExplanation[] =>
  [...new Set(tags)].flatMap((t) => {
    const c = conceptEntry(t);
    return c ? [{ tag: c.tag, name: c.name, text: c.popover }] : [];
  });

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
    return {
      title: `Token mixer: ${joinAttentionLabels(list.map(([, m]) => m))}`,
      rows,
      concepts: explain(list.flatMap(([, m]) => mixerConcepts(m, f))),
    };
  };
  const ffnInfo = (only?: string): ComponentInfo => {
    let list = ffns.filter(([name, ff]) => name === only || ff.kind === only);
    if (!list.length) list = ffns;
    const several = list.length > 1;
    const rows = list.flatMap(([name, ff, n]) => ffnRows(name, ff, n, several));
    const moe = list.some(([, ff]) => ffnKind(ff.kind)?.sparse === true);
    rows.push([
      "FFN parameters",
      moe
        ? `${formatCount(s.params.breakdown.ffn + b.routedExperts + b.sharedExperts + b.router)} (${formatCount(s.params.activeBreakdown.ffn + s.params.activeBreakdown.routedExperts + s.params.activeBreakdown.sharedExperts + s.params.activeBreakdown.router)} active)`
        : formatCount(b.ffn),
    ]);
    return {
      title: moe ? (list.length > 1 ? "Mixture of experts (or dense feed forward)" : "Mixture of experts") : "Feed-forward network",
      rows,
      concepts: explain(list.flatMap(([, ff]) => ffnKindDetails(ff)?.concepts(ff) ?? [])),
    };
  };

  if (head === "mixer") return mixerInfo(rest || undefined);
  if (head === "ffn") return ffnInfo(rest || undefined);
  if (head === "panel") {
    if (rest === "moe" || rest === "ffn" || rest === "savings") return ffnInfo(rest === "ffn" ? "mlp" : "moe");
    if (rest === "mtp") return mtpInfo();
    if (rest === "hyper-connections" && arch.hyperConnections)
      return {
        title: "Hyper-connections",
        rows: [
          ["Residual streams", formatInt(arch.hyperConnections.streams)],
          ["Form", hyperConnectionsName(arch.hyperConnections)],
          ["Parameters", formatCount(b.hyperConnections)],
        ],
        concepts: explain(["hyper-connections"]),
      };
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
      concepts: explain(
        arch.norm.placement === "sandwich"
          ? ["sandwich-norm"]
          : arch.norm.placement === "post"
            ? ["post-norm"]
            : arch.norm.placement === "parallel"
              ? ["parallel-block"]
              : [],
      ),
    };
  }
  function mtpInfo(): ComponentInfo {
    return {
      title: "Multi-token prediction modules",
      rows: [
        ["Modules", formatInt(arch.mtp?.layers ?? 0)],
        ["Parameters", formatCount(s.params.mtp)],
      ],
      concepts: explain(["MTP"]),
    };
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
      const tags = concepts(f.spec).filter((c) => c === "RoPE" || c === "partial-RoPE" || c === "NoPE" || c === "learned-positions");
      return { title: "Positional information", rows, concepts: explain(tags) };
    }
    case "qk-norm":
      return {
        title: "QK-Norm",
        rows: mixers.flatMap(([name, m]) =>
          m.kind === "attention" && m.qkNorm ? [[name, `${m.qkNorm.kind}, ${m.qkNorm.scope}`] as [string, string]] : [],
        ),
        concepts: explain(["QK-Norm"]),
      };
    case "per-layer-embedding":
      return {
        title: "Per-layer embeddings",
        rows: arch.embedding.perLayer
          ? [
              ["Table", formatInt(arch.embedding.perLayer.vocabSize)],
              ["Per layer", formatInt(arch.embedding.perLayer.dim)],
            ]
          : [],
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
    return {
      title: component === "final-norm" ? `Final ${norm}` : norm,
      rows,
      concepts: explain(arch.norm.placement === "sandwich" ? ["sandwich-norm"] : []),
    };
  }
  return { title: component, rows: [], concepts: [] };
}
