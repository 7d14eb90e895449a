/** Debian's Chromium through playwright-core, with every request, console error and page error recorded. */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumArgs, chromiumCandidates } from "./env.js";

export function chromiumPath(): string {
  const path = chromiumCandidates.find((p) => p && existsSync(p));
  if (!path) throw new Error("no Chromium: install Debian's chromium (node scripts/ensure-chromium.mjs) or set CHROME_PATH");
  return path;
}

export interface Recorded {
  requests: string[];
  /** Requests to anything but loopback, which were blocked. */
  blocked: string[];
  /** Loopback requests the browser reported as failed, with Chromium's error text (e.g. `net::ERR_ABORTED`). */
  failed: { url: string; error: string }[];
  consoleErrors: string[];
  pageErrors: string[];
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  recorded: Recorded;
  close(): Promise<void>;
}

const loopback = (url: string) => {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
};

export async function openBrowser(): Promise<Session> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, timeout: 60_000 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const recorded: Recorded = { requests: [], blocked: [], failed: [], consoleErrors: [], pageErrors: [] };
  // Nothing may leave the machine: a page that reaches for a public CDN or font host is recorded and blocked.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (loopback(url)) return route.continue();
    recorded.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("request", (r) => recorded.requests.push(r.url()));
  page.on("requestfailed", (r) => {
    if (loopback(r.url())) recorded.failed.push({ url: r.url(), error: r.failure()?.errorText ?? "failed" });
  });
  page.on("console", (m) => {
    if (m.type() === "error") recorded.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => recorded.pageErrors.push(e.stack ?? e.message));
  return { browser, context, page, recorded, close: () => browser.close() };
}

/** What a rendered `<llm-arch>` shows, read from its shadow root. */
export interface ElementFacts {
  defined: boolean;
  hasShadow: boolean;
  svgCount: number;
  svgRole: string | null;
  svgTitle: string;
  svgText: string;
  factsText: string;
  text: string;
}

/** Waits until the element's shadow root holds an SVG (or times out) and reads it. */
export async function readLlmArch(page: Page, selector = "llm-arch", timeout = 30_000): Promise<ElementFacts> {
  await page
    .waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        return Boolean(el?.shadowRoot?.querySelector("svg") && el.shadowRoot.querySelector('[part~="facts"], table'));
      },
      selector,
      { timeout },
    )
    .catch(() => undefined);
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const root = el?.shadowRoot;
    const svg = root?.querySelector("svg");
    const facts = root?.querySelector('[part~="facts"]') ?? root?.querySelector("table");
    return {
      defined: Boolean(customElements.get(sel)),
      hasShadow: Boolean(root),
      svgCount: root?.querySelectorAll("svg").length ?? 0,
      svgRole: svg?.getAttribute("role") ?? null,
      svgTitle: svg?.querySelector("title")?.textContent ?? "",
      svgText: svg?.textContent ?? "",
      factsText: facts?.textContent?.replace(/\s+/g, " ").trim() ?? "",
      text: (root?.textContent ?? el?.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 2000),
    };
  }, selector);
}
