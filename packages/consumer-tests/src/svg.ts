/** Checks of an SVG document as a standalone file: well-formed XML, accessible, showing given texts. */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface SvgFacts {
  wellFormed: true | string;
  rootName: string | undefined;
  role: string | undefined;
  xmlns: string | undefined;
  title: string;
  ariaLabelledbyResolves: boolean;
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

export function svgFacts(svg: string): SvgFacts {
  const valid = XMLValidator.validate(svg);
  const wellFormed = valid === true ? true : `${valid.err.code}: ${valid.err.msg} (line ${valid.err.line})`;
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(svg) as Record<string, unknown>;
  const rootName = Object.keys(doc).find((k) => !k.startsWith("?"));
  const root = (rootName ? doc[rootName] : {}) as Record<string, unknown>;
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(svg);
  const labelledby = typeof root["@aria-labelledby"] === "string" ? (root["@aria-labelledby"] as string).split(/\s+/) : [];
  return {
    wellFormed,
    rootName,
    role: root["@role"] as string | undefined,
    xmlns: root["@xmlns"] as string | undefined,
    title: decode(titleMatch?.[1]?.trim() ?? ""),
    ariaLabelledbyResolves: labelledby.every((id) => svg.includes(`id="${id}"`)),
    text: decode(svg.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " "),
  };
}
