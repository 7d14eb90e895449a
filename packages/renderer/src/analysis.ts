/**
 * What the figure needs to know about a spec, derived once: used definitions in order, layer kinds,
 * parameter counts and the layer pattern's period.
 */
import { countParams, expandLayers, layerRuns, paramsWithout } from "@archgal/schema/metrics";
import type { Architecture, ExpandedLayer, Ffn, LayerRun, ModelSpec, MoeFfn, MlpFfn, ParamCountResult } from "@archgal/schema/metrics";
import { mixerShortName, type AnyMixer } from "./naming.js";

/** A spec the renderer accepts: a core spec, or an extended one whose mixers may be of kinds it does not know. */
export type RenderableSpec = Omit<ModelSpec, "architecture"> & {
  architecture: Omit<Architecture, "mixers"> & { mixers: { [name: string]: AnyMixer } };
};

/** Derived facts used across the figure. */
export interface Facts {
  spec: RenderableSpec;
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
  /** Parameter counts (unknown mixer kinds count as zero). */
  params: ParamCountResult;
  /** Total and active without MTP modules (what runs per token in ordinary decoding). */
  mainTotal: number;
  mainActive: number;
  /** Number of MLP layers that form a prefix of the stack followed only by MoE layers (DeepSeek's dense prefix), else 0. */
  densePrefix: number;
  /** A short key per layer naming its mixer and FFN kind, e.g. `GQA → MoE`. */
  layerKeys: string[];
}

/** Short name of a layer's FFN. */
function ffnShort(f: Ffn | undefined): string {
  if (!f) return "";
  return f.kind === "moe" ? "MoE" : "FFN";
}

/** A short key naming a layer's mixer and FFN kind, e.g. `GQA → MoE`, `Mamba-2`. */
export function layerKey(arch: RenderableSpec["architecture"], mixer: string | undefined, ffn: string | undefined): string {
  const m = mixer !== undefined ? arch.mixers[mixer] : undefined;
  const f = ffn !== undefined ? arch.ffns[ffn] : undefined;
  return [m ? mixerShortName(m) : "", ffnShort(f)].filter(Boolean).join(" → ") || "identity";
}

/** Computes the facts of a spec. */
export function analyse(spec: RenderableSpec): Facts {
  const arch = spec.architecture;
  const layers = expandLayers(arch.layers);
  const runs = layerRuns(arch.layers);
  const mixerNames: string[] = [];
  const ffnNames: string[] = [];
  for (const l of layers) {
    if (l.mixer !== undefined && !mixerNames.includes(l.mixer) && arch.mixers[l.mixer]) mixerNames.push(l.mixer);
    if (l.ffn !== undefined && !ffnNames.includes(l.ffn) && arch.ffns[l.ffn]) ffnNames.push(l.ffn);
  }
  const mixers = mixerNames.map((n) => arch.mixers[n]!);
  const ffns = ffnNames.map((n) => arch.ffns[n]!);
  const single = layers.some((l) => l.mixer === undefined || l.ffn === undefined);
  // A spec the counter cannot handle (e.g. learned positions without a context length) still draws.
  let params: ParamCountResult;
  try {
    params = countParams(spec as ModelSpec);
  } catch {
    params = countParams({ architecture: { ...arch, positional: { kind: "none" }, mtp: undefined } } as unknown as ModelSpec);
  }
  const mainTotal = paramsWithout(params.breakdown, ["mtp"]);
  const mainActive = paramsWithout(params.activeBreakdown, ["mtp"]);
  let densePrefix = 0;
  const kindOf = (l: ExpandedLayer) => (l.ffn !== undefined ? arch.ffns[l.ffn]?.kind : undefined);
  while (densePrefix < layers.length && kindOf(layers[densePrefix]!) === "mlp") densePrefix++;
  if (densePrefix === layers.length || layers.slice(densePrefix).some((l) => kindOf(l) !== "moe")) densePrefix = 0;
  const layerKeys = layers.map((l) => layerKey(arch, l.mixer, l.ffn));
  return {
    spec,
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
    densePrefix,
    layerKeys,
  };
}

/** The smallest period of a sequence (allowing a partial last period), or its length when it has none. */
export function period<T>(seq: readonly T[]): number {
  for (let p = 1; p <= seq.length / 2; p++) {
    let ok = true;
    for (let i = p; i < seq.length && ok; i++) if (seq[i] !== seq[i - p]) ok = false;
    if (ok) return p;
  }
  return seq.length;
}
