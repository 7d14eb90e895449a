/**
 * Reading RoPE settings in both config.json layouts: the legacy `rope_theta` + `rope_scaling` pair, and the
 * transformers v5 `rope_parameters` dict (flat, or keyed by layer type: `full_attention`, `sliding_attention`).
 * `partial_rotary_factor` may sit at the top level or inside the parameters.
 */
import type { RopeScaling, RopeSettings } from "../spec-types.js";
import { type ConfigReader, isJsonObject, type JsonObject } from "./config-reader.js";

const scalingTypes: readonly RopeScaling["type"][] = ["linear", "dynamic", "yarn", "llama3", "longrope", "su", "ntk", "default"];

/** Which layers' parameters to read when `rope_parameters` is keyed by layer type. */
export type RopeLayerType = "full_attention" | "sliding_attention";

/** What to read. */
export interface RopeOptions {
  /** The configuration class's default θ. */
  defaultTheta: number;
  /** The class's default `partial_rotary_factor` (1 when it has none). */
  defaultFraction?: number;
  /** Read the parameters of this layer type when they are keyed by layer type. */
  layerType?: RopeLayerType;
  /** Ignore `rope_scaling` (a layer type that never scales, e.g. Gemma 3 local layers). */
  noScaling?: boolean;
}

/** The `rope_parameters` entry that applies, if any. */
function parameters(r: ConfigReader, layerType: RopeLayerType | undefined): JsonObject | undefined {
  const params = r.value("rope_parameters");
  if (params === undefined) return undefined;
  if (!isJsonObject(params)) {
    r.problem("rope_parameters", "expected an object");
    return undefined;
  }
  const keyed = params.full_attention ?? params.sliding_attention;
  if (isJsonObject(keyed)) {
    const own = params[layerType ?? "full_attention"];
    return isJsonObject(own) ? own : isJsonObject(params.full_attention) ? params.full_attention : undefined;
  }
  return params;
}

const numberIn = (obj: JsonObject, key: string): number | undefined => {
  const v = obj[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};

/** Maps a scaling dict onto the spec; undefined for `default` or an unknown type (with a warning). */
function scalingOf(r: ConfigReader, key: string, dict: JsonObject): RopeScaling | undefined {
  const raw = dict.rope_type ?? dict.type;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") {
    r.problem(key, `expected "rope_type" to be a string, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  if (!(scalingTypes as readonly string[]).includes(raw)) {
    r.warn(`${r.pathOf(key)}: RoPE scaling type "${raw}" is not one the spec knows; left out`);
    return undefined;
  }
  if (raw === "default") return undefined;
  const scaling: RopeScaling = { type: raw as RopeScaling["type"] };
  const factor = numberIn(dict, "factor");
  if (factor !== undefined) scaling.factor = factor;
  const original = numberIn(dict, "original_max_position_embeddings");
  if (original !== undefined && Number.isInteger(original) && original > 0) scaling.originalContext = original;
  const fields: [keyof RopeScaling, string][] = [
    ["lowFreqFactor", "low_freq_factor"],
    ["highFreqFactor", "high_freq_factor"],
    ["betaFast", "beta_fast"],
    ["betaSlow", "beta_slow"],
    ["mscale", "mscale"],
    ["mscaleAllDim", "mscale_all_dim"],
  ];
  for (const [to, from] of fields) {
    const v = numberIn(dict, from);
    if (v !== undefined) (scaling as unknown as Record<string, number>)[to] = v;
  }
  return scaling;
}

/** The RoPE settings a config describes, with the class defaults filled in. */
export function readRope(r: ConfigReader, options: RopeOptions): RopeSettings {
  const params = parameters(r, options.layerType);
  const theta =
    r.optNum("rope_theta", { positive: true }) ??
    (params && numberIn(params, "rope_theta")) ??
    (options.layerType === "sliding_attention" ? options.defaultTheta : r.useDefault("rope_theta", options.defaultTheta));
  const rope: RopeSettings = { theta };

  const fraction =
    r.optNum("partial_rotary_factor", { positive: true }) ??
    (params && numberIn(params, "partial_rotary_factor")) ??
    (options.defaultFraction !== undefined && options.layerType !== "sliding_attention"
      ? r.useDefault("partial_rotary_factor", options.defaultFraction)
      : options.defaultFraction);
  if (fraction !== undefined && fraction !== 1) {
    if (fraction > 1) r.problem("partial_rotary_factor", `expected a fraction in (0, 1], got ${fraction}`);
    else rope.fraction = fraction;
  }

  if (!options.noScaling) {
    const legacy = r.value("rope_scaling");
    let scaling: RopeScaling | undefined;
    if (legacy !== undefined) {
      if (isJsonObject(legacy)) scaling = scalingOf(r, "rope_scaling", legacy);
      else r.problem("rope_scaling", "expected an object or null");
    } else if (params) {
      scaling = scalingOf(r, "rope_parameters", params);
    }
    if (scaling) rope.scaling = scaling;
  }
  return rope;
}

/** Whether `rope_parameters` is keyed by layer type (`full_attention`, `sliding_attention`). */
export function ropeKeyedByLayerType(r: ConfigReader): boolean {
  const params = r.value("rope_parameters");
  return isJsonObject(params) && (isJsonObject(params.full_attention) || isJsonObject(params.sliding_attention));
}

/**
 * How one layer type's RoPE differs from the model's: θ or fraction when different, and a `default`
 * scaling when the model scales and this layer type does not. Undefined when it does not differ.
 */
export function ropeOverride(model: RopeSettings, layer: RopeSettings): RopeSettings | undefined {
  const out: RopeSettings = {};
  if (layer.theta !== model.theta && layer.theta !== undefined) out.theta = layer.theta;
  if ((layer.fraction ?? 1) !== (model.fraction ?? 1)) out.fraction = layer.fraction ?? 1;
  if (JSON.stringify(layer.scaling ?? null) !== JSON.stringify(model.scaling ?? null)) {
    out.scaling = layer.scaling ?? { type: "default" };
  }
  return Object.keys(out).length ? out : undefined;
}
