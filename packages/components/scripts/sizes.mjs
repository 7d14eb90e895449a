// Gzip sizes of the CDN build against its budgets, from esbuild's metafile (cdn/meta.json):
//   - critical path: what a page with <llm-arch model="…"> loads before the diagram appears: cdn/llm-arch.js and
//     every chunk it imports statically (budget 38 KiB);
//   - the lazy chunks and what each adds: zoom panels (@archgal/renderer/panels, drawn when the element is wide),
//     validator (.spec/src), <llm-arch-compare>, <llm-arch-gallery>;
//   - each model's data (budget 3 KiB).
// Sizes are per file (each file is compressed on its own when served), gzip -9.
// `node scripts/sizes.mjs` prints them and writes reports/sizes.json; the build prints them too.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** Budgets in bytes (gzip level 9). */
export const budgets = { criticalPath: 38 * 1024, model: 3 * 1024 };

/** Gzip size of a file. */
export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The output files reachable from `start` through static imports (and through dynamic ones if `dynamic`). */
function closure(outputs, start, dynamic = false) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !outputs[file]) return;
    seen.add(file);
    for (const i of outputs[file].imports ?? [])
      if (i.kind === "import-statement" || (dynamic && i.kind === "dynamic-import")) visit(i.path);
  };
  visit(start);
  return seen;
}

/** Measures the CDN build under `root`. */
export function measure(root) {
  const meta = JSON.parse(readFileSync(join(root, "cdn/meta.json"), "utf8"));
  const outputs = Object.fromEntries(Object.entries(meta.outputs).filter(([f]) => f.endsWith(".js")));
  const rel = (f) => f.replace(/^.*?cdn\//, "cdn/");
  const size = (files) => [...files].reduce((n, f) => n + gzipSize(join(root, rel(f))), 0);
  const entry = Object.keys(outputs).find((f) => rel(f) === "cdn/llm-arch.js");
  const critical = closure(outputs, entry);
  // The lazy chunk that holds a given source, and what it adds to the critical path.
  const lazy = (pattern) => {
    const chunk = Object.keys(outputs).find((f) => !critical.has(f) && Object.keys(outputs[f].inputs).some((i) => pattern.test(i)));
    if (!chunk) return undefined;
    const extra = [...closure(outputs, chunk)].filter((f) => !critical.has(f));
    return { files: extra.map(rel), gzip: size(extra) };
  };
  const dir = join(root, "cdn/models");
  const models = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json") && f !== "index.json")
      .map((f) => [f.slice(0, -5), gzipSize(join(dir, f))]),
  );
  const panels = lazy(/renderer\/dist\/panels\.js$/);
  return {
    criticalPath: { files: [...critical].map(rel), gzip: size(critical) },
    withPanels: { gzip: size(critical) + (panels?.gzip ?? 0) },
    lazy: {
      panels,
      details: lazy(/src\/component-info\.ts$/),
      validator: lazy(/src\/validate\.ts$/),
      compare: lazy(/src\/llm-arch-compare\.ts$/),
      gallery: lazy(/src\/llm-arch-gallery\.ts$/),
    },
    all: { files: Object.keys(outputs).length, gzip: size(Object.keys(outputs)) },
    index: gzipSize(join(dir, "index.json")),
    models,
    budgets,
  };
}

/** Prints the sizes and writes reports/sizes.json; returns them. */
export function reportSizes(root) {
  const m = measure(root);
  const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;
  const largest = Object.entries(m.models).sort((a, b) => b[1] - a[1]);
  const over = m.criticalPath.gzip > budgets.criticalPath ? "  OVER BUDGET" : "";
  console.log(
    `critical path of <llm-arch model> (${m.criticalPath.files.join(" + ")}): ${kib(m.criticalPath.gzip)} gzip (budget ${kib(budgets.criticalPath)})${over}`,
  );
  for (const [name, l] of Object.entries(m.lazy)) if (l) console.log(`  lazy ${name}: +${kib(l.gzip)} (${l.files.join(", ")})`);
  console.log(`  with zoom panels (wide elements; drawn after the lean figure if they arrive later): ${kib(m.withPanels.gzip)}`);
  console.log(`cdn/models/index.json: ${kib(m.index)} gzip`);
  console.log(
    `cdn/models: ${largest.length} models, largest ${largest
      .slice(0, 3)
      .map(([id, n]) => `${id} ${kib(n)}`)
      .join(", ")} (budget ${kib(budgets.model)} each)`,
  );
  mkdirSync(join(root, "reports"), { recursive: true });
  writeFileSync(join(root, "reports/sizes.json"), JSON.stringify(m, null, 2));
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) reportSizes(resolve(dirname(fileURLToPath(import.meta.url)), ".."));
