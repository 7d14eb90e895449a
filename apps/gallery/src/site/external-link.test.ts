import { describe, expect, it } from "vitest";
import { loadModel, type ClosedModel } from "@archgal/data";
import type { DatasetEntry } from "@archgal/schema/metrics";
import { renderToHtml } from "../../build/prerender-plugin.js";
import { closedModelNote } from "../views/closed-model-note.js";
import { modelLinks, sourceList } from "../views/fact-sheet.js";
import { externalLink } from "./external-link.js";

const HOSTILE = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x"];
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe("external links", () => {
  it("link allowed http(s) URLs and show anything else as text", () => {
    const ok = renderToHtml(() => externalLink("https://example.com/a", { class: "button" }, "A"));
    expect(ok).toMatch(/^<a [^>]*>A<\/a>$/);
    expect(ok).toContain('href="https://example.com/a"');
    expect(ok).toContain('rel="noopener"');
    expect(ok).toContain('class="button"');
    for (const url of HOSTILE) expect(renderToHtml(() => externalLink(url, null, "A"))).toBe("<span>A</span>");
  });

  it("the fact sheet's links and sources never bind a script URL", async () => {
    const spec = structuredClone(await loadModel("qwen3-8b")) as DatasetEntry;
    spec.links = { ...spec.links, paper: HOSTILE[1]!, code: HOSTILE[3]! };
    spec.sources = [...spec.sources, { ...spec.sources[0]!, url: HOSTILE[2]! }];
    const html = renderToHtml(() => [modelLinks(spec), sourceList(spec)]);
    expect(html).toContain("Tech report");
    expect(hrefs(html).length).toBeGreaterThan(1);
    expect(hrefs(html).filter((h) => !h.startsWith("https://"))).toEqual([]);
  });

  it("a closed model's statements never bind a script URL", () => {
    const model: ClosedModel = {
      id: "x",
      name: "X",
      org: "Y",
      openRelatives: [],
      statements: [{ says: "It is big.", title: "Post", source: HOSTILE[0]! }],
    } as unknown as ClosedModel;
    const html = renderToHtml(() => closedModelNote(model));
    expect(html).toContain("Post");
    expect(hrefs(html)).toEqual([]);
  });
});
