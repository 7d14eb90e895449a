/**
 * The fact sheet: a real `<table>` of a model's scale, context, licence, date, decoder type, attention, layer
 * mix, KV cache, key detail and links.
 */
import { html, nothing, type TemplateResult } from "lit";
import { formatBytes, formatCount, formatTokens, safeHref, trimNumber, hasUnvisitedWeights } from "@archgal/schema/lean";
import type { SpecFacts } from "./spec-facts.js";

const linkNames = [
  ["config", "config.json"],
  ["paper", "tech report"],
  ["modelCard", "model card"],
  ["code", "code"],
  ["blog", "announcement"],
] as const;

/** A KV-cache figure as the fact sheet writes it, e.g. `68.6 KiB (Moderate)`. */
export function kvText(f: SpecFacts): string {
  return `${formatBytes(f.stats.kvCacheBytesPerToken)} (${f.stats.kvLabel})`;
}

/**
 * The parameter figure as the fact sheet writes it, e.g. `671B total · 36.6B active (5.46%, no embedding look-ups)
 * + 11.5B MTP`: the headline active count, weights a token multiplies through.
 */
export function scaleText(f: SpecFacts): string {
  const p = f.stats.params;
  const active = hasUnvisitedWeights(p)
    ? ` · ${formatCount(p.active)} active (${trimNumber(p.activeFraction * 100, 2)}%, no embedding look-ups)`
    : " (dense)";
  return `${formatCount(p.total)} total${active}${p.mtp ? ` + ${formatCount(p.mtp)} MTP` : ""}`;
}

/** The fact sheet table of a model. */
export function factSheet(f: SpecFacts, part = "facts"): TemplateResult {
  const { spec, stats } = f;
  const row = (label: string, value: unknown) =>
    value === undefined || value === "" ? nothing : html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  // Only allow-listed URLs become an href (validation applies the same list; this holds for trusted data too).
  const links = linkNames.flatMap(([k, name]) => (safeHref(spec.links?.[k]) ? [[spec.links![k]!, name]] : []));
  const licence = safeHref(spec.license?.url);
  const ctx = stats.contextLength;
  return html`<table part=${part} class="facts">
    <caption>
      ${spec.name}${spec.org ? html` <span class="muted">· ${spec.org}</span>` : nothing}
    </caption>
    <tbody>
      ${row("Scale", scaleText(f))}
      ${row("Context", ctx === null ? formatTokens(ctx) : `${formatTokens(ctx)} tokens`)}
      ${row("Licence", spec.license && (licence ? html`<a href=${licence} rel="noopener">${spec.license.name}</a>` : spec.license.name))}
      ${row("Release", spec.releaseDate && html`<time datetime=${spec.releaseDate}>${spec.releaseDate}</time>`)}
      ${row("Decoder type", stats.decoderType)}
      ${row("Attention", stats.attention)}
      ${row("Layer mix", stats.layerMixText)}
      ${row("KV cache per token", kvText(f))}
      ${row("Key detail", spec.keyDetail)}
      ${row("Links", links.length ? html`${links.map(([href, name], i) => html`${i ? " · " : ""}<a href=${href} rel="noopener">${name}</a>`)}` : undefined)}
    </tbody>
  </table>`;
}
