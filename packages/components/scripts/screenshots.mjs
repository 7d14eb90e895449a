// Screenshots of the demo page (demo/index.html, served over HTTP) in light and dark themes, with a popover
// open, into $SCREENSHOT_DIR (default /tmp/archgal-components): full pages and close-ups.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath, serve } from "./static-server.mjs";

const out = process.env.SCREENSHOT_DIR ?? "/tmp/archgal-components";
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  for (const theme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 1320, height: 900 }, colorScheme: theme });
    await page.goto(`${server.url}/demo/index.html?theme=${theme}`);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("llm-arch")].slice(0, 3).every((el) => el.shadowRoot?.querySelector("svg")) &&
        document.querySelector("llm-arch-gallery")?.shadowRoot?.querySelector("[part=card]") &&
        document.querySelector("llm-arch-compare")?.shadowRoot?.querySelector("table"),
    );
    await page.screenshot({ path: `${out}/demo-${theme}.png`, fullPage: true });
    const first = page.locator("llm-arch").first();
    await first.screenshot({ path: `${out}/deepseek-${theme}.png` });
    // Keyboard: tab into the diagram, move to the mixer, open its popover.
    await page.evaluate(() => document.querySelector("llm-arch").shadowRoot.querySelector('[role="toolbar"] button[tabindex="0"]').focus());
    for (let i = 0; i < 12; i++) {
      const c = await page.evaluate(() => document.querySelector("llm-arch").shadowRoot.activeElement?.dataset.component);
      if (c?.startsWith("mixer")) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    await first.screenshot({ path: `${out}/deepseek-popover-${theme}.png` });
    await page
      .locator("llm-arch")
      .nth(2)
      .screenshot({ path: `${out}/compact-${theme}.png` });
    await page.locator("llm-arch-compare").screenshot({ path: `${out}/compare-${theme}.png` });
    await page.locator("llm-arch-gallery").screenshot({ path: `${out}/gallery-${theme}.png` });
    await page
      .locator("llm-arch")
      .nth(3)
      .screenshot({ path: `${out}/error-unknown-${theme}.png` });
    await page
      .locator("llm-arch")
      .nth(4)
      .screenshot({ path: `${out}/error-invalid-${theme}.png` });
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
