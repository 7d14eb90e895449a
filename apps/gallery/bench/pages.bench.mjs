// How the built site's pages load on an emulated mid-range phone, and what the first diagram costs in a fresh
// page. Served by the gallery's own static server (brotli, as `pnpm start` serves it), Debian's Chromium with a
// fresh context (cold cache) per run, a 412 × 915 phone viewport, the CPU slowed 4× and a 150 ms RTT,
// 1.6 Mbps down / 750 kbps up link. Per page: largest contentful paint, bytes transferred (encoded) until the
// network has been idle for 1 s, and the longest task (Long Tasks API, observed from before the first script);
// then the longest task again on a desktop viewport without any throttling.
// Then, on loopback without throttling: the first renderModel call of a fresh page (the renderer bundled on its
// own, the model's JSON already fetched), median over fresh pages.
// Writes reports/bench-pages.json.
//   node bench/pages.bench.mjs [dist]     (BENCH_PAGE_RUNS, BENCH_RENDER_RUNS override the defaults)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { chromium } from "playwright-core";
import { serveStatic } from "../scripts/static-server.mjs";

const app = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(process.argv[2] ?? join(app, "dist"));
if (!existsSync(join(dist, "index.html")))
  throw new Error(`${dist}/index.html is missing: build the gallery first (pnpm --filter @archgal/gallery build)`);
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 15);
const MODEL = "deepseek-v3";
const pages = [
  ["home", "/"],
  ["model page (pre-rendered)", existsSync(join(dist, `model-${MODEL}.html`)) ? `/model-${MODEL}.html` : `/model.html?id=${MODEL}`],
  ["model page (interactive)", `/model.html?id=${MODEL}`],
  ["poster", "/poster.html"],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const chromiumPath = () => [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
const args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

// Observers attached before any page script: largest contentful paint and every long task.
const observe = () => {
  window.__lcp = 0;
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__lcp = e.startTime))).observe({
    type: "largest-contentful-paint",
    buffered: true,
  });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({
    type: "longtask",
    buffered: true,
  });
};

/** The emulated phone (the LCP, bytes and long-task pass) and a desktop without throttling (long tasks only). */
const profiles = {
  phone: {
    context: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true },
    throttle: true,
  },
  desktop: { context: { viewport: { width: 1280, height: 800 } }, throttle: false },
};

async function loadPage(browser, url, profile = profiles.phone) {
  const context = await browser.newContext(profile.context);
  try {
    const page = await context.newPage();
    await page.addInitScript(observe);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    if (profile.throttle) {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    let bytes = 0;
    let requests = 0;
    let last = Date.now();
    // network requests only: the poster's tiles are decoded from blob: addresses, which cost no transfer
    const network = new Set();
    cdp.on("Network.requestWillBeSent", (e) => {
      if (/^https?:/.test(e.request.url)) network.add(e.requestId);
      last = Date.now();
    });
    cdp.on("Network.loadingFinished", (e) => {
      if (network.has(e.requestId)) {
        bytes += e.encodedDataLength;
        requests++;
      }
      last = Date.now();
    });
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    while (Date.now() - last < 1000) await new Promise((r) => setTimeout(r, 100));
    const { lcp, long } = await page.evaluate(() => ({ lcp: window.__lcp, long: window.__long }));
    return { lcpMs: lcp, bytes, requests, longestTaskMs: long.length ? Math.max(...long) : 0, longTasks: long.length };
  } finally {
    await context.close();
  }
}

// The renderer alone, bundled for the browser, and one model's JSON: the cost of the first draw in a fresh page.
const entry = join(app, "bench/renderer-entry.js");
const bundled = await build({
  root: app,
  logLevel: "error",
  configFile: false,
  build: { write: false, minify: true, lib: { entry, formats: ["es"], fileName: "renderer" }, rollupOptions: { external: [] } },
});
// With the compile hint the site puts on every chunk a page runs at once (build/compile-hint-plugin.ts).
const rendererJs = "//# allFunctionsCalledOnLoad\n" + [bundled].flat()[0].output.find((o) => o.type === "chunk" && o.isEntry).code;
const { loadModel } = await import("@archgal/data");
const spec = await loadModel(MODEL);
const renderServer = createServer((req, res) => {
  if (req.url === "/renderer.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(rendererJs);
  if (req.url === "/model.json") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(spec));
  res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><html><body><script type="module">
    const spec = await (await fetch("/model.json")).json();
    const { renderModel } = await import("/renderer.js");
    const t0 = performance.now(); const svg = renderModel(spec); const t1 = performance.now();
    const t2 = performance.now(); renderModel(spec); const t3 = performance.now();
    window.__render = { cold: t1 - t0, warm: t3 - t2, bytes: svg.length };
  </script></body></html>`);
});
await new Promise((ok) => renderServer.listen(0, "127.0.0.1", ok));

const site = await serveStatic(dist, { port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args });
const results = [];
const renders = [];
try {
  for (const [name, path] of pages) {
    await loadPage(browser, site.url.replace(/\/$/, "") + path); // warm-up: server, browser process
    const runs = [];
    for (let r = 0; r < PAGE_RUNS; r++) runs.push(await loadPage(browser, site.url.replace(/\/$/, "") + path));
    const row = {
      page: name,
      path,
      lcpMs: round(median(runs.map((x) => x.lcpMs))),
      bytes: median(runs.map((x) => x.bytes)),
      requests: median(runs.map((x) => x.requests)),
      longestTaskMs: round(Math.max(...runs.map((x) => x.longestTaskMs))),
      runs,
    };
    const desktop = [];
    for (let r = 0; r < PAGE_RUNS; r++) desktop.push(await loadPage(browser, site.url.replace(/\/$/, "") + path, profiles.desktop));
    row.desktopLongestTaskMs = round(Math.max(...desktop.map((x) => x.longestTaskMs)));
    row.desktopRuns = desktop;
    results.push(row);
    console.log(
      `${name.padEnd(28)} LCP ${String(row.lcpMs).padStart(7)} ms · ${(row.bytes / 1024).toFixed(1).padStart(6)} KiB in ${row.requests} requests · longest task ${row.longestTaskMs} ms (desktop, no throttling: ${row.desktopLongestTaskMs} ms)`,
    );
  }
  const base = `http://127.0.0.1:${renderServer.address().port}/`;
  for (let r = 0; r < RENDER_RUNS + 1; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    const h = await page.waitForFunction(() => window.__render, null, { timeout: 60_000 });
    if (r > 0) renders.push(await h.jsonValue()); // the first fresh page warms the browser process, not the page
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
  await new Promise((done) => renderServer.close(done));
}
const firstRender = {
  model: MODEL,
  coldMs: round(median(renders.map((r) => r.cold)), 2),
  warmMs: round(median(renders.map((r) => r.warm)), 2),
  runs: renders.length,
};
console.log(
  `first renderModel(${MODEL}) in a fresh page: ${firstRender.coldMs} ms cold, ${firstRender.warmMs} ms the second time (median of ${renders.length})`,
);

let browserVersion = chromiumPath();
try {
  browserVersion = execFileSync(chromiumPath(), ["--version"], { encoding: "utf8" }).trim();
} catch {
  /* the path stands in for the version */
}
const out = {
  date: new Date().toISOString(),
  browser: browserVersion,
  profile: "412×915 phone, CPU 4× slower, 150 ms RTT, 1.6 Mbps down, 750 kbps up",
  desktopProfile: "1280×800, no CPU or network throttling, loopback (longest task only)",
  runs: PAGE_RUNS,
  pages: results,
  firstRender,
};
const report = process.env.BENCH_PAGES_REPORT ?? join(app, "reports/bench-pages.json");
mkdirSync(dirname(report), { recursive: true });
writeFileSync(report, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${report.startsWith(app) ? report.slice(app.length + 1) : report}`);
