/**
 * The part of a model's page that reads without JavaScript: heading, the figure inline as SVG, the fact sheet,
 * key detail, links and sources. The build writes it into each model's page; the page script then replaces it
 * with the interactive page (the `<llm-arch>` element, calculator, fit, embed).
 */
import { modelStats, type DatasetEntry, type ModelStats } from "@archgal/schema/metrics";
import { cssVariables, renderModel } from "@archgal/renderer";
import type { NewMechanism } from "@archgal/schema/family";
import { h, svgFromMarkup } from "../site/dom-builder.js";
import { dateText, decoderClass } from "../site/model-format.js";
import { factSheet, modelLinks, sourceList } from "./fact-sheet.js";

/** The model's name, decoder-type and attention badges, organisation, date and summary (the page head's left side). */
export function modelTitle(spec: DatasetEntry, stats: ModelStats): HTMLElement {
  return h(
    "div",
    null,
    h("h1", null, spec.name),
    h(
      "div",
      { class: "meta" },
      h("span", { class: `badge ${decoderClass(stats.decoderType)}` }, stats.decoderType),
      h("span", { class: "badge" }, stats.attention),
      h("span", null, `${spec.org} · ${dateText(spec.releaseDate)}`),
    ),
    h("p", { class: "summary" }, spec.summary),
  );
}

/** Nodes for the page's `<main>` content. */
export function modelOverview(spec: DatasetEntry, highlight: readonly NewMechanism[] | undefined): Node[] {
  const stats = modelStats(spec);
  // Our own renderer's output (every spec string in it is escaped), parsed as SVG. In <noscript>: with JavaScript
  // the page draws the interactive figure instead, and a browser that parses the static one as well spends a
  // long task on its style and layout (105-117 ms on a desktop) for a figure about to be replaced.
  const figure = h(
    "noscript",
    null,
    h("div", { class: "static-figure" }, svgFromMarkup(renderModel(spec, { theme: "light", ...(highlight ? { highlight } : {}) }))),
  );
  // The figure's colours are custom properties with light defaults; dark mode sets them for this model.
  const dark = `[data-theme="dark"] .static-figure { ${cssVariables("dark", spec.id).replace(/\n/g, " ")} }`;
  return [
    h("p", { class: "breadcrumb" }, h("a", { href: "./" }, "Models"), " / ", spec.org),
    h("div", { class: "model-head" }, modelTitle(spec, stats)),
    h("style", null, dark),
    h(
      "section",
      { class: "panel diagram-panel", "aria-labelledby": "diagram-title" },
      h("h2", { id: "diagram-title" }, "Architecture"),
      figure,
    ),
    h(
      "div",
      { class: "model-layout" },
      h(
        "section",
        { class: "panel", "aria-labelledby": "facts-title" },
        h("h2", { id: "facts-title" }, "Fact sheet"),
        factSheet(spec, stats),
        h("p", { class: "key-detail" }, h("strong", null, "Key detail: "), spec.keyDetail),
      ),
      h("section", { class: "panel", "aria-labelledby": "links-title" }, h("h2", { id: "links-title" }, "Links"), modelLinks(spec)),
    ),
    h("section", { class: "panel", "aria-labelledby": "sources-title" }, h("h2", { id: "sources-title" }, "Sources"), sourceList(spec)),
  ];
}
