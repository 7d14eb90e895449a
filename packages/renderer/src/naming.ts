/**
 * The figure's wording: names of mixers, FFNs, norms and activations, with the novel word of each mixer marked
 * for the accent colour. Every number comes from the spec; nothing here is specific to one model.
 */
import { coreKinds, isCoreMixerKind, type KindRegistry, type MixerFamily } from "@archgal/schema/lean";
import type { Activation, Ffn, Mixer, ModelSpec } from "@archgal/schema/lean";
import { cleanText } from "./escape.js";
import { marked, type Line } from "./text-metrics.js";

/** A mixer as the renderer sees it: a core kind or an extension kind it knows only by name. */
export type AnyMixer = Mixer | { kind: string; [key: string]: unknown };

/** Category of a mixer, which picks its colour. */
export type MixerCategory = "attention" | "linear-mixer" | "ssm" | "mixer";

const categoryOf: Record<MixerFamily, MixerCategory> = {
  attention: "attention",
  "linear-attention": "linear-mixer",
  ssm: "ssm",
  convolution: "ssm",
};

/** Colour category of a mixer kind, from its family (`mixer` for a kind the registry does not know). */
export function mixerCategory(kind: string, kinds: KindRegistry = coreKinds): MixerCategory {
  const def = kinds.mixerKind(kind);
  return (def && categoryOf[def.family]) || "mixer";
}

/** True for the core mixer kinds this renderer draws in detail. */
export function isCoreMixer(m: AnyMixer): m is Mixer {
  return isCoreMixerKind(m.kind);
}

/** The display name of an unknown (extension) mixer kind, cleaned of control characters and trimmed. */
export function extensionKindName(kind: string): string {
  const t = cleanText(String(kind)).trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t || "custom";
}

/** A kind's marked text: core text as written, downstream text cleaned. */
const kindText = (m: AnyMixer, text: string): Line => marked(isCoreMixer(m) ? text : cleanText(text));

/**
 * The full name of one mixer with its novel word marked, e.g. "**Grouped-Query** Attention",
 * "Multi-head **Latent** Attention", "**Sliding-window** Grouped-Query Attention", "**Gated** DeltaNet".
 * The text is the kind's `title` (see `@archgal/schema`'s kind registry).
 */
export function mixerTitle(m: AnyMixer, kinds: KindRegistry = coreKinds): Line {
  const def = kinds.of(m);
  return def ? kindText(m, def.title(m)) : [{ text: extensionKindName(m.kind) }];
}

/** A short name for listings, e.g. "sliding-window GQA", "MLA", "Gated DeltaNet", "gated GQA". */
export function mixerShortName(m: AnyMixer, kinds: KindRegistry = coreKinds): string {
  const def = kinds.of(m);
  return def ? (isCoreMixer(m) ? def.shortName(m) : extensionKindName(def.shortName(m))) : extensionKindName(m.kind);
}

/**
 * The label of the block's mixer box for the set of mixers the layers use: one mixer's title, one title for
 * several mixers of a kind ("Grouped-Query Attention (**sliding-window** + global)"), or "A or B".
 */
export function mixerBoxLabel(mixers: readonly AnyMixer[], kinds: KindRegistry = coreKinds): Line {
  if (mixers.length === 0) return [{ text: "—" }];
  if (mixers.length === 1) return mixerTitle(mixers[0]!, kinds);
  const first = kinds.of(mixers[0]);
  if (first && mixers.every((m) => m.kind === mixers[0]!.kind)) {
    const group = first.groupTitle(mixers);
    if (group !== undefined) return kindText(mixers[0]!, group);
  }
  const parts: Line = [];
  const seen = new Set<string>();
  for (const m of mixers) {
    const key = mixerShortName(m, kinds);
    if (seen.has(key)) continue;
    seen.add(key);
    if (parts.length) parts.push({ text: " or " });
    // Short titles for combinations (e.g. attention without its head-sharing name: the callout gives the heads).
    const def = kinds.of(m);
    parts.push(...(def ? kindText(m, def.comboTitle(m)) : mixerTitle(m, kinds)));
  }
  return parts;
}

/** "RMSNorm" or "LayerNorm". */
export function normName(spec: { architecture: Pick<ModelSpec["architecture"], "norm"> }): string {
  return spec.architecture.norm.kind === "rmsnorm" ? "RMSNorm" : "LayerNorm";
}

/** Display name of an activation function. */
export function activationName(a: Activation): string {
  switch (a) {
    case "silu":
      return "SiLU";
    case "gelu":
      return "GELU";
    case "gelu-tanh":
      return "GELU (tanh)";
    case "relu":
      return "ReLU";
    case "relu2":
      return "ReLU²";
    case "swiglu-oai":
      return "clamped SwiGLU";
    case "situ":
      return "SiTU";
    case "polynorm":
      return "PolyNorm";
  }
}

/** The FFN type, e.g. "SwiGLU", "GeGLU", "GELU MLP". */
export function ffnTypeName(f: Pick<Ffn, "activation" | "gated">): string {
  if (f.activation === "swiglu-oai") return "SwiGLU";
  if (f.gated) {
    if (f.activation === "silu") return "SwiGLU";
    if (f.activation === "gelu" || f.activation === "gelu-tanh") return "GeGLU";
    if (f.activation === "relu") return "ReGLU";
    return `gated ${activationName(f.activation)}`;
  }
  return `${activationName(f.activation)} MLP`;
}
