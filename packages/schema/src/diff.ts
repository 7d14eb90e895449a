/**
 * Field-by-field differences between two specs, for the compare views.
 */
import { attentionLabel, decoderType, formatLayerMix } from "./classify.js";
import { kvCacheBytesPerToken } from "./kv-cache.js";
import { blockCounts, definitionCounts } from "./layers.js";
import { countParams } from "./params.js";
import type { ArchitectureInput, SpecInput } from "./spec-types.js";

/** One difference between two models. */
export interface ModelDiffEntry {
  /** Path in the first spec (or the second, for additions), e.g. `architecture.mixers.attn.kvHeads`, or `derived.kvCacheBytesPerToken`. */
  path: string;
  /** Human label, e.g. `KV heads (attn)`. */
  label: string;
  /** Value in the first model (`undefined` when added). */
  a: unknown;
  /** Value in the second model (`undefined` when removed). */
  b: unknown;
  /** How it differs. */
  kind: "changed" | "added" | "removed";
  /** Figure component ids the difference belongs to in each model (matches the renderer's `data-component`). */
  components?: { a?: string; b?: string };
}

const labels: Record<string, string> = {
  vocabSize: "Vocabulary size",
  contextLength: "Context length",
  dModel: "Embedding dimension",
  numLayers: "Layers",
  "embedding.tied": "Tied embeddings",
  "embedding.scale": "Embedding scale",
  "positional.kind": "Positions",
  "positional.theta": "RoPE θ",
  "positional.fraction": "Partial RoPE fraction",
  "norm.kind": "Norm",
  "norm.placement": "Norm placement",
  heads: "Heads",
  kvHeads: "KV heads",
  headDim: "Head dimension",
  window: "Sliding window",
  hidden: "FFN hidden size",
  experts: "Experts",
  activeExperts: "Active experts",
  expertHidden: "Expert hidden size",
  sharedExperts: "Shared experts",
  kvLoraRank: "KV latent rank",
  qLoraRank: "Query latent rank",
};

function labelFor(path: string, definition?: string): string {
  const key = Object.keys(labels).find((k) => path === k || path.endsWith(`.${k}`));
  const base = key ? labels[key]! : path;
  return definition ? `${base} (${definition})` : base;
}

/** Flattens an object into path → primitive value. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, Array.isArray(value) ? JSON.stringify(value) : value);
  }
}

function diffMaps(
  a: Map<string, unknown>,
  b: Map<string, unknown>,
  pathPrefix: string,
  definition: string | undefined,
  components: ModelDiffEntry["components"],
  out: ModelDiffEntry[],
): void {
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  for (const key of keys) {
    const va = a.get(key);
    const vb = b.get(key);
    if (va === vb) continue;
    const entry: ModelDiffEntry = {
      path: `${pathPrefix}${key}`,
      label: labelFor(key, definition),
      a: va,
      b: vb,
      kind: va === undefined ? "added" : vb === undefined ? "removed" : "changed",
    };
    if (components) entry.components = components;
    out.push(entry);
  }
}

/** Definitions in order of first use in the layer stack. */
function usedInOrder(arch: Pick<ArchitectureInput, "layers">, which: "mixer" | "ffn"): string[] {
  const seen: string[] = [];
  for (const { kind } of blockCounts(arch.layers)) {
    const name = kind[which];
    if (name !== undefined && !seen.includes(name)) seen.push(name);
  }
  return seen;
}

/**
 * Differences between two models: architecture scalars, each mixer and FFN definition (paired by
 * their order of first use, so differently named definitions still line up), and derived figures
 * (parameters, KV cache, decoder type, attention, layer mix).
 */
export function diffModels(a: SpecInput, b: SpecInput): ModelDiffEntry[] {
  const out: ModelDiffEntry[] = [];
  const { mixers: _am, ffns: _af, layers: _al, ...aRest } = a.architecture;
  const { mixers: _bm, ffns: _bf, layers: _bl, ...bRest } = b.architecture;
  const fa = new Map<string, unknown>();
  const fb = new Map<string, unknown>();
  flatten(aRest, "", fa);
  flatten(bRest, "", fb);
  diffMaps(fa, fb, "architecture.", undefined, undefined, out);

  for (const which of ["mixer", "ffn"] as const) {
    const defsA = usedInOrder(a.architecture, which);
    const defsB = usedInOrder(b.architecture, which);
    const n = Math.max(defsA.length, defsB.length);
    const collection = which === "mixer" ? "mixers" : "ffns";
    for (let i = 0; i < n; i++) {
      const nameA = defsA[i];
      const nameB = defsB[i];
      const ma = new Map<string, unknown>();
      const mb = new Map<string, unknown>();
      if (nameA) flatten(a.architecture[collection][nameA], "", ma);
      if (nameB) flatten(b.architecture[collection][nameB], "", mb);
      const components: ModelDiffEntry["components"] = {};
      if (nameA) components.a = `${which}:${nameA}`;
      if (nameB) components.b = `${which}:${nameB}`;
      diffMaps(ma, mb, `architecture.${collection}.${nameA ?? nameB}.`, nameA ?? nameB, components, out);
    }
  }

  const derived = (s: SpecInput) => {
    const p = countParams(s);
    const counts = definitionCounts(s.architecture.layers);
    return new Map<string, unknown>([
      ["params.total", p.total],
      ["params.active", p.active],
      ["kvCacheBytesPerToken", kvCacheBytesPerToken(s)],
      ["decoderType", decoderType(s)],
      ["attention", attentionLabel(s)],
      ["layerMix", formatLayerMix(s)],
      ["mtp", s.architecture.mtp?.layers ?? 0],
      ["definitions", counts.mixers.size + counts.ffns.size],
    ]);
  };
  const derivedLabels: Record<string, string> = {
    "params.total": "Total parameters",
    "params.active": "Active parameters",
    kvCacheBytesPerToken: "KV cache per token",
    decoderType: "Decoder type",
    attention: "Attention",
    layerMix: "Layer mix",
    mtp: "MTP modules",
  };
  const da = derived(a);
  const db = derived(b);
  for (const [key, label] of Object.entries(derivedLabels)) {
    if (da.get(key) !== db.get(key)) {
      out.push({ path: `derived.${key}`, label, a: da.get(key), b: db.get(key), kind: "changed" });
    }
  }
  return out;
}
