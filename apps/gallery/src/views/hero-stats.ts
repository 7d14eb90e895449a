/**
 * The home page's headline numbers: how many models, organisations and years the gallery covers.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { h } from "../site/dom-builder.js";

/** One `<div><dt>…</dt><dd>…</dd></div>` per figure, for the hero's `<dl>`. */
export function heroStats(list: readonly ModelIndexEntry[]): HTMLElement[] {
  const orgs = new Set(list.map((m) => m.org));
  const years = list.map((m) => Number(m.releaseDate.slice(0, 4)));
  return [
    ["models", String(list.length)],
    ["organisations", String(orgs.size)],
    ["years covered", years.length ? `${Math.min(...years)}–${Math.max(...years)}` : "none"],
  ].map(([label, value]) => h("div", null, h("dt", null, label), h("dd", null, value)));
}
