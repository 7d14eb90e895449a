/**
 * Labels derived from the structure: decoder type, attention label, layer mix and concept tags.
 * None of these is typed into a spec.
 */
import { blockCounts, definitionCounts } from "./layers.js";
import type { AttentionMixer, Mixer, ArchitectureInput, Architecture } from "./spec-types.js";

/** The gallery's decoder types. */
export type DecoderType = "Dense" | "Sparse MoE" | "Sparse hybrid" | "Hybrid MoE" | "Dense hybrid" | "Recurrent";

/** Mixer kinds that keep a fixed recurrent state instead of a KV cache. */
export const recurrentKinds = new Set(["gated-deltanet", "kimi-delta", "lightning", "mamba2", "mlstm", "short-conv"]);
/** Mixer kinds that are state-space or recurrent models rather than linear attention. */
const ssmKinds = new Set(["mamba2", "mlstm", "short-conv"]);

function usedMixers(spec: { architecture: ArchitectureInput }): Mixer[] {
  const arch = spec.architecture as Architecture;
  return [...definitionCounts(arch.layers).mixers.keys()].flatMap((n) => (arch.mixers[n] ? [arch.mixers[n]] : []));
}

function usesMoe(spec: { architecture: ArchitectureInput }): boolean {
  const arch = spec.architecture as Architecture;
  return [...definitionCounts(arch.layers).ffns.keys()].some((n) => arch.ffns[n]?.kind === "moe");
}

/** Dense, Sparse MoE, Sparse hybrid (linear attention + MoE), Hybrid MoE (SSM + MoE), Dense hybrid or Recurrent. */
export function decoderType(spec: { architecture: ArchitectureInput }): DecoderType {
  const mixers = usedMixers(spec);
  const recurrent = mixers.filter((m) => recurrentKinds.has(m.kind));
  const softmax = mixers.filter((m) => !recurrentKinds.has(m.kind));
  const moe = usesMoe(spec);
  if (recurrent.length > 0 && softmax.length === 0) return "Recurrent";
  if (recurrent.length > 0) {
    if (!moe) return "Dense hybrid";
    return recurrent.some((m) => ssmKinds.has(m.kind)) ? "Hybrid MoE" : "Sparse hybrid";
  }
  return moe ? "Sparse MoE" : "Dense";
}

/** MHA, GQA or MQA for a softmax-attention mixer. */
export function headSharing(mixer: Pick<AttentionMixer, "heads" | "kvHeads">): "MHA" | "GQA" | "MQA" {
  if (mixer.kvHeads === mixer.heads) return "MHA";
  if (mixer.kvHeads === 1) return "MQA";
  return "GQA";
}

/** Human names of mixer kinds. */
export const mixerKindNames: Record<string, string> = {
  attention: "attention",
  mla: "MLA",
  "compressed-attention": "CSA/HCA",
  cca: "CCA",
  "gated-deltanet": "Gated DeltaNet",
  "kimi-delta": "Kimi Delta Attention",
  lightning: "Lightning Attention",
  mamba2: "Mamba-2",
  mlstm: "mLSTM",
  "short-conv": "short convolution",
};

/** A short label of one mixer, e.g. `GQA`, `sliding-window GQA`, `MLA`, `Gated DeltaNet`. */
export function mixerLabel(mixer: Mixer | { kind: string }): string {
  const m = mixer as Mixer;
  if (m.kind === "attention") {
    const base = headSharing(m);
    if (m.window) return `sliding-window ${base}`;
    if (m.chunk) return `chunked ${base}`;
    return base;
  }
  if (m.kind === "mla") return m.indexer ? "MLA + DSA" : "MLA";
  if (m.kind === "compressed-attention") return m.compressRatio ? (m.indexer ? "CSA" : "HCA") : "sliding-window MQA";
  return mixerKindNames[m.kind] ?? m.kind;
}

/** The attention label of a model, e.g. `GQA`, `MLA`, `GQA + Gated DeltaNet`. */
export function attentionLabel(spec: { architecture: ArchitectureInput }): string {
  const kinds: string[] = [];
  for (const m of usedMixers(spec)) {
    const label = m.kind === "attention" ? headSharing(m) : m.kind === "mla" ? "MLA" : (mixerKindNames[m.kind] ?? m.kind);
    if (!kinds.includes(label)) kinds.push(label);
  }
  return kinds.join(" + ") || "none";
}

/** One entry of a layer mix: how many layers of one label. */
export interface LayerMixEntry {
  label: string;
  count: number;
}

/** Layers grouped by mixer label, e.g. `[{label: "sliding-window GQA", count: 52}, {label: "GQA", count: 10}]`. */
export function layerMix(spec: { architecture: ArchitectureInput }): LayerMixEntry[] {
  const arch = spec.architecture as Architecture;
  const mix = new Map<string, number>();
  for (const { kind, count } of blockCounts(arch.layers)) {
    const mixer = kind.mixer ? arch.mixers[kind.mixer] : undefined;
    const label = mixer ? mixerLabel(mixer) : kind.ffn && arch.ffns[kind.ffn]?.kind === "moe" ? "MoE-only" : "FFN-only";
    mix.set(label, (mix.get(label) ?? 0) + count);
  }
  return [...mix].map(([label, count]) => ({ label, count }));
}

/** The layer mix as text, e.g. `52 sliding-window GQA + 10 GQA`. */
export function formatLayerMix(spec: { architecture: ArchitectureInput }): string {
  return layerMix(spec)
    .map((e) => `${e.count} ${e.label}`)
    .join(" + ");
}

/** Concept tags, each with a page in the gallery app. */
export type Concept =
  | "MHA"
  | "GQA"
  | "MQA"
  | "MLA"
  | "SWA"
  | "chunked-attention"
  | "MoE"
  | "shared-expert"
  | "QK-Norm"
  | "NoPE"
  | "RoPE"
  | "partial-RoPE"
  | "learned-positions"
  | "gated-attention"
  | "attention-sinks"
  | "gated-deltanet"
  | "kimi-delta-attention"
  | "lightning-attention"
  | "mamba-2"
  | "mlstm"
  | "short-conv"
  | "DSA"
  | "compressed-attention"
  | "hyper-connections"
  | "cca"
  | "MTP"
  | "sandwich-norm"
  | "post-norm"
  | "parallel-block"
  | "logit-softcap"
  | "per-layer-embeddings"
  | "kv-sharing"
  | "tied-embeddings";

/** Concept tags derived from the structure. */
export function concepts(spec: { architecture: ArchitectureInput }): Concept[] {
  const arch = spec.architecture as Architecture;
  const tags = new Set<Concept>();
  const ropeOn = arch.positional.kind === "rope";
  if (arch.positional.kind === "learned") tags.add("learned-positions");
  if (ropeOn) tags.add("RoPE");
  if (ropeOn && arch.positional.fraction !== undefined && arch.positional.fraction < 1) tags.add("partial-RoPE");
  for (const m of usedMixers(spec)) {
    switch (m.kind) {
      case "attention":
        tags.add(headSharing(m));
        if (m.window) tags.add("SWA");
        if (m.chunk) tags.add("chunked-attention");
        if (m.qkNorm) tags.add("QK-Norm");
        if (m.outputGate) tags.add("gated-attention");
        if (m.sinks) tags.add("attention-sinks");
        if (m.logitSoftcap) tags.add("logit-softcap");
        if (m.sharedKV || m.reusesKV) tags.add("kv-sharing");
        if (ropeOn && m.rope === false) tags.add("NoPE");
        if (ropeOn && m.rope && m.rope.fraction !== undefined && m.rope.fraction < 1) tags.add("partial-RoPE");
        break;
      case "mla":
        tags.add("MLA");
        if (m.indexer) tags.add("DSA");
        if (m.window) tags.add("SWA");
        if (ropeOn && m.rope === false) tags.add("NoPE");
        break;
      case "compressed-attention":
        tags.add("compressed-attention");
        tags.add("MQA");
        tags.add("SWA");
        if (m.indexer) tags.add("DSA");
        tags.add("attention-sinks");
        break;
      case "cca":
        tags.add("cca");
        tags.add(headSharing(m));
        break;
      case "gated-deltanet":
        tags.add("gated-deltanet");
        break;
      case "kimi-delta":
        tags.add("kimi-delta-attention");
        break;
      case "lightning":
        tags.add("lightning-attention");
        break;
      case "mamba2":
        tags.add("mamba-2");
        break;
      case "mlstm":
        tags.add("mlstm");
        break;
      case "short-conv":
        tags.add("short-conv");
        break;
    }
  }
  for (const name of definitionCounts(arch.layers).ffns.keys()) {
    const f = arch.ffns[name];
    if (f?.kind === "moe") {
      tags.add("MoE");
      if (f.sharedExperts) tags.add("shared-expert");
    }
  }
  if (arch.mtp) tags.add("MTP");
  if (arch.hyperConnections) tags.add("hyper-connections");
  if (arch.norm.placement === "sandwich") tags.add("sandwich-norm");
  if (arch.norm.placement === "post") tags.add("post-norm");
  if (arch.norm.placement === "parallel") tags.add("parallel-block");
  if (arch.finalLogitSoftcap) tags.add("logit-softcap");
  if (arch.embedding.perLayer) tags.add("per-layer-embeddings");
  if (arch.embedding.tied) tags.add("tied-embeddings");
  return [...tags];
}
