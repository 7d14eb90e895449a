/**
 * "Will it fit?": device, count, context, batch and dtypes → memory fit and roofline speed, with every
 * assumption shown, rendered by `<llm-arch-fit>` (whose code the CDN build loads lazily). Inputs are validated as typed: a bad field shows its error beside it; nothing is clamped.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import {
  customDevice,
  devicePresets,
  estimateSpeed,
  fitModel,
  formatGigabytes as gbs,
  parseTokenCount,
  weightSchemes,
  DeviceInputError,
  FitOptionError,
  type Device,
  type FitResult,
  type SpeedEstimate,
} from "@archgal/schema/fit";
import { formatInt, safeHref, type Dtype, type ModelSpec } from "@archgal/schema/metrics";

/** Raw field values, as typed. */
export interface FitFields {
  device: string;
  devices: string;
  context: string;
  batch: string;
  weights: string;
  kvDtype: string;
  memoryGB: string;
  bandwidthGBps: string;
  tflops: string;
}

const kvDtypes: Dtype[] = ["bf16", "fp8", "fp16", "fp32", "int8", "int4"];

/** Default fields for a model: one H100, 8k context (or the model's maximum if shorter), batch 1, bf16. */
export function defaultFields(spec: ModelSpec): FitFields {
  const max = spec.architecture.contextLength;
  const ctx = max !== null && max < 8192 ? String(max) : "8k";
  return {
    device: "h100",
    devices: "1",
    context: ctx,
    batch: "1",
    weights: "bf16",
    kvDtype: "bf16",
    memoryGB: "",
    bandwidthGBps: "",
    tflops: "",
  };
}

/** What the fields parse to, or the error of each bad field. */
export interface ParsedFields {
  errors: Partial<Record<keyof FitFields, string>>;
  device?: Device;
  devices?: number;
  context?: number;
  batch?: number;
}

const MAX_DEVICES = 4096;
const MAX_BATCH = 65536;

function whole(text: string, max: number, what: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `Enter a whole number of ${what} (1 or more).`;
  const n = Number(t);
  if (n < 1) return `At least 1 ${what.replace(/s$/, "")}.`;
  if (n > max) return `At most ${formatInt(max)} ${what}.`;
  return n;
}

function positiveNumber(text: string, what: string): number | string {
  const v = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(v) || v <= 0) return `Enter ${what} as a positive number.`;
  return v;
}

/** Parses and validates every field; never clamps. */
export function parseFields(f: FitFields): ParsedFields {
  const out: ParsedFields = { errors: {} };
  if (f.device === "custom") {
    const mem = positiveNumber(f.memoryGB, "memory in GB");
    const bw = positiveNumber(f.bandwidthGBps, "bandwidth in GB/s");
    const tf = f.tflops.trim() === "" ? undefined : positiveNumber(f.tflops, "bf16 TFLOPS");
    if (typeof mem === "string") out.errors.memoryGB = mem;
    if (typeof bw === "string") out.errors.bandwidthGBps = bw;
    if (typeof tf === "string") out.errors.tflops = tf;
    if (typeof mem === "number" && typeof bw === "number" && typeof tf !== "string") {
      try {
        out.device = customDevice({ memoryGB: mem, bandwidthGBps: bw, ...(tf ? { tflops: { bf16: tf } } : {}) });
      } catch (e) {
        if (e instanceof DeviceInputError) out.errors.memoryGB = e.message;
        else throw e;
      }
    }
  } else {
    out.device = devicePresets.get(f.device);
    if (!out.device) out.errors.device = "Pick a device.";
  }
  const n = whole(f.devices, MAX_DEVICES, "devices");
  if (typeof n === "string") out.errors.devices = n;
  else out.devices = n;
  const b = whole(f.batch, MAX_BATCH, "sequences");
  if (typeof b === "string") out.errors.batch = b;
  else out.batch = b;
  try {
    out.context = parseTokenCount(f.context, "context");
  } catch (e) {
    if (e instanceof FitOptionError) out.errors.context = "Enter tokens like 8192, 128k (131,072) or 1M (1,048,576).";
    else throw e;
  }
  if (!weightSchemes.has(f.weights)) out.errors.weights = "Pick a weight dtype.";
  if (!kvDtypes.includes(f.kvDtype as Dtype)) out.errors.kvDtype = "Pick a cache dtype.";
  return out;
}

/** Fit and speed for valid fields (undefined when a field is invalid). */
export function evaluateFields(spec: ModelSpec, f: FitFields): { parsed: ParsedFields; fit?: FitResult; speed?: SpeedEstimate | null } {
  const parsed = parseFields(f);
  if (Object.keys(parsed.errors).length > 0) return { parsed };
  const opts = {
    device: parsed.device!,
    devices: parsed.devices!,
    context: parsed.context!,
    batch: parsed.batch!,
    weights: f.weights,
    kvDtype: f.kvDtype as Dtype,
  };
  const fit = fitModel(spec, opts);
  const speed = fit.fits ? estimateSpeed(spec, opts) : null;
  return { parsed, fit, speed };
}

const rate = (n: number) => (n >= 100 ? formatInt(n) : n.toPrecision(3));

/** Styles of the panel (on top of the theme). */
export const fitStyles = css`
  .fit {
    margin-top: 0.75rem;
    border-top: 1px solid color-mix(in srgb, var(--_line) 30%, transparent);
    padding-top: 0.5rem;
  }
  .fit h3 {
    margin: 0.2rem 0 0.5rem;
    font-size: 1.05em;
  }
  .fit-controls {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.5rem 0.75rem;
    margin-bottom: 0.6rem;
  }
  .fit-controls label:first-child {
    grid-column: span 2;
  }
  .fit-controls label {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    font-weight: 600;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .fit-controls input,
  .fit-controls select {
    font: inherit;
    font-weight: 400;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid color-mix(in srgb, var(--_line) 55%, transparent);
    border-radius: 6px;
    padding: 0.3rem 0.4rem;
    min-height: 2rem;
  }
  .fit-controls [aria-invalid="true"] {
    border: 2px solid var(--_diff);
  }
  .field-error {
    color: var(--_diff);
    font-weight: 600;
    font-size: 0.95em;
  }
  .verdict {
    font-weight: 700;
    margin: 0.3rem 0;
    padding: 0.4rem 0.6rem;
    border-radius: 6px;
    border-left: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_background));
  }
  .verdict.no {
    border-left-color: var(--_diff);
    background: var(--_diff-fill);
  }
  .fit details {
    margin-top: 0.4rem;
  }
  .fit summary {
    cursor: pointer;
    font-weight: 600;
  }
  .fit ul {
    margin: 0.3rem 0;
    padding-left: 1.2rem;
  }
  .bound {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
`;

/** Renders the panel; `onChange` is called with the new fields after every edit. */
export function fitPanel(spec: ModelSpec, fields: FitFields, onChange: (f: FitFields) => void): TemplateResult {
  const { parsed, fit, speed } = evaluateFields(spec, fields);
  const set = (key: keyof FitFields) => (e: Event) =>
    onChange({ ...fields, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  const err = (key: keyof FitFields) => parsed.errors[key];
  const described = (key: keyof FitFields) => (err(key) ? `fit-${key}-error` : nothing);
  const errorText = (key: keyof FitFields) =>
    err(key) ? html`<span class="field-error" id=${`fit-${key}-error`}>${err(key)}</span>` : nothing;
  const text = (
    key: keyof FitFields,
    label: string,
    hint: string,
    mode: "numeric" | "decimal" | "text" = "numeric",
  ) => html`<label for=${`fit-${key}`}
    >${label}
    <input
      id=${`fit-${key}`}
      name=${key}
      type="text"
      inputmode=${mode}
      autocomplete="off"
      spellcheck="false"
      .value=${fields[key]}
      title=${hint}
      aria-invalid=${err(key) ? "true" : "false"}
      aria-describedby=${described(key)}
      @input=${set(key)}
    />${errorText(key)}</label
  >`;
  const device = parsed.device;
  const pl = fit?.requested ?? fit?.minimum ?? undefined;
  return html`<section class="fit" part="fit" aria-labelledby="fit-title">
    <h3 id="fit-title" part="title">Will it fit?</h3>
    <div class="fit-controls" role="group" aria-label="Hardware and workload">
      <label for="fit-device"
        >Device
        <select id="fit-device" name="device" @change=${set("device")} aria-invalid=${err("device") ? "true" : "false"}>
          ${[...devicePresets.values()].map((d) => html`<option value=${d.id} ?selected=${d.id === fields.device}>${d.name}</option>`)}
          <option value="custom" ?selected=${fields.device === "custom"}>Custom…</option>
        </select>
        ${errorText("device")}
      </label>
      ${fields.device === "custom" ? html`${text("memoryGB", "Memory (GB)", "memory per device, GB", "decimal")}${text("bandwidthGBps", "Bandwidth (GB/s)", "memory bandwidth, GB/s", "decimal")}${text("tflops", "bf16 TFLOPS (dense)", "optional", "decimal")}` : nothing}
      ${text("devices", "Devices", "how many devices")} ${text("context", "Context (tokens)", "e.g. 8192, 128k or 1M", "text")} ${text("batch", "Batch (sequences)", "concurrent sequences")}
      <label for="fit-weights"
        >Weights
        <select id="fit-weights" name="weights" @change=${set("weights")}>
          ${[...weightSchemes.entries()].map(([k, s]) => html`<option value=${k} ?selected=${k === fields.weights}>${s.label ?? k}</option>`)}
        </select>
      </label>
      <label for="fit-kvDtype"
        >KV cache
        <select id="fit-kvDtype" name="kvDtype" @change=${set("kvDtype")}>
          ${kvDtypes.map((d) => html`<option value=${d} ?selected=${d === fields.kvDtype}>${d}</option>`)}
        </select>
      </label>
    </div>
    <div class="fit-result" aria-live="polite">
      ${
        !fit
          ? html`<p class="verdict no" role="status">Fix the highlighted field to see the estimate.</p>`
          : html`<p class=${fit.fits ? "verdict" : "verdict no"} role="status" data-fits=${String(fit.fits)}>${fit.statement}</p>
            <table class="fit-table">
              <tbody>
                <tr><th scope="row">Weights</th><td>${gbs(fit.weights.total)} (${Object.entries(fit.weights.byDtype)
                  .map(([d, b]) => `${d} ${gbs(b)}`)
                  .join(" · ")})</td></tr>
                <tr><th scope="row">KV cache</th><td>${gbs(fit.kvCache.bytes)} for ${fit.batch} × ${formatInt(fit.context)} tokens${fit.kvCache.naiveBytes > fit.kvCache.bytes ? html` <span class="muted">(naive ${gbs(fit.kvCache.naiveBytes)})</span>` : nothing}</td></tr>
                ${fit.state.bytes ? html`<tr><th scope="row">Recurrent state</th><td>${gbs(fit.state.bytes)}</td></tr>` : nothing}
                <tr><th scope="row">Overhead</th><td>${gbs(fit.overhead.bytes)} <span class="muted">(${fit.overhead.rule})</span></td></tr>
                ${
                  pl
                    ? html`<tr>
                      <th scope="row">Per device</th>
                      <td>${gbs(pl.perDevice.total)} of ${gbs(pl.usablePerDevice)} usable · TP ${pl.tensorParallel}${pl.dataParallel > 1 ? ` × ${pl.dataParallel} replicas` : ""}${pl.expertParallel ? ` · EP ${pl.expertParallel}` : ""}</td>
                    </tr>`
                    : nothing
                }
                ${fit.minimum && fit.minimum.devices !== parsed.devices ? html`<tr><th scope="row">Fewest devices</th><td>${fit.minimum.devices}</td></tr>` : nothing}
                ${
                  speed?.decode
                    ? html`<tr><th scope="row">Decode</th><td>≤ ${rate(speed.decode.perSequence)} tokens/s per sequence · ≤ ${rate(speed.decode.aggregate)} tokens/s in all (${speed.decode.bound}-bound)</td></tr>
                      <tr><th scope="row">Prefill</th><td>${speed.prefill ? `≥ ${speed.prefill.seconds.toPrecision(3)} s for ${formatInt(speed.prefill.promptTokens)} tokens` : "not estimated (no compute figure for this device)"}</td></tr>
                      <tr><th scope="row">Crossover batch</th><td>${speed.crossoverBatch === null ? "none" : formatInt(speed.crossoverBatch)} <span class="muted">— ${speed.crossoverNote}</span></td></tr>`
                    : nothing
                }
              </tbody>
            </table>
            <p class="bound">Speeds are upper bounds (roofline): real serving reaches a fraction of them.</p>
            <details>
              <summary>Assumptions and sources</summary>
              <ul>
                ${[...(speed?.assumptions ?? []), ...fit.notes].map((a) => html`<li>${a}</li>`)}
                ${device ? html`<li>${device.name}: ${device.note} ${safeHref(device.source.datasheet) ? html`<a href=${safeHref(device.source.datasheet)!} rel="noopener">datasheet</a>` : nothing}</li>` : nothing}
              </ul>
            </details>`
      }
    </div>
  </section>`;
}
