/**
 * Model page: the large diagram (<llm-arch>), fact sheet, parameter breakdown, memory calculator, "Will it fit?", links,
 * "embed this" and downloads.
 */
import "../site/page-init.js";
import "@archgal/components/llm-arch.define.js";
import type { LlmArchSelectEvent } from "@archgal/components";
import { findClosedModel, getModel, hasModel, loadModel, models, newMechanismsOf } from "@archgal/data";
import { renderModel } from "@archgal/renderer";
import { modelStats, type DatasetEntry } from "@archgal/schema/metrics";
import { conceptEntry, conceptShortName } from "@archgal/schema/concepts";
import type { NewMechanism } from "@archgal/schema/family";
import { h, replaceChildren } from "../site/dom-builder.js";
import { compareHref, conceptHref, modelHref, modelIdFromLocation } from "../site/site-links.js";
import { setPageMeta } from "../site/page-meta.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { closedModelNote } from "../views/closed-model-note.js";
import { embedCode, embedSnippet } from "../views/embed-snippet.js";
import { factSheet, modelLinks, sourceList } from "../views/fact-sheet.js";
import { modelTitle } from "../views/model-overview.js";
import { downloadPng, downloadSvg } from "../views/figure-download.js";
import { openFigureViewer } from "../views/figure-viewer.js";
import { memoryCalculator } from "../views/memory-calculator.js";
import { paramChart } from "../views/param-chart.js";
import { fitSection } from "../views/fit-section.js";

const app = document.getElementById("model-app")!;
const id = modelIdFromLocation(location);

function notFound(): void {
  const closed = findClosedModel(id);
  if (closed) {
    document.title = `${closed.name}: architecture not published — archgal`;
    replaceChildren(
      app,
      h("p", { class: "breadcrumb" }, h("a", { href: "./" }, "Models"), ` / ${closed.name}`),
      h("h1", null, `${closed.name}: architecture not published`),
      closedModelNote(closed),
      h("p", null, h("a", { class: "button", href: "./" }, "Browse all models")),
    );
    return;
  }
  setPageMeta({
    title: "Model not found — archgal",
    description: id ? `There is no model with the id “${id}”.` : "No model id was given.",
  });
  const close = models
    .filter((m) => id && (m.id.includes(id.split("-")[0] ?? id) || m.name.toLowerCase().includes(id.toLowerCase())))
    .slice(0, 6);
  replaceChildren(
    app,
    h("p", { class: "breadcrumb" }, h("a", { href: "./" }, "Models"), " / Not found"),
    h("h1", null, "Model not found"),
    h("p", { class: "lede" }, id ? `There is no model with the id “${id}”.` : "No model id was given."),
    close.length
      ? h(
          "p",
          null,
          "Did you mean: ",
          close.map((m, i) => [i ? ", " : "", h("a", { href: modelHref(m.id) }, m.name)]),
        )
      : null,
    h("p", null, h("a", { class: "button", href: "./" }, "Browse all models")),
  );
}

/** Other models to compare with: the base model and its derivatives, the same organisation's nearest releases, then the closest in size of the same type. */
function compareSuggestions(spec: DatasetEntry): string[] {
  const entry = getModel(spec.id)!;
  const family = models.filter((m) => m.id !== spec.id && (m.id === spec.derivedFrom || m.derivedFrom === spec.id));
  const days = (d: string) => Date.parse(d) / 86_400_000;
  const sameOrg = models
    .filter((m) => m.id !== spec.id && m.org === entry.org && !family.includes(m))
    .sort((a, b) => Math.abs(days(a.releaseDate) - days(entry.releaseDate)) - Math.abs(days(b.releaseDate) - days(entry.releaseDate)))
    .slice(0, 2);
  const similar = models
    .filter((m) => m.id !== spec.id && m.decoderType === entry.decoderType && !family.includes(m) && !sameOrg.includes(m))
    .sort((a, b) => Math.abs(Math.log(a.params.total / entry.params.total)) - Math.abs(Math.log(b.params.total / entry.params.total)));
  return [...family, ...sameOrg, ...similar].slice(0, 5).map((m) => m.id);
}

function section(title: string, id: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

function render(spec: DatasetEntry, newMechanisms: readonly NewMechanism[] | undefined): void {
  const stats = modelStats(spec);
  setPageMeta({
    title: `${spec.name} architecture — archgal`,
    description: `${spec.name}: ${spec.summary}`,
    image: `./thumbs/${spec.id}.light.svg`,
  });

  const diagram = document.createElement("llm-arch");
  diagram.setAttribute("model", spec.id);
  diagram.setAttribute("view", "diagram");
  diagram.setAttribute("theme", currentTheme());
  // Zoom panels whenever there is room for them to stay legible; phones get the single column.
  const roomy = matchMedia("(min-width: 720px)");
  const setPanels = () => diagram.setAttribute("panels", roomy.matches ? "show" : "auto");
  setPanels();
  roomy.addEventListener("change", setPanels);
  onThemeChange((t) => diagram.setAttribute("theme", t));

  const selection = h(
    "div",
    { class: "selection-info", "aria-live": "polite" },
    "Click a part of the diagram (or Tab to it and press Enter) to see its numbers; the concepts it uses are linked here.",
  );
  diagram.addEventListener("llm-arch-select", (event) => {
    const { info } = (event as LlmArchSelectEvent).detail;
    const tags = info.concepts.map((c) => c.tag).filter((t) => !!conceptEntry(t));
    replaceChildren(
      selection,
      h("strong", null, info.title),
      tags.length
        ? [" — read more: ", tags.map((t, i) => [i ? ", " : "", h("a", { href: conceptHref(t) }, conceptEntry(t)!.name)])]
        : " — its numbers are in the popover on the diagram.",
    );
  });

  const base = `archgal-${spec.id}`;
  // What is new in the model against its family, outlined as in the <llm-arch> element above.
  const figureSvg = () => renderModel(spec, { theme: currentTheme(), ...(newMechanisms ? { highlight: newMechanisms } : {}) });
  const status = h("span", { class: "copy-feedback", role: "status" });
  const downloads = h(
    "div",
    { class: "button-row", role: "group", "aria-label": "View and download the figure" },
    h(
      "button",
      { type: "button", class: "button", id: "open-viewer", onclick: () => openFigureViewer(figureSvg(), `${spec.name} architecture`) },
      "Full screen",
    ),
    h("button", { type: "button", class: "button", id: "download-svg", onclick: () => downloadSvg(figureSvg(), `${base}.svg`) }, "SVG"),
    h(
      "button",
      {
        type: "button",
        class: "button",
        id: "download-png",
        onclick: async () => {
          status.textContent = "Rendering…";
          try {
            await downloadPng(figureSvg(), `${base}.png`, 2);
            status.textContent = "";
          } catch (error) {
            status.textContent = `PNG failed: ${(error as Error).message}`;
          }
        },
      },
      "PNG",
    ),
    status,
  );

  const suggestions = compareSuggestions(spec);
  const conceptChips = h(
    "ul",
    { class: "chip-list" },
    stats.concepts.map((c) =>
      h(
        "li",
        null,
        conceptEntry(c) ? h("a", { class: "chip", href: conceptHref(c) }, conceptShortName(c)) : h("span", { class: "chip" }, c),
      ),
    ),
  );

  const position = models.findIndex((m) => m.id === spec.id);
  const older = models[position - 1];
  const newer = models[position + 1];
  replaceChildren(
    app,
    h(
      "nav",
      { class: "model-nav", "aria-label": "Model" },
      h("p", { class: "breadcrumb" }, h("a", { href: "./" }, "Models"), " / ", spec.org),
      h(
        "p",
        { class: "breadcrumb" },
        older ? h("a", { href: modelHref(older.id), rel: "prev" }, `← ${older.name}`) : null,
        older && newer ? " · " : null,
        newer ? h("a", { href: modelHref(newer.id), rel: "next" }, `${newer.name} →`) : null,
      ),
    ),
    h(
      "div",
      { class: "model-head" },
      modelTitle(spec, stats),
      h(
        "div",
        { class: "button-row" },
        suggestions[0]
          ? h(
              "a",
              { class: "button primary", href: compareHref([spec.id, suggestions[0]]) },
              `Compare with ${getModel(suggestions[0])?.name}`,
            )
          : null,
      ),
    ),
    h(
      "section",
      { class: "panel diagram-panel", "aria-labelledby": "diagram-title" },
      h("div", { class: "diagram-toolbar" }, h("h2", { id: "diagram-title" }, "Architecture"), downloads),
      diagram,
      selection,
    ),
    h(
      "div",
      { class: "model-layout" },
      section(
        "Fact sheet",
        "facts-title",
        factSheet(spec, stats),
        h("p", { class: "key-detail" }, h("strong", null, "Key detail: "), spec.keyDetail),
      ),
      h(
        "div",
        { class: "model-side" },
        section("Links", "links-title", modelLinks(spec)),
        section("Concepts", "concepts-title", conceptChips),
        section(
          "Compare with",
          "compare-title",
          h(
            "ul",
            { class: "chip-list" },
            suggestions.map((s) => h("li", null, h("a", { class: "chip", href: compareHref([spec.id, s]) }, getModel(s)?.name ?? s))),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "two-col" },
      section("Where the parameters are", "params-title", paramChart(stats)),
      section(
        "Memory calculator",
        "memory-title",
        h(
          "p",
          { class: "gpu-fit", style: "margin-top:0" },
          "Weights plus the cache this architecture really keeps at a given context — windowed layers capped, linear-attention and SSM layers at their fixed state.",
        ),
        memoryCalculator(spec),
      ),
    ),
    section(
      "Will it fit?",
      "fit-title",
      h(
        "p",
        { class: "gpu-fit", style: "margin-top:0" },
        "Pick a device, how many, the context and batch you need and the precisions: the fit, the fewest devices with their tensor-/expert-parallel split, and roofline speed limits, with every assumption listed.",
      ),
      fitSection(spec.id),
    ),
    h(
      "div",
      { class: "two-col" },
      section(
        "Embed this diagram",
        "embed-title",
        h(
          "p",
          { class: "gpu-fit", style: "margin-top:0" },
          "Two lines put this figure on any page; it follows the page's light or dark theme and is restyled with --llm-arch-* custom properties.",
        ),
        embedSnippet(embedCode(`<llm-arch model="${spec.id}"></llm-arch>`), `Embed code for ${spec.name}`),
      ),
      section(
        "Sources",
        "sources-title",
        h("p", { class: "gpu-fit", style: "margin-top:0" }, "Every number in this model's spec comes from one of these documents."),
        sourceList(spec),
      ),
    ),
  );
}

if (!hasModel(id)) notFound();
else {
  Promise.all([loadModel(id), newMechanismsOf(id)]).then(
    ([spec, news]) => render(spec, news),
    (error: Error) => replaceChildren(app, h("div", { class: "error-box", role: "alert" }, `Could not load ${id}: ${error.message}`)),
  );
}
