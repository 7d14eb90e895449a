/**
 * Models as squares whose area is proportional to their parameters; the filled corner is the active share.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { formatCount, formatPercent, hasUnvisitedWeights } from "@archgal/schema/metrics";
import { h } from "../site/dom-builder.js";
import { decoderClass } from "../site/model-format.js";
import { modelHref } from "../site/site-links.js";

/** Side of the square for `params`, when the largest model gets `maxSide` pixels: area ∝ parameters. */
export function squareSide(params: number, largest: number, maxSide: number): number {
  return maxSide * Math.sqrt(params / largest);
}

export function sizeView(models: readonly ModelIndexEntry[], containerWidth: number): HTMLElement {
  const sorted = [...models].sort((a, b) => b.params.total - a.params.total);
  const largest = sorted[0]?.params.total ?? 1;
  const maxSide = Math.max(120, Math.min(220, containerWidth - 40));
  return h(
    "div",
    null,
    h(
      "div",
      { class: "size-legend" },
      h("span", null, "Area ∝ total parameters; the solid corner ∝ parameters active per token."),
      h("span", null, `Largest shown: ${formatCount(largest)} = ${Math.round(maxSide)} px square.`),
    ),
    h(
      "ul",
      { class: "size-legend size-colours", "aria-label": "Colour legend: decoder type" },
      [...new Set(sorted.map((m) => m.decoderType))].map((t) =>
        h("li", { class: decoderClass(t) }, h("span", { class: "swatch", "aria-hidden": "true" }), t),
      ),
    ),
    h(
      "ul",
      { class: "size-field", "aria-label": "Models by parameter count" },
      sorted.map((m) => {
        const side = Math.max(3, squareSide(m.params.total, largest, maxSide));
        const activeSide = Math.max(2, squareSide(m.params.active, largest, maxSide));
        const moe = hasUnvisitedWeights(m.params);
        return h(
          "li",
          { class: `size-item ${decoderClass(m.decoderType)}` },
          h(
            "a",
            {
              href: modelHref(m.id),
              title: `${m.name}: ${formatCount(m.params.total)}${moe ? `, ${formatCount(m.params.active)} active` : ""}`,
            },
            h(
              "span",
              { class: "size-square", style: `width:${side.toFixed(1)}px;height:${side.toFixed(1)}px`, "aria-hidden": "true" },
              moe ? h("span", { class: "size-active", style: `width:${activeSide.toFixed(1)}px;height:${activeSide.toFixed(1)}px` }) : null,
            ),
            h(
              "span",
              { class: "size-label" },
              m.name,
              h(
                "small",
                null,
                moe
                  ? `${formatCount(m.params.total)} · ${formatPercent(m.params.active / m.params.total)} active`
                  : formatCount(m.params.total),
              ),
            ),
          ),
        );
      }),
    ),
  );
}
