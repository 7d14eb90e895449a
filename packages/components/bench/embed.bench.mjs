// What a page waits for to show one architecture, three ways, side by side in one run:
//   one tag       <script src=cdn/llm-arch.js> + <llm-arch model=id>: the element loads, fetches the model, draws
//   pre-rendered  the same, with the renderer's SVG inside the tag (shown through the slot until the element draws)
//   <img>         an <img> of the same figure's SVG (what a blog would paste instead)
// Bytes: gzip -9 of what each needs (element critical path + model JSON; the SVG). Times: headless Chromium, a
// fresh context (cold cache) per run, all pages from one loopback server that gzips every response like a CDN;
// loopback and throttled (150 ms RTT, 1.6 Mbps down, 750 kbps up). "Figure shown" is navigation start → the
// diagram's <svg> in <llm-arch>'s shadow root plus two animation frames (one tag), or → first contentful paint,
// which on those pages is the figure itself (pre-rendered, <img>). Medians, the three alternating run by run.
// Writes reports/bench-embed.json.
//   node bench/embed.bench.mjs          (BENCH_RUNS, BENCH_THROTTLED_RUNS, BENCH_MODELS override the defaults)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { loadAllModels } from "@archgal/data";
import { renderModel } from "@archgal/renderer";
import { chromiumArgs, chromiumPath } from "../scripts/static-server.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cdn = join(root, "cdn");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLED_RUNS = Number(process.env.BENCH_THROTTLED_RUNS ?? 3);
if (!existsSync(join(cdn, "llm-arch.js"))) throw new Error("cdn/llm-arch.js is missing: build @archgal/components first");

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

// A snapshot of cdn/ served from memory (a rebuild during the run cannot mix two builds).
const files = new Map();
const snap = (dir, prefix = "") => {
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.isDirectory()) snap(join(dir, f.name), `${prefix}${f.name}/`);
    else files.set(`/cdn/${prefix}${f.name}`, readFileSync(join(dir, f.name)));
  }
};
snap(cdn);

// The figures as the element draws them at this width (panels shown), light theme.
const specs = await loadAllModels();
const svgs = new Map(specs.map((s) => [s.id, renderModel(s)]));
for (const [id, svg] of svgs) files.set(`/svg/${id}.svg`, Buffer.from(svg));

// Bytes: the element's critical path (cdn/llm-arch.js and the chunks it imports statically, from esbuild's metafile).
const meta = JSON.parse(files.get("/cdn/meta.json").toString("utf8"));
const rel = (f) => f.replace(/^.*?cdn\//, "");
const outputs = new Map(
  Object.entries(meta.outputs)
    .filter(([f]) => f.endsWith(".js"))
    .map(([f, o]) => [rel(f), o]),
);
const critical = [];
const visit = (f) => {
  if (critical.includes(f) || !outputs.has(f)) return;
  critical.push(f);
  for (const i of outputs.get(f).imports ?? []) if (i.kind === "import-statement") visit(rel(i.path));
};
visit("llm-arch.js");
const elementGzip = critical.reduce((n, f) => n + gz(files.get(`/cdn/${f}`)), 0);
const sizes = specs.map((s) => {
  const modelFile = files.get(`/cdn/models/${s.id}.json`);
  const modelGzip = modelFile ? gz(modelFile) : 0;
  const svgGzip = gz(files.get(`/svg/${s.id}.svg`));
  return { id: s.id, modelGzip, oneTagBytes: elementGzip + modelGzip, svgGzip, preRenderedBytes: elementGzip + modelGzip + svgGzip };
});
const bySvg = [...sizes].sort((a, b) => a.svgGzip - b.svgGzip);
const medianModel = bySvg[Math.floor(bySvg.length / 2)].id;
const wanted = process.env.BENCH_MODELS?.split(",") ?? [medianModel, "gpt-2-xl", "llama-3-8b", "deepseek-v3", "qwen3-next-80b-a3b"];
const ids = wanted.filter((id, i) => svgs.has(id) && files.has(`/cdn/models/${id}.json`) && wanted.indexOf(id) === i);

const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>figure</title>`;
const oneTagClock = `<script>
  window.__t = undefined;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === "llm-arch") {
      const mo = new MutationObserver(() => {
        if (window.__t === undefined && root.querySelector('svg[role="img"]')) {
          mo.disconnect();
          window.__t = -1;
          requestAnimationFrame(() => requestAnimationFrame(() => (window.__t = performance.now())));
        }
      });
      mo.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
  document.addEventListener("llm-arch-error", (e) => (window.__error = (e.detail && e.detail.message) || "error"));
</script>`;
const fcpClock = `<script>
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__t = e.startTime;
  }).observe({ type: "paint", buffered: true });
</script>`;
const pages = {
  oneTag: (id) =>
    `${head}${oneTagClock}<script type="module" src="/cdn/llm-arch.js"></script></head><body><llm-arch model="${id}"></llm-arch></body></html>`,
  preRendered: (id) =>
    `${head}${fcpClock}<script type="module" src="/cdn/llm-arch.js"></script></head><body><llm-arch model="${id}">${svgs.get(id)}</llm-arch></body></html>`,
  img: (id) => `${head}${fcpClock}</head><body><img alt="figure" src="/svg/${id}.svg"></body></html>`,
};
const variants = Object.keys(pages);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const gzipOk = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const send = (body, type) => {
    const headers = { "content-type": type, "cache-control": "no-store" };
    if (gzipOk) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers).end(gzipOk ? gzipSync(body, { level: 6 }) : body);
  };
  const page = /^\/(oneTag|preRendered|img)\.html$/.exec(url.pathname);
  if (page) return send(Buffer.from(pages[page[1]](url.searchParams.get("id"))), types[".html"]);
  const body = files.get(url.pathname);
  if (!body) return res.writeHead(404).end();
  return send(body, types[url.pathname.slice(url.pathname.lastIndexOf("."))] ?? "application/octet-stream");
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

async function measure(variant, id, throttled) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
    }
    await page.goto(`${base}/${variant}.html?id=${id}`, { waitUntil: "commit" });
    const h = await page.waitForFunction(
      () => (window.__error ? -2 : window.__t !== undefined && window.__t >= 0 ? window.__t : undefined),
      null,
      { timeout: 60_000, polling: 10 },
    );
    const t = await h.jsonValue();
    if (t === -2) throw new Error(`${variant} ${id}: ${await page.evaluate(() => window.__error)}`);
    return t;
  } finally {
    await context.close();
  }
}

async function compare(id, runs, throttled) {
  for (const v of variants) await measure(v, id, throttled); // warm-up: server, browser process
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  for (let r = 0; r < runs; r++) for (const v of variants) samples[v].push(await measure(v, id, throttled));
  return Object.fromEntries(variants.map((v) => [`${v}Ms`, round(median(samples[v]))]));
}

const row = (r, where) =>
  `${r.id.padEnd(28)} ${where.padEnd(10)} one tag ${String(r.oneTagMs).padStart(7)} ms · pre-rendered ${String(r.preRenderedMs).padStart(7)} ms · <img> ${String(r.imgMs).padStart(7)} ms`;
const loopback = [];
const throttledResults = [];
try {
  for (const id of ids) {
    loopback.push({ id, ...(await compare(id, RUNS, false)) });
    console.log(row(loopback.at(-1), "loopback"));
  }
  for (const id of ids) {
    throttledResults.push({ id, ...(await compare(id, THROTTLED_RUNS, true)) });
    console.log(row(throttledResults.at(-1), "throttled"));
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}

let browserVersion = chromiumPath();
try {
  browserVersion = execFileSync(chromiumPath(), ["--version"], { encoding: "utf8" }).trim();
} catch {
  /* the path stands in for the version */
}
const medians = (rows) => Object.fromEntries(variants.map((v) => [`${v}Ms`, round(median(rows.map((r) => r[`${v}Ms`])))]));
const result = {
  date: new Date().toISOString(),
  node: process.version,
  browser: browserVersion,
  runs: { loopback: RUNS, throttled: THROTTLED_RUNS },
  element: { files: critical, gzipBytes: elementGzip },
  bytes: {
    models: sizes.length,
    medianOneTagBytes: median(sizes.map((s) => s.oneTagBytes)),
    medianSvgBytes: median(sizes.map((s) => s.svgGzip)),
    medianPreRenderedBytes: median(sizes.map((s) => s.preRenderedBytes)),
  },
  medianModel,
  loopback: { median: medians(loopback), models: loopback },
  throttled: { profile: "150 ms RTT, 1.6 Mbps down, 750 kbps up", median: medians(throttledResults), models: throttledResults },
  sizes,
};
mkdirSync(join(root, "reports"), { recursive: true });
writeFileSync(join(root, "reports/bench-embed.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `bytes (median of ${sizes.length} models): one tag ${kb(result.bytes.medianOneTagBytes)}, the SVG ${kb(result.bytes.medianSvgBytes)}`,
);
console.log(JSON.stringify({ loopback: result.loopback.median, throttled: result.throttled.median }));
console.log("wrote reports/bench-embed.json");
