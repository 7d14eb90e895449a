/**
 * What the end-to-end tests share: the built site on a free port, Debian's Chromium through playwright-core,
 * a page wrapper that records console errors and failed requests, axe-core checks and screenshots.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
// @ts-expect-error: a plain ES module without type declarations
import { serveStatic } from "../scripts/static-server.mjs";

export const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const screenshotDir = join(appDir, "reports/screenshots");
const distDir = join(appDir, "dist");

export const chromeArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error("No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROME_PATH.");
  return found;
}

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist/ (building it first when missing) and launches Chromium. */
export async function startSite(): Promise<Site> {
  if (!existsSync(join(distDir, "index.html"))) {
    // vitest sets NODE_ENV=test, under which Vite bundles Lit's development build; build what `pnpm build` ships.
    execFileSync("pnpm", ["run", "build"], { cwd: appDir, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  }
  mkdirSync(screenshotDir, { recursive: true });
  const server = (await serveStatic(distDir, { port: 0 })) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromeArgs, headless: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page that remembers every console error, uncaught exception and failed request. */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** Run the page's scripts (default); false shows what a visitor without JavaScript (or a crawler) gets. */
  javaScriptEnabled?: boolean;
  /** Keep localStorage from an earlier context. */
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
  /** Runs in the page before any of its own scripts. */
  initScript?: () => void;
}

export async function openPage(site: Site, path: string, options: PageOptions = {}): Promise<TrackedPage> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.storageState ? { storageState: options.storageState } : {}),
  });
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript);
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
  page.on("requestfailed", (req) => {
    const failure = req.failure()?.errorText ?? "";
    // A navigation away or a download cancels requests on purpose.
    if (!/ERR_ABORTED/.test(failure)) problems.push(`request failed: ${req.url()} ${failure}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(new URL(path, site.url).href, { waitUntil: "load" });
  return { page, context, problems, close: () => context.close() };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations, formatted. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
          .slice(0, 5)
          .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`)
          .join("\n  ")}`,
    );
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Runs axe-core in the page; returns the violations of at least `minimum` impact, as `impact id: help` lines. */
export async function a11yViolations(page: Page, minimum: "moderate" | "serious" = "moderate"): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  const rank = { minor: 0, moderate: 1, serious: 2, critical: 3 } as Record<string, number>;
  return violations
    .filter((v) => (rank[v.impact ?? "minor"] ?? 0) >= rank[minimum]!)
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(" ")}`,
    );
}

/** Elements reaching past the right edge of the viewport, and how far the page scrolls sideways. */
export async function horizontalOverflow(
  page: Page,
  allowInside = ".table-scroll, .compare-diagrams, .snippet pre",
): Promise<{ elements: string[]; scroll: number }> {
  return page.evaluate((allow) => {
    const width = document.documentElement.clientWidth;
    const elements = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest(allow))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} → ${Math.round(e.getBoundingClientRect().right)}`);
    return { elements, scroll: document.documentElement.scrollWidth - width };
  }, allowInside);
}
