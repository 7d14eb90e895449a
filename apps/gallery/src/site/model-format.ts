/**
 * How the site words a model's dates and colour-codes its decoder type (its numbers are worded by
 * @archgal/schema's `formatScale`, `formatPercent`, `formatKvPerToken`, `formatContext`).
 */
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
