/**
 * Will it fit, and how fast: memory of a model on one or more accelerators, and roofline (upper-bound)
 * decode and prefill speed. Built only on the public metric functions (countParams, kvCacheBytes,
 * flopsPerToken) and the layer list, so every mixer kind those functions know is handled here too.
 */
import { countParams, layerStackComponents, type ParamCounts } from "./params.js";
import { stackPasses } from "./kinds/registry.js";
import type { Dtype } from "./kv-cache.js";
import { kvCacheBytes } from "./cache-size.js";
import { flopsPerToken } from "./flops.js";
import { formatInt } from "./format.js";
import { definitionCounts } from "./layers.js";
import type { Architecture, ArchitectureInput, ParamComponent } from "./spec-types.js";
import type { ComputeDtype, Device } from "./hardware/devices.js";

/** Dtypes weights may be stored in. */
export type WeightDtype = "fp32" | "bf16" | "fp16" | "fp8" | "int8" | "fp4" | "int4";

/** Bytes per weight (block scales of fp4/int4 formats not counted). */
export const weightDtypeBytes: Readonly<Record<WeightDtype, number>> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, fp4: 0.5, int4: 0.5 };

const kvDtypes: readonly Dtype[] = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"];

/** A weight dtype for every component, with per-component exceptions. */
export interface WeightScheme {
  /** Dtype of every component not overridden. */
  default: WeightDtype;
  /** Dtype by component (e.g. `{ routedExperts: "fp8" }`). */
  overrides?: Partial<Record<ParamComponent, WeightDtype>>;
  /** Short name shown in results. */
  label?: string;
}

const linearComponents: ParamComponent[] = ["attention", "linearMixer", "ffn", "routedExperts", "sharedExperts", "mtp"];

/**
 * Named schemes: the uniform dtypes, plus
 * - `int4-weights`: every linear layer int4 (GPTQ/AWQ style), embeddings, head, norms and router bf16;
 * - `fp8-experts`: routed and shared experts fp8, attention and everything else bf16;
 * - `fp4-experts`: routed experts fp4 (MXFP4 style), everything else bf16.
 */
export const weightSchemes: ReadonlyMap<string, WeightScheme> = new Map<string, WeightScheme>([
  ...(Object.keys(weightDtypeBytes) as WeightDtype[]).map((d): [string, WeightScheme] => [d, { default: d, label: d }]),
  [
    "int4-weights",
    { default: "bf16", overrides: Object.fromEntries(linearComponents.map((c) => [c, "int4"])), label: "int4 linear layers, bf16 rest" },
  ],
  ["fp8-experts", { default: "bf16", overrides: { routedExperts: "fp8", sharedExperts: "fp8" }, label: "fp8 experts, bf16 rest" }],
  ["fp4-experts", { default: "bf16", overrides: { routedExperts: "fp4" }, label: "fp4 routed experts, bf16 rest" }],
]);

/** Runtime memory beyond weights and cache, per device. */
export interface OverheadOption {
  /** Fraction of each device's usable memory kept free for activations, workspace, runtime context and fragmentation. */
  fraction?: number;
  /** Fixed bytes per device on top of the fraction. */
  bytes?: number;
}

/** Options of {@link fitModel} and {@link estimateSpeed}. */
export interface FitOptions {
  device: Device;
  /** Devices available. Omit to search for the fewest that fit. */
  devices?: number;
  /** Tokens in context per sequence (prompt + generated). */
  context: number;
  /** Concurrent sequences. Default 1. */
  batch?: number;
  /** Weight dtype, a named scheme (see {@link weightSchemes}) or a scheme object. Default bf16. */
  weights?: WeightDtype | string | WeightScheme;
  /** KV-cache dtype. Default bf16. */
  kvDtype?: Dtype;
  /** Recurrent-state dtype. Default fp32. */
  stateDtype?: Dtype;
  /** Runtime overhead. Default 10% of each device's usable memory. */
  overhead?: OverheadOption;
  /** Load multi-token-prediction modules too (speculative decoding). Default false. */
  includeMtp?: boolean;
  /** Largest device count searched for the minimum. Default 72. */
  maxDevices?: number;
}

/** Thrown for an option that cannot be used; `field` names it (e.g. "context"). */
export class FitOptionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "FitOptionError";
  }
}

function positiveInt(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !Number.isInteger(value) || value < 1) {
    throw new FitOptionError(field, `expected a positive whole number, got ${String(value)}`);
  }
  return value;
}

function fraction(field: string, value: unknown, allowZero: boolean): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value >= 1 || (!allowZero && value === 0)) {
    throw new FitOptionError(field, `expected a number from 0 up to (not including) 1, got ${String(value)}`);
  }
  return value;
}

/** Resolves a weight option to a scheme, or throws a {@link FitOptionError} naming `weights`. */
export function resolveWeightScheme(
  weights: FitOptions["weights"] = "bf16",
): Required<Pick<WeightScheme, "default" | "label">> & WeightScheme {
  if (typeof weights === "string") {
    const s = weightSchemes.get(weights.trim().toLowerCase());
    if (!s)
      throw new FitOptionError("weights", `unknown dtype or scheme "${weights}" (expected one of ${[...weightSchemes.keys()].join(", ")})`);
    return { ...s, label: s.label ?? weights };
  }
  if (!weights || typeof weights !== "object" || !Object.hasOwn(weightDtypeBytes, weights.default)) {
    throw new FitOptionError("weights.default", `expected one of ${Object.keys(weightDtypeBytes).join(", ")}`);
  }
  for (const [c, d] of Object.entries(weights.overrides ?? {})) {
    if (!Object.hasOwn(weightDtypeBytes, d as string))
      throw new FitOptionError(`weights.overrides.${c}`, `expected one of ${Object.keys(weightDtypeBytes).join(", ")}`);
  }
  return { ...weights, label: weights.label ?? "custom scheme" };
}

function dtypeOf(scheme: WeightScheme, component: ParamComponent): WeightDtype {
  const o = scheme.overrides;
  return o && Object.hasOwn(o, component) ? (o[component] as WeightDtype) : scheme.default;
}

function checkDevice(device: Device): void {
  if (!device || typeof device !== "object") throw new FitOptionError("device", "expected a device preset or custom device");
  for (const [f, v] of [
    ["device.memoryBytes", device.memoryBytes],
    ["device.bandwidthBytesPerSecond", device.bandwidthBytesPerSecond],
    ["device.usableFraction", device.usableFraction],
  ] as const) {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw new FitOptionError(f, `expected a positive finite number, got ${String(v)}`);
  }
  if (device.usableFraction > 1) throw new FitOptionError("device.usableFraction", `expected at most 1, got ${device.usableFraction}`);
}

interface Resolved {
  device: Device;
  devices: number | undefined;
  context: number;
  batch: number;
  scheme: ReturnType<typeof resolveWeightScheme>;
  kvDtype: Dtype;
  stateDtype: Dtype;
  overheadFraction: number;
  overheadBytes: number;
  includeMtp: boolean;
  maxDevices: number;
}

function resolve(options: FitOptions): Resolved {
  if (!options || typeof options !== "object") throw new FitOptionError("options", "expected an object");
  checkDevice(options.device);
  const kvDtype = options.kvDtype ?? "bf16";
  if (!kvDtypes.includes(kvDtype)) throw new FitOptionError("kvDtype", `expected one of ${kvDtypes.join(", ")}, got ${String(kvDtype)}`);
  const stateDtype = options.stateDtype ?? "fp32";
  if (!kvDtypes.includes(stateDtype))
    throw new FitOptionError("stateDtype", `expected one of ${kvDtypes.join(", ")}, got ${String(stateDtype)}`);
  const overheadBytes = options.overhead?.bytes ?? 0;
  if (typeof overheadBytes !== "number" || !Number.isFinite(overheadBytes) || overheadBytes < 0) {
    throw new FitOptionError("overhead.bytes", `expected a non-negative finite number, got ${String(overheadBytes)}`);
  }
  return {
    device: options.device,
    devices: options.devices === undefined ? undefined : positiveInt("devices", options.devices),
    context: positiveInt("context", options.context),
    batch: options.batch === undefined ? 1 : positiveInt("batch", options.batch),
    scheme: resolveWeightScheme(options.weights),
    kvDtype,
    stateDtype,
    overheadFraction: fraction("overhead.fraction", options.overhead?.fraction ?? 0.1, true),
    overheadBytes,
    includeMtp: options.includeMtp ?? false,
    maxDevices: options.maxDevices === undefined ? 72 : positiveInt("maxDevices", options.maxDevices),
  };
}

/** Weights of one component at its dtype. */
export interface ComponentWeights {
  component: ParamComponent;
  params: number;
  dtype: WeightDtype;
  bytes: number;
}

/** How the model is laid out on the devices. */
export interface Placement {
  devices: number;
  /** Devices each attention/dense layer is split across (tensor parallel). */
  tensorParallel: number;
  /** Full replicas of the dense part (devices / tensorParallel); the batch is divided among them. */
  dataParallel: number;
  /** Devices the routed experts are spread across (expert parallel); null for dense models. */
  expertParallel: number | null;
  /** Bytes on the most loaded device. */
  perDevice: { weights: number; kvCache: number; state: number; overhead: number; total: number };
  /** Usable bytes per device (capacity × usable fraction). */
  usablePerDevice: number;
  fits: boolean;
  /** Usable minus used on the most loaded device (negative when it does not fit). */
  headroom: number;
}

/** Result of {@link fitModel}. */
export interface FitResult {
  model: { id: string; name: string };
  device: { id: string; name: string };
  /** The context used for the cache (the model's maximum when the request exceeds it). */
  context: number;
  requestedContext: number;
  batch: number;
  weightScheme: string;
  kvDtype: Dtype;
  stateDtype: Dtype;
  weights: { total: number; params: number; byComponent: ComponentWeights[]; byDtype: Partial<Record<WeightDtype, number>> };
  /** Keys and values of attention layers for every sequence, windows capped. */
  kvCache: { bytes: number; perSequence: number; naiveBytes: number };
  /** Recurrent state of linear-attention/SSM layers for every sequence. */
  state: { bytes: number };
  /** Runtime overhead over all devices of the placement shown, and how it is reckoned. */
  overhead: { bytes: number; rule: string };
  /** Weights + KV + state + overhead on the placement shown. */
  total: number;
  /** Placement on the requested device count (undefined when none was requested). */
  requested?: Placement;
  /** The fewest devices (up to maxDevices) that fit, or null when none does. */
  minimum: Placement | null;
  fits: boolean;
  /** One plain sentence: fits or not, and on how many devices. */
  statement: string;
  notes: string[];
}

type Spec = { id?: string; name?: string; architecture: ArchitectureInput };

interface Parallelism {
  /** Attention query heads / KV heads / linear heads of every mixer (TP must divide the head counts). */
  headCounts: number[];
  kvHeads: number[];
  /** Whether any KV is stored as a shared latent (MLA) that every TP rank keeps whole. */
  latentKv: boolean;
  /** Routed expert count per MoE definition (EP). */
  experts: number[];
}

function parallelism(arch: Architecture): Parallelism {
  const counts = definitionCounts(arch.layers);
  const headCounts: number[] = [];
  const kvHeads: number[] = [];
  let latentKv = false;
  for (const [name] of counts.mixers) {
    const m = arch.mixers[name] as unknown as Record<string, unknown> | undefined;
    if (!m) continue;
    for (const key of ["heads", "valueHeads"]) {
      const v = m[key];
      if (typeof v === "number" && v > 0) headCounts.push(v);
    }
    if (typeof m.kvHeads === "number" && m.kvHeads > 0) kvHeads.push(m.kvHeads);
    if (m.kind === "mla") latentKv = true;
  }
  const experts: number[] = [];
  for (const [name] of counts.ffns) {
    const f = arch.ffns[name];
    if (f && f.kind === "moe") experts.push(f.experts);
  }
  return { headCounts, kvHeads, latentKv, experts };
}

/** TP sizes allowed by the head counts: t divides every head count; KV heads divisible by t or dividing it. */
function tpAllowed(p: Parallelism, t: number): boolean {
  if (t === 1) return true;
  return p.headCounts.every((h) => h % t === 0) && p.kvHeads.every((k) => k % t === 0 || t % k === 0);
}

/** Factor by which TP divides the KV cache (KV heads replicate once t exceeds them; MLA latents never split). */
function kvSplit(p: Parallelism, t: number): number {
  if (p.latentKv) return 1;
  if (p.kvHeads.length === 0) return t;
  return Math.min(t, ...p.kvHeads);
}

interface Footprint {
  params: number;
  byComponent: ComponentWeights[];
  weightBytes: number;
  /** Bytes of routed experts (spread by EP). */
  routedBytes: number;
  kvPerSeq: number;
  naivePerSeq: number;
  statePerSeq: number;
  context: number;
}

function footprint(spec: Spec, r: Resolved, counts: ParamCounts): Footprint {
  const arch = spec.architecture as Architecture;
  const byComponent: ComponentWeights[] = [];
  let weightBytes = 0;
  let params = 0;
  let routedBytes = 0;
  for (const [component, n] of Object.entries(counts.breakdown) as [ParamComponent, number][]) {
    if (n === 0 || (component === "mtp" && !r.includeMtp)) continue;
    const dtype = dtypeOf(r.scheme, component);
    const bytes = n * weightDtypeBytes[dtype];
    byComponent.push({ component, params: n, dtype, bytes });
    weightBytes += bytes;
    params += n;
    if (component === "routedExperts") routedBytes = bytes;
  }
  const context = arch.contextLength === null ? r.context : Math.min(r.context, arch.contextLength);
  const cache = kvCacheBytes(spec, { contextLength: context, batch: 1, dtype: r.kvDtype, stateDtype: r.stateDtype });
  return { params, byComponent, weightBytes, routedBytes, kvPerSeq: cache.kv, naivePerSeq: cache.naive, statePerSeq: cache.state, context };
}

function place(f: Footprint, p: Parallelism, r: Resolved, n: number): Placement | null {
  const usable = r.device.memoryBytes * r.device.usableFraction;
  const overhead = usable * r.overheadFraction + r.overheadBytes;
  const moe = p.experts.length > 0;
  let best: Placement | null = null;
  for (let t = n; t >= 1; t--) {
    if (n % t !== 0 || !tpAllowed(p, t)) continue;
    const dp = n / t;
    const dense = f.weightBytes - f.routedBytes;
    // Experts spread over all n devices (EP = n), whole experts per device (the largest expert count sets the share).
    const maxExperts = moe ? Math.max(...p.experts) : 1;
    const routed = moe ? (f.routedBytes * Math.ceil(maxExperts / n)) / maxExperts : 0;
    const weights = dense / t + routed;
    const seqs = Math.ceil(r.batch / dp);
    const kv = (seqs * f.kvPerSeq) / kvSplit(p, t);
    const state = (seqs * f.statePerSeq) / t;
    const total = weights + kv + state + overhead;
    const placement: Placement = {
      devices: n,
      tensorParallel: t,
      dataParallel: dp,
      expertParallel: moe ? n : null,
      perDevice: { weights, kvCache: kv, state, overhead, total },
      usablePerDevice: usable,
      fits: total <= usable,
      headroom: usable - total,
    };
    if (!best || placement.perDevice.total < best.perDevice.total) best = placement;
  }
  return best;
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(bytes >= 1e11 ? 0 : 1)} GB`;
}

/**
 * Memory of a model on accelerators: weights by component and dtype, the true KV cache at
 * `context` × `batch` (sliding windows capped, MLA latents, linear layers excluded), recurrent state,
 * and a stated runtime overhead; the placement on `devices` (if given) and the fewest devices that fit, with
 * the tensor-/expert-parallel split. TP sizes must divide every mixer's head counts; KV heads replicate when
 * TP exceeds them; MLA latents are kept whole on every TP rank; routed experts are spread over all devices.
 *
 * @example
 * ```ts
 * const r = fitModel(llama3_8b, { device: findDevice("h100")!, context: 8192, batch: 8 });
 * r.statement; // "Fits on 1 × NVIDIA H100 SXM 80GB …"
 * ```
 */
export function fitModel(spec: Spec, options: FitOptions): FitResult {
  const r = resolve(options);
  const arch = spec.architecture as Architecture;
  const counts = countParams(spec);
  const f = footprint(spec, r, counts);
  const p = parallelism(arch);
  const requested = r.devices === undefined ? undefined : (place(f, p, r, r.devices) ?? undefined);
  let minimum: Placement | null = null;
  for (let n = 1; n <= r.maxDevices; n++) {
    const pl = place(f, p, r, n);
    if (pl?.fits) {
      minimum = pl;
      break;
    }
  }
  const shown = requested ?? minimum;
  const notes: string[] = [];
  if (f.context < r.context)
    notes.push(
      `The model's context length is ${arch.contextLength}; the cache is computed at ${f.context} tokens, not the ${r.context} requested.`,
    );
  if (counts.mtp > 0 && !r.includeMtp)
    notes.push(
      `Multi-token-prediction modules (${(counts.mtp / 1e9).toFixed(2)}B parameters) are not loaded; pass includeMtp for speculative decoding.`,
    );
  if (r.devices !== undefined && requested === undefined)
    notes.push(`No tensor-parallel size dividing ${r.devices} suits the head counts (${p.headCounts.join(", ")}).`);
  notes.push("fp4/int4 block scales and quantisation metadata are not counted (a few % more).");
  const overheadRule = `${Math.round(r.overheadFraction * 100)}% of each device's usable memory${r.overheadBytes ? ` + ${gb(r.overheadBytes)}` : ""} for activations, workspace, runtime context and fragmentation`;
  const devName = r.device.name;
  let statement: string;
  const split = (pl: Placement) =>
    ` (TP ${pl.tensorParallel}${pl.dataParallel > 1 ? `, ${pl.dataParallel} replicas` : ""}${pl.expertParallel ? `, EP ${pl.expertParallel}` : ""})`;
  const fitsOn = (pl: Placement) =>
    pl.devices === 1
      ? `Fits on one ${devName}, ${gb(pl.headroom)} free.`
      : `Fits on ${pl.devices} × ${devName}${split(pl)}, ${gb(pl.headroom)} free on the fullest device.`;
  if (requested) {
    statement = requested.fits
      ? fitsOn(requested)
      : `Does not fit on ${requested.devices} × ${devName}: the fullest device needs ${gb(requested.perDevice.total)} of ${gb(requested.usablePerDevice)} usable` +
        (minimum ? `; it needs at least ${minimum.devices}.` : `; no count up to ${r.maxDevices} fits.`);
  } else if (r.devices !== undefined) {
    statement = `Cannot be split over ${r.devices} × ${devName}: no tensor-parallel size dividing ${r.devices} suits the head counts.`;
  } else {
    statement = minimum
      ? minimum.devices === 1
        ? fitsOn(minimum)
        : `Needs at least ${minimum.devices} × ${devName}${split(minimum)}.`
      : `Does not fit on up to ${r.maxDevices} × ${devName}.`;
  }
  const byDtype: Partial<Record<WeightDtype, number>> = {};
  for (const c of f.byComponent) byDtype[c.dtype] = (byDtype[c.dtype] ?? 0) + c.bytes;
  const overheadTotal = shown
    ? shown.perDevice.overhead * shown.devices
    : r.device.memoryBytes * r.device.usableFraction * r.overheadFraction + r.overheadBytes;
  return {
    model: { id: spec.id ?? "", name: spec.name ?? spec.id ?? "" },
    device: { id: r.device.id, name: devName },
    context: f.context,
    requestedContext: r.context,
    batch: r.batch,
    weightScheme: r.scheme.label,
    kvDtype: r.kvDtype,
    stateDtype: r.stateDtype,
    weights: { total: f.weightBytes, params: f.params, byComponent: f.byComponent, byDtype },
    kvCache: { bytes: f.kvPerSeq * r.batch, perSequence: f.kvPerSeq, naiveBytes: f.naivePerSeq * r.batch },
    state: { bytes: f.statePerSeq * r.batch },
    overhead: { bytes: overheadTotal, rule: overheadRule },
    total: f.weightBytes + (f.kvPerSeq + f.statePerSeq) * r.batch + overheadTotal,
    requested,
    minimum,
    fits: requested ? requested.fits : minimum !== null,
    statement,
    notes,
  };
}

/** Result of {@link estimateSpeed}: roofline upper bounds, never measurements. */
export interface SpeedEstimate {
  label: "upper bound (roofline)";
  devices: number;
  batch: number;
  /** Matrix dtype assumed for compute. */
  computeDtype: ComputeDtype;
  decode: {
    /** Tokens per second each sequence sees. */
    perSequence: number;
    /** Tokens per second over the batch. */
    aggregate: number;
    /** What limits a decode step at this batch. */
    bound: "memory" | "compute";
    /** Bytes read per decode step over all devices: weights touched + KV + state. */
    bytesPerStep: number;
    /** Weight bytes read per step (MoE: the union of experts the batch routes to). */
    weightBytesPerStep: number;
    /** FLOPs per decode step (batch × flopsPerToken at the context). */
    flopsPerStep: number;
  } | null;
  /** Time to process a prompt of `promptTokens` (compute-bound, one sequence). */
  prefill: { promptTokens: number; seconds: number; tokensPerSecond: number; flops: number } | null;
  /** Smallest batch at which a decode step becomes compute-bound (null: never up to 2²⁰, or unknown compute). */
  crossoverBatch: number | null;
  /** Why the crossover is where it is (or absent). */
  crossoverNote: string;
  assumptions: string[];
}

/** Options of {@link estimateSpeed}. */
export interface SpeedOptions extends FitOptions {
  /** Prompt length for the prefill estimate. Default: the context. */
  promptTokens?: number;
  /** Matrix dtype for compute; default from the weights (fp8/fp4 when the device has it, else bf16). */
  computeDtype?: ComputeDtype;
}

/** Expected fraction of a layer's routed experts touched by `batch` tokens routed uniformly and independently. */
export function expertUnionFraction(experts: number, active: number, batch: number): number {
  return 1 - Math.pow(1 - active / experts, batch);
}

/**
 * Roofline speed on `devices` (default: the fewest that fit) × `device`. Decode is bounded by memory
 * (bytes of weights touched + KV + state read per step ÷ aggregate bandwidth) and compute (batch ×
 * flopsPerToken ÷ aggregate peak), whichever is slower; prefill by compute. Interconnect, kernel efficiency,
 * scheduling and sampling are ignored, so every figure is an upper bound.
 */
export function estimateSpeed(spec: Spec, options: SpeedOptions): SpeedEstimate {
  const r = resolve(options);
  const fit = fitModel(spec, options);
  const arch = spec.architecture as Architecture;
  const devices = r.devices ?? fit.minimum?.devices ?? 1;
  const counts = countParams(spec);
  const f = footprint(spec, r, counts);
  const assumptions: string[] = [];
  const promptTokens = options.promptTokens === undefined ? f.context : positiveInt("promptTokens", options.promptTokens);

  // Compute dtype.
  const d = r.device;
  let computeDtype: ComputeDtype;
  if (options.computeDtype !== undefined) {
    if (!["bf16", "fp8", "fp4", "int8"].includes(options.computeDtype))
      throw new FitOptionError("computeDtype", `expected bf16, fp8, fp4 or int8, got ${String(options.computeDtype)}`);
    computeDtype = options.computeDtype;
  } else {
    const w = r.scheme.default;
    computeDtype = w === "fp8" && d.flops.fp8 ? "fp8" : w === "fp4" && d.flops.fp4 ? "fp4" : "bf16";
  }
  const peak = d.flops[computeDtype];
  if (!peak) assumptions.push(`${d.name} has no ${computeDtype} throughput in its sources: compute-bound figures are not estimated.`);
  else assumptions.push(`Matrix maths at dense ${computeDtype} peak: ${(peak / 1e12).toFixed(1)} TFLOPS per device.`);

  // Bytes read per token: the headline active weights (look-up tables read one row per token and are not in it;
  // a tied matrix is there once, as the head).
  const b = counts.activeBreakdown;
  let activeBytes = 0;
  for (const [c, n] of Object.entries(b) as [ParamComponent, number][]) {
    if (c === "mtp" || c === "routedExperts") continue;
    activeBytes += n * weightDtypeBytes[dtypeOf(r.scheme, c)];
  }
  // A looped stack reads its layers' weights again on every pass (embedding and head once).
  const passes = stackPasses(arch);
  if (passes > 1) {
    let stackBytes = 0;
    for (const c of layerStackComponents) if (c !== "routedExperts") stackBytes += b[c] * weightDtypeBytes[dtypeOf(r.scheme, c)];
    activeBytes += (passes - 1) * stackBytes;
    assumptions.push(
      `Looped stack: every decode step reads the layers' weights ${passes} times, once per pass (no reuse from cache between passes).`,
    );
  }
  // Dense part is read by every replica.
  const dataParallel = (r.devices === undefined ? fit.minimum : fit.requested)?.dataParallel ?? 1;
  const moeDefs: { experts: number; active: number; weight: number }[] = [];
  for (const [name, times] of definitionCounts(arch.layers).ffns) {
    const ffn = arch.ffns[name];
    if (ffn && ffn.kind === "moe")
      moeDefs.push({ experts: ffn.experts, active: ffn.activeExperts, weight: times * ffn.experts * ffn.expertHidden });
  }
  const routedTotalBytes = counts.breakdown.routedExperts * weightDtypeBytes[dtypeOf(r.scheme, "routedExperts")];
  const weightWeight = moeDefs.reduce((a, m) => a + m.weight, 0);
  const routedRead = (batch: number) =>
    moeDefs.length === 0
      ? 0
      : passes *
        moeDefs.reduce((a, m) => a + (m.weight / weightWeight) * routedTotalBytes * expertUnionFraction(m.experts, m.active, batch), 0);
  if (moeDefs.length > 0) {
    assumptions.push(
      "MoE: a decode step reads the union of experts the batch routes to, assuming uniform, independent routing (batch 1: the active experts only; large batches approach every expert).",
    );
  }
  const perSeqCacheBytes = f.kvPerSeq + f.statePerSeq;
  const bw = d.bandwidthBytesPerSecond * devices;
  const flopsAt = flopsPerToken(spec, { contextLength: f.context, counts }).total;
  const memSeconds = (batch: number) => (activeBytes * dataParallel + routedRead(batch) + batch * perSeqCacheBytes) / bw;
  const computeSeconds = (batch: number) => (peak ? (batch * flopsAt) / (peak * devices) : 0);

  assumptions.push(
    `Decode at ${f.context} tokens of context per sequence: each step reads the weights touched once and every sequence's KV (${r.kvDtype}) and state (${r.stateDtype}) once, at ${(d.bandwidthBytesPerSecond / 1e12).toFixed(2)} TB/s per device, perfectly overlapped with compute.`,
  );
  if (devices > 1)
    assumptions.push(
      `${devices} devices scale bandwidth and compute linearly: interconnect traffic (TP all-reduce, EP all-to-all) is ignored.`,
    );
  assumptions.push("No efficiency factor: real kernels reach a fraction of peak bandwidth and FLOPs, so measured speeds are lower.");

  const step = Math.max(memSeconds(r.batch), computeSeconds(r.batch));
  const decode = {
    perSequence: 1 / step,
    aggregate: r.batch / step,
    bound: (computeSeconds(r.batch) > memSeconds(r.batch) ? "compute" : "memory") as "memory" | "compute",
    bytesPerStep: memSeconds(r.batch) * bw,
    weightBytesPerStep: activeBytes * dataParallel + routedRead(r.batch),
    flopsPerStep: r.batch * flopsAt,
  };

  // Crossover: smallest batch where compute time ≥ memory time (both grow with batch; compute faster).
  let crossoverBatch: number | null = null;
  let crossoverNote = "No compute figure for this device: no crossover estimated.";
  if (peak) {
    const perSeqMem = perSeqCacheBytes / bw;
    const perSeqCompute = flopsAt / (peak * devices);
    crossoverNote =
      perSeqMem >= perSeqCompute
        ? `Never compute-bound at this context: each sequence's KV/state read per step (${formatGigabytes(perSeqCacheBytes)}) takes longer than its FLOPs (${(flopsAt / 1e9).toFixed(1)} GFLOP), so decode stays memory-bound at any batch.`
        : "Below this batch a decode step waits on memory; from it on, on compute.";
    const limit = 2 ** 20;
    let hi = 1;
    while (hi <= limit && computeSeconds(hi) < memSeconds(hi)) hi *= 2;
    if (hi <= limit) {
      let lo = Math.max(1, hi / 2);
      if (computeSeconds(lo) >= memSeconds(lo)) hi = lo;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (computeSeconds(mid) >= memSeconds(mid)) hi = mid;
        else lo = mid;
      }
      crossoverBatch = hi;
    } else if (perSeqMem < perSeqCompute) crossoverNote = "Memory-bound up to a batch of 2²⁰.";
  }

  // Prefill: Σ over prompt positions of flopsPerToken(t); attention grows with position (capped by windows),
  // integrated with the trapezoid rule over 64 segments (exact for linear growth).
  let prefill: SpeedEstimate["prefill"] = null;
  if (peak) {
    const prompt = arch.contextLength === null ? promptTokens : Math.min(promptTokens, arch.contextLength);
    const segments = Math.min(64, prompt);
    let flops = 0;
    let prev = flopsPerToken(spec, { contextLength: 0, counts }).total;
    for (let i = 1; i <= segments; i++) {
      const t = Math.round((prompt * i) / segments);
      const tPrev = Math.round((prompt * (i - 1)) / segments);
      const cur = flopsPerToken(spec, { contextLength: t, counts }).total;
      flops += ((prev + cur) / 2) * (t - tPrev);
      prev = cur;
    }
    const computeS = flops / (peak * devices);
    const weightS =
      (activeBytes +
        routedTotalBytes *
          (moeDefs.length
            ? expertUnionFraction(Math.max(...moeDefs.map((m) => m.experts)), Math.max(...moeDefs.map((m) => m.active)), prompt)
            : 0)) /
      bw;
    const seconds = Math.max(computeS, weightS);
    prefill = { promptTokens: prompt, seconds, tokensPerSecond: prompt / seconds, flops };
    assumptions.push(
      `Prefill of ${prompt} tokens is compute-bound: Σ flopsPerToken over positions (attention grows with position, capped by windows; linear/SSM layers cost a fixed amount per token).`,
    );
  }
  return {
    label: "upper bound (roofline)",
    devices,
    batch: r.batch,
    computeDtype,
    decode,
    prefill,
    crossoverBatch,
    crossoverNote,
    assumptions,
  };
}

/**
 * Parses a token count: a whole number (`8192`, `131_072`, `131,072`) or one with a binary suffix,
 * `k` = 1,024 and `M` = 1,048,576 (`128k` = 131,072; `1M` = 1,048,576; `1.5k` = 1,536). Throws a
 * {@link FitOptionError} naming `field` for anything else, zero, negative or fractional counts.
 */
export function parseTokenCount(text: string, field = "context"): number {
  const s = String(text).trim();
  const m = /^(\d+(?:[_,]\d{3})*|\d*\.\d+|\d+\.?)\s*([kKmM]?)$/.exec(s);
  if (!m) throw new FitOptionError(field, `expected a token count like 8192, 128k or 1M, got "${text}"`);
  const base = Number(m[1]!.replace(/[_,]/g, ""));
  const unit = m[2] === "" ? 1 : m[2]!.toLowerCase() === "k" ? 1024 : 1024 * 1024;
  const value = base * unit;
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 1) {
    throw new FitOptionError(field, `expected a positive whole number of tokens, got "${text}" (= ${value})`);
  }
  return value;
}

/** Decimal gigabytes, as datasheets quote memory: `16060522496` → `16.06 GB`, `8e11` → `800.0 GB`, `532480` → `0.53 MB`. */
export function formatGigabytes(bytes: number): string {
  const g = bytes / 1e9;
  if (bytes === 0) return "0 GB";
  if (Math.abs(g) < 0.005) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (Math.abs(g) >= 1000) return `${formatInt(g)} GB`;
  if (Math.abs(g) >= 100) return `${g.toFixed(1)} GB`;
  return `${g.toFixed(2)} GB`;
}
