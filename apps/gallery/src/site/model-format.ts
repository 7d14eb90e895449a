/**
 * How the site words a model's numbers (built on @archgal/schema's formatters).
 */
import { formatBytes, formatCount, formatTokens, kvLabel, hasUnvisitedWeights } from "@archgal/schema/metrics";

/**
 * `671B total · 36.6B active (5.5%)`, or `8.03B` for a dense model; active is the headline count (weights a token
 * multiplies through, embedding look-ups not counted).
 */
export function scaleText(params: { total: number; active: number; activeWithLookups: number }): string {
  if (!hasUnvisitedWeights(params)) return formatCount(params.total);
  return `${formatCount(params.total)} · ${formatCount(params.active)} active (${percent(params.active / params.total)})`;
}

/** A fraction as a percentage with sensible precision: `5.5%`, `12%`. */
export function percent(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 10 ? Math.round(p) : Number(p.toFixed(1))}%`;
}

/** `68.6 KiB · Low`, or `No KV cache`. */
export function kvText(bytesPerToken: number): string {
  if (bytesPerToken === 0) return "No KV cache";
  return `${formatBytes(bytesPerToken)} · ${kvLabel(bytesPerToken)}`;
}

/** A context length written the way the figure writes it (schema's `formatTokens`: `8,192`, `128k`, `512k`, `202,752`). */
export function tokensText(ctx: number): string {
  return formatTokens(ctx);
}

/** `128k tokens`, or `no explicit limit`. */
export function contextText(contextLength: number | null): string {
  return contextLength === null ? "no explicit limit" : `${tokensText(contextLength)} tokens`;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2024-12-26` → `Dec 26, 2024` (independent of the visitor's locale and time zone). */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${months[(m ?? 1) - 1]} ${d}, ${y}`;
}

/** `2024-12-26` → `Dec 2024`. */
export function monthText(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return `${months[(m ?? 1) - 1]} ${y}`;
}

/** A CSS class for a decoder type (colour coding). */
export function decoderClass(decoderType: string): string {
  return `decoder-${decoderType.toLowerCase().replace(/\s+/g, "-")}`;
}
