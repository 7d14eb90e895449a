/**
 * Field-by-field differences between two specs, for the compare views.
 */
import { attentionLabel, decoderType, formatLayerMix } from "./classify.js";
import { kvCacheBytesPerToken } from "./kv-cache.js";
import { blockCounts, definitionCounts } from "./layers.js";
import { countParams } from "./params.js";
import { ffnKindDetails, mixerKindDetails } from "./kinds/details.js";
import { coreKinds, ffnKind } from "./kinds/registry.js";
import type { ArchitectureInput, SpecInput } from "./spec-types.js";

/** One difference between two models. */
export interface ModelDiffEntry {
  /** Path in the first spec (or the second, for additions), e.g. `architecture.mixers.attn.kvHeads`, or `derived.kvCacheBytesPerToken`. */
  path: string;
  /** Plain-language label, e.g. `KV heads (GQA)`, `Indexer heads (MLA + DSA)`, `Norm epsilon`. */
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

/** Plain-language names of the architecture's own fields (paths below `architecture.`). */
const architectureLabels: Record<string, string> = {
  vocabSize: "Vocabulary size",
  contextLength: "Context length",
  dModel: "Embedding dimension",
  numLayers: "Layers",
  "embedding.tied": "Tied embeddings",
  "embedding.scale": "Embedding scale",
  "embedding.norm": "Norm after the embedding",
  "embedding.ngram.dim": "N-gram embedding width",
  "embedding.ngram.tables": "N-gram embedding tables",
  "embedding.ngram.vocabSize": "N-gram embedding vocabulary",
  "embedding.perLayer.dim": "Per-layer embedding width",
  "embedding.perLayer.vocabSize": "Per-layer embedding vocabulary",
  "positional.kind": "Positions",
  "positional.theta": "RoPE base (θ)",
  "positional.fraction": "Partial RoPE fraction",
  "positional.scaling.type": "RoPE scaling",
  "positional.scaling.factor": "RoPE scaling factor",
  "positional.scaling.originalContext": "Context before RoPE scaling",
  "positional.scaling.betaFast": "YaRN β fast",
  "positional.scaling.betaSlow": "YaRN β slow",
  "positional.scaling.mscale": "YaRN attention scale",
  "positional.scaling.mscaleAllDim": "YaRN attention scale (all dimensions)",
  "positional.scaling.lowFreqFactor": "RoPE scaling low-frequency factor",
  "positional.scaling.highFreqFactor": "RoPE scaling high-frequency factor",
  "norm.kind": "Norm",
  "norm.placement": "Norm placement",
  "norm.eps": "Norm epsilon",
  "norm.bias": "Norm bias",
  "norm.zeroCentered": "Zero-centred norm weights",
  finalLogitSoftcap: "Final logit soft-cap",
  "hyperConnections.streams": "Residual streams (hyper-connections)",
  "loop.passes": "Passes over the layer stack",
  "loop.normBetweenPasses": "Norm between passes",
  "mtp.layers": "MTP modules",
  "mtp.mixer": "MTP mixer",
  "mtp.ffn": "MTP FFN",
};

/** Plain-language names of mixer fields (paths within one mixer definition). */
const mixerLabels: Record<string, string> = {
  kind: "Mixer kind",
  heads: "Heads",
  kvHeads: "KV heads",
  headDim: "Head dimension",
  window: "Sliding window",
  chunk: "Attention chunk",
  sinks: "Attention sinks",
  logitSoftcap: "Attention logit soft-cap",
  outputGate: "Output gate",
  qkvBias: "Query/key/value bias",
  outBias: "Output projection bias",
  bias: "Projection bias",
  "qkNorm.kind": "QK norm",
  "qkNorm.scope": "QK norm scope",
  rope: "RoPE",
  ropeDim: "RoPE dimensions",
  "rope.fraction": "Partial RoPE fraction",
  "rope.theta": "RoPE base (θ)",
  "rope.scaling.type": "RoPE scaling",
  reusesKV: "Reuses an earlier layer's KV cache",
  kvWeights: "K/V weights of its own",
  sharedKV: "Keys double as values",
  "relativeBias.dim": "Relative-position bias width",
  "relativeBias.extent": "Relative-position bias distance",
  kvLoraRank: "KV latent rank",
  qLoraRank: "Query latent rank",
  qkNopeHeadDim: "Query/key dimension without RoPE",
  qkRopeHeadDim: "Query/key dimension with RoPE",
  qkDim: "Query/key dimension",
  vHeadDim: "Value head dimension",
  vDim: "Value dimension",
  valueHeadDim: "Value head dimension",
  valueHeads: "Value heads",
  keyHeads: "Key heads",
  keyHeadDim: "Key head dimension",
  convKernel: "Convolution kernel",
  convBias: "Convolution bias",
  groupedConvKernel: "Grouped convolution kernel",
  groups: "Groups",
  stateSize: "State size",
  compressRatio: "KV compression ratio",
  outputGroups: "Output projection groups",
  outputLoraRank: "Output latent rank",
  "indexer.heads": "Indexer heads",
  "indexer.headDim": "Indexer head dimension",
  "indexer.topK": "Tokens the indexer selects",
  "indexer.blockSize": "Indexer block size",
  "indexer.topKBlocks": "Blocks the indexer selects",
  "indexer.localBlocks": "Local blocks always attended",
  "indexer.shared": "Indexer borrowed from another layer",
};

/** Plain-language names of FFN fields (paths within one FFN definition). */
const ffnLabels: Record<string, string> = {
  kind: "FFN kind",
  activation: "Activation",
  gated: "Gated (GLU)",
  hidden: "FFN hidden size",
  bias: "FFN bias",
  experts: "Experts",
  activeExperts: "Active experts",
  expertHidden: "Expert hidden size",
  sharedExperts: "Shared experts",
  sharedHidden: "Shared expert hidden size",
  sharedGate: "Shared expert gate",
  zeroExperts: "Zero-computation experts",
  latent: "Expert latent width",
  latentNorm: "Expert latent norm",
  "router.bias": "Router bias",
  "router.groups": "Router groups",
  "router.topkGroups": "Router groups selected",
  "router.hash": "Hash routing",
  "router.mlpHidden": "Router MLP hidden size",
  "router.routedScale": "Routed experts' scale",
  "router.scoring": "Router scoring",
  "router.inputScale": "Router input scale",
  "router.expertScale": "Per-expert routing scale",
  branchNorms: "Extra norms in the FFN block",
};

const own = (table: Record<string, string>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** A field without a name of its own: its path in words (`rope.scalingFactor` → `rope scaling factor`). */
const spelled = (path: string): string => {
  const words = path
    .replace(/\./g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function labelFor(path: string, table: Record<string, string>, definition?: string): string {
  const base = own(table, path) ?? spelled(path);
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
  table: Record<string, string>,
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
      label: labelFor(key, table, definition),
      a: va,
      b: vb,
      kind: va === undefined ? "added" : vb === undefined ? "removed" : "changed",
    };
    if (components) entry.components = components;
    out.push(entry);
  }
}

/** A definition with the documented default of every absent optional field (its kind's `withDefaults`). */
function withDefaults(which: "mixer" | "ffn", def: unknown): unknown {
  if (def === null || typeof def !== "object") return def;
  const details = which === "mixer" ? mixerKindDetails(def) : ffnKindDetails(def);
  return details ? details.withDefaults(def as never) : def;
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

/** What a definition is, in words: its kind's layer-mix label (`sliding-window GQA`, `MLA + DSA`) or short name (`MoE`). */
function definitionName(which: "mixer" | "ffn", def: unknown): string | undefined {
  const d = def as { kind?: unknown } | undefined;
  if (which === "ffn") return ffnKind(d?.kind)?.shortName;
  const kind = coreKinds.of(d);
  return kind ? kind.label(d as never) : undefined;
}

/** What a definition does, for pairing: its kind and name in words, its kind's family, and whether it sees a window or chunk only. */
function role(which: "mixer" | "ffn", def: unknown): { kind: unknown; name: string | undefined; family: unknown; local: boolean } {
  const d = (def ?? {}) as { kind?: unknown; window?: unknown; chunk?: unknown };
  const family = which === "mixer" ? coreKinds.of(d)?.family : undefined;
  return { kind: d.kind, name: definitionName(which, def), family, local: !!(d.window || d.chunk) };
}

/**
 * Pairs the definitions of two models by role, not by slot name: each definition of `a` (in order of first use)
 * takes the unpaired definition of `b` that does the most alike — the same kind under the same name (CSA with CSA),
 * then the same kind and window/global scope, then same kind, then same family (DeepSeek V3's MoE pairs with
 * Qwen3's MoE, not with V3's dense first layers; Gemma 3's global attention with Llama's) — and what is left pairs
 * in order of first use. Each pair carries what its definition is in words (`what`: the first side's, else the
 * second's; the slot name for a kind without one). Linear in the number of definitions times itself (at most 64
 * each, as validation allows).
 */
function pairDefinitions(a: SpecInput, b: SpecInput, which: "mixer" | "ffn"): { nameA?: string; nameB?: string; what: string }[] {
  const collection = which === "mixer" ? "mixers" : "ffns";
  const defsA = usedInOrder(a.architecture, which);
  const defsB = usedInOrder(b.architecture, which);
  const rolesA = defsA.map((n) => role(which, a.architecture[collection][n]));
  const rolesB = defsB.map((n) => role(which, b.architecture[collection][n]));
  const score = (i: number, j: number): number => {
    const x = rolesA[i]!;
    const y = rolesB[j]!;
    if (x.kind === y.kind) return x.name !== undefined && x.name === y.name ? 4 : x.local === y.local ? 3 : 2;
    return x.family !== undefined && x.family === y.family ? 1 : 0;
  };
  const partner = new Array<number | undefined>(defsA.length).fill(undefined);
  const taken = new Set<number>();
  // Best scores first, so a later definition's exact match is not taken by an earlier one's near match.
  for (const wanted of [4, 3, 2, 1])
    for (let i = 0; i < defsA.length; i++) {
      if (partner[i] !== undefined) continue;
      for (let j = 0; j < defsB.length; j++)
        if (!taken.has(j) && score(i, j) === wanted) {
          partner[i] = j;
          taken.add(j);
          break;
        }
    }
  const leftB = defsB.map((_, j) => j).filter((j) => !taken.has(j));
  for (let i = 0; i < defsA.length && leftB.length; i++) if (partner[i] === undefined) partner[i] = leftB.shift();
  return [
    ...defsA.map((n, i) => ({ nameA: n, nameB: partner[i] === undefined ? undefined : defsB[partner[i]!], what: rolesA[i]!.name ?? n })),
    ...leftB.map((j) => ({ nameB: defsB[j]!, what: rolesB[j]!.name ?? defsB[j]! })),
  ];
}

/**
 * Differences between two models: architecture scalars, each mixer and FFN definition (paired by role — kind,
 * window scope, family — so differently named definitions still line up, see `pairDefinitions`), and derived
 * figures (parameters, KV cache, decoder type, attention, layer mix).
 */
export function diffModels(a: SpecInput, b: SpecInput): ModelDiffEntry[] {
  const out: ModelDiffEntry[] = [];
  const { mixers: _am, ffns: _af, layers: _al, ...aRest } = a.architecture;
  const { mixers: _bm, ffns: _bf, layers: _bl, ...bRest } = b.architecture;
  const fa = new Map<string, unknown>();
  const fb = new Map<string, unknown>();
  flatten(aRest, "", fa);
  flatten(bRest, "", fb);
  diffMaps(fa, fb, "architecture.", architectureLabels, undefined, undefined, out);

  // Rows of a definition say what it is (`KV heads (sliding-window GQA)`, `Experts (MoE)`), from its kind; the
  // slot name is added only where two definitions of the comparison would read the same.
  const named = new Map<string, number>();
  const pairs = (["mixer", "ffn"] as const).map((which) => {
    const collection = which === "mixer" ? ("mixers" as const) : ("ffns" as const);
    return pairDefinitions(a, b, which).map((pair) => {
      named.set(pair.what, (named.get(pair.what) ?? 0) + 1);
      return { which, collection, ...pair };
    });
  });
  for (const list of pairs)
    for (const { which, collection, nameA, nameB, what } of list) {
      const ma = new Map<string, unknown>();
      const mb = new Map<string, unknown>();
      // Documented defaults filled in when both sides have the definition, so that a field written out with its
      // default value is no difference; a definition only one side has lists only the fields it sets.
      const fill = (def: unknown) => (nameA && nameB ? withDefaults(which, def) : def);
      if (nameA) flatten(fill(a.architecture[collection][nameA]), "", ma);
      if (nameB) flatten(fill(b.architecture[collection][nameB]), "", mb);
      const components: ModelDiffEntry["components"] = {};
      if (nameA) components.a = `${which}:${nameA}`;
      if (nameB) components.b = `${which}:${nameB}`;
      diffMaps(
        ma,
        mb,
        `architecture.${collection}.${nameA ?? nameB}.`,
        which === "mixer" ? mixerLabels : ffnLabels,
        named.get(what)! > 1 ? `${what}, ${nameA ?? nameB}` : what,
        components,
        out,
      );
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
