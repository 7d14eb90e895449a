/**
 * A model's fact sheet: every number computed from its spec, next to the creators' own figure.
 */
import type { DatasetEntry, ModelStats } from "@archgal/schema/metrics";
import {
  compareWithOfficial,
  formatContext,
  formatCount,
  formatInt,
  formatKvPerToken,
  formatScale,
  formatTokens,
} from "@archgal/schema/metrics";
import { getModel } from "@archgal/data";
import { h } from "../site/dom-builder.js";
import { externalLink } from "../site/external-link.js";
import { dateText, decoderClass } from "../site/model-format.js";
import { modelHref } from "../site/site-links.js";

type Row = [label: string, value: Node | string, sub?: string];

export function factSheet(spec: DatasetEntry, stats: ModelStats): HTMLElement {
  const p = stats.params;
  const official = compareWithOfficial(spec);
  const arch = spec.architecture;
  const parent = spec.derivedFrom ? getModel(spec.derivedFrom) : undefined;
  const rows: Row[] = [
    [
      "Parameters",
      formatScale({ ...p, mtp: 0 }, "full"),
      `${formatInt(p.total)} computed${p.mtp ? ` + ${formatCount(p.mtp)} in MTP modules` : ""}`,
    ],
    spec.officialParams.sizeClass
      ? [
          "Creators' figure",
          `${spec.officialParams.asWritten} (a size class in the model's name, not a parameter count)`,
          `our count is ${(official.total.computed / official.total.official).toFixed(2)} × the class`,
        ]
      : [
          "Creators' figure",
          spec.officialParams.asWritten,
          official.total.ok && (official.active?.ok ?? true)
            ? "our count agrees within rounding"
            : `ours differs by ${(official.total.relativeError * 100).toFixed(1)}%${official.total.deviation ? `: ${official.total.deviation}` : ""}`,
        ],
    ["Context", formatContext(stats.contextLength), stats.contextLength === null ? undefined : formatInt(stats.contextLength)],
    ["Released", h("time", { datetime: spec.releaseDate }, dateText(spec.releaseDate))],
    ["Licence", spec.license.url ? externalLink(spec.license.url, null, spec.license.name) : spec.license.name],
    ["Decoder type", h("span", { class: `badge ${decoderClass(stats.decoderType)}` }, stats.decoderType)],
    ["Attention", stats.attention],
    ["Layer mix", stats.layerMixText, `${stats.numLayers} layers${arch.mtp ? ` + ${arch.mtp.layers} MTP` : ""}`],
    [
      "KV cache / token",
      formatKvPerToken(stats.kvCacheBytesPerToken),
      "bf16, every attention layer at full size (the gallery's convention)",
    ],
    ["Embedding width", formatInt(stats.dModel)],
    ["Vocabulary", formatInt(stats.vocabSize), arch.embedding.tied ? "input and output embeddings tied" : undefined],
    [
      "Forward FLOPs / token",
      formatCount(stats.flopsPerToken.total),
      `at ${formatTokens(arch.contextLength ?? 4096)} context: ${formatCount(stats.flopsPerToken.matmul)} in weights, ${formatCount(stats.flopsPerToken.attention)} in attention`,
    ],
  ];
  if (parent) rows.push(["Derived from", h("a", { href: modelHref(parent.id) }, parent.name)]);
  return h(
    "table",
    { class: "fact-table" },
    h("caption", { class: "visually-hidden" }, `Facts about ${spec.name}`),
    h(
      "tbody",
      null,
      rows.map(([label, value, sub]) =>
        h("tr", null, h("th", { scope: "row" }, label), h("td", null, value, sub ? h("span", { class: "sub" }, sub) : null)),
      ),
    ),
  );
}

const linkLabels: Record<string, string> = {
  config: "config.json",
  paper: "Tech report",
  modelCard: "Model card",
  code: "Code",
  blog: "Announcement",
};

export function modelLinks(spec: DatasetEntry): HTMLElement {
  const entries = Object.entries(spec.links).filter(([, url]) => typeof url === "string");
  return h(
    "ul",
    { class: "links-list" },
    entries.map(([k, url]) =>
      h("li", null, externalLink(url, { class: "button" }, linkLabels[k] ?? k, h("span", { "aria-hidden": "true" }, " ↗"))),
    ),
  );
}

export function sourceList(spec: DatasetEntry): HTMLElement {
  return h(
    "ul",
    { class: "sources" },
    spec.sources.map((s) =>
      h("li", null, externalLink(s.url, null, s.title), h("span", { class: "sub" }, ` — backs ${s.covers.join(", ")}`)),
    ),
  );
}
