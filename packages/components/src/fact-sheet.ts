/**
 * The fact sheet: a real `<table>` of a model's scale, context, licence, date, decoder type, attention, layer
 * mix, KV cache, key detail and links (numbers worded by @archgal/schema's `formatScale`, `formatContext`,
 * `formatKvPerToken`, as everywhere else).
 */
import { html, nothing, type TemplateResult } from "lit";
import { formatContext, formatKvPerToken, formatScale, safeHref } from "@archgal/schema/lean";
import type { SpecFacts } from "./spec-facts.js";

const linkNames = [
  ["config", "config.json"],
  ["paper", "tech report"],
  ["modelCard", "model card"],
  ["code", "code"],
  ["blog", "announcement"],
] as const;

/** The fact sheet table of a model. */
export function factSheet(f: SpecFacts, part = "facts"): TemplateResult {
  const { spec, stats } = f;
  const row = (label: string, value: unknown) =>
    value === undefined || value === "" ? nothing : html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  // Only allow-listed URLs become an href (validation applies the same list; this holds for trusted data too).
  const links = linkNames.flatMap(([k, name]) => (safeHref(spec.links?.[k]) ? [[spec.links![k]!, name]] : []));
  const licence = safeHref(spec.license?.url);
  return html`<table part=${part} class="facts">
    <caption>
      ${spec.name}${spec.org ? html` <span class="muted">· ${spec.org}</span>` : nothing}
    </caption>
    <tbody>
      ${row("Scale", formatScale(stats.params, "full"))}
      ${row("Context", formatContext(stats.contextLength))}
      ${row("Licence", spec.license && (licence ? html`<a href=${licence} rel="noopener">${spec.license.name}</a>` : spec.license.name))}
      ${row("Release", spec.releaseDate && html`<time datetime=${spec.releaseDate}>${spec.releaseDate}</time>`)}
      ${row("Decoder type", stats.decoderType)}
      ${row("Attention", stats.attention)}
      ${row("Layer mix", stats.layerMixText)}
      ${row("KV cache per token", formatKvPerToken(stats.kvCacheBytesPerToken))}
      ${row("Key detail", spec.keyDetail)}
      ${row("Links", links.length ? html`${links.map(([href, name], i) => html`${i ? " · " : ""}<a href=${href} rel="noopener">${name}</a>`)}` : undefined)}
    </tbody>
  </table>`;
}
