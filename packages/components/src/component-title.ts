/**
 * Short names of diagram components, for the accessible names of their buttons. Kept apart from the popover's
 * details (`component-info.ts`), which load on first use.
 */
import { parseComponentId } from "@archgal/renderer/lean";
import { joinAttentionLabels } from "@archgal/schema/lean";
import type { SpecFacts } from "./spec-facts.js";

const fixed: Record<string, string> = {
  block: "Transformer block",
  pattern: "Transformer block",
  mtp: "Multi-token prediction modules",
  embedding: "Token embedding",
  head: "Linear output layer",
  rope: "Positional information",
  positional: "Positional information",
  "qk-norm": "QK-Norm",
  "per-layer-embedding": "Per-layer embeddings",
};

/** Kinds of the mixers a component stands for: `mixer:<name|kind>`, a mixer panel, or all used mixers. */
export function mixerKinds(f: SpecFacts, only?: string): string {
  const arch = f.spec.architecture;
  let used = [...f.counts.mixers.keys()].flatMap((n) => (Object.hasOwn(arch.mixers, n) ? [[n, arch.mixers[n]!] as const] : []));
  const picked = used.filter(([n, m]) => n === only || m.kind === only);
  if (picked.length) used = picked;
  return joinAttentionLabels(used.map(([, m]) => m));
}

/** Whether an FFN component (or panel) stands for a mixture of experts. */
export function isMoe(f: SpecFacts, only?: string): { moe: boolean; dense: boolean } {
  const arch = f.spec.architecture;
  const kinds = [...f.counts.ffns.keys()].flatMap((n) =>
    arch.ffns[n] && (!only || n === only || arch.ffns[n].kind === only) ? [arch.ffns[n].kind] : [],
  );
  const all = kinds.length ? kinds : [...f.counts.ffns.keys()].map((n) => arch.ffns[n]?.kind);
  return { moe: all.includes("moe"), dense: all.includes("mlp") };
}

/** The name of a diagram component, e.g. `Token mixer: MLA`, `Mixture of experts`, `RMSNorm`. */
export function componentTitle(f: SpecFacts, component: string): string {
  const id = parseComponentId(component);
  const head = id.kind;
  const rest = id.kind === "part" || id.kind === "sublayer" || id.kind === "unknown" ? undefined : id.name;
  const arch = f.spec.architecture;
  const norm = arch.norm.kind === "rmsnorm" ? "RMSNorm" : "LayerNorm";
  if (head === "panel" && (rest === "moe" || rest === "ffn" || rest === "savings")) return ffnTitle(f, rest === "ffn" ? "mlp" : "moe");
  if (head === "panel" && rest === "hyper-connections") return "Hyper-connections";
  if (head === "panel" && rest !== "mtp" && rest !== "pattern") return `Token mixer: ${mixerKinds(f, rest)}`;
  if (head === "mixer") return `Token mixer: ${mixerKinds(f, rest)}`;
  if (head === "ffn") return ffnTitle(f, rest);
  const known = fixed[rest ?? component] ?? fixed[component];
  if (known) return known === "Transformer block" ? `${known} × ${arch.numLayers}` : known;
  if (/norm/.test(component)) return component === "final-norm" ? `Final ${norm}` : norm;
  return component;
}

function ffnTitle(f: SpecFacts, only?: string): string {
  const { moe, dense } = isMoe(f, only);
  return moe ? (dense ? "Mixture of experts (or dense feed forward)" : "Mixture of experts") : "Feed-forward network";
}
