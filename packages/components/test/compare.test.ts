import { expect } from "@open-wc/testing";
import { compareRows } from "@archgal/schema/metrics";
import { LlmArchCompare, LlmArchLoadEvent, type LlmArchErrorEvent } from "../src/index.js";
import { cleanup, mount, nextEvent, shadow } from "./helpers.js";

const rowsOf = (el: Element) =>
  [...shadow(el).querySelectorAll("table[part=facts] tbody tr")].map((tr) => ({
    label: tr.querySelector("th")!.textContent!.trim(),
    cells: [...tr.querySelectorAll("td")].map((td) => ({ text: td.textContent!.trim(), changed: td.classList.contains("changed") })),
  }));

describe("<llm-arch-compare>", () => {
  afterEach(cleanup);

  it("shows two models side by side and lists their differences, highlighted", async () => {
    const { el, event } = await mount<LlmArchCompare>(`<llm-arch-compare a="llama-3-8b" b="qwen3-8b"></llm-arch-compare>`);
    const e = event as LlmArchLoadEvent;
    expect(e.detail.specs.map((s) => s.id)).to.deep.equal(["llama-3-8b", "qwen3-8b"]);
    const figure = shadow(el).querySelector("[part=diagram]")!;
    const titles = [...figure.querySelectorAll("svg title")].map((t) => t.textContent);
    expect(titles.join(" ")).to.contain("Llama 3").and.to.contain("Qwen3");
    const rows = rowsOf(el);
    expect(rows.length).to.equal(compareRows(e.detail.specs).length);
    expect(rows.length).to.be.greaterThan(3);
    const vocab = rows.find((r) => r.label === "Vocabulary size")!;
    expect(vocab.cells.map((c) => c.text)).to.deep.equal(["128,256", "151,936"]);
    expect(vocab.cells[1]!.changed).to.equal(true);
    expect(rows.some((r) => r.label === "Total parameters")).to.equal(true);
    expect(shadow(el).querySelector("caption")!.textContent).to.match(/\d+ differences/);
    await expect(el).to.be.accessible();
  });

  it("compares up to four models (c, d) against the first", async () => {
    const { el } = await mount<LlmArchCompare>(
      `<llm-arch-compare a="qwen3-4b" b="qwen3-8b" c="qwen3-32b" d="qwen3-0.6b"></llm-arch-compare>`,
    );
    const head = [...shadow(el).querySelectorAll("thead th")].map((th) => th.textContent!.trim());
    expect(head).to.have.length(5);
    const layers = rowsOf(el).find((r) => r.label === "Layers")!;
    expect(layers.cells).to.have.length(4);
    expect(layers.cells[0]!.changed).to.equal(false);
  });

  it("accepts specs as a property and re-renders when b changes", async () => {
    const specs = await Promise.all(
      ["gpt-2-small", "gpt-2-xl"].map(async (id) => (await fetch(`/packages/components/cdn/models/${id}.json`)).json()),
    );
    const { el } = await mount<LlmArchCompare>(`<llm-arch-compare></llm-arch-compare>`, "llm-arch-load", (e) => (e.specs = specs));
    expect(
      rowsOf(el)
        .find((r) => r.label === "Embedding dimension")!
        .cells.map((c) => c.text),
    ).to.deep.equal(["768", "1,600"]);
    el.specs = undefined;
    el.a = "mistral-7b";
    const next = nextEvent<LlmArchLoadEvent>(el, "llm-arch-load");
    el.b = "mixtral-8x7b";
    expect((await next).detail.specs.map((s) => s.id)).to.deep.equal(["mistral-7b", "mixtral-8x7b"]);
  });

  it("shows an error for an unknown model and for a single model", async () => {
    const { el, event } = await mount<LlmArchCompare>(`<llm-arch-compare a="llama-3-8b" b="llama-9"></llm-arch-compare>`, "llm-arch-error");
    expect((event as LlmArchErrorEvent).detail.kind).to.equal("unknown-model");
    expect(shadow(el).querySelector("[role=alert]")!.textContent).to.contain("llama-9");
    const { event: one } = await mount<LlmArchCompare>(`<llm-arch-compare a="llama-3-8b"></llm-arch-compare>`, "llm-arch-error");
    expect((one as LlmArchErrorEvent).detail.kind).to.equal("usage");
  });

  it("outlines the differing components in the figures, and shows only the figures or only the table with view", async () => {
    const { el } = await mount<LlmArchCompare>(`<llm-arch-compare a="gemma-3-27b" b="gpt-oss-120b"></llm-arch-compare>`);
    const figure = shadow(el).querySelector("[part=diagram]")!;
    expect(figure.querySelectorAll("svg[role=img]").length).to.equal(2);
    expect(figure.querySelectorAll('[data-diff="changed"]').length).to.be.greaterThan(1);
    el.view = "diagram";
    await el.updateComplete;
    expect(shadow(el).querySelector("[part=facts]")).to.equal(null);
    expect(shadow(el).querySelector("[role=region]")).to.equal(null);
    el.view = "facts";
    await el.updateComplete;
    expect(shadow(el).querySelector("[part=diagram]")).to.equal(null);
    expect(shadow(el).querySelector("[part=facts]")).not.to.equal(null);
  });

  it("is accessible in the dark theme", async () => {
    const { el } = await mount<LlmArchCompare>(`<llm-arch-compare a="deepseek-v3" b="kimi-k2" theme="dark"></llm-arch-compare>`);
    await expect(el).to.be.accessible();
  });
});
