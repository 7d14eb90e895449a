// Benchmarks the built renderer (dist/): median time of renderModel for every dataset model and of renderPoster,
// plus output sizes. Writes bench/results.json. Run: pnpm --filter @archgal/renderer bench (after build).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { validateSpec } from "@archgal/schema";
import { renderModel, renderPoster, renderCompare } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = resolve(here, "../../data/models");
const specs = existsSync(modelsDir)
  ? readdirSync(modelsDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => validateSpec(JSON.parse(readFileSync(resolve(modelsDir, f), "utf8"))))
      .filter((v) => v.success)
      .map((v) => v.data)
  : [];
if (specs.length === 0) throw new Error(`no valid models in ${modelsDir}`);

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// Median over `runs` batches of the mean time of `batch` calls: robust against a busy machine's spikes.
const time = (fn, runs, batch = 5) => {
  fn(); // warm-up
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) fn();
    ts.push((performance.now() - t0) / batch);
  }
  return median(ts);
};
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const models = specs.map((spec) => {
  const svg = renderModel(spec);
  return { id: spec.id, medianMs: round(time(() => renderModel(spec), RUNS)), bytes: svg.length, gzipBytes: gzipSync(svg).length };
});
const posterSvg = renderPoster(specs);
const poster = {
  models: specs.length,
  medianMs: round(time(() => renderPoster(specs), Math.max(3, Math.floor(RUNS / 3)), 1)),
  bytes: posterSvg.length,
  gzipBytes: gzipSync(posterSvg).length,
  width: Number(/width="([\d.]+)"/.exec(posterSvg)[1]),
};
const pair = [specs.find((s) => s.id === "llama-3-8b") ?? specs[0], specs.find((s) => s.id === "deepseek-v3") ?? specs[1]];
const compare = { pair: pair.map((s) => s.id), medianMs: round(time(() => renderCompare(pair), RUNS)), bytes: renderCompare(pair).length };
// How the time grows with the number of layers in the period search's worst case (one kind, then another):
// linear work gives about ×4 from 2,001 to 8,001 layers (the quality suite once found ×16 here, finding F8).
const twoKindStack = (n) => {
  const s = structuredClone(pair[0]);
  const first = s.architecture.layers.find((l) => !("repeat" in l));
  s.architecture.mixers.other = { kind: "mamba2", heads: 1, headDim: 1, stateSize: 1, groups: 1, convKernel: 1 };
  s.architecture.layers = [
    { mixer: first.mixer, ffn: first.ffn, count: n },
    { mixer: "other", ffn: first.ffn },
  ];
  s.architecture.numLayers = n + 1;
  return s;
};
const scaling = Object.fromEntries(
  [2_000, 8_000].map((n) => [`layers${n + 1}Ms`, round(time(() => renderModel(twoKindStack(n)), Math.max(3, Math.floor(RUNS / 3)), 1))]),
);
scaling.ratio = round(scaling.layers8001Ms / scaling.layers2001Ms, 2);
const ms = models.map((m) => m.medianMs);
const result = {
  node: process.version,
  runs: RUNS,
  method: "median over runs of the mean of 5 consecutive calls (poster: of single calls), wall clock, built dist/",
  summary: {
    models: models.length,
    renderModelMedianMs: round(median(ms)),
    renderModelMaxMs: round(Math.max(...ms)),
    renderModelTotalMs: round(
      ms.reduce((a, b) => a + b, 0),
      1,
    ),
    svgMedianBytes: median(models.map((m) => m.bytes)),
    svgMaxBytes: Math.max(...models.map((m) => m.bytes)),
  },
  poster,
  compare,
  scaling,
  models,
};
mkdirSync(resolve(here, "../reports"), { recursive: true });
writeFileSync(resolve(here, "../reports/bench-render.json"), JSON.stringify(result, null, 2) + "\n");
console.log("wrote reports/bench-render.json");
console.log(JSON.stringify({ summary: result.summary, poster, compare, scaling }, null, 2));
