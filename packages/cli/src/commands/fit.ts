import { formatInt, type Dtype, type ModelSpec } from "@archgal/schema";
import {
  customDevice,
  devicePresets,
  estimateSpeed,
  findDevice,
  fitModel,
  FitOptionError,
  DeviceInputError,
  formatGigabytes as gbs,
  parseTokenCount,
  type Device,
  type FitOptions,
  type FitResult,
  type SpeedEstimate,
} from "@archgal/schema/fit";
import { CliError } from "../cli-error.js";

/** Raw options of `archgal fit` as commander gives them. */
export interface FitCliOptions {
  gpu?: string;
  gpus?: string;
  context?: string;
  batch?: string;
  dtype?: string;
  kvDtype?: string;
  stateDtype?: string;
  prompt?: string;
  overhead?: string;
  memoryGb?: string;
  bandwidthGbps?: string;
  tflops?: string;
  json?: boolean;
}

function wholeNumber(flag: string, text: string | undefined, fallback: number | undefined): number | undefined {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new CliError(`${flag}: expected a positive whole number, got "${text}"`);
  return Number(text);
}

function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || v <= 0) throw new CliError(`${flag}: expected a positive number, got "${text}"`);
  return v;
}

function deviceOf(o: FitCliOptions): Device {
  if (!o.gpu)
    throw new CliError(`--gpu: required (one of ${[...devicePresets.keys()].join(", ")}, or custom with --memory-gb and --bandwidth-gbps)`);
  if (o.gpu.trim().toLowerCase() === "custom") {
    const memoryGB = positive("--memory-gb", o.memoryGb);
    const bandwidthGBps = positive("--bandwidth-gbps", o.bandwidthGbps);
    if (memoryGB === undefined || bandwidthGBps === undefined)
      throw new CliError("--gpu custom: needs --memory-gb and --bandwidth-gbps (and optionally --tflops for bf16)");
    const bf16 = positive("--tflops", o.tflops);
    try {
      return customDevice({ memoryGB, bandwidthGBps, ...(bf16 ? { tflops: { bf16 } } : {}) });
    } catch (e) {
      if (e instanceof DeviceInputError) throw new CliError(e.message);
      throw e;
    }
  }
  const d = findDevice(o.gpu);
  if (!d) throw new CliError(`--gpu: unknown device "${o.gpu}" (one of ${[...devicePresets.keys()].join(", ")}, or custom)`);
  return d;
}

function optionsOf(o: FitCliOptions): FitOptions & { promptTokens?: number } {
  const tokens = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    try {
      return parseTokenCount(text, flag);
    } catch (e) {
      if (e instanceof FitOptionError) throw new CliError(e.message);
      throw e;
    }
  };
  let overhead: FitOptions["overhead"];
  if (o.overhead !== undefined) {
    const m = /^(\d+(?:\.\d+)?)%$/.exec(o.overhead.trim());
    const v = m ? Number(m[1]) / 100 : Number.NaN;
    if (!(v >= 0 && v < 1))
      throw new CliError(`--overhead: expected a percentage of device memory from 0% to 99%, like 10%, got "${o.overhead}"`);
    overhead = { fraction: v };
  }
  const devices = wholeNumber("--gpus", o.gpus, undefined);
  const promptTokens = tokens("--prompt", o.prompt);
  return {
    device: deviceOf(o),
    ...(devices === undefined ? {} : { devices }),
    context: tokens("--context", o.context) ?? 8192,
    batch: wholeNumber("--batch", o.batch, 1)!,
    weights: o.dtype ?? "bf16",
    kvDtype: (o.kvDtype ?? "bf16") as Dtype,
    stateDtype: (o.stateDtype ?? "fp32") as Dtype,
    ...(overhead ? { overhead } : {}),
    ...(promptTokens === undefined ? {} : { promptTokens }),
  };
}

const flagOf: Record<string, string> = {
  weights: "--dtype",
  kvDtype: "--kv-dtype",
  stateDtype: "--state-dtype",
  context: "--context",
  batch: "--batch",
  devices: "--gpus",
  promptTokens: "--prompt",
};

function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FitOptionError) {
      const root = e.field.split(".")[0]!;
      throw new CliError(`${flagOf[root] ?? e.field}: ${e.message.slice(e.field.length + 2)}`);
    }
    throw e;
  }
}

interface Row {
  fit: FitResult;
  speed: SpeedEstimate | null;
}

function evaluate(spec: ModelSpec, opts: FitOptions & { promptTokens?: number }): Row {
  const fit = run(() => fitModel(spec, opts));
  const speed = fit.fits ? run(() => estimateSpeed(spec, opts)) : null;
  return { fit, speed };
}

const rate = (n: number) => (n >= 100 ? formatInt(n) : n.toPrecision(3));

function single(spec: ModelSpec, row: Row, opts: FitOptions): string {
  const { fit, speed } = row;
  const pl = fit.requested ?? fit.minimum;
  const lines = [
    `${spec.name} (${spec.id}) on ${opts.devices ?? pl?.devices ?? "?"} × ${fit.device.name}`,
    `  request      context ${formatInt(fit.context)} tokens · batch ${fit.batch} · weights ${fit.weightScheme} · KV ${fit.kvDtype} · state ${fit.stateDtype}`,
    `  verdict      ${fit.statement}`,
    `  weights      ${gbs(fit.weights.total)} (${Object.entries(fit.weights.byDtype)
      .map(([d, b]) => `${d} ${gbs(b)}`)
      .join(" · ")})`,
    `               ${fit.weights.byComponent.map((c) => `${c.component} ${gbs(c.bytes)}`).join(" · ")}`,
    `  KV cache     ${gbs(fit.kvCache.bytes)} for ${fit.batch} × ${formatInt(fit.context)} tokens (naive, no window cap: ${gbs(fit.kvCache.naiveBytes)})`,
    `  state        ${gbs(fit.state.bytes)}`,
    `  overhead     ${gbs(fit.overhead.bytes)}: ${fit.overhead.rule}`,
    `  total        ${gbs(fit.total)}`,
  ];
  if (pl) {
    lines.push(
      `  per device   ${gbs(pl.perDevice.total)} of ${gbs(pl.usablePerDevice)} usable (weights ${gbs(pl.perDevice.weights)} · KV ${gbs(pl.perDevice.kvCache)} · state ${gbs(pl.perDevice.state)} · overhead ${gbs(pl.perDevice.overhead)}) · TP ${pl.tensorParallel}${pl.dataParallel > 1 ? ` × ${pl.dataParallel} replicas` : ""}${pl.expertParallel ? ` · EP ${pl.expertParallel}` : ""}`,
    );
  }
  if (speed?.decode) {
    lines.push(
      `  decode       ≤ ${rate(speed.decode.perSequence)} tokens/s per sequence · ≤ ${rate(speed.decode.aggregate)} tokens/s over the batch (${speed.decode.bound}-bound, ${speed.devices} device${speed.devices > 1 ? "s" : ""})`,
    );
    lines.push(
      speed.prefill
        ? `  prefill      ≥ ${speed.prefill.seconds.toPrecision(3)} s for ${formatInt(speed.prefill.promptTokens)} prompt tokens (${speed.computeDtype})`
        : "  prefill      not estimated (no compute figure for this device)",
    );
    lines.push(
      `  crossover    ${speed.crossoverBatch === null ? "none" : `batch ${formatInt(speed.crossoverBatch)}`}: ${speed.crossoverNote}`,
    );
    lines.push("  assumptions  (every speed is an upper bound, from the roofline)");
    for (const a of speed.assumptions) lines.push(`    - ${a}`);
  }
  for (const n of fit.notes) lines.push(`  note         ${n}`);
  return lines.join("\n");
}

function table(specs: ModelSpec[], rows: Row[], opts: FitOptions): string {
  const dev = rows[0]!.fit.device.name;
  const header = ["", ...specs.map((s) => s.name)];
  const cell = (f: (r: Row) => string) => rows.map(f);
  const body: string[][] = [
    ["fits", ...cell((r) => (r.fit.fits ? "yes" : "no"))],
    ["devices needed", ...cell((r) => (r.fit.minimum ? String(r.fit.minimum.devices) : `> ${72}`))],
    [
      "split",
      ...cell((r) => {
        const p = r.fit.requested ?? r.fit.minimum;
        return p
          ? `TP ${p.tensorParallel}${p.dataParallel > 1 ? `×${p.dataParallel}` : ""}${p.expertParallel ? ` EP ${p.expertParallel}` : ""}`
          : "—";
      }),
    ],
    [
      "per device",
      ...cell((r) => {
        const p = r.fit.requested ?? r.fit.minimum;
        return p ? `${gbs(p.perDevice.total)} / ${gbs(p.usablePerDevice)}` : "—";
      }),
    ],
    ["weights", ...cell((r) => gbs(r.fit.weights.total))],
    ["KV + state", ...cell((r) => gbs(r.fit.kvCache.bytes + r.fit.state.bytes))],
    ["context used", ...cell((r) => formatInt(r.fit.context))],
    ["decode/seq ≤", ...cell((r) => (r.speed?.decode ? `${rate(r.speed.decode.perSequence)} tok/s` : "—"))],
    ["decode/batch ≤", ...cell((r) => (r.speed?.decode ? `${rate(r.speed.decode.aggregate)} tok/s` : "—"))],
    ["prefill ≥", ...cell((r) => (r.speed?.prefill ? `${r.speed.prefill.seconds.toPrecision(3)} s` : "—"))],
  ];
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const fmt = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const where = opts.devices ? `${opts.devices} × ${dev}` : `${dev} (fewest devices that fit)`;
  const lines = [
    `On ${where} · context ${formatInt(opts.context)} · batch ${opts.batch ?? 1} · weights ${rows[0]!.fit.weightScheme} · KV ${rows[0]!.fit.kvDtype}`,
    fmt(header),
    ...body.map(fmt),
    "",
    ...rows.map((r, i) => `${specs[i]!.name}: ${r.fit.statement}`),
    ...[...new Set(rows.flatMap((r, i) => r.fit.notes.map((n) => `${specs[i]!.name}: ${n}`)))].filter((n) => !/block scales/.test(n)),
    "Speeds are roofline upper bounds (no kernel efficiency, no interconnect cost); fp4/int4 block scales not counted.",
  ];
  return lines.join("\n");
}

/** `archgal fit <model...> --gpu <id> [--gpus N] [--context 128k] [--batch 8] [--dtype fp8] [--kv-dtype fp8] [--json]`. */
export function fitCommand(specs: ModelSpec[], o: FitCliOptions): string {
  if (specs.length > 4) throw new CliError(`fit: compares at most 4 models, got ${specs.length}`);
  const opts = optionsOf(o);
  const rows = specs.map((s) => evaluate(s, opts));
  if (o.json) {
    const out = rows.map((r) => ({ fit: r.fit, speed: r.speed }));
    return JSON.stringify(specs.length === 1 ? out[0] : out, null, 2);
  }
  return specs.length === 1 ? single(specs[0]!, rows[0]!, opts) : table(specs, rows, opts);
}
