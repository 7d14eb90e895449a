/**
 * Labels derived from the structure: decoder type, attention label, layer mix and concept tags.
 * None of these is typed into a spec; each comes from the kinds' definitions (`kinds/`).
 */
import { attentionSeparator } from "./attention-parts.js";
import { blockCounts, definitionCounts } from "./layers.js";
import type { ArchitectureInput, Architecture } from "./spec-types.js";
import type { BlockFeature, MixerFamily } from "./kinds/mixer-kind.js";
import {
  coreFeatures,
  ffnKind,
  resolveKinds,
  stackPasses,
  type AnyMixerKindCore as AnyMixerKind,
  type KindOptions,
  type KindRegistry,
} from "./kinds/registry.js";

export type { Concept } from "./concepts/concept.js";
export { headSharing } from "./kinds/common.js";

/** The gallery's decoder types. */
export type DecoderType = "Dense" | "Sparse MoE" | "Sparse hybrid" | "Hybrid MoE" | "Dense hybrid" | "Recurrent";

/** True for a mixer kind that keeps a fixed recurrent state instead of a KV cache (every family but attention). */
export function isRecurrentKind(kind: string, options?: KindOptions): boolean {
  const def = resolveKinds(options).mixerKind(kind);
  return def !== undefined && def.family !== "attention";
}

/**
 * Families that make an MoE hybrid a "Hybrid MoE" in the gallery's terms: state-space and recurrent cells
 * (Nemotron-H's Mamba-2). Linear attention and short convolutions beside MoE make a "Sparse hybrid" (Qwen3-Next,
 * Kimi Linear, LFM2.5-8B-A1B).
 */
const ssmFamilies: ReadonlySet<MixerFamily> = new Set(["ssm"]);

type Used = { mixer: { kind: string }; kind: AnyMixerKind | undefined };

/** The mixers the layers use, each with its kind's definition (undefined for a kind the registry does not know). */
function usedMixers(spec: { architecture: ArchitectureInput }, kinds: KindRegistry): Used[] {
  const arch = spec.architecture as Architecture;
  return [...definitionCounts(arch.layers).mixers.keys()].flatMap((n) => {
    const mixer = Object.hasOwn(arch.mixers, n) ? arch.mixers[n] : undefined;
    return mixer ? [{ mixer, kind: kinds.of(mixer) }] : [];
  });
}

/** The used mixers of known kinds. */
const known = (used: Used[]) => used.filter((u): u is { mixer: { kind: string }; kind: AnyMixerKind } => u.kind !== undefined);

function usesMoe(spec: { architecture: ArchitectureInput }): boolean {
  const arch = spec.architecture as Architecture;
  return [...definitionCounts(arch.layers).ffns.keys()].some(
    (n) => Object.hasOwn(arch.ffns, n) && ffnKind(arch.ffns[n]!.kind)?.sparse === true,
  );
}

/**
 * Dense, Sparse MoE, Sparse hybrid (linear attention or convolution + MoE), Hybrid MoE (SSM + MoE), Dense hybrid
 * or Recurrent.
 */
export function decoderType(spec: { architecture: ArchitectureInput }, options?: KindOptions): DecoderType {
  const mixers = known(usedMixers(spec, resolveKinds(options)));
  const recurrent = mixers.filter((m) => m.kind.family !== "attention");
  const softmax = mixers.filter((m) => m.kind.family === "attention");
  const moe = usesMoe(spec);
  if (recurrent.length > 0 && softmax.length === 0) return "Recurrent";
  if (recurrent.length > 0) {
    if (!moe) return "Dense hybrid";
    return recurrent.some((m) => ssmFamilies.has(m.kind.family)) ? "Hybrid MoE" : "Sparse hybrid";
  }
  return moe ? "Sparse MoE" : "Dense";
}

/**
 * The forms block features give the stack (`causal encoder-decoder`), in registry order; empty for a plain decoder
 * stack.
 */
export function stackForms(spec: { architecture: ArchitectureInput }): string[] {
  const arch = spec.architecture as Architecture;
  const forms: string[] = [];
  for (const feature of Object.values(coreFeatures) as BlockFeature[]) {
    const form = feature.stackForm?.(arch);
    if (form) forms.push(form);
  }
  return forms;
}

/**
 * The decoder type qualified by the stack's form, as the gallery words it: `Sparse MoE (causal encoder-decoder)`;
 * the bare {@link decoderType} for a plain decoder stack.
 */
export function decoderLabel(spec: { architecture: ArchitectureInput }, options?: KindOptions): string {
  const forms = stackForms(spec);
  const type = decoderType(spec, options);
  return forms.length ? `${type} (${forms.join(", ")})` : type;
}

/** A short label of one mixer, e.g. `GQA`, `sliding-window GQA`, `MLA`, `Gated DeltaNet`; an unknown kind's own name. */
export function mixerLabel(mixer: { kind: string }, options?: KindOptions): string {
  return resolveKinds(options).of(mixer)?.label(mixer) ?? String(mixer.kind);
}

/** The attention label of one mixer, e.g. `GQA`, `MLA`, `Gated DeltaNet`; an unknown kind's own name. */
export function mixerAttentionLabel(mixer: { kind: string }, options?: KindOptions): string {
  return resolveKinds(options).of(mixer)?.attentionLabel(mixer) ?? String(mixer.kind);
}

/**
 * The attention labels of several mixers as one label, each distinct label once in first-seen order, e.g.
 * `GQA + Gated DeltaNet`; `""` for none. {@link attentionParts} splits it again.
 */
export function joinAttentionLabels(mixers: Iterable<{ kind: string }>, options?: KindOptions): string {
  const labels = new Set<string>();
  for (const mixer of mixers) labels.add(mixerAttentionLabel(mixer, options));
  return [...labels].join(attentionSeparator);
}

/** The attention label of a model, e.g. `GQA`, `MLA`, `GQA + Gated DeltaNet`; `none` when no layer has a mixer. */
export function attentionLabel(spec: { architecture: ArchitectureInput }, options?: KindOptions): string {
  return (
    joinAttentionLabels(
      usedMixers(spec, resolveKinds(options)).map((u) => u.mixer),
      options,
    ) || "none"
  );
}

export { attentionParts } from "./attention-parts.js";

/** One entry of a layer mix: how many layers of one label. */
export interface LayerMixEntry {
  label: string;
  count: number;
}

/** Layers grouped by mixer label, e.g. `[{label: "sliding-window GQA", count: 52}, {label: "GQA", count: 10}]`. */
export function layerMix(spec: { architecture: ArchitectureInput }, options?: KindOptions): LayerMixEntry[] {
  const arch = spec.architecture as Architecture;
  const kinds = resolveKinds(options);
  const mix = new Map<string, number>();
  for (const { kind, count } of blockCounts(arch.layers)) {
    const mixer = kind.mixer !== undefined && Object.hasOwn(arch.mixers, kind.mixer) ? arch.mixers[kind.mixer] : undefined;
    const ffn = kind.ffn !== undefined && Object.hasOwn(arch.ffns, kind.ffn) ? arch.ffns[kind.ffn] : undefined;
    const label = mixer
      ? (kinds.of(mixer)?.label(mixer) ?? String(mixer.kind))
      : ffn
        ? (ffnKind(ffn.kind)?.onlyLabel ?? "FFN-only")
        : "FFN-only";
    mix.set(label, (mix.get(label) ?? 0) + count);
  }
  return [...mix].map(([label, count]) => ({ label, count }));
}

/**
 * The layer mix as text, e.g. `52 sliding-window GQA + 10 GQA`; a looped stack adds its passes, e.g.
 * `48 MHA × 4 passes` or `(18 short conv + 6 GQA) × 2 passes`.
 */
export function formatLayerMix(spec: { architecture: ArchitectureInput }, options?: KindOptions): string {
  const mix = layerMix(spec, options);
  let text = mix.map((e) => `${e.count} ${e.label}`).join(" + ");
  const split = (spec.architecture as Architecture).encoderDecoder;
  if (split) {
    const decoder = spec.architecture.numLayers - split.encoderLayers;
    text = `${split.encoderLayers} encoder + ${decoder} decoder layers; ${text}`;
  }
  const passes = stackPasses(spec.architecture);
  if (passes === 1) return text;
  return `${mix.length > 1 ? `(${text})` : text} × ${passes} passes`;
}
