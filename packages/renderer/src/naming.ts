/**
 * The figure's wording: names of mixers, FFNs, norms and activations, with the novel word of each mixer marked
 * for the accent colour. Every number comes from the spec; nothing here is specific to one model.
 */
import { headSharing, mixerKindNames, mixerLabel } from "@archgal/schema/metrics";
import type { Activation, Ffn, Mixer, ModelSpec } from "@archgal/schema/metrics";
import { cleanText } from "./escape.js";
import { marked, type Line } from "./text-metrics.js";

/** A mixer as the renderer sees it: a core kind or an extension kind it knows only by name. */
export type AnyMixer = Mixer | { kind: string; [key: string]: unknown };

/** Category of a mixer, which picks its colour. */
export type MixerCategory = "attention" | "linear-mixer" | "ssm" | "mixer";

const linearKinds = new Set(["gated-deltanet", "kimi-delta", "lightning"]);
const ssmKinds = new Set(["mamba2", "mlstm", "short-conv"]);

/** Colour category of a mixer kind. */
export function mixerCategory(kind: string): MixerCategory {
  if (kind === "attention" || kind === "mla" || kind === "compressed-attention" || kind === "cca") return "attention";
  if (linearKinds.has(kind)) return "linear-mixer";
  if (ssmKinds.has(kind)) return "ssm";
  return "mixer";
}

const sharingNames = { MHA: "Multi-Head", GQA: "Grouped-Query", MQA: "Multi-Query" } as const;

/** True for the core mixer kinds this renderer draws in detail. */
export function isCoreMixer(m: AnyMixer): m is Mixer {
  return m.kind in mixerKindNames;
}

/** The display name of an unknown (extension) mixer kind, cleaned of control characters and trimmed. */
export function extensionKindName(kind: string): string {
  const t = cleanText(kind).trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t || "custom";
}

/**
 * The full name of one mixer with its novel word marked, e.g. "**Grouped-Query** Attention",
 * "Multi-head **Latent** Attention", "**Sliding-window** Grouped-Query Attention", "**Gated** DeltaNet".
 */
export function mixerTitle(m: AnyMixer): Line {
  if (!isCoreMixer(m)) return [{ text: extensionKindName(m.kind) }];
  switch (m.kind) {
    case "attention": {
      const sharing = sharingNames[headSharing(m)];
      if (m.outputGate) return marked(`**Gated** ${sharing} Attention`);
      if (m.window) return marked(`**Sliding-window** ${sharing} Attention`);
      if (m.chunk) return marked(`**Chunked** ${sharing} Attention`);
      return marked(`**${sharing}** Attention`);
    }
    case "mla":
      return marked(m.indexer ? "Multi-head **Latent** Attention with **Sparse** indexer" : "Multi-head **Latent** Attention");
    case "gated-deltanet":
      return marked("**Gated** DeltaNet");
    case "kimi-delta":
      return marked("**Kimi Delta** Attention");
    case "lightning":
      return marked("**Lightning** Attention");
    case "mamba2":
      return marked("**Mamba-2** (state space)");
    case "mlstm":
      return marked("**mLSTM** with matrix memory");
    case "short-conv":
      return marked("Gated **short convolution**");
    case "compressed-attention":
      return marked(m.compressRatio ? (m.indexer ? "**Compressed Sparse** Attention (CSA)" : "**Heavily Compressed** Attention (HCA)") : "**Sliding-window** Multi-Query Attention");
    case "cca":
      return marked("**Compressed Convolutional** Attention");
    default:
      return [{ text: extensionKindName((m as { kind: string }).kind) }];
  }
}

/** A short name for listings, e.g. "sliding-window GQA", "MLA", "Gated DeltaNet", "gated GQA". */
export function mixerShortName(m: AnyMixer): string {
  if (!isCoreMixer(m)) return extensionKindName(m.kind);
  return m.kind === "attention" && m.outputGate ? `gated ${mixerLabel(m)}` : mixerLabel(m);
}

/**
 * The label of the block's mixer box for the set of mixers the layers use: one mixer's title, a shared
 * attention name with its variants ("Grouped-Query Attention (**sliding-window** + global)"), or "A or B".
 */
export function mixerBoxLabel(mixers: readonly AnyMixer[]): Line {
  if (mixers.length === 0) return [{ text: "—" }];
  if (mixers.length === 1) return mixerTitle(mixers[0]!);
  const attn = mixers.filter((m): m is Extract<Mixer, { kind: "attention" }> => m.kind === "attention");
  if (attn.length === mixers.length) {
    const sharing = new Set(attn.map((m) => headSharing(m)));
    const gated = attn.some((m) => m.outputGate);
    const variants: string[] = [];
    if (attn.some((m) => m.window)) variants.push("**sliding-window**");
    if (attn.some((m) => m.chunk)) variants.push("**chunked**");
    if (attn.some((m) => !m.window && !m.chunk)) variants.push("global");
    if (sharing.size === 1 && variants.length > 1) {
      const s = sharingNames[[...sharing][0]!];
      return marked(`${gated ? "**Gated** " : ""}${s} Attention (${variants.join(" + ")})`);
    }
  }
  const compressed = mixers.filter((m): m is Extract<Mixer, { kind: "compressed-attention" }> => m.kind === "compressed-attention");
  if (compressed.length === mixers.length) {
    const variants = [...new Set(compressed.map((m) => (m.compressRatio ? (m.indexer ? "CSA" : "HCA") : "window only")))];
    return marked(`**Compressed** Attention (${variants.join(" + ")})`);
  }
  const parts: Line = [];
  const seen = new Set<string>();
  for (const m of mixers) {
    const key = mixerShortName(m);
    if (seen.has(key)) continue;
    seen.add(key);
    if (parts.length) parts.push({ text: " or " });
    // Short titles for combinations: attention without its head-sharing name (the callout gives the heads).
    const title = m.kind === "attention" ? marked(m.outputGate ? "**Gated** Attention" : m.window ? "**Sliding-window** Attention" : m.chunk ? "**Chunked** Attention" : "Attention") : mixerTitle(m);
    parts.push(...title.map((s) => ({ ...s, text: s.text.replace(/ \(state space\)| with matrix memory/, "") })));
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
