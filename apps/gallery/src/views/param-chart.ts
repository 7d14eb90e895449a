/**
 * Where a model's parameters are: stacked bars of total and active by component, and the table behind them.
 */
import type { ModelStats, ParamBreakdown } from "@archgal/schema/metrics";
import { formatCount, formatInt, formatPercent, hasUnvisitedWeights } from "@archgal/schema/metrics";
import { h } from "../site/dom-builder.js";

type Component = keyof ParamBreakdown;

/** Display order, names and colours of the components. */
export const componentStyles: { key: Component; label: string; color: string }[] = [
  { key: "embedding", label: "Token embedding", color: "var(--c-embedding)" },
  { key: "positionEmbedding", label: "Position embedding", color: "var(--c-embedding)" },
  { key: "perLayerEmbedding", label: "Per-layer embeddings", color: "var(--c-ple)" },
  { key: "ngramEmbedding" as Component, label: "N-gram embeddings", color: "var(--c-ple)" },
  { key: "hyperConnections" as Component, label: "Hyper-connections", color: "var(--c-router)" },
  { key: "attention", label: "Attention", color: "var(--c-attention)" },
  { key: "linearMixer", label: "Linear attention / SSM", color: "var(--c-linear)" },
  { key: "ffn", label: "Dense FFN", color: "var(--c-ffn)" },
  { key: "router", label: "Routers", color: "var(--c-router)" },
  { key: "routedExperts", label: "Routed experts", color: "var(--c-experts)" },
  { key: "sharedExperts", label: "Shared experts", color: "var(--c-shared)" },
  { key: "norms", label: "Norms", color: "var(--c-norms)" },
  { key: "head", label: "Output head", color: "var(--c-head)" },
  { key: "mtp", label: "MTP modules", color: "var(--c-mtp)" },
];

function stackBar(label: string, breakdown: ParamBreakdown, scale: number, total: number): HTMLElement {
  const componentStyles = styles(breakdown);
  return h(
    "div",
    null,
    h("div", { class: "stack-label" }, h("span", null, label), h("span", null, formatCount(total))),
    h(
      "div",
      { class: "stack-bar", role: "img", "aria-label": `${label}: ${formatCount(total)}` },
      h(
        "span",
        { style: `display:flex;width:${((100 * total) / scale).toFixed(2)}%` },
        componentStyles
          .filter((c) => breakdown[c.key] > 0)
          .map((c) =>
            h("span", {
              style: `width:${((100 * breakdown[c.key]) / total).toFixed(3)}%;background:${c.color}`,
              title: `${c.label}: ${formatCount(breakdown[c.key])}`,
            }),
          ),
      ),
    ),
  );
}

/** The known components, then any the schema added since (so nothing is left out of the sums). */
function styles(breakdown: ParamBreakdown): { key: Component; label: string; color: string }[] {
  const known = new Set<string>(componentStyles.map((c) => c.key));
  const extra = (Object.keys(breakdown) as Component[])
    .filter((k) => !known.has(k))
    .map((key) => ({ key, label: key.replace(/([A-Z])/g, " $1").toLowerCase(), color: "var(--c-norms)" }));
  return [...componentStyles.filter((c) => c.key in breakdown), ...extra];
}

export function paramChart(stats: ModelStats): HTMLElement {
  const { breakdown, activeBreakdown, totalWithMtp } = stats.params;
  const componentsShown = styles(breakdown);
  const activeSum = Object.values(activeBreakdown).reduce((a, b) => a + b, 0);
  const rows = componentsShown.filter((c) => breakdown[c.key] > 0);
  const largest = Math.max(...rows.map((c) => breakdown[c.key]));
  const moe = hasUnvisitedWeights(stats.params);
  return h(
    "div",
    { class: "param-chart" },
    stackBar("All parameters (checkpoint)", breakdown, totalWithMtp, totalWithMtp),
    moe || stats.params.mtp
      ? stackBar(stats.params.mtp ? "Used per token, MTP modules included" : "Used per token", activeBreakdown, totalWithMtp, activeSum)
      : null,
    // The headline figures (total, active) follow the model cards and leave the MTP modules out; the bars count them.
    stats.params.mtp
      ? h(
          "p",
          { class: "gpu-fit param-note" },
          `The headline ${formatCount(stats.params.total)} total${moe ? ` and ${formatCount(stats.params.active)} active` : ""} leave out the multi-token-prediction (MTP) modules (${formatCount(stats.params.mtp)}), as the model's own figures do; the bars above include them: ${formatCount(totalWithMtp)} in the checkpoint, ${formatCount(activeSum)} used per token.`,
        )
      : null,
    h(
      "table",
      { class: "param-rows" },
      h("caption", { class: "visually-hidden" }, "Parameters by component"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Component"),
          h("th", { scope: "col" }, "Total"),
          h("th", { scope: "col" }, "Share"),
          moe ? h("th", { scope: "col" }, "Active") : null,
          h("th", { scope: "col", class: "bar-cell" }, h("span", { class: "visually-hidden" }, "Bar")),
        ),
      ),
      h(
        "tbody",
        null,
        rows.map((c) =>
          h(
            "tr",
            null,
            h("td", null, h("span", { class: "swatch", style: `background:${c.color}`, "aria-hidden": "true" }), c.label),
            h("td", { title: formatInt(breakdown[c.key]) }, formatCount(breakdown[c.key])),
            h("td", null, formatPercent(breakdown[c.key] / totalWithMtp)),
            moe
              ? h("td", { title: formatInt(activeBreakdown[c.key]) }, activeBreakdown[c.key] ? formatCount(activeBreakdown[c.key]) : "—")
              : null,
            h(
              "td",
              { class: "bar-cell", "aria-hidden": "true" },
              h(
                "div",
                { class: "mini-bar" },
                h("span", { style: `width:${((100 * breakdown[c.key]) / largest).toFixed(2)}%;background:${c.color}` }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
