import { expect } from "@open-wc/testing";
import { render } from "lit";
import type { ModelSpec } from "@archgal/schema";
import { setModelLoader } from "../src/index.js";
import { factSheet } from "../src/fact-sheet.js";
import { trustedFacts } from "../src/spec-facts.js";
import { cleanup, mount, shadow } from "./helpers.js";

const HOSTILE_FILE = "/packages/components/test/fixtures/hostile-models/qwen3-8b.json";
const notHttp = (root: ParentNode) =>
  [...root.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!).filter((h) => !/^https?:\/\//.test(h));

describe("links from untrusted model data", () => {
  afterEach(() => {
    cleanup();
    setModelLoader(undefined);
    document.querySelectorAll("iframe").forEach((f) => f.remove());
  });

  it("the CDN build validates a model fetched below the script tag's data-base and shows no script link", async () => {
    const frame = document.createElement("iframe");
    frame.src = "/packages/components/test/fixtures/cdn-hostile-links.html";
    document.body.append(frame);
    let alert: Element | null | undefined;
    for (let i = 0; i < 400 && !alert; i++) {
      await new Promise((r) => setTimeout(r, 25));
      alert = frame.contentDocument?.querySelector("llm-arch")?.shadowRoot?.querySelector('[role="alert"]');
    }
    expect(alert, "an error box").to.not.equal(null);
    expect(alert!.textContent).to.contain("invalid spec");
    const root = frame.contentDocument!.querySelector("llm-arch")!.shadowRoot!;
    expect(notHttp(root)).to.deep.equal([]);
  });

  it("an element's data-base is validated too: invalid-spec naming the link fields", async () => {
    const { el, event } = await mount(
      `<llm-arch model="qwen3-8b" data-base="/packages/components/test/fixtures/hostile-models/"></llm-arch>`,
      "llm-arch-error",
    );
    const detail = (event as CustomEvent<{ kind: string; issues?: { path: string }[] }>).detail;
    expect(detail.kind).to.equal("invalid-spec");
    expect(detail.issues!.map((i) => i.path)).to.include.members(["links.paper", "links.code", "license.url"]);
    expect(notHttp(shadow(el))).to.deep.equal([]);
  });

  it("the fact sheet binds only allow-listed links, even for data it trusts", async () => {
    const spec = (await (await fetch(HOSTILE_FILE)).json()) as ModelSpec;
    const box = document.createElement("div");
    document.body.append(box);
    render(factSheet(trustedFacts(spec)), box);
    expect(box.textContent).to.contain("Apache-2.0");
    expect(box.textContent).to.contain("model card");
    expect(notHttp(box)).to.deep.equal([]);
    const hrefs = [...box.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
    expect(hrefs).to.include(spec.links!.modelCard);
    expect(hrefs).to.not.include(spec.links!.paper);
    box.remove();
  });
});
