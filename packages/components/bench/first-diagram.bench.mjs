// Time to first diagram: navigation start → the diagram's SVG present in <llm-arch>'s shadow root, for a page
// that loads only cdn/llm-arch.js and one model over HTTP (local static server, cold browser cache for every
// run). Writes reports/bench-first-diagram.json and prints a summary.
//   node bench/first-diagram.bench.mjs [runs]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath, serve } from "../scripts/static-server.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 9);
const models = ["gpt-2-small", "llama-3-8b", "deepseek-v3", "qwen3-next-80b-a3b"];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

const server = await serve(root);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const results = {};
try {
  for (const model of models) {
    const samples = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/bench/first-diagram.html?model=${model}`);
      const r = await page.waitForFunction(() => (window.__bench && (window.__bench.painted || window.__bench.error) ? window.__bench : undefined), null, { timeout: 15000 }).then((h) => h.jsonValue());
      if (r.error) throw new Error(`${model}: ${r.error}`);
      if (r.svg !== true) throw new Error(`${model}: no SVG in the shadow root at llm-arch-load`);
      const timing = await page.evaluate(() => {
        const res = performance.getEntriesByType("resource");
        const end = (re) => res.find((e) => re.test(e.name))?.responseEnd;
        return { script: end(/llm-arch\.js/), model: end(/models\/[^/]+\.json/), domContentLoaded: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd };
      });
      await context.close();
      if (i > 0) samples.push({ firstDiagram: r.firstDiagram, painted: r.painted, ...timing }); // first run warms the server
    }
    const pick = (k) => round(median(samples.map((s) => s[k])));
    results[model] = {
      runs: samples.length,
      firstDiagramMs: pick("firstDiagram"),
      paintedMs: pick("painted"),
      scriptLoadedMs: pick("script"),
      modelLoadedMs: pick("model"),
      renderAfterModelMs: round(median(samples.map((s) => s.firstDiagram - s.model))),
      minMs: round(Math.min(...samples.map((s) => s.firstDiagram))),
      maxMs: round(Math.max(...samples.map((s) => s.firstDiagram))),
    };
    console.log(`${model.padEnd(20)} first diagram ${results[model].firstDiagramMs} ms (median of ${samples.length}; model JSON at ${results[model].modelLoadedMs} ms, render ${results[model].renderAfterModelMs} ms after it)`);
  }
} finally {
  await browser.close();
  await server.close();
}
const out = { date: new Date().toISOString(), node: process.version, browser: chromiumPath(), note: "local HTTP server, cold cache per run, medians; times from navigation start", results };
mkdirSync(join(root, "reports"), { recursive: true });
writeFileSync(join(root, "reports/bench-first-diagram.json"), JSON.stringify(out, null, 2));
console.log("wrote reports/bench-first-diagram.json");
