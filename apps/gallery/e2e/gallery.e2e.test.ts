/**
 * End-to-end: the BUILT site in Chromium. Home → filter → model page → compare two → concept page → dark mode,
 * plus the poster and phone width. Every page: visible content, no console errors, no failed requests,
 * no serious or critical axe violations; screenshots go to reports/screenshots/.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { models } from "@archgal/data";
import { openPage, screenshot, seriousA11yViolations, startSite, type Site, type TrackedPage } from "./site-harness.js";

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

/** Checks what every page must satisfy, then closes it. */
async function finish(t: TrackedPage, axe = true): Promise<void> {
  try {
    if (axe) expect(await seriousA11yViolations(t.page), "serious/critical axe violations").toEqual([]);
    expect(t.problems, "console errors / failed requests").toEqual([]);
  } finally {
    await t.close();
  }
}

async function cardCount(t: TrackedPage): Promise<number> {
  return t.page.locator(".card-grid > li").count();
}

describe("home", () => {
  it("lists every model as a card with thumbnail, scale, date, type and KV label", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await expect.poll(() => cardCount(t)).toBe(models.length);
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${models.length} models`);
    const first = page.locator(".model-card").first();
    expect(await first.locator("h3").textContent()).toBeTruthy();
    expect(await first.locator(".card-facts").textContent()).toMatch(/Released.*Type.*KV \/ token/s);
    // thumbnails load (lazy images in view)
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>(".model-card .thumb img");
      return !!img && img.complete && img.naturalWidth > 0;
    });
    // a thumbnail is the main column's drawing without its text, which at card size is 2-3 px high
    const thumb = await (await page.request.get(new URL("./thumbs/deepseek-v3.light.svg", site.url).href)).text();
    expect(thumb).toContain('data-component="block"');
    expect(thumb).not.toMatch(/<text\b/);
    expect(thumb).toContain("<title");
    await screenshot(page, "home");
    await finish(t);
  });

  it("filters by decoder type, searches, sorts, and keeps the query in the URL", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    const moe = models.filter((m) => m.decoderType === "Sparse MoE").length;
    await page.locator('label[for="f-decoder-Sparse-MoE"]').click();
    await expect.poll(() => cardCount(t)).toBe(moe);
    const badges = await page.locator(".card-grid .card-facts .badge").allTextContents();
    expect(new Set(badges)).toEqual(new Set(["Sparse MoE"]));
    expect(page.url()).toContain("decoder=Sparse+MoE");

    await page.locator("#model-sort").selectOption("total");
    const firstName = await page.locator(".model-card h3").first().textContent();
    const largestMoe = [...models].filter((m) => m.decoderType === "Sparse MoE").sort((a, b) => b.params.total - a.params.total)[0]!;
    expect(firstName).toBe(largestMoe.name);
    await screenshot(page, "home-filtered");

    await page.locator("#model-search").fill("deepseek");
    const deepseekMoe = models.filter((m) => m.decoderType === "Sparse MoE" && /deepseek/i.test(m.name)).length;
    await expect.poll(() => cardCount(t)).toBe(deepseekMoe);

    // the URL restores the same view
    const url = page.url();
    const again = await openPage(site, url);
    await expect.poll(() => cardCount(again)).toBe(deepseekMoe);
    await again.close();

    await page.getByRole("button", { name: "Clear all" }).click();
    await expect.poll(() => cardCount(t)).toBe(models.length);
    await finish(t);
  });

  it("shows the timeline, family tree and size views, switchable by keyboard", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator("#tab-grid").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator(".timeline .timeline-entry").count()).toBe(models.length);
    expect(await page.locator("#tab-timeline").getAttribute("aria-selected")).toBe("true");
    await screenshot(page, "home-timeline");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator(".tree-node").count()).toBe(models.length);
    // a derived model hangs under its base
    const derived = models.find((m) => m.derivedFrom)!;
    const base = models.find((m) => m.id === derived.derivedFrom)!;
    const nested = page
      .locator(".tree li", { has: page.locator(`> a.tree-node:has-text("${base.name}")`) })
      .locator(`ul a.tree-node:has-text("${derived.name}")`);
    expect(await nested.count()).toBeGreaterThan(0);
    await screenshot(page, "home-family");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator(".size-item").count()).toBe(models.length);
    // area ∝ parameters: the largest and smallest squares keep the ratio of their totals
    const sides = await page.locator(".size-item .size-square").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    const sorted = [...models].sort((a, b) => b.params.total - a.params.total);
    const ratio = (sides[0]! / sides[1]!) ** 2;
    expect(ratio).toBeCloseTo(sorted[0]!.params.total / sorted[1]!.params.total, 1);
    await screenshot(page, "home-size");
    expect(page.url()).toContain("view=size");
    await finish(t);
  });
});

describe("hostile URL parameters", () => {
  it("a view or sort only the prototype knows (toString, constructor, __proto__) falls back to the cards, labelled by a real tab", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    for (const bad of ["toString", "constructor", "__proto__", "no-such-view"]) {
      await page.goto(new URL(`./?view=${bad}&sort=${bad}`, site.url).href, { waitUntil: "load" });
      await expect.poll(() => cardCount(t), { message: bad }).toBe(models.length);
      const labelledBy = await page.locator("#view-panel").getAttribute("aria-labelledby");
      expect(labelledBy, bad).toBe("tab-grid");
      expect(await page.locator(`[id="${labelledBy}"]`).count(), `${bad}: the panel's label exists`).toBe(1);
      expect(await page.locator("#tab-grid").getAttribute("aria-selected"), bad).toBe("true");
      expect(await page.locator('[role="tab"][aria-selected="true"]').count(), bad).toBe(1);
      expect(await page.locator("#model-sort").inputValue(), bad).toBe("date");
      expect(new URL(page.url()).searchParams.has("view"), `${bad}: the URL drops the unknown view`).toBe(false);
    }
    // The labels are checked above; axe runs on the cards view in the tests before.
    await finish(t, false);
  });
});

describe("keyboard", () => {
  it("answers a search for a closed model: not published, what was stated, open relatives", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator("#model-search").fill("gemini");
    await page.locator(".closed-model-note").waitFor();
    const note = await page.locator(".closed-model-note").textContent();
    expect(note).toMatch(/Gemini is a closed model: Google DeepMind has not published its architecture/);
    expect(note).toMatch(/sparse mixture-of-experts/);
    expect(await page.locator('.closed-model-note a[href*="gemma-3-27b"]').count()).toBe(1);
    await page.locator("#model-search").fill("gemma");
    await expect.poll(() => page.locator(".closed-model-note").count()).toBe(0);
    await finish(t);
  });

  it("skips to content, focuses search with /, and opens a model with Enter", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    expect(await page.locator(".skip-link").boundingBox()).not.toBeNull();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("model-search");
    await page.keyboard.type("olmo 3");
    await expect.poll(() => cardCount(t)).toBe(models.filter((m) => /olmo 3/i.test(m.name)).length);
    await page.keyboard.press("Tab"); // → sort
    await page.keyboard.press("Tab"); // → direction
    await page.keyboard.press("Tab"); // → selected view tab
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    await page.locator(".model-card h3 a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/model-olmo-3/);
    await finish(t);
  });
});

describe("model page", () => {
  it("opens from a card and shows the diagram, facts, parameter chart, memory calculator and embed snippet", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator("#model-search").fill("DeepSeek V3");
    await page.locator(".model-card h3 a", { hasText: /^DeepSeek V3$/ }).click();
    await page.waitForURL(/model-deepseek-v3\.html$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("DeepSeek V3");
    await page.locator("llm-arch svg").first().waitFor({ state: "visible" });
    expect(await page.locator(".fact-table").textContent()).toContain("671B");
    expect(await page.locator(".param-rows").textContent()).toContain("Routed experts");

    // memory calculator: more context → more cache; MLA has no window, so cache ∝ context
    const cache = () => page.locator("#calc-cache-total").textContent();
    const before = await cache();
    await page.locator("#calc-context").focus();
    await page.keyboard.press("End");
    await expect.poll(cache).not.toBe(before);
    await page.locator("#calc-batch").fill("8");
    expect(await page.locator(".cache-facts").textContent()).toContain("8 sequences");

    expect(await page.locator(".snippet code").textContent()).toContain('<llm-arch model="deepseek-v3"></llm-arch>');
    await t.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.locator("[data-copy]").click();
    await expect.poll(() => page.locator(".snippet .copy-feedback").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<llm-arch model="deepseek-v3"></llm-arch>');

    // selecting the attention block links its concept page
    await page.locator('llm-arch button[data-component="mixer:mla"]').click();
    await expect.poll(() => page.locator(".selection-info").textContent()).toContain("Multi-head latent attention (MLA)");
    expect(await page.locator(".selection-info a").first().getAttribute("href")).toBe("./concept-MLA.html");
    await page.keyboard.press("Escape");

    // full-screen viewer with pan and zoom; Escape closes it
    await page.locator("#open-viewer").click();
    const viewer = page.locator("dialog.figure-viewer");
    await viewer.locator("svg").waitFor({ state: "visible" });
    await screenshot(page, "model-fullscreen-viewer");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => viewer.count()).toBe(0);
    await page.waitForTimeout(300);
    await screenshot(page, "model-deepseek-v3");
    await screenshot(page, "model-deepseek-v3-full", true);
    await finish(t);
  });

  it("downloads the figure as SVG and PNG", async () => {
    const t = await openPage(site, "./model.html?id=llama-3-8b");
    const { page } = t;
    await page.locator("llm-arch svg").first().waitFor();
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("#download-svg").click()]);
    expect(svg.suggestedFilename()).toBe("archgal-llama-3-8b.svg");
    const svgText = await new Promise<string>((resolve, reject) => {
      void svg.createReadStream().then((stream) => {
        let text = "";
        stream.on("data", (c: Buffer) => (text += c.toString()));
        stream.on("end", () => resolve(text));
        stream.on("error", reject);
      });
    });
    expect(svgText).toMatch(/^<svg /);
    expect(svgText).not.toContain("var(--llm-arch"); // colours inlined: the file stands alone
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#download-png").click()]);
    expect(png.suggestedFilename()).toBe("archgal-llama-3-8b.png");
    const stream = await png.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(500); // width
    await finish(t, false);
  });

  it("caps sliding windows and counts recurrent state in the cache", async () => {
    const t = await openPage(site, "./model.html?id=qwen3-next-80b-a3b");
    const { page } = t;
    await page.locator(".cache-facts").waitFor();
    expect(await page.locator(".cache-facts").textContent()).toMatch(/recurrent state/);
    await finish(t, false);
  });

  it("answers a closed model with its creator's statement and open relatives", async () => {
    const t = await openPage(site, "./model.html?id=gpt-4");
    await expect.poll(() => t.page.locator("h1").textContent()).toBe("GPT-4: architecture not published");
    expect(await t.page.locator(".closed-model-note").textContent()).toMatch(/OpenAI has not published its architecture/);
    expect(await t.page.locator('.closed-model-note a[href*="gpt-oss-120b"]').count()).toBe(1);
    await finish(t);
  });

  it("says so for an unknown model", async () => {
    const t = await openPage(site, "./model.html?id=no-such-model");
    await expect.poll(() => t.page.locator("h1").textContent()).toBe("Model not found");
    await finish(t);
  });
});

describe("compare", () => {
  it("compares two models from the home page and keeps a permalink", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    await page.locator('.model-card[data-model="deepseek-v3"] .compare-toggle').click();
    await page.locator('.model-card[data-model="kimi-k2"] .compare-toggle').click();
    await page.locator(".compare-tray a", { hasText: "Compare 2 models" }).click();
    await page.waitForURL(/compare\.html\?models=deepseek-v3,kimi-k2$/);
    await page.locator("llm-arch-compare svg").first().waitFor({ state: "visible" });
    await page.locator(".diff-table").waitFor();
    const differing = await page.locator(".diff-table td.differs").count();
    expect(differing).toBeGreaterThan(0);
    // Kimi K2 has 384 experts to DeepSeek V3's 256
    const experts = page.locator('.diff-table tr[data-path$=".experts"]');
    expect(await experts.textContent()).toMatch(/256.*384/);
    await page.waitForTimeout(300);
    await screenshot(page, "compare-deepseek-kimi");
    await screenshot(page, "compare-deepseek-kimi-full", true);

    // picking a third model updates the permalink
    await page.locator("#pick-c").selectOption("llama-3-8b");
    await page.waitForURL(/models=deepseek-v3,kimi-k2,llama-3-8b$/);
    await expect.poll(() => page.locator(".diff-table thead th").count()).toBe(4);
    await finish(t);
  });
});

describe("concepts", () => {
  it("lists concepts and shows a concept page with its diagram and the models that use it", async () => {
    const t = await openPage(site, "./concepts.html");
    const { page } = t;
    await page.locator(".concept-card").first().waitFor();
    await screenshot(page, "concepts", true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator(".concept-card", { hasText: "Grouped-query attention (GQA)" }).click();
    await page.waitForURL(/concept-GQA\.html$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Grouped-query attention (GQA)");
    expect(await page.locator(".concept-figure-large svg").count()).toBe(1);
    const users = models.filter((m) => (m.concepts as string[]).includes("GQA"));
    await expect.poll(() => page.locator(".concept-models > li").count()).toBe(users.length);
    expect(await page.locator(".concept-models").textContent()).toContain("Llama 3 (8B)");
    await screenshot(page, "concept-gqa");
    await finish(t);
  });

  it("renders every concept page without errors", async () => {
    const tags = [
      "MHA",
      "MQA",
      "MLA",
      "SWA",
      "MoE",
      "shared-expert",
      "QK-Norm",
      "NoPE",
      "RoPE",
      "gated-attention",
      "gated-deltanet",
      "kimi-delta-attention",
      "lightning-attention",
      "mamba-2",
      "DSA",
      "MTP",
      "sandwich-norm",
    ];
    const t = await openPage(site, "./concepts.html");
    for (const tag of tags) {
      await t.page.goto(new URL(`./concept.html?id=${encodeURIComponent(tag)}`, site.url).href);
      await expect.poll(() => t.page.locator("h1").textContent()).not.toBe("Concept not found");
      expect(await t.page.locator(".concept-figure-large svg").count(), tag).toBe(1);
    }
    await screenshot(t.page, "concept-sandwich-norm");
    await finish(t);
  });
});

describe("dark mode", () => {
  it("toggles, persists across pages, and follows the system preference until chosen", async () => {
    const t = await openPage(site, "./");
    const { page } = t;
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await page.locator("[data-theme-toggle]").click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>(".thumb img")?.src.includes(".dark.svg"));
    await screenshot(page, "home-dark");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(new URL("./model.html?id=qwen3-next-80b-a3b", site.url).href);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.locator("llm-arch svg").first().waitFor({ state: "visible" });
    expect(await page.locator("llm-arch").getAttribute("theme")).toBe("dark");
    await page.waitForTimeout(300);
    await screenshot(page, "model-dark");
    await finish(t);

    const system = await openPage(site, "./compare.html?models=gemma-3-27b,gpt-oss-120b", { colorScheme: "dark" });
    expect(await system.page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await system.page.locator("llm-arch-compare svg").first().waitFor({ state: "visible" });
    await system.page.locator(".diff-table").waitFor();
    await screenshot(system.page, "compare-dark");
    await finish(system);
  });
});

describe("poster", () => {
  it("shows every model with pan and zoom by buttons, keyboard and wheel", async () => {
    const t = await openPage(site, "./poster.html");
    const { page } = t;
    const poster = page.locator(".poster-sheet");
    // drawn tile by tile: the headings layer and one figure per model, each where the sheet puts it
    await expect.poll(() => page.locator(".poster-viewport").getAttribute("aria-busy"), { timeout: 90_000 }).toBe("false");
    expect(await poster.getAttribute("role")).toBe("img");
    expect(await poster.getAttribute("aria-label")).toContain(`all ${models.length} models, by release year`);
    expect(await page.locator(".poster-sheet img").count()).toBe(models.length + 1);
    const sheetWidth = await poster.evaluate((e) => (e as HTMLElement).offsetWidth);
    expect(sheetWidth).toBeGreaterThan(5_000);
    expect(await page.locator(".poster-sheet img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(
      true,
    );
    expect(await page.locator('.poster-sheet img[alt=""]').count()).toBe(models.length + 1);
    // with JavaScript the page fetches the tiles only: the whole-sheet file (for readers without it) stays unloaded
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    expect(fetched.filter((p) => p.includes("/poster/"))).toEqual(["/poster/date.light.tiles.json"]);
    const zoom = () => page.locator(".zoom-level").textContent();
    const fitted = await zoom();
    await page.locator("#zoom-in").click();
    await expect.poll(zoom).not.toBe(fitted);
    await page.locator(".poster-viewport").focus();
    await page.keyboard.press("0");
    await expect.poll(zoom).toBe(fitted);
    await page.keyboard.press("+");
    await expect.poll(zoom).not.toBe(fitted);
    const before = await page.locator(".poster-canvas").evaluate((e) => (e as HTMLElement).style.transform);
    await page.keyboard.press("ArrowLeft");
    expect(await page.locator(".poster-canvas").evaluate((e) => (e as HTMLElement).style.transform)).not.toBe(before);
    await page.locator(".poster-viewport").hover();
    await page.mouse.wheel(0, -300);
    await page.keyboard.press("0");
    await screenshot(page, "poster");
    // the download is the file shown: every model's figure in it
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the poster as SVG" }).click(),
    ]);
    const svg = readFileSync((await download.path())!, "utf8");
    expect(svg.match(/<g data-model="/g)).toHaveLength(models.length);
    // the PNG is the sheet at full size (IHDR: width and height, big-endian, at bytes 16 and 20)
    const [pngDownload] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "Download the poster as PNG" }).click(),
    ]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(sheetWidth);
    // another order loads its own file, in place
    await page.locator("#poster-order").selectOption("type");
    await expect.poll(() => poster.getAttribute("aria-label")).toContain("by decoder type");
    await finish(t);
  });
});

describe("phone width (375 px)", () => {
  for (const [name, path] of [
    ["home", "./"],
    ["model", "./model.html?id=gemma-3-27b"],
    ["compare", "./compare.html?models=llama-3-8b,qwen3-8b"],
    ["concept", "./concept.html?id=MLA"],
    ["your-model", "./your-model.html"],
  ] as const) {
    it(`${name} fits without horizontal scrolling`, async () => {
      const t = await openPage(site, path, { width: 375, height: 812 });
      const { page } = t;
      await page.locator("main h1, main .card-grid").first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, `phone-${name}`);
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter(
            (e) =>
              e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
              !e.closest(".table-scroll, .compare-diagrams, .snippet pre"),
          )
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} → ${Math.round(e.getBoundingClientRect().right)}`),
      );
      expect(overflowing, "elements wider than the phone screen").toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await finish(t);
    });
  }
});
