/**
 * `<llm-arch-compare>` fits its container: measured in real Chromium at a 680 px column, a 390 px phone and a
 * wide page, and the enlarged view of a four-model comparison (keyboard: Enter opens it, Escape closes it).
 */
import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import type { LlmArchCompare } from "../src/index.js";
import { cleanup, mount, shadow, until } from "./helpers.js";

/** Mounts a comparison in a host `width` px wide and waits until it has drawn for that width. */
async function compareIn(width: number, models: string[]): Promise<{ el: LlmArchCompare; host: HTMLElement }> {
  const attrs = models.map((m, i) => `${"abcd"[i]}="${m}"`).join(" ");
  const { el } = await mount<LlmArchCompare>(`<llm-arch-compare ${attrs} view="diagram"></llm-arch-compare>`);
  const host = el.parentElement!;
  host.style.width = `${width}px`;
  // The element redraws a frame after the resize observer reports the new width.
  await until(() => Math.abs(el.getBoundingClientRect().width - width) < 1 && svgs(el).length === models.length, 5000, "resized");
  // The observer reports in the frame after the resize and the element applies it in the frame after that.
  for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  return { el, host };
}

const svgs = (root: Element | ShadowRoot) => [
  ...(root instanceof Element ? shadow(root) : root).querySelectorAll<SVGSVGElement>(
    "figure[part=diagram] svg[role=img], dialog svg[role=img]",
  ),
];
const viewBoxWidth = (svg: SVGSVGElement) => svg.viewBox.baseVal.width;
/** The smallest text drawn in an SVG, in CSS px as rendered. */
const smallestTextPx = (svg: SVGSVGElement) => {
  const scale = svg.getBoundingClientRect().width / viewBoxWidth(svg);
  const sizes = [...svg.querySelectorAll("text")].map((t) => Number.parseFloat(getComputedStyle(t).fontSize)).filter((x) => x > 0);
  return Math.min(...sizes) * scale;
};

describe("<llm-arch-compare> fits its container", () => {
  afterEach(cleanup);

  it("in a 680 px column shows every figure whole, side by side, with legible text", async () => {
    const { el, host } = await compareIn(680, ["llama-3-8b", "qwen3-next-80b-a3b"]);
    const h = host.getBoundingClientRect();
    const figure = shadow(el).querySelector<HTMLElement>("figure[part=diagram]")!;
    expect(figure.scrollWidth).to.be.at.most(figure.clientWidth + 1);
    const rects = svgs(el).map((s) => s.getBoundingClientRect());
    for (const r of rects) {
      expect(r.left).to.be.at.least(h.left - 0.5);
      expect(r.right).to.be.at.most(h.right + 0.5);
      expect(r.width).to.be.greaterThan(300);
    }
    // Side by side: the same top, the second to the right of the first.
    expect(Math.abs(rects[0]!.top - rects[1]!.top)).to.be.lessThan(1);
    expect(rects[1]!.left).to.be.at.least(rects[0]!.right);
    for (const s of svgs(el)) expect(smallestTextPx(s)).to.be.at.least(10);
    // The compact figures, which keep the layer strip of the hybrid.
    expect(svgs(el)[1]!.querySelector('[data-kind="layer-cell"]')).not.to.equal(null);
  });

  it("on a 390 px phone stacks all four figures, each whole and legible", async () => {
    const { el, host } = await compareIn(390, ["qwen3-4b", "qwen3-8b", "qwen3-32b", "nemotron-3-nano-30b-a3b"]);
    const h = host.getBoundingClientRect();
    const rects = svgs(el).map((s) => s.getBoundingClientRect());
    expect(rects).to.have.length(4);
    rects.forEach((r, i) => {
      expect(r.left).to.be.at.least(h.left - 0.5);
      expect(r.right).to.be.at.most(h.right + 0.5);
      expect(r.width).to.be.greaterThan(350);
      expect(r.height).to.be.greaterThan(300);
      if (i) expect(r.top).to.be.at.least(rects[i - 1]!.bottom);
    });
    for (const s of svgs(el)) expect(smallestTextPx(s)).to.be.at.least(10);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth + 1);
  });

  it("draws the full figures where each can be 740 px wide, and no enlarge button for two models", async () => {
    const { el } = await compareIn(1600, ["llama-3-8b", "qwen3-8b"]);
    for (const s of svgs(el)) expect(viewBoxWidth(s)).to.be.greaterThan(800);
    expect(shadow(el).querySelector("[part=enlarge]")).to.equal(null);
  });

  it("a four-model comparison opens enlarged with the keyboard and closes with Escape", async () => {
    const { el } = await compareIn(1440, ["qwen3-4b", "qwen3-8b", "qwen3-32b", "qwen3-0.6b"]);
    const button = shadow(el).querySelector<HTMLButtonElement>("[part=enlarge]")!;
    expect(button).not.to.equal(null);
    expect(button.textContent!.trim()).to.equal("Enlarge");
    const inline = svgs(el).map(smallestTextPx);
    button.focus();
    await sendKeys({ press: "Enter" });
    await until(() => shadow(el).querySelector<HTMLDialogElement>("dialog")?.open, 5000, "dialog open");
    const dialog = shadow(el).querySelector<HTMLDialogElement>("dialog")!;
    const big = svgs(dialog.parentNode as ShadowRoot).filter((s) => dialog.contains(s));
    expect(big).to.have.length(4);
    for (const s of big) expect(smallestTextPx(s)).to.be.at.least(11.5);
    // Bigger than inline, where four figures share 1,440 px.
    expect(Math.min(...big.map(smallestTextPx))).to.be.greaterThan(Math.min(...inline));
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal("Close");
    await sendKeys({ press: "Escape" });
    await until(() => !shadow(el).querySelector("dialog"), 5000, "dialog closed");
    await until(() => shadow(el).activeElement === shadow(el).querySelector("[part=enlarge]"), 5000, "focus back on Enlarge");
  });
});
