import { expect } from "@open-wc/testing";
import { fetchedModelFiles } from "./helpers.js";

/** Loads a page in an iframe and resolves once `ready` holds for its window (or rejects after `ms`). */
async function page(src: string, ready: (w: Window) => boolean, ms = 10000): Promise<HTMLIFrameElement> {
  const frame = document.createElement("iframe");
  frame.style.width = "1300px";
  frame.style.height = "900px";
  frame.src = src;
  document.body.append(frame);
  const start = performance.now();
  while (performance.now() - start < ms) {
    try {
      if (frame.contentWindow && ready(frame.contentWindow)) return frame;
    } catch {
      // not loaded yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${src} not ready within ${ms} ms`);
}

const svgIn = (w: Window, selector = "llm-arch") => w.document.querySelector(selector)?.shadowRoot?.querySelector("svg");

describe("CDN build (cdn/llm-arch.js) over HTTP", () => {
  afterEach(() => document.body.replaceChildren());

  it("a page with only the script tag and <llm-arch model=deepseek-v3> shows the diagram and fact sheet", async () => {
    const frame = await page("/packages/components/test/fixtures/cdn-page.html", (w) => Boolean(svgIn(w)));
    const w = frame.contentWindow!;
    const el = w.document.querySelector("llm-arch")!;
    expect(svgIn(w)!.querySelector("title")!.textContent).to.contain("DeepSeek V3");
    expect(el.shadowRoot!.querySelector("table[part=facts]")!.textContent).to.contain("671B");
    for (const tag of ["llm-arch", "llm-arch-facts"]) expect(w.customElements.get(tag), tag).not.to.equal(undefined);
    // <llm-arch-compare> and <llm-arch-gallery> are defined (and their code fetched) only once they appear.
    for (const tag of ["llm-arch-compare", "llm-arch-gallery"]) expect(w.customElements.get(tag), tag).to.equal(undefined);
    const scripts = w.performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith(".js"));
    expect(
      scripts.some((p) => /compare|gallery/.test(p)),
      scripts.join(),
    ).to.equal(false);
    // A fetched model file is validated like any other input: the validator is loaded.
    expect(
      scripts.some((p) => /validate/.test(p)),
      scripts.join(),
    ).to.equal(true);
    const gallery = w.document.createElement("llm-arch-gallery");
    w.document.body.append(gallery);
    const start = performance.now();
    while (!w.customElements.get("llm-arch-gallery") && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(w.customElements.get("llm-arch-gallery")).not.to.equal(undefined);
  });

  it("fetches only the requested model's file, from models/ next to the script", async () => {
    const frame = await page("/packages/components/test/fixtures/cdn-page.html", (w) => Boolean(svgIn(w)));
    expect(fetchedModelFiles(frame.contentWindow!)).to.deep.equal(["/packages/components/cdn/models/deepseek-v3.json"]);
  });

  it("fetches the model's new mechanisms beside it and outlines them once the full renderer is there", async () => {
    const frame = await page("/packages/components/test/fixtures/cdn-page.html", (w) =>
      Boolean(svgIn(w)?.querySelector('[data-component="mixer:mla"][data-new="true"]')),
    );
    const w = frame.contentWindow!;
    const fetched = w.performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname);
    expect(fetched.filter((p) => p.includes("/new-mechanisms/"))).to.deep.equal([
      "/packages/components/cdn/models/new-mechanisms/deepseek-v3.json",
    ]);
    expect(svgIn(w)!.querySelector("desc")!.textContent).to.contain("New in this model: Multi-head latent attention (MLA)");
  });

  it("reads data-base from the script tag, and the gallery loads only models/index.json", async () => {
    const frame = await page(
      "/packages/components/test/fixtures/cdn-data-base.html",
      (w) => Boolean(w.document.querySelector("llm-arch-gallery")?.shadowRoot?.querySelector("[part=card]")) && Boolean(svgIn(w)),
    );
    const files = fetchedModelFiles(frame.contentWindow!).sort();
    expect(files).to.deep.equal(["/elsewhere/models/index.json", "/elsewhere/models/qwen3-8b.json"].sort());
  });

  it("does not break when the script is included twice", async () => {
    const frame = await page("/packages/components/test/fixtures/cdn-twice.html", (w) => Boolean(svgIn(w)));
    expect(frame.contentWindow!.document.querySelectorAll("llm-arch").length).to.equal(1);
  });
});
