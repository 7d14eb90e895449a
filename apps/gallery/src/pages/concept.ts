/**
 * One concept: what it is, a diagram, and every model that uses it.
 */
import "../site/page-init.js";
import { loadModel, models } from "@archgal/data";
import { conceptEntry } from "@archgal/schema/concepts";
import { modelsWithConcept, usageDetail } from "../concepts/concept-usage.js";
import { h, replaceChildren } from "../site/dom-builder.js";
import { conceptIdFromLocation } from "../site/site-links.js";
import { conceptPage } from "../views/concept-page.js";

const app = document.getElementById("concept-app")!;
const tag = conceptIdFromLocation(location);
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
  replaceChildren(app, conceptPage(info, users));

  // How each model uses it, filled in as the specs arrive (one small module per model).
  for (const m of users) {
    void loadModel(m.id).then((spec) => {
      const detail = usageDetail(info.tag, spec);
      const el = document.querySelector(`[data-usage="${CSS.escape(m.id)}"]`);
      if (el && detail) el.textContent = detail;
    });
  }
}
