import { expect } from "@open-wc/testing";
import { renderModel } from "@archgal/renderer";
import { loadModel } from "@archgal/data";
import type { LlmArch } from "../src/index.js";
import { cleanup, mount, svgOf } from "./helpers.js";

/** Pre-rendered first paint: the figure's SVG inside the tag shows before the element draws its own. */
describe("pre-rendered markup inside <llm-arch>", () => {
  afterEach(cleanup);

  it("shows the markup while the model loads, then its own interactive figure in its place", async () => {
    const markup = renderModel(await loadModel("llama-3-8b"), { panels: false });
    const { el } = await mount<LlmArch>(`<llm-arch model="llama-3-8b"><div class="first-paint">${markup}</div></llm-arch>`, "none");
    const firstPaint = el.querySelector<HTMLElement>(".first-paint")!;
    // before the model arrives the slot shows the light-DOM figure, at its size
    expect(firstPaint.getBoundingClientRect().height).to.be.greaterThan(200);
    await new Promise<void>((resolve) => el.addEventListener("llm-arch-load", () => resolve(), { once: true }));
    await el.updateComplete;
    expect(svgOf(el), "the element's own figure").not.to.equal(null);
    // once drawn, the light-DOM copy is no longer slotted: it takes no room and is not in the accessibility tree twice
    expect(firstPaint.assignedSlot).to.equal(null);
    expect(firstPaint.getBoundingClientRect().height).to.equal(0);
  });

  it("keeps showing the markup beside the error when the model cannot load", async () => {
    const { el } = await mount<LlmArch>(
      `<llm-arch model="no-such-model"><p class="first-paint">A picture of the model</p></llm-arch>`,
      "llm-arch-error",
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).not.to.equal(null);
    const picture = el.querySelector<HTMLElement>(".first-paint")!;
    expect(picture.assignedSlot, "still slotted").not.to.equal(null);
    expect(picture.getBoundingClientRect().height).to.be.greaterThan(0);
  });
});
