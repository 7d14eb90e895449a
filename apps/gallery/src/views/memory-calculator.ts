/**
 * Memory calculator: weights at bf16 / fp8 / int4 plus the true cache at a chosen context, batch and cache
 * dtype — sliding windows and chunks capped, recurrent state counted (kvCacheBytes from @archgal/schema).
 */
import type { DatasetEntry, Dtype } from "@archgal/schema/metrics";
import { cacheLimits, formatContext, formatBytes, formatInt, kvCacheBytes, weightMemory } from "@archgal/schema/metrics";
import { h, replaceChildren } from "../site/dom-builder.js";

/** Context lengths the slider steps through (powers of two from 1k). */
export function contextSteps(max: number | null): number[] {
  const limit = max ?? 1 << 20;
  const steps: number[] = [];
  for (let c = 1024; c < limit; c *= 2) steps.push(c);
  steps.push(limit);
  return steps;
}

const weightDtypes = [
  { key: "bf16", label: "bf16" },
  { key: "fp8", label: "fp8" },
  { key: "int4", label: "int4" },
] as const;

/** Most sequences the calculator takes at once. */
export const maxBatch = 1024;

/** The batch field's text as a whole number of sequences from 1 to {@link maxBatch}, or why it is not one. */
export function parseBatch(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (t === "") return { ok: false, error: `Enter a whole number of sequences from 1 to ${formatInt(maxBatch)}.` };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: `“${t}” is not a number: enter a whole number from 1 to ${formatInt(maxBatch)}.` };
  if (!Number.isInteger(n))
    return { ok: false, error: `${t} is not a whole number: a batch counts whole sequences (1 to ${formatInt(maxBatch)}).` };
  if (n < 1) return { ok: false, error: `A batch holds at least 1 sequence (got ${t}).` };
  if (n > maxBatch) return { ok: false, error: `At most ${formatInt(maxBatch)} sequences (got ${formatInt(n)}).` };
  return { ok: true, value: n };
}

/** Capitalises a note's first letter unless the word is written with inner capitals (`mLSTM`, `xLSTM`). */
export function sentenceStart(s: string): string {
  const word = s.split(/\s/, 1)[0] ?? "";
  return /[A-Z]/.test(word.slice(1)) ? s : `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

const cacheDtypes: { key: Dtype; label: string }[] = [
  { key: "bf16", label: "bf16 / fp16" },
  { key: "fp8", label: "fp8" },
  { key: "fp32", label: "fp32" },
];

/** What limits the cache of a model, in words (each mixer kind's windows, state or reuse, from the schema). */
function cacheNotes(spec: DatasetEntry): string[] {
  const notes = new Set<string>();
  for (const limit of cacheLimits(spec)) {
    if (limit.kind === "window") notes.add(`${limit.label} layers keep at most ${formatInt(limit.tokens)} tokens`);
    else if (limit.kind === "state") notes.add(`${limit.label} layers keep a fixed-size state (fp32), whatever the context`);
    else notes.add(`${limit.label} layers store no cache of their own (they reuse an earlier layer's)`);
  }
  return [...notes];
}

export function memoryCalculator(spec: DatasetEntry): HTMLElement {
  const arch = spec.architecture;
  const steps = contextSteps(arch.contextLength);
  const defaultIndex = Math.max(
    0,
    steps.findIndex((s) => s >= Math.min(32768, arch.contextLength ?? 32768)),
  );
  const weights = weightMemory(spec);

  const contextOut = h("output", { id: "calc-context-out", for: "calc-context" });
  const context = h("input", {
    type: "range",
    id: "calc-context",
    min: 0,
    max: steps.length - 1,
    step: 1,
    value: defaultIndex,
    "aria-valuetext": "",
    oninput: () => update(),
  });
  const batchError = h("span", { class: "field-error", id: "calc-batch-error", role: "alert" });
  const batch = h("input", {
    type: "number",
    id: "calc-batch",
    min: 1,
    max: maxBatch,
    step: 1,
    value: 1,
    inputmode: "numeric",
    "aria-describedby": "calc-batch-error",
    oninput: () => update(),
  });
  /** The last valid batch: an invalid entry keeps the figures of the last one and says why beside the field. */
  let lastBatch = 1;
  const dtype = h(
    "select",
    { id: "calc-dtype", onchange: () => update() },
    cacheDtypes.map((d) => h("option", { value: d.key }, d.label)),
  );
  const bars = h("div", { class: "memory-bars", role: "list" });
  const facts = h("div", { class: "cache-facts", "aria-live": "polite" });

  function update(): void {
    const ctx = steps[Number(context.value)] ?? steps[0]!;
    // A number input reports "" for text it cannot parse ("2.5.1", "-"); say so rather than guess.
    const parsed = batch.validity.badInput
      ? { ok: false as const, error: "Not a number: enter a whole number of sequences." }
      : parseBatch(batch.value);
    if (parsed.ok) {
      lastBatch = parsed.value;
      batch.removeAttribute("aria-invalid");
      batchError.textContent = "";
    } else {
      batch.setAttribute("aria-invalid", "true");
      batchError.textContent = `${parsed.error} Showing ${lastBatch === 1 ? "1 sequence" : `${lastBatch} sequences`}.`;
    }
    const b = lastBatch;
    const cache = kvCacheBytes(spec, { contextLength: ctx, batch: b, dtype: dtype.value as Dtype });
    const text = formatContext(ctx);
    contextOut.textContent = text;
    context.setAttribute("aria-valuetext", text);
    const largest = weights.bf16 + cache.total;
    replaceChildren(
      bars,
      weightDtypes.map((w) => {
        const wb = weights[w.key];
        const total = wb + cache.total;
        const pct = (v: number) => `${((100 * v) / largest).toFixed(2)}%`;
        return h(
          "div",
          { class: "memory-row", role: "listitem", "data-dtype": w.key },
          h("span", null, w.label),
          h(
            "div",
            { class: "bars", "aria-hidden": "true" },
            h("span", { class: "w", style: `width:${pct(wb)}` }),
            h("span", { class: "kv", style: `width:${pct(cache.kv)}` }),
            h("span", { class: "st", style: `width:${pct(cache.state)}` }),
          ),
          h(
            "strong",
            null,
            h("span", { "aria-hidden": "true" }, formatBytes(total)),
            h(
              "span",
              { class: "visually-hidden" },
              `${w.label}: ${formatBytes(wb)} weights plus ${formatBytes(cache.total)} cache, ${formatBytes(total)} in all`,
            ),
          ),
        );
      }),
    );
    const saved = cache.naive - cache.kv;
    replaceChildren(
      facts,
      h(
        "p",
        null,
        h("strong", { id: "calc-cache-total" }, formatBytes(cache.total)),
        ` of cache for ${b === 1 ? "one sequence" : `${b} sequences`} of ${text}: ${formatBytes(cache.kv)} keys and values`,
        cache.state ? ` + ${formatBytes(cache.state)} recurrent state` : "",
        ".",
      ),
      saved > 0
        ? h(
            "p",
            null,
            `A naive count (every layer caching every token) would say ${formatBytes(cache.naive)}; windows and shared caches save ${formatBytes(saved)}.`,
          )
        : null,
      cacheNotes(spec).map((n) => h("p", { class: "gpu-fit" }, `• ${sentenceStart(n)}.`)),
      h(
        "p",
        { class: "gpu-fit", id: "calc-weights-note" },
        `Weights: ${formatBytes(weights.bf16)} at bf16, ${formatBytes(weights.fp8)} at fp8, ${formatBytes(weights.int4)} at int4 (every checkpoint tensor${arch.mtp ? ", the multi-token-prediction (MTP) modules included" : ""}; no activations or framework overhead).`,
      ),
    );
  }

  const el = h(
    "div",
    { class: "memory-calculator" },
    h(
      "div",
      { class: "calc-controls" },
      h("label", { for: "calc-context" }, h("span", null, "Context ", contextOut), context),
      h("label", { for: "calc-batch" }, "Batch (sequences)", batch, batchError),
      h("label", { for: "calc-dtype" }, "Cache dtype", dtype),
    ),
    h("p", { class: "gpu-fit", style: "margin:0 0 6px" }, "Weights at each precision, plus the cache:"),
    bars,
    h(
      "p",
      { class: "memory-legend", "aria-hidden": "true" },
      h("span", null, h("i", { style: "background:var(--c-attention)" }), "weights"),
      h("span", null, h("i", { style: "background:var(--c-ffn)" }), "KV cache"),
      h("span", null, h("i", { style: "background:var(--c-linear)" }), "recurrent state"),
    ),
    facts,
  );
  update();
  return el;
}
