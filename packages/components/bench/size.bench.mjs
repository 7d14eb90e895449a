// What a page downloads and waits for to show one architecture: archgal's CDN element plus one model's data,
// against the LLM Architecture Gallery's picture of the same model.
//
//   bytes         gzip (level 9) of cdn/llm-arch.js + gzip of cdn/models/<id>.json, against the gallery figure's
//                 file size, for every model whose figure is in the folder $GALLERY_FIGURES names (PNG copies of the gallery's figures, not part of the repository; the model's
//                 sources name the figure file). NOTE: those are PNG copies; the gallery serves WebP originals that
//                 average about 180 KB, so the ratio against the live site is smaller: both are reported.
//   first diagram headless Chromium (playwright-core, /usr/bin/chromium), cold cache per run, both pages from one
//                 loopback static server: navigation start → the <svg> present in <llm-arch>'s shadow root
//                 (a MutationObserver on every shadow root, not the element's own event), against navigation start
//                 → the load event of an <img> of the figure. Median of several runs per model. Also on a throttled
//                 network (Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbps down) for a few models.
// Writes bench/size-results.json and prints a table.
//   node bench/size.bench.mjs          (BENCH_RUNS, BENCH_THROTTLED_RUNS, GALLERY_FIGURES override the defaults)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cdn = join(root, "cdn");
const dataModels = resolve(root, "../data/models");
const figuresDir = process.env.GALLERY_FIGURES ?? "";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLED_RUNS = Number(process.env.BENCH_THROTTLED_RUNS ?? 3);
const THROTTLED_MODELS = (process.env.BENCH_THROTTLED_MODELS ?? "gpt-2-xl,llama-3-8b,gemma-3-27b,deepseek-v3,qwen3-next-80b-a3b,kimi-k2").split(",");
const WEBP_AVERAGE_BYTES = 180_000;
const chromiumPath = process.env.CHROME_PATH || "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

if (!existsSync(join(cdn, "llm-arch.js"))) throw new Error("cdn/llm-arch.js is missing: build @archgal/components first");
if (!figuresDir || !existsSync(figuresDir)) {
  console.log(`size.bench: no gallery figures${figuresDir ? ` at ${figuresDir}` : ""} (set GALLERY_FIGURES to a folder of them); nothing to compare against.`);
  process.exit(0);
}

// A snapshot of cdn/ taken now and served from memory, so that a rebuild during the run cannot mix two builds.
const snapshot = new Map();
const snap = (dir, prefix = "") => {
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.isDirectory()) snap(join(dir, f.name), `${prefix}${f.name}/`);
    else snapshot.set(`${prefix}${f.name}`, readFileSync(join(dir, f.name)));
  }
};
snap(cdn);
const cdnFile = (name) => {
  const buf = snapshot.get(name);
  if (!buf) throw new Error(`cdn/${name} is not in the snapshot`);
  return buf;
};

// Model id → figure file, from each model's sources ("LLM Architecture Gallery figure (<file>.png)").
const figureOf = new Map();
for (const f of readdirSync(dataModels).filter((f) => f.endsWith(".json"))) {
  const spec = JSON.parse(readFileSync(join(dataModels, f), "utf8"));
  for (const s of spec.sources ?? []) {
    const m = /Gallery figure \(([^)]+\.png)\)/.exec(s.title ?? "");
    if (m && existsSync(join(figuresDir, m[1])) && snapshot.has(`models/${spec.id}.json`)) figureOf.set(spec.id, m[1]);
  }
}
const only = process.env.BENCH_MODELS?.split(",");
const ids = [...figureOf.keys()].filter((id) => !only || only.includes(id)).sort();
if (ids.length === 0) throw new Error("no model names a gallery figure that exists");

// ---------------------------------------------------------------------------------------------------------------
// Bytes. The element is cdn/llm-arch.js and every chunk it imports statically (its critical path, from esbuild's
// metafile), each file gzipped on its own as a CDN serves it; lazy chunks (zoom panels, validator, …) are counted
// from what the browser actually fetched, below.
const meta = JSON.parse(cdnFile("meta.json").toString("utf8"));
const rel = (f) => f.replace(/^.*?cdn\//, "");
const outputs = new Map(Object.entries(meta.outputs).filter(([f]) => f.endsWith(".js")).map(([f, o]) => [rel(f), o]));
const critical = [];
const visit = (f) => {
  if (critical.includes(f) || !outputs.has(f)) return;
  critical.push(f);
  for (const i of outputs.get(f).imports ?? []) if (i.kind === "import-statement") visit(rel(i.path));
};
visit("llm-arch.js");
const elementGzip = critical.reduce((n, f) => n + gz(cdnFile(f)), 0);
const elementRaw = critical.reduce((n, f) => n + cdnFile(f).length, 0);
const sizes = ids.map((id) => {
  const modelGzip = gz(cdnFile(`models/${id}.json`));
  const figureBytes = statSync(join(figuresDir, figureOf.get(id))).size;
  const oursBytes = elementGzip + modelGzip;
  return { id, figure: figureOf.get(id), modelGzip, oursBytes, figurePngBytes: figureBytes, ratioPng: round(figureBytes / oursBytes, 1) };
});
const distinctFigures = [...new Set(sizes.map((s) => s.figure))].map((f) => statSync(join(figuresDir, f)).size);

// ---------------------------------------------------------------------------------------------------------------
// Time to first diagram vs <img>, from one loopback server.
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".png": "image/png" };
const diagramPage = (id) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first diagram</title><script>
  // Every shadow root is watched; the first <svg> inside <llm-arch>'s shadow root stops the clock.
  window.__t = undefined;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === "llm-arch") {
      const check = () => { if (window.__t === undefined && root.querySelector('svg[role="img"]')) { window.__t = performance.now(); mo.disconnect(); } };
      const mo = new MutationObserver(check);
      mo.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
  document.addEventListener("llm-arch-error", (e) => (window.__error = e.detail && e.detail.message || "error"));
</script><script type="module" src="/cdn/llm-arch.js"></script></head><body><llm-arch model="${id}"></llm-arch></body></html>`;
const imgPage = (file) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>figure</title></head><body><img alt="figure" src="/figures/${encodeURIComponent(file)}" onload="window.__t = performance.now()" onerror="window.__error = 'img error'"></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const send = (body, type) => res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
  try {
    if (url.pathname === "/diagram.html") return send(diagramPage(url.searchParams.get("id")), types[".html"]);
    if (url.pathname === "/img.html") return send(imgPage(url.searchParams.get("file")), types[".html"]);
    const [, dir, ...rest] = url.pathname.split("/");
    const name = decodeURIComponent(rest.join("/"));
    if (name.includes("..")) return res.writeHead(403).end();
    const ext = name.slice(name.lastIndexOf("."));
    if (dir === "cdn") return snapshot.has(name) ? send(snapshot.get(name), types[ext] ?? "application/octet-stream") : res.writeHead(404).end();
    const file = dir === "figures" ? join(figuresDir, name) : undefined;
    if (!file || !existsSync(file)) return res.writeHead(404).end();
    return send(readFileSync(file), types[ext] ?? "application/octet-stream");
  } catch {
    res.writeHead(500).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** gzip -9 size of a file the server serves at `url` (as a CDN would compress it). */
function servedGzip(url) {
  const [, dir, ...rest] = new URL(url).pathname.split("/");
  const name = decodeURIComponent(rest.join("/"));
  if (dir === "cdn") return snapshot.has(name) ? gz(snapshot.get(name)) : 0;
  const file = dir === "figures" ? join(figuresDir, name) : undefined;
  // PNG is already compressed: served as is.
  return file && existsSync(file) ? statSync(file).size : 0;
}

/**
 * One cold-cache page load; resolves with the page's own clock at the finish line and the resources it fetched
 * before it (`before`) and until the network went quiet (`all`: e.g. the zoom panels' chunk).
 */
async function measure(path, throttled, withResources = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    }
    await page.goto(`${base}${path}`, { waitUntil: "commit" });
    const h = await page.waitForFunction(() => window.__t ?? (window.__error ? -1 : undefined), null, { timeout: 60_000, polling: 20 });
    const t = await h.jsonValue();
    if (t < 0) throw new Error(`${path}: ${await page.evaluate(() => window.__error)}`);
    if (!withResources) return t;
    let count = -1;
    for (let i = 0; i < 40; i++) {
      const n = await page.evaluate(() => performance.getEntriesByType("resource").length);
      if (n === count) break;
      count = n;
      await page.waitForTimeout(250);
    }
    const entries = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => ({ name: e.name, end: e.responseEnd })));
    const before = entries.filter((e) => e.end <= t).map((e) => e.name);
    return { t, before, all: entries.map((e) => e.name) };
  } finally {
    await context.close();
  }
}

async function both(id, runs, throttled) {
  const warm = await measure(`/diagram.html?id=${id}`, throttled, true); // warm-up (server, browser process); what it fetched
  await measure(`/img.html?file=${figureOf.get(id)}`, throttled);
  const d = [];
  const i = [];
  for (let r = 0; r < runs; r++) {
    d.push(await measure(`/diagram.html?id=${id}`, throttled));
    i.push(await measure(`/img.html?file=${figureOf.get(id)}`, throttled));
  }
  const bytes = (urls) => urls.reduce((n, u) => n + servedGzip(u), 0);
  const files = (urls) => urls.map((u) => new URL(u).pathname.replace(/^\/cdn\//, ""));
  return {
    firstDiagramMs: round(median(d)),
    imgLoadMs: round(median(i)),
    fetchedBeforeDiagramBytes: bytes(warm.before),
    fetchedTotalBytes: bytes(warm.all),
    fetchedBeforeDiagram: files(warm.before),
    fetchedAfterDiagram: files(warm.all.filter((u) => !warm.before.includes(u))),
  };
}

console.log(
  `Gallery figures: ${ids.length} models, PNG copies of the gallery's WebP originals (which average ~${kb(WEBP_AVERAGE_BYTES)}); ` +
    `archgal = element critical path ${kb(elementGzip)} gzip + the model's JSON gzip.`,
);
const timing = [];
const throttledTiming = [];
try {
  for (const id of ids) {
    const t = await both(id, RUNS, false);
    timing.push({ id, ...t });
    const s = sizes.find((x) => x.id === id);
    console.log(`${id.padEnd(28)} ours ${kb(s.oursBytes).padStart(9)} vs figure ${kb(s.figurePngBytes).padStart(9)} (×${s.ratioPng})   first diagram ${String(t.firstDiagramMs).padStart(6)} ms vs <img> ${String(t.imgLoadMs).padStart(6)} ms`);
  }
  for (const id of THROTTLED_MODELS.filter((m) => figureOf.has(m))) {
    const t = await both(id, THROTTLED_RUNS, true);
    const { fetchedBeforeDiagram, fetchedAfterDiagram, ...rest } = t;
    throttledTiming.push({ id, ...rest });
    console.log(`${id.padEnd(28)} throttled: first diagram ${t.firstDiagramMs} ms vs <img> ${t.imgLoadMs} ms`);
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}

const browserVersion = await (async () => {
  try {
    const { execFileSync } = await import("node:child_process");
    return execFileSync(chromiumPath, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return chromiumPath;
  }
})();
const oursMedian = median(sizes.map((s) => s.oursBytes));
const result = {
  date: new Date().toISOString(),
  node: process.version,
  browser: browserVersion,
  note:
    "Bytes: gzip level 9 (per file, as a CDN serves it) of the element's critical path (cdn/llm-arch.js and the chunks it imports statically) plus cdn/models/<id>.json, against the gallery figure's file; also what the browser actually fetched before the first diagram and in all (lazy zoom-panel chunk included). The figures here are PNG copies of the gallery's WebP originals, which average about 180 KB; the ratio against WebP is given too. " +
    "Times: headless Chromium, cold cache per run, one loopback static server; navigation start → <svg> in <llm-arch>'s shadow root (MutationObserver), against navigation start → <img> load event; medians. Throttled: 150 ms RTT, 1.6 Mbps down.",
  runs: RUNS,
  element: { files: critical, rawBytes: elementRaw, gzipBytes: elementGzip },
  summary: {
    models: sizes.length,
    oursMedianBytes: oursMedian,
    figurePngMedianBytes: median(sizes.map((s) => s.figurePngBytes)),
    figurePngMeanBytes: Math.round(distinctFigures.reduce((a, b) => a + b, 0) / distinctFigures.length),
    webpAverageBytes: WEBP_AVERAGE_BYTES,
    medianRatioPng: round(median(sizes.map((s) => s.ratioPng)), 1),
    ratioWebpAverage: round(WEBP_AVERAGE_BYTES / oursMedian, 1),
    fetchedBeforeDiagramMedianBytes: median(timing.map((t) => t.fetchedBeforeDiagramBytes)),
    fetchedTotalMedianBytes: median(timing.map((t) => t.fetchedTotalBytes)),
    firstDiagramMedianMs: round(median(timing.map((t) => t.firstDiagramMs))),
    imgLoadMedianMs: round(median(timing.map((t) => t.imgLoadMs))),
    throttledFirstDiagramMedianMs: throttledTiming.length ? round(median(throttledTiming.map((t) => t.firstDiagramMs))) : null,
    throttledImgLoadMedianMs: throttledTiming.length ? round(median(throttledTiming.map((t) => t.imgLoadMs))) : null,
  },
  models: sizes.map((s) => {
    const { fetchedBeforeDiagram, fetchedAfterDiagram, ...t } = timing.find((x) => x.id === s.id) ?? {};
    return { ...s, ...t, fetchedBeforeDiagram, fetchedAfterDiagram };
  }),
  throttled: { profile: "150 ms RTT, 1.6 Mbps down, 750 kbps up (Lighthouse mobile)", runs: THROTTLED_RUNS, models: throttledTiming },
};
writeFileSync(join(root, "bench/size-results.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ element: result.element, summary: result.summary }, null, 2));
