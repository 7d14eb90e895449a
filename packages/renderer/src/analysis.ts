/**
 * What the figure needs to know about a spec, derived once: used definitions in order, layer kinds,
 * parameter counts and the layer pattern's period.
 */
import {
  coreKinds,
  countParams,
  expandLayers,
  layerRuns,
  maxDefinitions,
  paramsWithout,
  hasUnvisitedWeights,
  resolveKinds,
  ffnKind,
} from "@archgal/schema/lean";
import type { KindOptions, KindRegistry } from "@archgal/schema/lean";
import type { Architecture, ExpandedLayer, Ffn, LayerRun, ModelSpec, MoeFfn, MlpFfn, ParamCountResult } from "@archgal/schema/lean";
import { mixerShortName, type AnyMixer } from "./naming.js";

/** A spec the renderer accepts: a core spec, or an extended one whose mixers may be of kinds it does not know. */
export type RenderableSpec = Omit<ModelSpec, "architecture"> & {
  architecture: Omit<Architecture, "mixers"> & { mixers: { [name: string]: AnyMixer } };
};

/** Derived facts used across the figure. */
export interface Facts {
  spec: RenderableSpec;
  /** The mixer kinds the figure knows: the core kinds and the downstream ones given in the options. */
  kinds: KindRegistry;
  arch: RenderableSpec["architecture"];
  layers: ExpandedLayer[];
  runs: LayerRun[];
  /** Mixer definition names in order of first use. */
  mixerNames: string[];
  /** FFN definition names in order of first use. */
  ffnNames: string[];
  mixers: AnyMixer[];
  ffns: Ffn[];
  mlps: MlpFfn[];
  moes: MoeFfn[];
  /** Some layers have no mixer or no FFN: the block is drawn with one sublayer. */
  single: boolean;
  /** Parameter counts (mixer kinds the registry does not know count as zero). */
  params: ParamCountResult;
  /**
   * Total and headline active without MTP modules (active: the weights a token multiplies through, embedding
   * look-ups not counted; see the schema's conventions).
   */
  mainTotal: number;
  mainActive: number;
  /** A token leaves some weights unvisited (routed experts): the figure shows the active count beside the total. */
  sparse: boolean;
  /** Number of MLP layers that form a prefix of the stack followed only by MoE layers (DeepSeek's dense prefix), else 0. */
  densePrefix: number;
  /** A short key per layer naming its mixer and FFN kind, e.g. `GQA → MoE`. */
  layerKeys: string[];
}

/** Short name of a layer's FFN. */
function ffnShort(f: Ffn | undefined): string {
  if (!f) return "";
  return ffnKind(f.kind)?.shortName ?? String(f.kind);
}

/** A short key naming a layer's mixer and FFN kind, e.g. `GQA → MoE`, `Mamba-2`. */
export function layerKey(
  arch: RenderableSpec["architecture"],
  mixer: string | undefined,
  ffn: string | undefined,
  kinds: KindRegistry = coreKinds,
): string {
  const m = mixer !== undefined ? arch.mixers[mixer] : undefined;
  const f = ffn !== undefined ? arch.ffns[ffn] : undefined;
  return [m ? mixerShortName(m, kinds) : "", ffnShort(f)].filter(Boolean).join(" → ") || "identity";
}

/** Computes the facts of a spec; `options.kinds` adds downstream mixer kinds (from `defineMixerKind`). */
export function analyse(spec: RenderableSpec, options?: KindOptions): Facts {
  const kinds = resolveKinds(options);
  const arch = spec.architecture;
  const layers = expandLayers(arch.layers);
  const runs = layerRuns(arch.layers);
  const mixerNames: string[] = [];
  const ffnNames: string[] = [];
  // Definitions in order of first use, per run of identical layers (not per layer).
  for (const l of runs) {
    if (l.mixer !== undefined && !mixerNames.includes(l.mixer) && arch.mixers[l.mixer]) mixerNames.push(l.mixer);
    if (l.ffn !== undefined && !ffnNames.includes(l.ffn) && arch.ffns[l.ffn]) ffnNames.push(l.ffn);
  }
  // Validation allows at most maxDefinitions of each; an unvalidated spec with thousands would take minutes.
  if (mixerNames.length > maxDefinitions || ffnNames.length > maxDefinitions) throw new RangeError(`over ${maxDefinitions} definitions`);
  const mixers = mixerNames.map((n) => arch.mixers[n]!);
  const ffns = ffnNames.map((n) => arch.ffns[n]!);
  const single = runs.some((l) => l.mixer === undefined || l.ffn === undefined);
  // A spec the counter cannot handle (e.g. learned positions without a context length) still draws.
  let params: ParamCountResult;
  try {
    params = countParams(spec as ModelSpec, { kinds });
  } catch {
    params = countParams({ architecture: { ...arch, positional: { kind: "none" }, mtp: undefined } } as unknown as ModelSpec, { kinds });
  }
  const mainTotal = paramsWithout(params.breakdown, ["mtp"]);
  const mainActive = paramsWithout(params.activeBreakdown, ["mtp"]);
  let densePrefix = 0;
  const kindOf = (l: ExpandedLayer) => (l.ffn !== undefined ? arch.ffns[l.ffn]?.kind : undefined);
  while (densePrefix < layers.length && kindOf(layers[densePrefix]!) === "mlp") densePrefix++;
  if (densePrefix === layers.length || layers.slice(densePrefix).some((l) => kindOf(l) !== "moe")) densePrefix = 0;
  // One key per (mixer, ffn) pair, shared by its layers.
  const keyCache = new Map<string | undefined, Map<string | undefined, string>>();
  const layerKeys = layers.map((l) => {
    let byFfn = keyCache.get(l.mixer);
    if (!byFfn) keyCache.set(l.mixer, (byFfn = new Map()));
    let k = byFfn.get(l.ffn);
    if (k === undefined) byFfn.set(l.ffn, (k = layerKey(arch, l.mixer, l.ffn, kinds)));
    return k;
  });
  return {
    spec,
    kinds,
    arch,
    layers,
    runs,
    mixerNames,
    ffnNames,
    mixers,
    ffns,
    mlps: ffns.filter((f): f is MlpFfn => f.kind === "mlp"),
    moes: ffns.filter((f): f is MoeFfn => f.kind === "moe"),
    single,
    params,
    mainTotal,
    mainActive,
    sparse: hasUnvisitedWeights(params),
    densePrefix,
    layerKeys,
  };
}

/**
 * The smallest period of `seq.slice(from)` (allowing a partial last period: the least p with
 * `seq[i] === seq[i - p]` for every i ≥ from + p), or its length when it has none of at most half its length.
 * Linear time: p is the length less the longest proper border, from the Knuth–Morris–Pratt failure function.
 */
export function period<T>(seq: readonly T[], from = 0): number {
  const n = seq.length - from;
  if (n <= 1) return Math.max(n, 0);
  // fail[i]: length of the longest proper prefix of seq[from..from+i] that is also its suffix.
  const fail = new Int32Array(n);
  let k = 0;
  for (let i = 1; i < n; i++) {
    const x = seq[from + i];
    while (k > 0 && x !== seq[from + k]) k = fail[k - 1]!;
    if (x === seq[from + k]) k++;
    fail[i] = k;
  }
  const p = n - fail[n - 1]!;
  return p <= n / 2 ? p : n;
}
