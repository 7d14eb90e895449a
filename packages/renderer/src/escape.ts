/**
 * Escaping of text and attribute values for SVG/XML output.
 */

// C0 controls except tab/newline/carriage return, DEL, C1 controls, lone surrogates and the
// non-characters U+FFFE/U+FFFF: none of them may appear in an XML document.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Bidirectional overrides and isolates can make text display differently from what it says.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes characters that are not allowed in XML or that reorder displayed text; turns tabs and newlines into spaces. */
export function cleanText(text: string): string {
  return String(text)
    .replace(FORBIDDEN, "")
    .replace(BIDI, "")
    .replace(/[\t\n\r]+/g, " ");
}

/** Escapes `& < > " '` after {@link cleanText}, for text content and attribute values alike. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A string safe to use as (part of) an XML id: letters, digits, `-_.` only. */
export function idToken(text: string): string {
  const t = cleanText(text).replace(/[^A-Za-z0-9_.-]+/g, "-");
  return t.length > 0 ? t.slice(0, 120) : "x";
}
