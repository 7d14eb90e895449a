/**
 * "Will they fit?" on the compare page: two to four models on one device, fit and roofline speed side by side.
 * Fields are validated as typed (the `<llm-arch-fit>` element's own parser): a bad value shows its error beside
 * the field and nothing is clamped.
 */
import { parseFields, type FitFields } from "@archgal/components";
import {
  estimateSpeed,
  fitModel,
  formatGigabytes as gbs,
  weightSchemes,
  devicePresets,
  type FitResult,
  type SpeedEstimate,
} from "@archgal/schema/fit";
import { formatInt, type DatasetEntry, type Dtype } from "@archgal/schema/metrics";
import { h, replaceChildren } from "../site/dom-builder.js";

const rate = (n: number) => (n >= 100 ? formatInt(n) : n.toPrecision(3));
const kvDtypes: Dtype[] = ["bf16", "fp8", "fp16", "fp32", "int8", "int4"];

/** Rows of the side-by-side table: label and the cell of one model. */
export function fitCompareRows(fits: { fit: FitResult; speed: SpeedEstimate | null }[]): [string, string[]][] {
  const placed = (f: FitResult) => f.requested ?? f.minimum;
  return [
    ["Fits", fits.map(({ fit }) => (fit.fits ? "yes" : "no"))],
    ["Fewest devices", fits.map(({ fit }) => (fit.minimum ? String(fit.minimum.devices) : "more than 72"))],
    [
      "Split",
      fits.map(({ fit }) => {
        const p = placed(fit);
        return p
          ? `TP ${p.tensorParallel}${p.dataParallel > 1 ? ` × ${p.dataParallel}` : ""}${p.expertParallel ? ` · EP ${p.expertParallel}` : ""}`
          : "—";
      }),
    ],
    [
      "Per device",
      fits.map(({ fit }) => {
        const p = placed(fit);
        return p ? `${gbs(p.perDevice.total)} of ${gbs(p.usablePerDevice)}` : "—";
      }),
    ],
    ["Weights", fits.map(({ fit }) => gbs(fit.weights.total))],
    ["KV cache + state", fits.map(({ fit }) => gbs(fit.kvCache.bytes + fit.state.bytes))],
    ["Context used", fits.map(({ fit }) => formatInt(fit.context))],
    ["Decode per sequence ≤", fits.map(({ speed }) => (speed?.decode ? `${rate(speed.decode.perSequence)} tok/s` : "—"))],
    ["Decode, whole batch ≤", fits.map(({ speed }) => (speed?.decode ? `${rate(speed.decode.aggregate)} tok/s` : "—"))],
    ["Prefill ≥", fits.map(({ speed }) => (speed?.prefill ? `${speed.prefill.seconds.toPrecision(3)} s` : "—"))],
  ];
}

/** The compare page's "Will they fit?": one device, every model side by side. */
export function fitCompare(specs: DatasetEntry[]): HTMLElement {
  let fields: FitFields = {
    device: "h100",
    devices: "2",
    context: "32k",
    batch: "8",
    weights: "fp8",
    kvDtype: "bf16",
    memoryGB: "",
    bandwidthGBps: "",
    tflops: "",
  };
  const result = h("div", { class: "fit-compare-result", "aria-live": "polite" });
  const errors = new Map<keyof FitFields, HTMLElement>();
  const inputs = new Map<keyof FitFields, HTMLInputElement | HTMLSelectElement>();
  const field = (key: keyof FitFields, label: string, control: HTMLInputElement | HTMLSelectElement) => {
    control.id = `fitc-${key}`;
    const err = h("span", { class: "field-error", id: `fitc-${key}-error` });
    errors.set(key, err);
    inputs.set(key, control);
    return h("label", { for: control.id }, label, control, err);
  };
  const onEdit = (key: keyof FitFields) => (e: Event) => {
    fields = { ...fields, [key]: (e.target as HTMLInputElement).value };
    update();
  };
  const text = (key: keyof FitFields, label: string, mode = "numeric") =>
    field(
      key,
      label,
      h("input", { type: "text", inputmode: mode, autocomplete: "off", spellcheck: "false", value: fields[key], oninput: onEdit(key) }),
    );
  const select = (key: keyof FitFields, label: string, options: [string, string][]) =>
    field(
      key,
      label,
      h(
        "select",
        { onchange: onEdit(key) },
        options.map(([v, t]) => h("option", { value: v, selected: v === fields[key] }, t)),
      ),
    );
  const custom = h(
    "div",
    { class: "fit-custom", hidden: true },
    text("memoryGB", "Memory (GB)", "decimal"),
    text("bandwidthGBps", "Bandwidth (GB/s)", "decimal"),
    text("tflops", "bf16 TFLOPS (dense)", "decimal"),
  );

  function update(): void {
    const parsed = parseFields(fields);
    custom.hidden = fields.device !== "custom";
    for (const [key, el] of errors) {
      const message = parsed.errors[key];
      el.textContent = message ?? "";
      const input = inputs.get(key)!;
      input.setAttribute("aria-invalid", message ? "true" : "false");
      if (message) input.setAttribute("aria-describedby", el.id);
      else input.removeAttribute("aria-describedby");
    }
    if (Object.keys(parsed.errors).length) {
      replaceChildren(result, h("p", { class: "fit-verdict no", role: "status" }, "Fix the highlighted field to see the comparison."));
      return;
    }
    const opts = {
      device: parsed.device!,
      devices: parsed.devices!,
      context: parsed.context!,
      batch: parsed.batch!,
      weights: fields.weights,
      kvDtype: fields.kvDtype as Dtype,
    };
    const rows = specs.map((spec) => {
      const fit = fitModel(spec, opts);
      return { fit, speed: fit.fits ? estimateSpeed(spec, opts) : null };
    });
    const fitting = specs.filter((_, i) => rows[i]!.fit.fits).map((s) => s.name);
    replaceChildren(
      result,
      h(
        "p",
        { class: fitting.length ? "fit-verdict" : "fit-verdict no", role: "status" },
        fitting.length === specs.length
          ? `All ${specs.length} fit on ${parsed.devices} × ${parsed.device!.name}.`
          : fitting.length
            ? `Fit on ${parsed.devices} × ${parsed.device!.name}: ${fitting.join(", ")}.`
            : `None fits on ${parsed.devices} × ${parsed.device!.name}.`,
      ),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "compare-table fit-compare-table" },
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Estimate")),
              specs.map((s) => h("th", { scope: "col" }, s.name)),
            ),
          ),
          h(
            "tbody",
            null,
            fitCompareRows(rows).map(([label, cells]) =>
              h(
                "tr",
                null,
                h("th", { scope: "row" }, label),
                cells.map((c) => h("td", c === "no" ? { class: "fit-no" } : null, c)),
              ),
            ),
          ),
        ),
      ),
      h(
        "ul",
        { class: "gpu-fit" },
        rows.map((r, i) => h("li", null, `${specs[i]!.name}: ${r.fit.statement}`)),
      ),
      h(
        "details",
        null,
        h("summary", null, "Assumptions"),
        h(
          "ul",
          null,
          [...new Set(rows.flatMap((r) => [...(r.speed?.assumptions ?? []), ...r.fit.notes]))].map((a) => h("li", null, a)),
          h("li", null, `${parsed.device!.name}: ${parsed.device!.note}`),
        ),
      ),
    );
  }

  const el = h(
    "div",
    { class: "fit-compare" },
    h(
      "div",
      { class: "calc-controls fit-controls", role: "group", "aria-label": "Hardware and workload" },
      select("device", "Device", [...[...devicePresets.values()].map((d): [string, string] => [d.id, d.name]), ["custom", "Custom…"]]),
      text("devices", "Devices"),
      text("context", "Context (tokens)", "text"),
      text("batch", "Batch (sequences)"),
      select(
        "weights",
        "Weights",
        [...weightSchemes.entries()].map(([k, s]): [string, string] => [k, s.label ?? k]),
      ),
      select(
        "kvDtype",
        "KV cache",
        kvDtypes.map((d): [string, string] => [d, d]),
      ),
    ),
    custom,
    h(
      "p",
      { class: "gpu-fit" },
      "Speeds are roofline upper bounds: weights and cache read once per token at peak bandwidth, no kernel or interconnect losses. Real serving reaches a fraction of them.",
    ),
    result,
  );
  update();
  return el;
}
