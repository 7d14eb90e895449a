/**
 * One concept's page: what it is, its diagram, the models that use it and related concepts.
 */
import { formatScale } from "@archgal/schema/metrics";
import type { ModelIndexEntry } from "@archgal/data";
import { conceptShortName, type ConceptEntry } from "@archgal/schema/concepts";
import { conceptDiagram } from "../concepts/concept-diagrams.js";
import { h, svgFromMarkup } from "../site/dom-builder.js";
import { dateText, decoderClass } from "../site/model-format.js";
import { compareHref, conceptHref, modelHref } from "../site/site-links.js";

/**
 * The page's content. `usage` gives how one model uses the concept when its spec is at hand (the build has every
 * spec; the browser fills the line in as each spec arrives).
 */
export function conceptPage(
  info: ConceptEntry,
  users: readonly ModelIndexEntry[],
  usage?: (id: string) => string | undefined,
): (Node | null)[] {
  const markup = conceptDiagram(info.tag, info.figure);
  return [
    h("p", { class: "breadcrumb" }, h("a", { href: "./concepts.html" }, "Concepts"), " / ", info.category),
    h("h1", null, info.name),
    h("p", { class: "lede" }, info.summary),
    h(
      "div",
      { class: "concept-body" },
      h(
        "div",
        { class: "prose" },
        info.body.map((p) => h("p", null, p)),
      ),
      markup
        ? h("figure", { class: "panel concept-figure-large", style: "margin:0" }, svgFromMarkup(markup), h("figcaption", null, info.figure))
        : null,
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
                  h("small", null, `${dateText(m.releaseDate)} · ${formatScale(m.params)}`),
                  h("small", { class: "usage", "data-usage": m.id }, usage?.(m.id)),
                ),
              ),
            ),
          ),
        )
      : h("p", { class: "gpu-fit" }, "No model in the gallery uses it yet."),
    users.length >= 2
      ? h(
          "p",
          null,
          h(
            "a",
            { class: "button", href: compareHref(users.slice(0, 2).map((m) => m.id)) },
            `Compare ${users[0]!.name} and ${users[1]!.name}`,
          ),
        )
      : null,
    h(
      "section",
      { class: "related-concepts", "aria-labelledby": "related-title" },
      h("h2", { id: "related-title" }, "Related concepts"),
      h(
        "ul",
        { class: "chip-list" },
        info.related.map((r) => h("li", null, h("a", { class: "chip", href: conceptHref(r) }, conceptShortName(r)))),
      ),
    ),
  ];
}
