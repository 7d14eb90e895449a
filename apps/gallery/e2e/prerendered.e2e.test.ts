/**
 * End-to-end: the pre-rendered site (the BUILT site in Chromium). With JavaScript disabled every page still
 * shows its content — the home page's cards, each model's page with its figure and fact sheet, the concepts —
 * and with JavaScript the pre-rendered model page turns into the interactive one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { models } from "@archgal/data";
import { conceptCatalogue } from "@archgal/schema/concepts";
import { openPage, screenshot, seriousA11yViolations, startSite, type Site } from "./site-harness.js";

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

const noScript = { javaScriptEnabled: false } as const;

/** Problems of a page without scripts: the browser refuses the scripts' preloads ("csp"), which is the point. */
const realProblems = (problems: string[]) => problems.filter((p) => !/^request failed: .* csp$/.test(p));

describe("without JavaScript", () => {
  it("the home page lists every model as a card linking to its own page", async () => {
    const t = await openPage(site, "./", noScript);
    try {
      const { page } = t;
      expect(await page.locator(".status").count(), "no 'Loading…' placeholder").toBe(0);
      const cards = page.locator(".card-grid .model-card");
      expect(await cards.count()).toBe(models.length);
      expect(await page.locator("#hero-stats dd").first().textContent()).toBe(String(models.length));
      const first = cards.first().locator("h3 a");
      expect(await first.getAttribute("href")).toMatch(/^\.\/model-[a-z0-9.-]+\.html$/);
      expect(await page.locator(".compare-toggle").count(), "no toggle that needs a script").toBe(0);
      await screenshot(page, "prerendered-home-nojs");
      expect(realProblems(t.problems)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("a card's link opens the model's page with its figure, fact sheet and sources", async () => {
    const t = await openPage(site, "./", noScript);
    try {
      const { page } = t;
      await page.locator('.model-card[data-model="deepseek-v3"] h3 a').click();
      await page.waitForURL(/model-deepseek-v3\.html$/);
      expect(await page.title()).toBe("DeepSeek V3 architecture — archgal");
      expect(await page.locator("h1").textContent()).toBe("DeepSeek V3");
      const figure = page.locator(".static-figure svg");
      await figure.waitFor({ state: "visible" });
      expect((await figure.boundingBox())!.width).toBeGreaterThan(600);
      expect(await figure.getAttribute("role")).toBe("img");
      expect(await page.locator(".fact-table th").allTextContents()).toContain("Parameters");
      expect(await page.locator(".sources li").count()).toBeGreaterThan(0);
      expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("DeepSeek V3 architecture — archgal");
      await screenshot(page, "prerendered-model-nojs", true);
      expect(realProblems(t.problems)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("every model has its own page and every concept too", async () => {
    for (const m of [models[0]!, models[models.length - 1]!]) {
      const t = await openPage(site, `./model-${m.id}.html`, noScript);
      try {
        expect(await t.page.locator("h1").textContent()).toBe(m.name);
        expect(realProblems(t.problems)).toEqual([]);
      } finally {
        await t.close();
      }
    }
    const t = await openPage(site, "./concepts.html", noScript);
    try {
      expect(await t.page.locator(".concept-card").count()).toBe(conceptCatalogue.length);
      await t.page.locator(".concept-card", { hasText: "Multi-head latent attention" }).first().click();
      await t.page.waitForURL(/concept-MLA\.html$/);
      expect(await t.page.locator("h1").textContent()).toMatch(/latent attention/i);
      const users = t.page.locator(".concept-models li");
      expect(await users.count()).toBeGreaterThan(3);
      // the build has every spec, so how each model uses the concept is already written
      expect((await t.page.locator(".concept-models .usage").first().textContent())?.length).toBeGreaterThan(0);
      await screenshot(t.page, "prerendered-concept-nojs");
      expect(realProblems(t.problems)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe("pages that need a script, without JavaScript", () => {
  for (const [path, words] of [
    ["./compare.html?models=llama-3-8b,qwen3-8b", /computed in your browser/],
    ["./your-model.html", /nothing is uploaded/],
    ["./model.html?id=llama-3-8b", /page of its own/],
  ] as const) {
    it(`${path} says why and links to the pages that read without it`, async () => {
      const t = await openPage(site, path, noScript);
      try {
        const { page } = t;
        expect(await page.locator("main").innerText()).toMatch(words);
        expect(await page.locator(".status").isVisible(), "no 'Loading…' that never ends").toBe(false);
        expect(await page.locator("main a", { hasText: "Browse the models" }).getAttribute("href")).toBe("./");
        expect(realProblems(t.problems)).toEqual([]);
      } finally {
        await t.close();
      }
    });
  }
});

describe("the poster without JavaScript", () => {
  it("shows the pre-rendered poster file, with links to both orders", async () => {
    const t = await openPage(site, "./poster.html", noScript);
    try {
      const { page } = t;
      const img = page.locator(".poster-static img");
      await expect
        .poll(() => img.evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth), { timeout: 60_000 })
        .toBeGreaterThan(5_000);
      expect(await img.getAttribute("alt")).toContain(`all ${models.length} models`);
      expect(await page.locator(".poster-static source").getAttribute("media")).toBe("(prefers-color-scheme: dark)");
      expect(await page.locator("main a[href$='.svg']").count()).toBe(2);
      await screenshot(page, "prerendered-poster-nojs");
      expect(realProblems(t.problems)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe("with JavaScript", () => {
  it("a pre-rendered model page becomes the interactive page, accessible and without errors", async () => {
    const t = await openPage(site, "./model-qwen3-next-80b-a3b.html");
    try {
      const { page } = t;
      await page.locator("llm-arch svg").first().waitFor({ state: "visible" });
      expect(await page.locator(".static-figure").count(), "the static figure is replaced").toBe(0);
      expect(await page.locator("h1").count()).toBe(1);
      await page.locator("#memory-title").waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(t.problems).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("the home page's pre-rendered cards become the filterable grid, taken over rather than built again", async () => {
    // Keeps every card the page's script takes out of the document; cards moved elsewhere are connected again.
    const watchRemovedCards = () => {
      const w = window as unknown as { removedCards: Element[] };
      w.removedCards = [];
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.removedNodes)
            if (n instanceof Element) w.removedCards.push(...(n.matches(".model-card") ? [n] : n.querySelectorAll(".model-card")));
      }).observe(document, { childList: true, subtree: true });
    };
    const droppedCards = () => (window as unknown as { removedCards: Element[] }).removedCards.filter((n) => !n.isConnected).length;
    const t = await openPage(site, "./", { initScript: watchRemovedCards });
    try {
      const { page } = t;
      await page.locator("#model-search").waitFor();
      expect(await page.locator(".card-grid .model-card").count()).toBe(models.length);
      expect(await page.locator(".compare-toggle").count()).toBe(models.length);
      expect(await page.evaluate(droppedCards), "cards built a second time").toBe(0);
      // Another query builds its grid as before, and coming back to all models builds it again.
      await page.locator("#model-search").fill("deepseek");
      await expect.poll(() => page.locator(".card-grid .model-card").count()).toBeLessThan(models.length);
      expect(await page.evaluate(droppedCards)).toBeGreaterThan(0);
      expect(await page.locator("#models-title").count(), "one heading, not two").toBe(1);
      expect(t.problems).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
