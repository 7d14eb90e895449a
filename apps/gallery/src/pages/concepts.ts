/**
 * Concepts index: every concept with its diagram and how many models use it.
 */
import "../site/page-init.js";
import { models } from "@archgal/data";
import { conceptCategories, conceptCatalogue } from "@archgal/schema/concepts";
import { conceptDiagram } from "../concepts/concept-diagrams.js";
import { h, replaceChildren, svgFromMarkup } from "../site/dom-builder.js";
import { conceptHref } from "../site/site-links.js";
import { modelsWithConcept } from "../concepts/concept-usage.js";

const app = document.getElementById("concepts-app")!;

replaceChildren(
  app,
  conceptCategories.map((category) => {
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
          const count = modelsWithConcept(models, c.tag).length;
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
  }),
);
