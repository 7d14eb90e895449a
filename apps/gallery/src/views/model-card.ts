/**
 * One model as a card on the home page.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { conceptEntry } from "@archgal/schema/concepts";
import { formatContext, formatKvPerToken, formatPercent, formatScale, hasUnvisitedWeights } from "@archgal/schema/metrics";
import { h } from "../site/dom-builder.js";
import { dateText, decoderClass } from "../site/model-format.js";
import { modelHref } from "../site/site-links.js";
import { thumbnailImage, thumbnailSrc } from "./thumbnail.js";

export interface CardOptions {
  /** Whether the model is in the compare selection. */
  selected: boolean;
  /** Called when the compare toggle is pressed; without it the card has no toggle (the pre-rendered page). */
  onToggleCompare?: (id: string) => void;
}

/** The card's compare toggle, or null without `onToggleCompare` (the pre-rendered page has none). */
function compareToggle(m: ModelIndexEntry, options: CardOptions): HTMLElement | null {
  if (!options.onToggleCompare) return null;
  const onToggle = options.onToggleCompare;
  return h(
    "button",
    { type: "button", class: "compare-toggle", "aria-pressed": String(options.selected), onclick: () => onToggle(m.id) },
    h("span", { class: "compare-mark", "aria-hidden": "true" }, options.selected ? "✓" : "+"),
    "Compare",
    h("span", { class: "visually-hidden" }, ` ${m.name}`),
  );
}

/** One model's card: thumbnail, name, organisation, scale, facts and headline concepts. */
export function modelCard(m: ModelIndexEntry, options: CardOptions): HTMLElement {
  const moe = hasUnvisitedWeights(m.params);
  const titleId = `card-title-${m.id}`;
  const tags = m.concepts
    .map((c) => conceptEntry(c))
    .filter((c) => c?.headline)
    .slice(0, 4);
  return h(
    "li",
    null,
    h(
      "article",
      { class: `model-card ${decoderClass(m.decoderType)}`, "aria-labelledby": titleId, "data-model": m.id },
      h("div", { class: "thumb" }, thumbnailImage(m.id, "")),
      h(
        "div",
        { class: "card-body" },
        h(
          "div",
          { class: "card-head" },
          h("h3", { id: titleId }, h("a", { href: modelHref(m.id) }, m.name)),
          // beside the title, not over the thumbnail (which would hide the figure's own text)
          compareToggle(m, options),
        ),
        h("p", { class: "org" }, m.org),
        h("p", { class: "scale" }, formatScale(m.params)),
        moe
          ? h(
              "div",
              {
                class: "active-bar",
                title: `${formatPercent(m.params.active / m.params.total)} of parameters active per token`,
                "aria-hidden": "true",
              },
              h("span", { style: `width:${Math.max(1.5, (100 * m.params.active) / m.params.total)}%` }),
            )
          : null,
        h(
          "dl",
          { class: "card-facts" },
          h("dt", null, "Released"),
          h("dd", null, h("time", { datetime: m.releaseDate }, dateText(m.releaseDate))),
          h("dt", null, "Type"),
          h("dd", null, h("span", { class: `badge ${decoderClass(m.decoderType)}` }, m.decoderType)),
          h("dt", null, "Attention"),
          h("dd", null, m.attention),
          h("dt", null, "KV / token"),
          h("dd", null, formatKvPerToken(m.kvCacheBytesPerToken)),
          h("dt", null, "Context"),
          h("dd", null, formatContext(m.contextLength)),
        ),
        tags.length
          ? h(
              "div",
              { class: "card-tags" },
              tags.map((c) => h("span", { class: "badge" }, c!.short)),
            )
          : null,
      ),
    ),
  );
}

/**
 * Makes the pre-rendered card grid `grid` (built by `cardGrid` without toggles) the interactive one for `list`:
 * when it holds exactly these models in this order, each card gets its compare toggle and the thumbnails follow
 * `theme`, and the grid is returned, so the page does not build and lay out every card a second time. Otherwise
 * (another query, stale markup) returns null and the caller builds the grid.
 */
export function hydrateCardGrid(
  grid: Element,
  list: readonly ModelIndexEntry[],
  options: (m: ModelIndexEntry) => CardOptions,
  theme: "light" | "dark",
): HTMLUListElement | null {
  if (!(grid instanceof HTMLUListElement) || !grid.classList.contains("card-grid") || grid.children.length !== list.length) return null;
  const items = [...grid.children];
  const heads = items.map((li, i) => {
    const card = li.firstElementChild;
    return card?.getAttribute("data-model") === list[i]!.id && !card.querySelector(".compare-toggle")
      ? card.querySelector(".card-head")
      : null;
  });
  if (heads.some((head) => !head)) return null;
  heads.forEach((head, i) => {
    const toggle = compareToggle(list[i]!, options(list[i]!));
    if (toggle) head!.append(toggle);
  });
  if (theme !== "light")
    for (const img of grid.querySelectorAll<HTMLImageElement>("img[data-thumb]")) img.src = thumbnailSrc(img.dataset.thumb!, theme);
  return grid;
}

/** The card grid of the home page's default view, in the order given. */
export function cardGrid(list: readonly ModelIndexEntry[], options: CardOptions | ((m: ModelIndexEntry) => CardOptions)): HTMLUListElement {
  return h(
    "ul",
    { class: "card-grid", "aria-label": "Models" },
    list.map((m) => modelCard(m, typeof options === "function" ? options(m) : options)),
  );
}
