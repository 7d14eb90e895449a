import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { extended, llama3, qwen3Next } from "@archgal/test-kit/fixtures";
import type { RenderableSpec } from "./analysis.js";
import { renderCompare } from "./compare.js";
import { cleanText, escapeXml } from "./escape.js";
import { renderModel } from "./model-layout.js";
import { layoutModel } from "./model-layout.js";
import { renderPoster } from "./poster.js";
import { assertSafeSvg, checkLayout } from "../test-fixtures/check.js";

const HOSTILE = [
  `<script>alert(1)</script>`,
  `"><svg onload=alert(1)>`,
  `' onmouseover='alert(1)`,
  `]]><!--<foreignObject>`,
  `&amp; &lt; &#x3C; &unknown;`,
  `javascript:alert(1)`,
  `<image href="https://evil.example/x.png"/>`,
  `a\u0000b\u0001c\u0008d\u000Be\u001Ff\u007Fg\uFFFEh\uD800i`,
  `\u202Egnp.exe\u202C right-to-left override`,
  `<a xlink:href="http://evil.example">x</a>`,
  "emoji 🧪 and 汉字 and combining é",
  "x".repeat(400),
];

function hostile(base: RenderableSpec, s: string): RenderableSpec {
  const spec = structuredClone(base) as RenderableSpec;
  spec.name = s;
  spec.org = s;
  spec.summary = s;
  spec.id = s;
  spec.releaseDate = s;
  return spec;
}

describe("hostile text", () => {
  it.each(HOSTILE.map((h) => [h.slice(0, 30), h] as const))("%s in name/org/summary/id/date", (_l, h) => {
    for (const base of [llama3, qwen3Next, extended]) {
      const spec = hostile(base, h);
      const svg = renderModel(spec, { idPrefix: h });
      assertSafeSvg(svg);
      expect(svg).not.toContain("<script");
      // eslint-disable-next-line no-control-regex -- the check is for control characters
      expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202E]/);
      expect(checkLayout(layoutModel(spec))).toEqual([]);
    }
  });
  it("hostile definition names and an unknown hostile mixer kind", () => {
    const spec = structuredClone(extended) as RenderableSpec;
    const bad = `ret"><script>x</script>`;
    spec.architecture.mixers = { [bad]: { kind: `<b onclick="x">evil</b>`, heads: 8, note: "<script>" } };
    spec.architecture.ffns = { [`f"'<>&`]: { kind: "mlp", hidden: 64, activation: "gelu", gated: false } };
    spec.architecture.layers = [{ mixer: bad, ffn: `f"'<>&`, count: 3 }];
    spec.architecture.numLayers = 3;
    const svg = renderModel(spec);
    assertSafeSvg(svg);
    expect(svg).toContain("&lt;b onclick=&quot;x&quot;&gt;evil&lt;/b&gt;");
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });
  it("the title and description carry the escaped text", () => {
    const svg = renderModel(hostile(llama3, `<b>&"'</b>`));
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(svg);
    expect(doc.svg.title["#text"] ?? doc.svg.title).toBe(`<b>&"'</b>`);
  });
  it("hostile specs in compare and poster", () => {
    const a = hostile(llama3, HOSTILE[1]!);
    const b = hostile(qwen3Next, HOSTILE[0]!);
    assertSafeSvg(renderCompare([a, b] as never));
    assertSafeSvg(renderPoster([a, b]));
  });
  it("escapeXml escapes the five characters and strips controls", () => {
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
    expect(cleanText("a\u0000b\u202Ec\n\td")).toBe("abc d");
  });
});
