/**
 * Checks of a rendered SVG document: well-formed XML (by two independent parsers), only the elements the
 * renderer draws, nothing active or external, every colour themable, no characters that are illegal or
 * misleading, no NaN/Infinity leaking into geometry or text.
 */
import { XMLValidator } from "fast-xml-parser";
import { SaxesParser, type SaxesTagNS } from "saxes";

/**
 * The elements a figure, comparison or poster may use: exactly those the renderer draws. Anything else
 * (script, foreignObject, use, image, a, iframe, style, even harmless-looking defs or markers) is a problem.
 */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set(["svg", "title", "desc", "g", "rect", "circle", "path", "text", "tspan"]);

const SVG_NS = "http://www.w3.org/2000/svg";

/** Characters that must never appear raw: C0/C1 controls (bar tab, LF, CR), DEL, U+FFFE/U+FFFF, lone surrogates, bidi overrides and isolates. */
export const FORBIDDEN_CHARS =
  // The control characters are what this pattern exists to find.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Numeric junk that betrays a computation on undefined or a division by zero. */
const JUNK = /\bNaN\b|Infinity|undefined|\[object /;

/** Every colour is themable: `var(--llm-arch-<name>, #rrggbb)` or `none`. */
const THEMABLE = /^(none|var\(--llm-arch-[a-z-]+, #[0-9a-f]{6}\))$/;
/** Colours after `inlineColors`: `#rrggbb` or `none`. */
const INLINED = /^(none|#[0-9a-f]{6})$/;

/** What `checkSvg` reports. */
export interface SvgReport {
  problems: string[];
  /** Element names in document order (local names). */
  elements: string[];
  /** All text content, concatenated per text node. */
  texts: string[];
}

/** Options of `checkSvg`. */
export interface SvgCheckOptions {
  /** Also look for NaN / Infinity / undefined in text content (off when the spec's own text may contain those words). */
  textJunk?: boolean;
  /** How fill and stroke colours are written: `themable` (the renderer's output, the default) or `inlined` (after `inlineColors`). */
  colours?: "themable" | "inlined";
}

/** Parses and checks one SVG document; an empty `problems` list means it passed. */
export function checkSvg(svg: string, options: SvgCheckOptions = {}): SvgReport {
  const problems: string[] = [];
  const elements: string[] = [];
  const texts: string[] = [];
  if (typeof svg !== "string") return { problems: [`not a string: ${typeof svg}`], elements, texts };
  if (!svg.startsWith("<svg")) problems.push(`does not start with <svg: ${JSON.stringify(svg.slice(0, 40))}`);

  const fx = XMLValidator.validate(svg, { allowBooleanAttributes: false });
  if (fx !== true) problems.push(`fast-xml-parser: ${fx.err.code} ${fx.err.msg} (line ${fx.err.line}, col ${fx.err.col})`);

  const m = FORBIDDEN_CHARS.exec(svg);
  if (m)
    problems.push(
      `forbidden character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at ${m.index}: ${JSON.stringify(svg.slice(Math.max(0, m.index - 30), m.index + 10))}`,
    );
  // Raw markup only (escaped text such as "&lt;script&gt;" is harmless and may mention anything).
  const active = /<script|<\/script|<foreignObject|<!DOCTYPE|<!ENTITY|<\?xml-stylesheet/i.exec(svg);
  if (active) problems.push(`active markup: ${active[0]}`);
  // No declarations, comments, CDATA or processing instructions at all: the renderer writes none.
  const decl = /<!|<\?/.exec(svg);
  if (decl)
    problems.push(
      `markup declaration, comment or processing instruction at ${decl.index}: ${JSON.stringify(svg.slice(decl.index, decl.index + 20))}`,
    );
  const colour = options.colours === "inlined" ? INLINED : THEMABLE;
  // An event-handler attribute anywhere, even one a lenient parser would invent from broken quoting.
  const ev = /\son[a-z]+\s*=/i.exec(svg.replace(/"[^"]*"/g, '""').replace(/>[^<]*</g, "><"));
  if (ev) problems.push(`event attribute in markup: ${JSON.stringify(ev[0])}`);

  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let root = true;
  let textDepth = 0;
  parser.on("error", (e) => {
    problems.push(`saxes: ${e.message}`);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    depth++;
    elements.push(tag.local);
    if (root) {
      if (tag.local !== "svg" || tag.uri !== SVG_NS) problems.push(`root is ${tag.name} in ${tag.uri || "no namespace"}`);
      root = false;
    } else if (tag.uri !== SVG_NS) problems.push(`element ${tag.name} outside the SVG namespace (${tag.uri || "none"})`);
    if (!ALLOWED_ELEMENTS.has(tag.local)) problems.push(`disallowed element <${tag.name}>`);
    if (tag.local === "text" || tag.local === "title" || tag.local === "desc") textDepth++;
    for (const attr of Object.values(tag.attributes)) {
      const name = attr.local.toLowerCase();
      const value = attr.value;
      if (name.startsWith("on")) problems.push(`event attribute ${attr.name} on <${tag.name}>`);
      if (name === "href" || name.endsWith(":href") || name === "src" || name === "action" || name === "formaction") {
        if (!value.startsWith("#")) problems.push(`external reference ${attr.name}="${value.slice(0, 60)}" on <${tag.name}>`);
      }
      // data-*, aria-* and id values are inert text (component names may carry anything, escaped); any other attribute may be a URL or CSS.
      const inert = name.startsWith("data-") || name.startsWith("aria-") || name === "id";
      if (!inert && /javascript:|vbscript:|data:/i.test(value)) problems.push(`script URL in ${attr.name} on <${tag.name}>`);
      // The renderer references nothing, not even its own fragments, through url().
      if (!inert && /url\(/i.test(value)) problems.push(`url() in ${attr.name} on <${tag.name}>`);
      if (!inert && /expression\(|@import/i.test(value)) problems.push(`active style in ${attr.name} on <${tag.name}>`);
      if ((name === "fill" || name === "stroke") && !colour.test(value))
        problems.push(`colour ${attr.name}="${value.slice(0, 60)}" on <${tag.name}>`);
      if (!name.startsWith("data-") && !name.startsWith("aria-") && name !== "id" && JUNK.test(value)) {
        problems.push(`junk value ${attr.name}="${value.slice(0, 80)}" on <${tag.name}>`);
      }
    }
  });
  parser.on("closetag", (tag) => {
    depth--;
    if (tag.local === "text" || tag.local === "title" || tag.local === "desc") textDepth--;
  });
  parser.on("text", (t) => {
    if (depth === 0 && t.trim() !== "") problems.push(`text outside the root element: ${JSON.stringify(t.slice(0, 40))}`);
    if (depth > 0) texts.push(t);
    if (options.textJunk && textDepth > 0 && JUNK.test(t)) problems.push(`junk in text: ${JSON.stringify(t.slice(0, 80))}`);
  });
  parser.on("processinginstruction", (pi) => problems.push(`processing instruction <?${pi.target}`));
  parser.on("doctype", () => problems.push("doctype"));
  parser.on("cdata", () => problems.push("CDATA section"));
  try {
    parser.write(svg).close();
  } catch (e) {
    problems.push(`saxes threw: ${(e as Error).message}`);
  }
  if (elements.length === 0) problems.push("no element");
  return { problems, elements, texts };
}

/** All text content of an SVG, lines joined with spaces, entities decoded (for assertions on wording). */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, ""))
    .join(" ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Walks any value and lists every number that is not finite, by path. */
export function nonFiniteNumbers(value: unknown, path = "", out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path || "(root)"} = ${value}`);
  } else if (value && typeof value === "object") {
    if (seen.has(value)) return out;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) nonFiniteNumbers(v, `${path}.${String(k)}`, out, seen);
    else for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, path ? `${path}.${k}` : k, out, seen);
  }
  return out;
}
