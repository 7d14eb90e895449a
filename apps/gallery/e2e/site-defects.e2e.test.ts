/**
 * End-to-end: the rough edges a real-user pass found, each as the behaviour it should have (the BUILT site in
 * Chromium): phone popovers and buttons inside the screen, compare requests said as they are, the calculator's
 * batch checked beside the field, filter counts that follow the selection, typo-tolerant search, the search
 * box before the filters, axe moderate issues, link-preview tags.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { models } from "@archgal/data";
import {
  a11yViolations,
  horizontalOverflow,
  openPage,
  screenshot,
  seriousA11yViolations,
  startSite,
  type Site,
  type TrackedPage,
} from "./site-harness.js";

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

async function finish(t: TrackedPage, axe = true): Promise<void> {
  try {
    if (axe) expect(await seriousA11yViolations(t.page), "serious/critical axe violations").toEqual([]);
    expect(t.problems, "console errors / failed requests").toEqual([]);
  } finally {
    await t.close();
  }
}

const phone = { width: 390, height: 844 };

describe("phone model page (390 px)", () => {
  for (const id of ["qwen3-next-80b-a3b", "nemotron-3-nano-30b-a3b", "nemotron-3-nano-4b"]) {
    it(`${id}: the compare button and the component popover stay on screen; no sideways scrolling`, async () => {
      const t = await openPage(site, `./model.html?id=${id}`, phone);
      const { page } = t;
      await page.locator("llm-arch svg").first().waitFor({ state: "visible" });
      const compare = page.locator(".model-head .button.primary");
      const box = (await compare.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);

      // open the popover of the component starting farthest right: the one most likely to run off the edge
      // (dispatched, since a block's button lies under the buttons of its parts)
      const buttons = page.locator("llm-arch [role=toolbar] button");
      const lefts = await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
      await buttons.nth(lefts.indexOf(Math.max(...lefts))).dispatchEvent("click");
      const popover = page.locator("llm-arch [part=popover]");
      await popover.waitFor({ state: "visible" });
      const pop = (await popover.boundingBox())!;
      expect(pop.x).toBeGreaterThanOrEqual(0);
      expect(pop.x + pop.width).toBeLessThanOrEqual(phone.width);
      await screenshot(page, `phone390-model-${id}-popover`);
      const overflow = await horizontalOverflow(page);
      expect(overflow.elements, "elements wider than the phone screen").toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(0);

      // a press outside the diagram closes the popover
      await page.locator("h1").click();
      await expect.poll(() => popover.count()).toBe(0);
      await finish(t);
    });
  }
});

describe("compare requests", () => {
  it("takes the same model twice as a valid comparison", async () => {
    const t = await openPage(site, "./compare.html?models=llama-3-8b,llama-3-8b");
    const { page } = t;
    await page.locator("llm-arch-compare svg").first().waitFor({ state: "visible" });
    await page.locator(".diff-table").waitFor();
    expect(await page.locator("#compare-notice").count()).toBe(0);
    expect(await page.locator("#same-model-note").textContent()).toContain("nothing differs");
    expect(await page.locator("#pick-a").inputValue()).toBe("llama-3-8b");
    expect(await page.locator("#pick-b").inputValue()).toBe("llama-3-8b");
    expect(page.url()).toMatch(/models=llama-3-8b,llama-3-8b$/);
    await finish(t);
  });

  it("names only the unknown id and says which model it shows instead", async () => {
    const t = await openPage(site, "./compare.html?models=llama-3-8b,nope");
    const { page } = t;
    const notice = page.locator("#compare-notice");
    await notice.waitFor();
    const text = (await notice.textContent())!;
    expect(text).toContain("Unknown model id: “nope”.");
    expect(text).not.toMatch(/“llama-3-8b”/);
    const shown = await page.locator("#pick-b").inputValue();
    const name = models.find((m) => m.id === shown)!.name;
    expect(text).toContain(`beside ${name} instead`);
    expect(await page.locator("#pick-a").inputValue()).toBe("llama-3-8b");
    await screenshot(page, "compare-unknown-id");
    await finish(t);
  });

  it("refuses a fifth pick on the home page and says why, keeping the four", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    const toggles = page.locator(".model-card .compare-toggle");
    for (let i = 0; i < 4; i++) await toggles.nth(i).click();
    expect(await page.locator('.compare-toggle[aria-pressed="true"]').count()).toBe(4);
    await toggles.nth(4).click();
    expect(await page.locator('.compare-toggle[aria-pressed="true"]').count()).toBe(4);
    expect(await toggles.nth(4).getAttribute("aria-pressed")).toBe("false");
    expect(await toggles.nth(0).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.locator(".tray-notice").textContent()).toMatch(/at most 4 models/);
    await screenshot(page, "home-compare-full");
    // removing one clears the notice and makes room
    await toggles.nth(0).click();
    expect(await page.locator(".tray-notice").textContent()).toBe("");
    await toggles.nth(4).click();
    expect(await toggles.nth(4).getAttribute("aria-pressed")).toBe("true");
    await finish(t);
  });
});

describe("memory calculator", () => {
  it("checks the batch beside the field instead of clamping it silently", async () => {
    const t = await openPage(site, "./model.html?id=llama-3-8b");
    const { page } = t;
    const batch = page.locator("#calc-batch");
    const error = page.locator("#calc-batch-error");
    await batch.waitFor();
    await batch.fill("8");
    await expect.poll(() => page.locator(".cache-facts").textContent()).toContain("8 sequences");
    for (const [value, message] of [
      ["0", /at least 1 sequence/],
      ["-3", /at least 1 sequence/],
      ["2.5", /not a whole number/],
      ["5000", /At most 1,024 sequences/],
    ] as const) {
      await batch.fill(value);
      await expect.poll(() => error.textContent()).toMatch(message);
      expect(await batch.getAttribute("aria-invalid")).toBe("true");
      // the figures stay those of the last valid batch, and the message says so
      expect(await page.locator(".cache-facts").textContent()).toContain("8 sequences");
      expect(await error.textContent()).toContain("Showing 8 sequences");
    }
    await screenshot(page, "calculator-batch-error");
    await batch.fill("4");
    await expect.poll(() => error.textContent()).toBe("");
    expect(await batch.getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator(".cache-facts").textContent()).toContain("4 sequences");
    // context written as the figure writes it: Llama 3 8B's 8,192, not 8.19k
    await page.locator("#calc-context").focus();
    await page.keyboard.press("End");
    await expect.poll(() => page.locator("#calc-context-out").textContent()).toBe("8,192 tokens");
    expect(await page.locator("#calc-weights-note").textContent()).not.toContain("MTP");
    await finish(t);
  });

  it("mentions MTP only for models with MTP, explains active vs used per token, and spells mLSTM", async () => {
    const t = await openPage(site, "./model.html?id=deepseek-v3");
    const { page } = t;
    await page.locator("#calc-weights-note").waitFor();
    expect(await page.locator("#calc-weights-note").textContent()).toContain("(MTP) modules included");
    expect(await page.locator(".param-note").textContent()).toMatch(/leave out the multi-token-prediction \(MTP\) modules/);
    await page.locator("#calc-context").focus();
    await page.keyboard.press("End");
    await expect.poll(() => page.locator("#calc-context-out").textContent()).toBe("128k tokens");
    await page.goto(new URL("./model.html?id=xlstm-7b", site.url).href);
    await page.locator(".cache-facts").waitFor();
    const facts = (await page.locator(".cache-facts").textContent())!;
    expect(facts).toContain("mLSTM");
    expect(facts).not.toContain("MLSTM");
    expect(await page.locator(".param-note").count()).toBe(0);
    await finish(t);
  });
});

describe("filters and search", () => {
  it("counts follow the selection: every offered value shows that many models, none leads to zero", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator('label[for="f-decoder-Sparse-MoE"]').click();
    const options = page.locator(".filter-option");
    const n = await options.count();
    const offered: { id: string; count: number }[] = [];
    for (let i = 0; i < n; i++) {
      const input = options.nth(i).locator("input");
      if ((await input.isDisabled()) || (await input.isChecked())) continue;
      offered.push({ id: (await input.getAttribute("id"))!, count: Number(await options.nth(i).locator(".count").textContent()) });
    }
    expect(offered.length).toBeGreaterThan(3);
    expect(offered.every((o) => o.count > 0)).toBe(true);
    // a value of another facet: ticking it shows exactly its count
    const other = offered.find((o) => o.id.startsWith("f-org-"))!;
    await page.locator(`label[for="${other.id}"]`).click();
    await expect.poll(() => page.locator(".card-grid > li").count()).toBe(other.count);
    expect(await page.locator(".filter-option.empty").count()).toBeGreaterThan(0);
    await finish(t);
  });

  it("finds models despite a typo", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator("#model-search").fill("deepsek");
    const deepseek = models.filter((m) => /deepseek/i.test(m.name)).length;
    await expect.poll(() => page.locator(".card-grid > li").count()).toBe(deepseek);
    await finish(t);
  });

  it("reaches the search box before any filter checkbox", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    const order: string[] = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      const what = await page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return a ? `${a.tagName.toLowerCase()}#${a.id}:${a.type ?? ""}` : "";
      });
      order.push(what);
      if (what.startsWith("input#model-search")) break;
    }
    expect(order.at(-1)).toMatch(/^input#model-search/);
    expect(order.filter((o) => o.endsWith(":checkbox"))).toEqual([]);
    expect(order.length).toBeLessThanOrEqual(10);
    await finish(t);
  });
});

describe("home details", () => {
  it("has no moderate axe issues; the + Compare pill leaves the thumbnail alone; the size view has a colour legend", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator(".model-card").first().waitFor();
    expect(await a11yViolations(page, "moderate")).toEqual([]);
    const cards = page.locator(".model-card");
    for (let i = 0; i < 6; i++) {
      const thumb = (await cards.nth(i).locator(".thumb").boundingBox())!;
      const pill = (await cards.nth(i).locator(".compare-toggle").boundingBox())!;
      expect(pill.y, "pill below the thumbnail").toBeGreaterThanOrEqual(thumb.y + thumb.height);
    }
    await page.locator("#tab-size").click();
    const legend = page.locator(".size-colours li");
    await expect.poll(() => legend.count()).toBe(new Set(models.map((m) => m.decoderType)).size);
    await screenshot(page, "home-size-legend");
    await finish(t);
  });

  it("the model page has no prohibited aria-label in the memory bars and no heading-order jump", async () => {
    const t = await openPage(site, "./model.html?id=deepseek-v3");
    const { page } = t;
    await page.locator(".memory-bars .memory-row").first().waitFor();
    expect(await page.locator(".memory-bars strong[aria-label]").count()).toBe(0);
    const moderate = await a11yViolations(page, "moderate");
    expect(moderate.filter((v) => / (aria-prohibited-attr|heading-order|aria-allowed-attr):/.test(v))).toEqual([]);
    await finish(t);
  });
});

describe("titles and link previews", () => {
  it("gives every page its own title and Open Graph tags, with the figure as the image where there is one", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    const og = (p: string) => page.locator(`meta[property="og:${p}"]`).getAttribute("content");
    const titles = new Set<string>();
    for (const path of [
      "./",
      "./concepts.html",
      "./poster.html",
      "./compare.html?models=llama-3-8b,qwen3-8b",
      "./model.html?id=llama-3-8b",
    ]) {
      await page.goto(new URL(path, site.url).href);
      await expect.poll(() => og("title")).toBe(await page.title());
      expect(await og("description")).toBeTruthy();
      titles.add(await page.title());
    }
    expect(titles.size).toBe(5);
    // the model page (the last one) names the model and points og:image at its figure
    expect(await page.title()).toContain("Llama 3");
    const image = (await og("image"))!;
    expect(image).toMatch(/^http.*\/thumbs\/llama-3-8b\.light\.svg$/);
    expect((await page.request.get(image)).status()).toBe(200);
    await finish(t, false);
  });
});
