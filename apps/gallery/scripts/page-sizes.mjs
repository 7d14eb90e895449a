// What each page of the built site loads before any interaction: the HTML, its stylesheets, its entry script and
// every module it preloads (Vite writes the whole static import graph as <link rel=modulepreload>), each as the
// server sends it (brotli, from the precompressed .br files). Dynamic imports (the importer on "Your model", the
// fit calculator's code, model data) are not counted: they load when used.
//   node scripts/page-sizes.mjs [dist]        prints a table; --json prints { page: { bytes, files } }
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/** The main pages of the site and a representative pre-rendered page of each kind. */
export const PAGES = [
  "index.html",
  "model.html",
  "model-deepseek-v3.html",
  "compare.html",
  "concepts.html",
  "concept-MLA.html",
  "poster.html",
  "your-model.html",
];

const brotli = (file) =>
  existsSync(`${file}.br`)
    ? readFileSync(`${file}.br`).length
    : brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Files (relative to dist) a page loads before interaction, and their brotli bytes: all, the HTML, the rest. */
export function pageSize(dist, page) {
  const text = readFileSync(join(dist, page), "utf8");
  const refs = new Set();
  for (const m of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)) refs.add(m[1]);
  const files = [page, ...refs];
  const html = brotli(join(dist, page));
  return {
    bytes: files.reduce((n, f) => n + brotli(join(dist, f)), 0),
    html,
    assets: [...refs].reduce((n, f) => n + brotli(join(dist, f)), 0),
    files,
  };
}

/** Every page of {@link PAGES} that exists in `dist`. */
export function pageSizes(dist) {
  return Object.fromEntries(PAGES.filter((p) => existsSync(join(dist, p))).map((p) => [p, pageSize(dist, p)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? new URL("../dist", import.meta.url).pathname);
  const sizes = pageSizes(dist);
  if (process.argv.includes("--json"))
    console.log(
      JSON.stringify(
        Object.fromEntries(Object.entries(sizes).map(([p, s]) => [p, { bytes: s.bytes, html: s.html, assets: s.assets, files: s.files }])),
        null,
        2,
      ),
    );
  else
    for (const [p, s] of Object.entries(sizes))
      console.log(
        `${p.padEnd(26)} ${(s.bytes / 1024).toFixed(2).padStart(7)} KiB brotli in ${s.files.length} files (HTML ${(s.html / 1024).toFixed(2)} KiB, scripts and styles ${(s.assets / 1024).toFixed(2)} KiB)`,
      );
}
