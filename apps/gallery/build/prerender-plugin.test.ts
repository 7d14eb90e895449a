import { describe, expect, it } from "vitest";
import { addNoScriptNote, fillElement, renderToHtml } from "./prerender-plugin.js";
import { h } from "../src/site/dom-builder.js";
import { cardGrid } from "../src/views/model-card.js";
import { models } from "@archgal/data";

describe("pre-rendering", () => {
  it("builds the browser's view code into HTML with the text escaped", () => {
    const html = renderToHtml(() => h("p", { title: 'a "quoted" <b>' }, "<script>alert(1)</script> & more"));
    expect(html).toBe('<p title="a &quot;quoted&quot; <b>">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>');
  });

  it("pre-renders the card grid without the compare toggle", () => {
    const html = renderToHtml(() => cardGrid(models.slice(0, 2), { selected: false }));
    expect(html.match(/class="model-card /g)).toHaveLength(2);
    expect(html).not.toContain("compare-toggle");
    expect(html).toContain(`href="./model-${models[0]!.id}.html"`);
  });

  it("fills the placeholder element, and says so when a page has none", () => {
    const page = '<main><div id="model-app"><p class="status">Loading model…</p></div></main>';
    expect(fillElement(page, "model-app", "<h1>X</h1>")).toBe('<main><div id="model-app"><h1>X</h1></div></main>');
    expect(() => fillElement("<main></main>", "model-app", "x")).toThrow(/no element #model-app/);
  });

  it("puts a note for readers without JavaScript in front of the status, and a fill replaces both", () => {
    const page = '<div id="compare-app"><p class="status">Loading…</p></div>';
    const noted = addNoScriptNote(page, "compare-app", "Needs <JavaScript>.");
    expect(noted).toBe(
      '<div id="compare-app"><noscript><p class="lede">Needs &lt;JavaScript&gt;. <a href="./">Browse the models</a></p></noscript><p class="status">Loading…</p></div>',
    );
    expect(fillElement(noted, "compare-app", "<h1>X</h1>")).toBe('<div id="compare-app"><h1>X</h1></div>');
  });
});
