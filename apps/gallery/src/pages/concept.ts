/**
 * One concept: what it is, a diagram, and every model that uses it.
 */
import "../site/page-init.js";
import { loadModel, models } from "@archgal/data";
import { conceptEntry, conceptShortName } from "@archgal/schema/concepts";
import { conceptDiagram } from "../concepts/concept-diagrams.js";
import { modelsWithConcept, usageDetail } from "../concepts/concept-usage.js";
import { h, replaceChildren, svgFromMarkup } from "../site/dom-builder.js";
import { dateText, decoderClass, scaleText } from "../site/model-format.js";
import { compareHref, conceptHref, modelHref } from "../site/site-links.js";

const app = document.getElementById("concept-app")!;
const tag = new URLSearchParams(location.search).get("id") ?? "";
const info = conceptEntry(tag);

if (!info) {
  document.title = "Concept not found — archgal";
  replaceChildren(
    app,
    h("p", { class: "breadcrumb" }, h("a", { href: "./concepts.html" }, "Concepts"), " / Not found"),
    h("h1", null, "Concept not found"),
    h("p", { class: "lede" }, tag ? `There is no concept “${tag}”.` : "No concept was given."),
    h("p", null, h("a", { class: "button", href: "./concepts.html" }, "All concepts")),
  );
} else {
  document.title = `${info.name} — archgal`;
  document.querySelector('meta[name="description"]')?.setAttribute("content", info.summary);
  const users = modelsWithConcept(models, info.tag);
  const markup = conceptDiagram(info.tag, info.figure);
  replaceChildren(
    app,
    h("p", { class: "breadcrumb" }, h("a", { href: "./concepts.html" }, "Concepts"), " / ", info.category),
    h("h1", null, info.name),
    h("p", { class: "lede" }, info.summary),
    h(
      "div",
      { class: "concept-body" },
      h("div", { class: "prose" }, info.body.map((p) => h("p", null, p))),
      markup ? h("figure", { class: "panel concept-figure-large", style: "margin:0" }, svgFromMarkup(markup), h("figcaption", null, info.figure)) : null,
    ),
    h("h2", { id: "users-title" }, users.length ? `Models that use it (${users.length})` : "Models that use it"),
    users.length
      ? h(
          "ul",
          { class: "timeline-entries concept-models", "aria-labelledby": "users-title" },
          users.map((m) =>
            h(
              "li",
              null,
              h(
                "a",
                { class: `timeline-entry ${decoderClass(m.decoderType)}`, href: modelHref(m.id) },
                      h(
                  "span",
                  null,
                  h("strong", null, m.name),
                  h("small", null, `${dateText(m.releaseDate)} · ${scaleText(m.params)}`),
                  h("small", { class: "usage", "data-usage": m.id }),
                ),
              ),
            ),
          ),
        )
      : h("p", { class: "gpu-fit" }, "No model in the gallery uses it yet."),
    users.length >= 2
      ? h("p", null, h("a", { class: "button", href: compareHref(users.slice(0, 2).map((m) => m.id)) }, `Compare ${users[0]!.name} and ${users[1]!.name}`))
      : null,
    h(
      "section",
      { class: "related-concepts", "aria-labelledby": "related-title" },
      h("h2", { id: "related-title" }, "Related concepts"),
      h("ul", { class: "chip-list" }, info.related.map((r) => h("li", null, h("a", { class: "chip", href: conceptHref(r) }, conceptShortName(r))))),
    ),
  );

  // How each model uses it, filled in as the specs arrive (one small module per model).
  for (const m of users) {
    void loadModel(m.id).then((spec) => {
      const detail = usageDetail(info.tag, spec);
      const el = document.querySelector(`[data-usage="${CSS.escape(m.id)}"]`);
      if (el && detail) el.textContent = detail;
    });
  }
}
