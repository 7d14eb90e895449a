/**
 * The field-by-field comparison of two to four models: a summary of derived figures, then every spec field
 * that differs (@archgal/schema's compareRows, each model against the first, as every compare view shows it).
 */
import type { CompareRow, DatasetEntry } from "@archgal/schema/metrics";
import {
  compareRows,
  formatCompareValue,
  formatCount,
  formatInt,
  formatKvPerToken,
  formatTokens,
  modelStats,
} from "@archgal/schema/metrics";
import { h } from "../site/dom-builder.js";
import { dateText } from "../site/model-format.js";
import { modelHref } from "../site/site-links.js";

/**
 * Every spec field on which at least one model differs from the first (the schema's comparison layer, derived
 * figures left to the summary). A field a model does not differ on takes the first model's value.
 */
export function diffRows(specs: readonly DatasetEntry[]): CompareRow[] {
  return compareRows(specs, { derived: false });
}

/** The summary rows: derived figures everyone wants side by side. */
export function summaryRows(specs: readonly DatasetEntry[]): CompareRow[] {
  const stats = specs.map((s) => modelStats(s));
  const row = (path: string, label: string, f: (i: number) => unknown): CompareRow => ({ path, label, values: specs.map((_, i) => f(i)) });
  return [
    row("org", "Organisation", (i) => specs[i]!.org),
    row("releaseDate", "Released", (i) => dateText(specs[i]!.releaseDate)),
    row("decoderType", "Decoder type", (i) => stats[i]!.decoderType),
    row("attention", "Attention", (i) => stats[i]!.attention),
    row("params.total", "Total parameters", (i) => formatCount(stats[i]!.params.total)),
    row("params.active", "Active parameters (no embedding look-ups)", (i) => formatCount(stats[i]!.params.active)),
    row("kv", "KV cache / token (bf16)", (i) => formatKvPerToken(stats[i]!.kvCacheBytesPerToken)),
    row("context", "Context", (i) => formatTokens(stats[i]!.contextLength)),
    row("layers", "Layers", (i) => formatInt(stats[i]!.numLayers)),
    row("layerMix", "Layer mix", (i) => stats[i]!.layerMixText),
    row("dModel", "Embedding width", (i) => formatInt(stats[i]!.dModel)),
    row("vocab", "Vocabulary", (i) => formatInt(stats[i]!.vocabSize)),
    row("concepts", "Concepts", (i) => stats[i]!.concepts.join(", ")),
  ];
}

function section(title: string, count: number): HTMLElement {
  return h("tr", { class: "section" }, h("th", { scope: "colgroup", colspan: count + 1 }, title));
}

function bodyRows(rows: CompareRow[], showPath: boolean): HTMLElement[] {
  return rows.map((r) => {
    const first = formatCompareValue(r.path, r.values[0]);
    return h(
      "tr",
      { "data-path": r.path },
      h("th", { scope: "row" }, r.label, showPath ? h("code", null, r.path.replace(/^architecture\./, "")) : null),
      r.values.map((v, i) => {
        const text = formatCompareValue(r.path, v);
        const differs = i > 0 && text !== first;
        const cls = [v === undefined ? "absent" : "", differs ? "differs" : ""].filter(Boolean).join(" ");
        return h("td", { class: cls || undefined }, text, differs ? h("span", { class: "visually-hidden" }, " (differs)") : null);
      }),
    );
  });
}

export function compareTable(specs: readonly DatasetEntry[]): HTMLElement {
  const summary = summaryRows(specs);
  const fields = diffRows(specs);
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "diff-table" },
      h(
        "caption",
        { class: "visually-hidden" },
        `Comparison of ${specs.map((s) => s.name).join(", ")}; cells that differ from the first model are highlighted`,
      ),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Field"),
          specs.map((s) => h("th", { scope: "col" }, h("a", { href: modelHref(s.id) }, s.name))),
        ),
      ),
      h(
        "tbody",
        null,
        section("Summary", specs.length),
        bodyRows(summary, false),
        section(`Spec fields that differ (${fields.length})`, specs.length),
        fields.length ? bodyRows(fields, true) : h("tr", null, h("td", { colspan: specs.length + 1 }, "The specs agree on every field.")),
      ),
    ),
  );
}
