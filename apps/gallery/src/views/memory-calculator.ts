/**
 * Memory calculator: weights at bf16 / fp8 / int4 plus the true cache at a chosen context, batch and cache
 * dtype — sliding windows and chunks capped, recurrent state counted (kvCacheBytes from @archgal/schema).
 */
import type { DatasetEntry, Dtype } from "@archgal/schema/metrics";
import { formatBytes, formatInt, formatTokens, kvCacheBytes, mixerLabel, weightMemory } from "@archgal/schema/metrics";
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

const cacheDtypes: { key: Dtype; label: string }[] = [
  { key: "bf16", label: "bf16 / fp16" },
  { key: "fp8", label: "fp8" },
  { key: "fp32", label: "fp32" },
];

/** What limits the cache of a model, in words (windows, chunks, state). */
function cacheNotes(spec: DatasetEntry): string[] {
  const arch = spec.architecture;
  const notes = new Set<string>();
  for (const m of Object.values(arch.mixers)) {
    if (m.kind === "attention" && m.window) notes.add(`${mixerLabel(m)} layers keep at most ${formatInt(m.window)} tokens`);
    else if (m.kind === "attention" && m.chunk) notes.add(`chunked layers keep at most ${formatInt(m.chunk)} tokens`);
    else if (m.kind === "attention" && m.reusesKV) notes.add("some layers reuse an earlier layer's cache and store none");
    else if (m.kind === "mla" && m.window) notes.add(`windowed MLA layers keep at most ${formatInt(m.window)} tokens`);
    else if (m.kind !== "attention" && m.kind !== "mla") notes.add(`${mixerLabel(m)} layers keep a fixed-size state (fp32), whatever the context`);
  }
  return [...notes];
}

export function memoryCalculator(spec: DatasetEntry): HTMLElement {
  const arch = spec.architecture;
  const steps = contextSteps(arch.contextLength);
  const defaultIndex = Math.max(0, steps.findIndex((s) => s >= Math.min(32768, arch.contextLength ?? 32768)));
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
  const batch = h("input", { type: "number", id: "calc-batch", min: 1, max: 1024, step: 1, value: 1, inputmode: "numeric", oninput: () => update() });
  const dtype = h(
    "select",
    { id: "calc-dtype", onchange: () => update() },
    cacheDtypes.map((d) => h("option", { value: d.key }, d.label)),
  );
  const bars = h("div", { class: "memory-bars", role: "list" });
  const facts = h("div", { class: "cache-facts", "aria-live": "polite" });

  function update(): void {
    const ctx = steps[Number(context.value)] ?? steps[0]!;
    const b = Math.min(1024, Math.max(1, Math.round(Number(batch.value) || 1)));
    const cache = kvCacheBytes(spec, { contextLength: ctx, batch: b, dtype: dtype.value as Dtype });
    const text = `${formatTokens(ctx)} tokens`;
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
          h("strong", { "aria-label": `${w.label}: ${formatBytes(wb)} weights plus ${formatBytes(cache.total)} cache, ${formatBytes(total)} in all` }, formatBytes(total)),
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
        ? h("p", null, `A naive count (every layer caching every token) would say ${formatBytes(cache.naive)}; windows and shared caches save ${formatBytes(saved)}.`)
        : null,
      cacheNotes(spec).map((n) => h("p", { class: "gpu-fit" }, `• ${n[0]!.toUpperCase()}${n.slice(1)}.`)),
      h("p", { class: "gpu-fit" }, `Weights: ${formatBytes(weights.bf16)} at bf16, ${formatBytes(weights.fp8)} at fp8, ${formatBytes(weights.int4)} at int4 (every checkpoint tensor, MTP included; no activations or framework overhead).`),
    );
  }

  const el = h(
    "div",
    { class: "memory-calculator" },
    h(
      "div",
      { class: "calc-controls" },
      h("label", { for: "calc-context" }, h("span", null, "Context ", contextOut), context),
      h("label", { for: "calc-batch" }, "Batch (sequences)", batch),
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
