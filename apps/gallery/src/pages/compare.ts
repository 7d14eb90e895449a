/**
 * Compare: two to four models side by side (<llm-arch-compare>, differences highlighted) and a field-by-field
 * table. The address (`?models=a,b`) is the permalink.
 */
import "../site/page-init.js";
import "@archgal/components/define.js";
import { getModel, hasModel, loadModel, models } from "@archgal/data";
import { renderCompare } from "@archgal/renderer";
import { h, replaceChildren } from "../site/dom-builder.js";
import { compareHref } from "../site/site-links.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { compareTable } from "../views/compare-table.js";
import { fitCompare } from "../views/fit-view.js";
import { embedCode, embedSnippet } from "../views/embed-snippet.js";
import { downloadPng, downloadSvg } from "../views/figure-download.js";

const app = document.getElementById("compare-app")!;
const slots = ["a", "b", "c", "d"] as const;

function idsFromUrl(): string[] {
  const raw = new URLSearchParams(location.search).get("models") ?? "";
  return raw.split(",").map((s) => s.trim()).filter((s, i, all) => s && hasModel(s) && all.indexOf(s) === i).slice(0, 4);
}

/** A sensible default pair: the newest model and its base, else the two newest. */
function defaultIds(): string[] {
  const newest = [...models].reverse();
  const derived = newest.find((m) => m.derivedFrom && hasModel(m.derivedFrom));
  return derived ? [derived.derivedFrom!, derived.id] : newest.slice(0, 2).map((m) => m.id);
}

let ids = idsFromUrl();
const requested = new URLSearchParams(location.search).get("models");
if (ids.length < 2) ids = [...ids, ...defaultIds().filter((d) => !ids.includes(d))].slice(0, 2);

const sortedModels = [...models].sort((a, b) => a.name.localeCompare(b.name));

const selects = slots.map((slot, i) =>
  h(
    "select",
    { id: `pick-${slot}`, "data-slot": slot, onchange: () => onPick() },
    i >= 2 ? h("option", { value: "" }, "— none —") : null,
    sortedModels.map((m) => h("option", { value: m.id }, `${m.name} (${m.org})`)),
  ),
);

function onPick(): void {
  const picked = selects.map((s) => s.value).filter((v, i, all) => v && all.indexOf(v) === i);
  if (picked.length < 2) return;
  ids = picked;
  history.pushState(null, "", compareHref(ids));
  void show();
}

const picker = h(
  "form",
  { class: "panel picker", "aria-label": "Models to compare", onsubmit: (e: Event) => e.preventDefault() },
  selects.map((s, i) => h("label", { for: s.id }, i < 2 ? `Model ${i + 1}` : `Model ${i + 1} (optional)`, s)),
);

const figure = h("div", { class: "compare-diagrams panel" });
const table = h("div", null, h("p", { class: "status" }, "Loading…"));
const fitArea = h("div", { class: "fit-compare-area" }, h("p", { class: "status" }, "Loading…"));
const embed = h("div");
const status = h("span", { class: "copy-feedback", role: "status" });

let figureSvg = "";
const downloads = h(
  "div",
  { class: "button-row" },
  h("button", { type: "button", class: "button", onclick: () => downloadSvg(figureSvg, `archgal-compare-${ids.join("-")}.svg`) }, "Download SVG"),
  h(
    "button",
    {
      type: "button",
      class: "button",
      onclick: async () => {
        status.textContent = "Rendering…";
        await downloadPng(figureSvg, `archgal-compare-${ids.join("-")}.png`, 1.5).catch((e: Error) => (status.textContent = e.message));
        status.textContent = "";
      },
    },
    "Download PNG",
  ),
  status,
);

async function show(): Promise<void> {
  selects.forEach((s, i) => (s.value = ids[i] ?? ""));
  const names = ids.map((id) => getModel(id)?.name ?? id);
  document.title = `${names.join(" vs ")} — archgal`;
  const el = document.createElement("llm-arch-compare");
  ids.forEach((id, i) => el.setAttribute(slots[i]!, id));
  el.setAttribute("theme", currentTheme());
  el.setAttribute("view", "diagram"); // the page's own table below is fuller
  replaceChildren(figure, h("div", { class: "diagram-toolbar" }, h("h2", null, "Figures, differences highlighted"), downloads), el);
  const attrs = ids.map((id, i) => `${slots[i]}="${id}"`).join(" ");
  replaceChildren(embed, embedSnippet(embedCode(`<llm-arch-compare ${attrs}></llm-arch-compare>`), "Embed code for this comparison"));
  try {
    const specs = await Promise.all(ids.map((id) => loadModel(id)));
    figureSvg = renderCompare(specs, { theme: currentTheme() });
    replaceChildren(table, compareTable(specs));
    replaceChildren(fitArea, fitCompare(specs));
  } catch (error) {
    replaceChildren(table, h("div", { class: "error-box", role: "alert" }, `Could not compare: ${(error as Error).message}`));
  }
}

onThemeChange((t) => {
  figure.querySelector("llm-arch-compare")?.setAttribute("theme", t);
  void Promise.all(ids.map((id) => loadModel(id))).then((specs) => (figureSvg = renderCompare(specs, { theme: t })));
});
window.addEventListener("popstate", () => {
  const fromUrl = idsFromUrl();
  if (fromUrl.length >= 2) {
    ids = fromUrl;
    void show();
  }
});

replaceChildren(
  app,
  requested && idsFromUrl().length < 2
    ? h("p", { class: "error-box", role: "alert" }, `Some of the requested models (${requested}) are unknown; showing a default comparison instead.`)
    : null,
  picker,
  figure,
  h("h2", { id: "table-title" }, "Field by field"),
  h("p", { class: "gpu-fit" }, "Highlighted cells differ from the first model. Spec fields are paired by the order in which each model's layers first use a definition, so differently named mixers still line up."),
  table,
  h("h2", { id: "fit-title" }, "Will they fit?"),
  h("p", { class: "gpu-fit" }, "The same device for every model: which of them can you serve, on how many, and how fast at most?"),
  fitArea,
  h("h2", null, "Embed this comparison"),
  embed,
);
if (requested !== compareHref(ids).split("=")[1]) history.replaceState(null, "", compareHref(ids));
void show();
