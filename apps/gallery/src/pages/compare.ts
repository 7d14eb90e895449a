/**
 * Compare: two to four models side by side (<llm-arch-compare>, differences highlighted) and a field-by-field
 * table. The address (`?models=a,b`) is the permalink.
 */
import "../site/page-init.js";
import "@archgal/components/llm-arch-compare.define.js";
import { getModel, hasModel, loadModel, models } from "@archgal/data";
import { renderCompare } from "@archgal/renderer";
import { h, replaceChildren } from "../site/dom-builder.js";
import { compareHref } from "../site/site-links.js";
import { setPageMeta } from "../site/page-meta.js";
import { currentTheme, onThemeChange } from "../site/theme.js";
import { compareTable } from "../views/compare-table.js";
import { whenNear } from "../views/fit-section.js";
import { embedCode, embedSnippet } from "../views/embed-snippet.js";
import { downloadPng, downloadSvg } from "../views/figure-download.js";
import { compareText } from "@archgal/schema/metrics";

const app = document.getElementById("compare-app")!;
const slots = ["a", "b", "c", "d"] as const;

/** What the address asks for: the known ids (in order, the same model twice allowed) and what was left out. */
function readRequest(raw: string | null): { ids: string[]; unknown: string[]; extra: string[] } {
  const asked = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const known = asked.filter((s) => hasModel(s));
  return { ids: known.slice(0, 4), unknown: asked.filter((s) => !hasModel(s)), extra: known.slice(4) };
}

function idsFromUrl(): string[] {
  return readRequest(new URLSearchParams(location.search).get("models")).ids;
}

/** A sensible default pair: the newest model and its base, else the two newest. */
function defaultIds(): string[] {
  const newest = [...models].reverse();
  const derived = newest.find((m) => m.derivedFrom && hasModel(m.derivedFrom));
  return derived ? [derived.derivedFrom!, derived.id] : newest.slice(0, 2).map((m) => m.id);
}

const requested = new URLSearchParams(location.search).get("models");
const request = readRequest(requested);
let ids = request.ids;
/** Models added because the address named fewer than two known ones (said so on the page, never silently). */
let filledIn: string[] = [];
if (ids.length < 2) {
  filledIn = defaultIds()
    .filter((d) => !ids.includes(d))
    .slice(0, 2 - ids.length);
  ids = [...ids, ...filledIn];
}

const nameOf = (id: string) => getModel(id)?.name ?? id;
const quoteList = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join(", ");

/** The notice above the picker: which requested ids are unknown or left out, and what is shown instead. */
function requestNotice(): HTMLElement | null {
  const lines: string[] = [];
  if (request.unknown.length)
    lines.push(`${request.unknown.length === 1 ? "Unknown model id" : "Unknown model ids"}: ${quoteList(request.unknown)}.`);
  if (request.extra.length) lines.push(`A comparison takes at most four models; left out: ${request.extra.map(nameOf).join(", ")}.`);
  if (filledIn.length)
    lines.push(
      request.ids.length
        ? `Showing ${nameOf(request.ids[0]!)} beside ${filledIn.map(nameOf).join(" and ")} instead; pick another model below.`
        : `Showing a default comparison (${ids.map(nameOf).join(" vs ")}) instead; pick models below.`,
    );
  if (!requested && filledIn.length) return null; // no request at all: the default pair needs no apology
  return lines.length ? h("p", { class: "error-box", role: "alert", id: "compare-notice" }, lines.join(" ")) : null;
}

const sortedModels = [...models].sort((a, b) => compareText(a.name, b.name));

const selects = slots.map((slot, i) =>
  h(
    "select",
    { id: `pick-${slot}`, "data-slot": slot, onchange: () => onPick() },
    i >= 2 ? h("option", { value: "" }, "— none —") : null,
    sortedModels.map((m) => h("option", { value: m.id }, `${m.name} (${m.org})`)),
  ),
);

function onPick(): void {
  // The same model twice is a valid comparison (nothing differs); empty optional slots are skipped.
  const picked = selects.map((s) => s.value).filter((v) => v);
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
  h(
    "button",
    { type: "button", class: "button", onclick: () => downloadSvg(figureSvg, `archgal-compare-${ids.join("-")}.svg`) },
    "Download SVG",
  ),
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

let shown = 0;
async function show(): Promise<void> {
  const generation = ++shown;
  selects.forEach((s, i) => (s.value = ids[i] ?? ""));
  const names = ids.map(nameOf);
  setPageMeta({
    title: `${names.join(" vs ")} — archgal`,
    description: `${names.join(", ")} compared: architecture figures side by side with every difference highlighted, and the field-by-field table.`,
    image: `./thumbs/${ids[0]}.light.svg`,
  });
  const el = document.createElement("llm-arch-compare");
  ids.forEach((id, i) => el.setAttribute(slots[i]!, id));
  el.setAttribute("theme", currentTheme());
  el.setAttribute("view", "diagram"); // the page's own table below is fuller
  const same = ids.every((x) => x === ids[0]);
  replaceChildren(
    figure,
    h("div", { class: "diagram-toolbar" }, h("h2", null, "Figures, differences highlighted"), downloads),
    same
      ? h(
          "p",
          { class: "gpu-fit", id: "same-model-note" },
          `The same model, ${nameOf(ids[0]!)}, ${ids.length === 2 ? "twice" : `${ids.length} times`}: nothing differs. Pick another model above to see differences.`,
        )
      : null,
    el,
  );
  const attrs = ids.map((id, i) => `${slots[i]}="${id}"`).join(" ");
  replaceChildren(embed, embedSnippet(embedCode(`<llm-arch-compare ${attrs}></llm-arch-compare>`), "Embed code for this comparison"));
  try {
    const specs = await Promise.all(ids.map((id) => loadModel(id)));
    figureSvg = renderCompare(specs, { theme: currentTheme() });
    replaceChildren(table, compareTable(specs));
    // The calculator's code loads when its section comes near the viewport (or the page is idle).
    whenNear(
      fitArea,
      () =>
        void import("../views/fit-view.js").then(({ fitCompare }) => generation === shown && replaceChildren(fitArea, fitCompare(specs))),
    );
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
  requestNotice(),
  picker,
  figure,
  h("h2", { id: "table-title" }, "Field by field"),
  h(
    "p",
    { class: "gpu-fit" },
    "Highlighted cells differ from the first model. Spec fields are paired by the order in which each model's layers first use a definition, so differently named mixers still line up.",
  ),
  table,
  h("h2", { id: "fit-title" }, "Will they fit?"),
  h("p", { class: "gpu-fit" }, "The same device for every model: which of them can you serve, on how many, and how fast at most?"),
  fitArea,
  h("h2", null, "Embed this comparison"),
  embed,
);
if (requested !== compareHref(ids).split("=")[1]) history.replaceState(null, "", compareHref(ids));
void show();
