/**
 * Home: every model as a card, with filters, sorting, search and four views (grid, timeline, families, size).
 */
import "../site/page-init.js";
import { findClosedModel, hasModel, models, type ModelIndexEntry } from "@archgal/data";
import { conceptShortName } from "@archgal/schema/concepts";
import { loadSelection, maxCompare, saveSelection, toggleSelection } from "../site/compare-selection.js";
import { h, replaceChildren } from "../site/dom-builder.js";
import { wireTabKeys } from "../site/keyboard-tabs.js";
import {
  facetCounts,
  facetOptions,
  modelFacets,
  modelSortKeys,
  queryModels,
  type ModelFacet,
  type ModelSortKey,
} from "@archgal/schema/model-list";
import { queryFromParams, queryToParams, type ModelQuery } from "../site/model-query.js";
import { compareHref } from "../site/site-links.js";
import { currentTheme } from "../site/theme.js";
import { closedModelNote } from "../views/closed-model-note.js";
import { familyTreeView } from "../views/family-tree-view.js";
import { cardGrid, hydrateCardGrid } from "../views/model-card.js";
import { heroStats } from "../views/hero-stats.js";
import { sizeView } from "../views/size-view.js";
import { timelineView } from "../views/timeline-view.js";

const views = { grid: "Cards", timeline: "Timeline", family: "Family tree", size: "By size" } as const;
type ViewKey = keyof typeof views;

const facetLabels: Record<ModelFacet, string> = {
  decoder: "Decoder type",
  org: "Organisation",
  attention: "Attention",
  concept: "Concept",
  year: "Year",
};
/** Facets with many values show this many until expanded. */
const collapsedCount = 8;

const params = new URLSearchParams(location.search);
let query: ModelQuery = queryFromParams(params);
const requestedView = params.get("view") ?? "grid";
// Own keys only: `?view=toString` (or constructor, __proto__) is an unknown view like any other, shown as the
// cards and dropped from the URL by the first update.
let view: ViewKey = Object.hasOwn(views, requestedView) ? (requestedView as ViewKey) : "grid";
let selection = loadSelection(hasModel);

const app = document.getElementById("home-app")!;
/** The card grid the build wrote into the page, taken over by the first grid view if it shows the same models. */
let prerenderedGrid: Element | null = app.querySelector("ul.card-grid");

function facetLabel(facet: ModelFacet, value: string): string {
  return facet === "concept" ? conceptShortName(value) : value;
}

function updateUrl(): void {
  const p = queryToParams(query);
  if (view !== "grid") p.set("view", view);
  const s = p.toString();
  history.replaceState(null, "", s ? `?${s}` : location.pathname);
}

// ---------- hero ----------
replaceChildren(document.getElementById("hero-stats")!, heroStats(models));

// ---------- filters ----------
const filterInputs = new Map<string, HTMLInputElement>();
const filterCounts = new Map<string, HTMLElement>();

function filterGroup(facet: ModelFacet): HTMLElement {
  const options = facetOptions(models, facet);
  const list = h("div", { class: "filter-options" });
  options.forEach((o, i) => {
    const id = `f-${facet}-${o.value.replace(/[^a-zA-Z0-9]+/g, "-")}`;
    const input = h("input", {
      type: "checkbox",
      id,
      value: o.value,
      onchange: () => {
        const set = new Set(query.facets[facet]);
        if (input.checked) set.add(o.value);
        else set.delete(o.value);
        query.facets[facet] = [...set];
        update();
      },
    });
    filterInputs.set(`${facet}:${o.value}`, input);
    const count = h("span", { class: "count" }, o.count);
    filterCounts.set(`${facet}:${o.value}`, count);
    const item = h("div", { class: "filter-option" }, input, h("label", { for: id }, facetLabel(facet, o.value), count));
    if (i >= collapsedCount && !query.facets[facet].includes(o.value)) item.hidden = true;
    list.append(item);
  });
  const hiddenCount = options.length - collapsedCount;
  const more =
    hiddenCount > 0
      ? h(
          "button",
          {
            type: "button",
            class: "filter-more",
            "aria-expanded": "false",
            onclick: (e: Event) => {
              const btn = e.currentTarget as HTMLButtonElement;
              const expand = btn.getAttribute("aria-expanded") !== "true";
              btn.setAttribute("aria-expanded", String(expand));
              btn.textContent = expand ? "Show fewer" : `Show all ${options.length}`;
              [...list.children].forEach((c, i) => {
                if (i >= collapsedCount) (c as HTMLElement).hidden = !expand && !(c.querySelector("input") as HTMLInputElement).checked;
              });
            },
          },
          `Show all ${options.length}`,
        )
      : null;
  return h("fieldset", { class: "filter-group" }, h("legend", null, facetLabels[facet]), list, more);
}

const activeCount = h("span", { class: "active-count" });
const filters = h(
  "details",
  { class: "panel filters", open: matchMedia("(min-width: 861px)").matches },
  h("summary", null, "Filters", activeCount),
  modelFacets.map(filterGroup),
);

// ---------- toolbar ----------
const search = h("input", {
  type: "search",
  id: "model-search",
  placeholder: "Search by name or organisation…",
  value: query.search,
  autocomplete: "off",
  oninput: () => {
    query.search = search.value;
    update();
  },
});

const sortSelect = h(
  "select",
  {
    id: "model-sort",
    onchange: () => {
      query.sort = sortSelect.value as ModelSortKey;
      query.direction = query.sort === "name" ? "asc" : "desc";
      update();
    },
  },
  Object.entries(modelSortKeys).map(([k, label]) => h("option", { value: k, selected: k === query.sort }, label)),
);

const directionButton = h("button", {
  type: "button",
  class: "button",
  id: "sort-direction",
  onclick: () => {
    query.direction = query.direction === "asc" ? "desc" : "asc";
    update();
  },
});

const tabs = h(
  "div",
  { class: "view-tabs", role: "tablist", "aria-label": "View" },
  (Object.keys(views) as ViewKey[]).map((k) =>
    h(
      "button",
      { type: "button", role: "tab", id: `tab-${k}`, "data-view": k, "aria-controls": "view-panel", onclick: () => setView(k) },
      views[k],
    ),
  ),
);
wireTabKeys(tabs, (tab) => setView(tab.dataset.view as ViewKey));

const resultLine = h("div", { class: "result-line", "aria-live": "polite" });
const panel = h("div", { id: "view-panel", role: "tabpanel" });
const closedNotice = h("div", { class: "closed-model-notice", "aria-live": "polite" });

// ---------- compare tray ----------
const tray = h("div", { class: "compare-tray", role: "region", "aria-label": "Comparison selection" });

/** Set when a pick was refused because the selection is full; cleared by the next change. */
let trayNotice = "";

function renderTray(): void {
  tray.hidden = selection.length === 0;
  const names = selection.map((id) => models.find((m) => m.id === id)?.name ?? id);
  replaceChildren(
    tray,
    h("strong", null, `Compare (${selection.length}/${maxCompare}):`),
    h("span", null, names.join(", ")),
    h("span", { class: "tray-notice", role: "status" }, trayNotice),
    h(
      "span",
      { class: "button-row", style: "margin-left:auto" },
      h("button", { type: "button", class: "button", onclick: () => ((trayNotice = ""), setSelection([])) }, "Clear"),
      selection.length >= 2
        ? h("a", { class: "button primary", href: compareHref(selection) }, `Compare ${selection.length} models`)
        : h("span", { class: "gpu-fit" }, "Pick one more model"),
    ),
  );
}

function setSelection(ids: string[]): void {
  selection = ids;
  saveSelection(ids);
  for (const b of panel.querySelectorAll<HTMLButtonElement>(".compare-toggle")) {
    const id = b.closest<HTMLElement>("[data-model]")?.dataset.model ?? "";
    const on = selection.includes(id);
    b.setAttribute("aria-pressed", String(on));
    const mark = b.querySelector(".compare-mark");
    if (mark) mark.textContent = on ? "✓" : "+";
  }
  renderTray();
}

function toggleCompare(id: string): void {
  const next = toggleSelection(selection, id);
  trayNotice = next.full
    ? `A comparison takes at most ${maxCompare} models: remove one (press its ✓ Compare) before adding ${models.find((m) => m.id === id)?.name ?? id}.`
    : "";
  setSelection(next.ids);
}

// ---------- rendering ----------
function setView(k: ViewKey): void {
  view = k;
  update();
}

function renderResultLine(count: number): void {
  const chips: HTMLElement[] = [];
  for (const f of modelFacets) {
    for (const v of query.facets[f]) {
      chips.push(
        h(
          "button",
          {
            type: "button",
            class: "active-filter",
            "aria-label": `Remove filter ${facetLabels[f]}: ${facetLabel(f, v)}`,
            onclick: () => {
              query.facets[f] = query.facets[f].filter((x) => x !== v);
              update();
            },
          },
          `${facetLabel(f, v)}`,
          h("span", { "aria-hidden": "true" }, "×"),
        ),
      );
    }
  }
  const filtered = chips.length > 0 || query.search !== "";
  activeCount.textContent = chips.length ? `${chips.length} active` : "";
  replaceChildren(
    resultLine,
    h("span", { id: "result-count" }, count === models.length ? `${count} models` : `${count} of ${models.length} models`),
    chips,
    filtered
      ? h(
          "button",
          {
            type: "button",
            class: "filter-more",
            onclick: () => {
              query = { ...query, search: "", facets: { decoder: [], org: [], attention: [], concept: [], year: [] } };
              search.value = "";
              update();
            },
          },
          "Clear all",
        )
      : null,
  );
}

function update(): void {
  const hits = queryModels(models, query);
  // Each count says how many models ticking that value would show with the rest of the query as it is;
  // a value that would show none is disabled (unless ticked, so it can still be unticked).
  const counts = new Map(modelFacets.map((f) => [f, facetCounts(models, query, f)]));
  for (const [key, input] of filterInputs) {
    const [f, ...rest] = key.split(":");
    const value = rest.join(":");
    input.checked = query.facets[f as ModelFacet].includes(value);
    const n = counts.get(f as ModelFacet)!.get(value) ?? 0;
    filterCounts.get(key)!.textContent = String(n);
    input.disabled = n === 0 && !input.checked;
    input.closest(".filter-option")?.classList.toggle("empty", input.disabled);
  }
  sortSelect.value = query.sort;
  const dirWords =
    query.sort === "date"
      ? ["Oldest first", "Newest first"]
      : query.sort === "name"
        ? ["A → Z", "Z → A"]
        : ["Smallest first", "Largest first"];
  directionButton.textContent = query.direction === "asc" ? `↑ ${dirWords[0]}` : `↓ ${dirWords[1]}`;
  directionButton.setAttribute("aria-label", `Sort direction: ${query.direction === "asc" ? dirWords[0] : dirWords[1]}`);
  for (const t of tabs.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const on = t.dataset.view === view;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
  }
  panel.setAttribute("aria-labelledby", `tab-${view}`);
  renderResultLine(hits.length);
  const closed = findClosedModel(query.search);
  replaceChildren(closedNotice, closed ? closedModelNote(closed) : null);
  if (hits.length === 0) {
    replaceChildren(panel, h("p", { class: "empty-state" }, "No model matches these filters."));
  } else if (view === "grid") {
    const options = (m: ModelIndexEntry) => ({ selected: selection.includes(m.id), onToggleCompare: toggleCompare });
    const grid = (prerenderedGrid && hydrateCardGrid(prerenderedGrid, hits, options, currentTheme())) || cardGrid(hits, options);
    prerenderedGrid = null;
    replaceChildren(panel, grid);
  } else if (view === "timeline") {
    replaceChildren(panel, timelineView(hits, !(query.sort === "date" && query.direction === "asc")));
  } else if (view === "family") {
    replaceChildren(panel, familyTreeView(hits));
  } else {
    replaceChildren(panel, sizeView(hits, panel.clientWidth || window.innerWidth));
  }
  updateUrl();
}

// The search and view controls come first, so they are the first tab stops after the header (before the filters).
replaceChildren(
  app,
  h(
    "div",
    { class: "toolbar", role: "search", "aria-label": "Find and arrange models" },
    h("div", { class: "search" }, h("label", { for: "model-search", class: "visually-hidden" }, "Search models"), search),
    h("div", { class: "sort-control" }, h("label", { for: "model-sort" }, "Sort"), sortSelect, directionButton),
    tabs,
  ),
  h(
    "div",
    { class: "home-layout" },
    h("aside", { "aria-label": "Filters" }, filters),
    h(
      "section",
      { "aria-labelledby": "models-title" },
      h("h2", { id: "models-title", class: "visually-hidden" }, "Models"),
      resultLine,
      closedNotice,
      panel,
      tray,
    ),
  ),
);
// The pre-rendered cards stay on screen while the filters' counts and the cards' compare toggles are worked out in
// a task of their own, so that neither this one (building the controls) nor that one is a long task.
if (prerenderedGrid) panel.append(prerenderedGrid);
setTimeout(() => {
  update();
  renderTray();
}, 0);

// "/" focuses the search, as on many catalogue sites.
document.addEventListener("keydown", (e) => {
  if (
    e.key === "/" &&
    !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement)
  ) {
    e.preventDefault();
    search.focus();
  }
});
