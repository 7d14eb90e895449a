/**
 * The answer to a search for a closed model (Gemini, GPT-4, Claude …): its creator has not published the
 * architecture; what the creator has stated, with the document; the open models to look at instead.
 */
import type { ClosedModel } from "@archgal/data";
import { getModel } from "@archgal/data";
import { h } from "../site/dom-builder.js";
import { externalLink } from "../site/external-link.js";
import { modelHref } from "../site/site-links.js";

export function closedModelNote(model: ClosedModel): HTMLElement {
  const relatives = model.openRelatives.filter((id) => getModel(id));
  return h(
    "div",
    { class: "closed-model-note", role: "note", "aria-label": `${model.name}: closed model` },
    h(
      "p",
      {},
      h("strong", {}, model.name),
      ` is a closed model: ${model.org} has not published its architecture, so there is no diagram of it here.`,
    ),
    model.statements.length
      ? h(
          "ul",
          { class: "closed-model-statements" },
          model.statements.map((s) => h("li", {}, `${s.says} `, externalLink(s.source, null, s.title))),
        )
      : h("p", {}, "No official statement about its architecture is recorded."),
    relatives.length
      ? h(
          "p",
          {},
          `Open relatives (${model.relation ?? "same creator"}): `,
          relatives.flatMap((id, i) => [i ? ", " : "", h("a", { href: modelHref(id) }, getModel(id)?.name ?? id)]),
          ".",
        )
      : model.relation
        ? h("p", {}, `${model.relation}.`)
        : null,
  );
}
