/**
 * The concepts index: every concept of the catalogue by category, with its diagram and how many models use it.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { conceptCategories, conceptCatalogue } from "@archgal/schema/concepts";
import { conceptDiagram } from "../concepts/concept-diagrams.js";
import { modelsWithConcept } from "../concepts/concept-usage.js";
import { h, svgFromMarkup } from "../site/dom-builder.js";
import { conceptHref } from "../site/site-links.js";

/** One `<section>` per category. */
export function conceptIndex(list: readonly ModelIndexEntry[]): HTMLElement[] {
  return conceptCategories.map((category) => {
    const items = conceptCatalogue.filter((c) => c.category === category);
    const headingId = `cat-${category.replace(/\W+/g, "-").toLowerCase()}`;
    return h(
      "section",
      { class: "concept-category", "aria-labelledby": headingId },
      h("h2", { id: headingId }, category),
      h(
        "ul",
        { class: "concept-grid" },
        items.map((c) => {
          const count = modelsWithConcept(list, c.tag).length;
          const markup = conceptDiagram(c.tag, c.figure);
          const figure = markup ? svgFromMarkup(markup) : null;
          figure?.setAttribute("aria-hidden", "true");
          figure?.removeAttribute("role");
          return h(
            "li",
            null,
            h(
              "a",
              { class: "concept-card", href: conceptHref(c.tag) },
              h("div", { class: "concept-figure" }, figure),
              h("strong", null, c.name),
              h("p", null, c.summary),
              h("small", null, count ? `${count} model${count === 1 ? "" : "s"}` : "no model in the gallery yet"),
            ),
          );
        }),
      ),
    );
  });
}
