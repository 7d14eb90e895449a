/**
 * The models on a chronological timeline, grouped by year and month.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { h } from "../site/dom-builder.js";
import { decoderClass, monthText } from "../site/model-format.js";
import { modelHref } from "../site/site-links.js";
import { compareText, formatScale } from "@archgal/schema/metrics";

export function timelineView(models: readonly ModelIndexEntry[], newestFirst: boolean): HTMLElement {
  const sorted = [...models].sort(
    (a, b) => (newestFirst ? -1 : 1) * compareText(a.releaseDate, b.releaseDate) || compareText(a.name, b.name),
  );
  const root = h("ol", { class: "timeline", "aria-label": "Models by release date" });
  let year = "";
  let month = "";
  let entries: HTMLElement | undefined;
  for (const m of sorted) {
    const y = m.releaseDate.slice(0, 4);
    const ym = m.releaseDate.slice(0, 7);
    if (y !== year) {
      year = y;
      root.append(h("li", { class: "timeline-year" }, h("h3", { style: "margin:0;font-size:inherit" }, y)));
    }
    if (ym !== month) {
      month = ym;
      entries = h("ul", { class: "timeline-entries" });
      root.append(h("li", { class: "timeline-month" }, h("span", null, monthText(m.releaseDate)), entries));
    }
    entries!.append(
      h(
        "li",
        null,
        h(
          "a",
          { class: `timeline-entry ${decoderClass(m.decoderType)}`, href: modelHref(m.id) },
          h("span", null, h("strong", null, m.name), h("small", null, `${m.org} · ${formatScale(m.params)} · ${m.decoderType}`)),
        ),
      ),
    );
  }
  return root;
}
