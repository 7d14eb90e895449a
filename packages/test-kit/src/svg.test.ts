/** The SVG checker: what passes, and one case per rule that must fail. */
import { describe, expect, it } from "vitest";
import { checkSvg, nonFiniteNumbers, svgText } from "./svg.js";

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const doc = (body: string, attrs = "") => `<svg ${NS}${attrs}>${body}</svg>`;
const ok = doc('<g data-component="head"><rect fill="var(--llm-arch-box, #ffffff)" stroke="none"/><text>a &amp; b</text></g>');

describe("checkSvg", () => {
  it("passes a static, themable document", () => {
    expect(checkSvg(ok).problems).toEqual([]);
    expect(checkSvg(doc('<rect fill="#12ab34"/>'), { colours: "inlined" }).problems).toEqual([]);
  });

  it.each([
    ["a script", doc("<script>x</script>"), /active markup|disallowed element/],
    ["an element outside the allow-list", doc("<image/>"), /disallowed element <image>/],
    ["a marker (allowed by no figure)", doc("<defs><marker/></defs>"), /disallowed element <defs>/],
    ["an event attribute", doc('<rect onclick="x"/>'), /event attribute/],
    [
      "an external link",
      doc('<g xmlns:xlink="http://www.w3.org/1999/xlink"><path xlink:href="http://evil.example/"/></g>'),
      /external reference/,
    ],
    ["a url()", doc('<rect fill="url(#g)"/>'), /url\(\)/],
    ["a comment", doc("<!-- x --><g/>"), /comment/],
    ["a colour that is not themable", doc('<rect fill="#ffffff"/>'), /colour fill/],
    ["NaN in geometry", doc('<rect x="NaN"/>'), /junk value/],
    ["a bidi override", doc("<text>\u202Ex</text>"), /forbidden character U\+202E/],
    ["broken XML", `<svg ${NS}><g></svg>`, /fast-xml-parser|saxes/],
  ])("reports %s", (_what, svg, problem) => {
    expect(checkSvg(svg).problems.join("\n")).toMatch(problem);
  });

  it("looks for junk in text only when asked (spec text may say 'undefined')", () => {
    const svg = doc("<text>undefined</text>");
    expect(checkSvg(svg).problems).toEqual([]);
    expect(checkSvg(svg, { textJunk: true }).problems.join("\n")).toMatch(/junk in text/);
  });
});

describe("svgText and nonFiniteNumbers", () => {
  it("joins decoded text", () => expect(svgText(ok)).toBe("a & b"));
  it("lists non-finite numbers by path", () =>
    expect(nonFiniteNumbers({ a: [1, Infinity], b: { c: NaN } })).toEqual(["a.1 = Infinity", "b.c = NaN"]));
});
