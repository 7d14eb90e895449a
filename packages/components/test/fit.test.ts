import { expect } from "@open-wc/testing";
import type { LlmArchFit } from "../src/index.js";
import { cleanup, mount, shadow, until } from "./helpers.js";

const fitOf = (el: Element) => el as LlmArchFit;
const q = <T extends Element>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
const verdict = (el: Element) => q<HTMLElement>(el, ".verdict")?.textContent?.trim() ?? "";

async function type(el: Element, id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  await fitOf(el).updateComplete;
}

async function choose(el: Element, id: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
  await fitOf(el).updateComplete;
}

describe("<llm-arch-fit>", () => {
  afterEach(cleanup);

  it("Will it fit: Llama 3 8B bf16 fits on one H100, ≤ 208 tokens/s", async () => {
    const { el } = await mount<LlmArchFit>(`<llm-arch-fit model="llama-3-8b"></llm-arch-fit>`);
    await until(() => q(el, ".verdict"), 5000, "fit panel");
    expect(verdict(el)).to.match(/^Fits on one NVIDIA H100 SXM 80GB/);
    const text = q(el, ".fit-table")!.textContent!.replace(/\s+/g, " ");
    expect(text).to.contain("16.06 GB (bf16 16.06 GB)");
    expect(text).to.contain("≤ 208 tokens/s per sequence");
    expect(q(el, ".bound")!.textContent).to.match(/upper bounds \(roofline\)/);
    // every control is labelled and reachable by keyboard
    for (const c of fitOf(el).shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      ".fit-controls input, .fit-controls select",
    )) {
      expect(q(el, `label[for="${c.id}"]`), c.id).to.exist;
      expect(c.tabIndex).to.equal(0);
    }
    await expect(el).to.be.accessible();
    await expect(fitOf(el)).to.be.accessible();
  });

  it("stands alone as <llm-arch-fit>", async () => {
    const { el } = await mount<LlmArchFit>(`<llm-arch-fit model="qwen3-8b" theme="dark"></llm-arch-fit>`);
    await until(() => q(el, ".verdict"), 5000, "fit panel");
    expect(verdict(el)).to.match(/^Fits on one NVIDIA H100/);
    await expect(el).to.be.accessible();
  });

  it("shows a bad field's error next to it, without clamping, and recovers", async () => {
    const { el } = await mount<LlmArchFit>(`<llm-arch-fit model="llama-3-8b"></llm-arch-fit>`);
    await until(() => q(el, ".verdict"), 5000, "fit panel");
    await type(el, "fit-context", "12x");
    const input = q<HTMLInputElement>(el, "#fit-context")!;
    expect(input.getAttribute("aria-invalid")).to.equal("true");
    expect(input.getAttribute("aria-describedby")).to.equal("fit-context-error");
    expect(q(el, "#fit-context-error")!.textContent).to.match(/128k/);
    expect(input.value).to.equal("12x");
    expect(verdict(el)).to.match(/Fix the highlighted field/);
    await type(el, "fit-batch", "0");
    expect(q(el, "#fit-batch-error")!.textContent).to.match(/At least 1/);
    await type(el, "fit-batch", "8");
    await type(el, "fit-context", "4k");
    expect(q(el, "#fit-context-error")).to.equal(null);
    expect(verdict(el)).to.match(/^Fits on/);
    await expect(fitOf(el)).to.be.accessible();
  });

  it("says plainly when it does not fit, and the fewest devices that do", async () => {
    const { el } = await mount<LlmArchFit>(`<llm-arch-fit model="llama-3-8b" theme="dark"></llm-arch-fit>`);
    await until(() => q(el, ".verdict"), 5000, "fit panel");
    await choose(el, "fit-device", "rtx4090");
    await type(el, "fit-batch", "8");
    // 16.06 GB weights + 8 × 1.07 GB KV + 2.4 GB overhead > 24 GB
    expect(verdict(el)).to.match(/^Does not fit on 1 × NVIDIA GeForce RTX 4090.*needs at least 2/);
    expect(q(el, ".verdict")!.classList.contains("no")).to.equal(true);
    await choose(el, "fit-device", "custom");
    expect(verdict(el)).to.match(/Fix the highlighted field/);
    await type(el, "fit-memoryGB", "96");
    await type(el, "fit-bandwidthGBps", "4000");
    expect(verdict(el)).to.match(/^Fits on one Custom device/);
    expect(q(el, ".fit-table")!.textContent).to.contain("not estimated");
    await expect(fitOf(el)).to.be.accessible();
  });
});

describe("<llm-arch-facts fit>", () => {
  afterEach(cleanup);

  it("adds the fit calculator for the same model below the fact sheet, only with `fit`", async () => {
    const { el } = await mount<HTMLElement>(`<llm-arch-facts model="llama-3-8b" fit theme="dark"></llm-arch-facts>`);
    const fit = shadow(el).querySelector<LlmArchFit>("llm-arch-fit")!;
    expect(fit, "fit element").to.exist;
    await until(() => fit.shadowRoot && q(fit, ".verdict"), 8000, "fit panel in the fact sheet");
    expect(q(el, "table")).to.exist;
    expect(verdict(fit)).to.match(/^Fits on one NVIDIA H100 SXM 80GB/);
    expect(fit.getAttribute("theme")).to.equal("dark");
    await type(fit, "fit-batch", "0");
    expect(q(fit, "#fit-batch-error")).to.exist;
    await expect(el).to.be.accessible();

    const { el: plain } = await mount<HTMLElement>(`<llm-arch-facts model="llama-3-8b"></llm-arch-facts>`);
    expect(q(plain, "table")).to.exist;
    expect(q(plain, "llm-arch-fit")).to.equal(null);
  });
});
