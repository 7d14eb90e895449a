import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { LlmArchGallery, LlmArchOpenEvent } from "../src/index.js";
import { cleanup, fetchedModelFiles, mount, nextEvent, shadow } from "./helpers.js";

async function gallery(markup = `<llm-arch-gallery></llm-arch-gallery>`) {
  const { el } = await mount<LlmArchGallery>(markup, "none");
  for (let i = 0; i < 100 && !shadow(el).querySelector("[part=grid]"); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}
const cards = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>("[part=card]")];
const names = (el: Element) => cards(el).map((c) => c.dataset.id!);
const select = async (el: LlmArchGallery, label: string, value: string) => {
  const s = [...shadow(el).querySelectorAll("label")].find((l) => l.textContent!.trim().startsWith(label))!.querySelector("select")!;
  s.value = value;
  s.dispatchEvent(new Event("change"));
  await el.updateComplete;
};

describe("<llm-arch-gallery>", () => {
  afterEach(cleanup);

  it("lists every model of the light index, newest first, without loading any spec", async () => {
    const el = await gallery();
    const all = el.visibleEntries;
    expect(cards(el).length).to.equal(all.length);
    expect(all.length).to.be.greaterThan(50);
    const dates = all.map((e) => e.releaseDate);
    expect(dates).to.deep.equal([...dates].sort().reverse());
    expect(fetchedModelFiles()).to.deep.equal([]);
    expect(shadow(el).querySelector("[role=status]")!.textContent).to.match(/^\d+ of \d+ models$/);
  });

  it("filters by decoder type, org, attention and concept, and by text", async () => {
    const el = await gallery();
    await select(el, "Decoder type", "Sparse MoE");
    expect(el.getAttribute("decoder-type")).to.equal("Sparse MoE");
    expect(el.visibleEntries.every((e) => e.decoderType === "Sparse MoE")).to.equal(true);
    await select(el, "Attention", "MLA");
    expect(el.visibleEntries.every((e) => e.attention.includes("MLA"))).to.equal(true);
    await select(el, "Organisation", "DeepSeek");
    expect(names(el)).to.include("deepseek-v3");
    expect(el.visibleEntries.every((e) => e.org === "DeepSeek")).to.equal(true);
    await select(el, "Concept", "DSA");
    expect(names(el)).to.include("deepseek-v3.2");
    expect(names(el)).not.to.include("deepseek-v3");
    await select(el, "Decoder type", "");
    await select(el, "Attention", "");
    await select(el, "Organisation", "");
    await select(el, "Concept", "");
    const input = shadow(el).querySelector("input[type=search]") as HTMLInputElement;
    input.focus();
    await sendKeys({ type: "gemma sliding" });
    await el.updateComplete;
    expect(el.query).to.equal("gemma sliding");
    expect(names(el).length).to.equal(0);
    el.query = "gemma swa";
    await el.updateComplete;
    expect(names(el).length).to.be.greaterThan(2);
    expect(names(el).every((id) => id.startsWith("gemma"))).to.equal(true);
    el.query = "zzz-nothing";
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain("No model matches");
  });

  it("sorts by date, size, active parameters and name", async () => {
    const el = await gallery(`<llm-arch-gallery sort="largest"></llm-arch-gallery>`);
    let totals = el.visibleEntries.map((e) => e.params.total);
    expect(totals).to.deep.equal([...totals].sort((a, b) => b - a));
    await select(el, "Sort", "smallest");
    totals = el.visibleEntries.map((e) => e.params.total);
    expect(totals).to.deep.equal([...totals].sort((a, b) => a - b));
    expect(el.getAttribute("sort")).to.equal("smallest");
    await select(el, "Sort", "oldest");
    expect(names(el)[0]).to.equal("gpt-2-small");
    await select(el, "Sort", "name");
    const n = el.visibleEntries.map((e) => e.name);
    expect(n).to.deep.equal([...n].sort((a, b) => a.localeCompare(b)));
    await select(el, "Sort", "active");
    const act = el.visibleEntries.map((e) => e.params.active);
    expect(act).to.deep.equal([...act].sort((a, b) => b - a));
  });

  it("opens a model with Enter: llm-arch-open (bubbling, composed, cancelable) with the href from href-template", async () => {
    const el = await gallery(`<llm-arch-gallery href-template="#/model/{id}" query="deepseek v3"></llm-arch-gallery>`);
    const card = cards(el).find((c) => c.dataset.id === "deepseek-v3")!;
    expect(card.tagName).to.equal("A");
    expect(card.getAttribute("href")).to.equal("#/model/deepseek-v3");
    const opened = nextEvent<LlmArchOpenEvent>(document, "llm-arch-open");
    card.focus();
    await sendKeys({ press: "Enter" });
    const e = await opened;
    expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
    expect(e.detail.id).to.equal("deepseek-v3");
    expect(e.detail.href).to.equal("#/model/deepseek-v3");
    expect(e.detail.entry.name).to.equal("DeepSeek V3");
    expect(location.hash).to.equal("#/model/deepseek-v3");
    history.replaceState(null, "", location.pathname + location.search);
  });

  it("lets a listener cancel the navigation", async () => {
    const el = await gallery(`<llm-arch-gallery href-template="#/m/{id}" query="llama 3 8b"></llm-arch-gallery>`);
    const stop = (e: Event) => e.preventDefault();
    el.addEventListener("llm-arch-open", stop);
    cards(el)[0]!.click();
    el.removeEventListener("llm-arch-open", stop);
    expect(location.hash).to.equal("");
  });

  it("uses buttons without href-template, opened by click", async () => {
    const el = await gallery(`<llm-arch-gallery query="phi-4"></llm-arch-gallery>`);
    const card = cards(el)[0]!;
    expect(card.tagName).to.equal("BUTTON");
    const opened = nextEvent<LlmArchOpenEvent>(el, "llm-arch-open");
    card.click();
    expect((await opened).detail.id).to.equal("phi-4");
  });

  it("is accessible (axe) in light and dark themes", async () => {
    for (const theme of ["light", "dark"]) {
      const el = await gallery(`<llm-arch-gallery theme="${theme}" sort="name"></llm-arch-gallery>`);
      await expect(el).to.be.accessible();
      cleanup();
    }
  });
});
