/**
 * End-to-end, the BUILT site in Chromium: "Will it fit?" on a model page (keyboard, validation beside the field,
 * dark mode) and "Will they fit?" on the compare page. No console errors, no failed requests, no serious axe
 * violations; screenshots go to reports/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { openPage, screenshotDir, seriousA11yViolations, startSite, type Site } from "./site-harness.js";

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe("will it fit", () => {
  it("on the model page: fit and roofline speed, keyboard-driven, errors beside the field, dark mode", async () => {
    const t = await openPage(site, "./model.html?id=llama-3-8b");
    const { page } = t;
    const verdict = page.locator("llm-arch-fit .verdict");
    await verdict.waitFor({ state: "visible" });
    expect(await verdict.textContent()).toMatch(/^Fits on one NVIDIA H100 SXM 80GB/);
    expect(await page.locator("llm-arch-fit .fit-table").textContent()).toMatch(/16\.06 GB[\s\S]*≤ 208 tokens\/s per sequence/);
    await page.locator("llm-arch-fit").screenshot({ path: join(screenshotDir, "fit-model-llama3-8b.png") });

    // keyboard: Tab from the device select to the device count, type a count that does not fit with a long batch
    await page.locator("llm-arch-fit #fit-device").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.querySelector("llm-arch-fit")!.shadowRoot!.activeElement?.id)).toBe("fit-devices");
    await page.locator("llm-arch-fit #fit-batch").fill("64");
    await expect.poll(() => verdict.textContent()).toMatch(/^Does not fit on 1 × NVIDIA H100 SXM 80GB: .*needs at least 2/);

    // a bad context: the error sits beside the field, the value is kept as typed
    await page.locator("llm-arch-fit #fit-context").fill("128q");
    await expect.poll(() => page.locator("llm-arch-fit #fit-context-error").textContent()).toMatch(/128k/);
    expect(await page.locator("llm-arch-fit #fit-context").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("llm-arch-fit #fit-context").inputValue()).toBe("128q");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator("llm-arch-fit .fit-controls").screenshot({ path: join(screenshotDir, "fit-model-error.png") });
    await page.locator("llm-arch-fit #fit-context").fill("8k");
    await page.locator("llm-arch-fit #fit-devices").fill("2");
    await expect.poll(() => verdict.textContent()).toMatch(/^Fits on 2 × NVIDIA H100 SXM 80GB/);

    await page.locator("[data-theme-toggle]").first().click();
    await expect.poll(() => page.locator("llm-arch-fit").getAttribute("theme")).toBe("dark");
    await page.locator("llm-arch-fit").screenshot({ path: join(screenshotDir, "fit-model-dark.png") });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(t.problems).toEqual([]);
    await t.close();
  });

  it("on the compare page: which of them can be served on 2 × H100", async () => {
    const t = await openPage(site, "./compare.html?models=llama-3-8b,qwen3-32b,deepseek-v3");
    const { page } = t;
    const result = page.locator(".fit-compare-result .fit-verdict");
    await result.waitFor({ state: "visible" });
    expect(await result.textContent()).toBe("Fit on 2 × NVIDIA H100 SXM 80GB: Llama 3 (8B), Qwen3 32B.");
    const fitsRow = page.locator(".fit-compare-table tbody tr").first();
    expect((await fitsRow.locator("td").allTextContents()).map((s) => s.trim())).toEqual(["yes", "yes", "no"]);
    await page.locator("#fitc-batch").fill("-1");
    await expect.poll(() => page.locator("#fitc-batch-error").textContent()).toMatch(/whole number/);
    expect(await result.textContent()).toMatch(/Fix the highlighted field/);
    await page.locator("#fitc-batch").fill("8");
    await page.locator("#fitc-device").selectOption("b200");
    await page.locator("#fitc-devices").fill("8");
    await expect.poll(() => result.textContent()).toBe("All 3 fit on 8 × NVIDIA B200 (DGX/HGX B200, per GPU).");
    await page.locator(".fit-compare").screenshot({ path: join(screenshotDir, "fit-compare.png") });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(t.problems).toEqual([]);
    await t.close();
  });
});
