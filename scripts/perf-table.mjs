// The README's performance table, from the reports `pnpm bench` writes (packages/renderer/reports/bench-graphviz.json,
// packages/components/reports/bench-embed.json). Prints the table; with --write, replaces the part of README.md
// between <!-- perf-table:start --> and <!-- perf-table:end -->.
//   node scripts/perf-table.mjs [--write]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const read = (path) => {
  const file = join(root, path);
  if (!existsSync(file)) throw new Error(`${path} is missing: run \`pnpm bench\` first`);
  return JSON.parse(readFileSync(file, "utf8"));
};
const graphviz = read("packages/renderer/reports/bench-graphviz.json");
const embed = read("packages/components/reports/bench-embed.json");
const pagesFile = "apps/gallery/reports/bench-pages.json";
const pages = existsSync(join(root, pagesFile)) ? read(pagesFile) : undefined;

const ms = (x) => (x >= 100 ? `${Math.round(x).toLocaleString("en-US")} ms` : `${x} ms`);
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const times = (a, b) => `${(a / b).toFixed(1)}×`;
const g = graphviz.summary;
const p = graphviz.poster;
const e = embed.bytes;
const lo = embed.loopback.median;
const th = embed.throttled.median;
const sooner = (ours, img) =>
  ours <= img ? `**${times(img, ours)} sooner** than the \`<img>\`` : `${times(ours, img)} later than the \`<img>\``;

const rows = [
  ["", "archgal", "the alternative", ""],
  ["---", "---:", "---:", "---"],
  [
    `Draw one model, spec → SVG (median of ${g.models} models)`,
    `**${ms(g.oursMedianMs)}**`,
    `${ms(g.graphvizMedianMs)}: Graphviz \`dot\` (WebAssembly) laying out and rendering the same block graph`,
    `**${g.medianRatio}× faster** (${g.minRatio}–${g.maxRatio}× across models)`,
  ],
  [
    `Draw the poster of all ${p.models} models (${p.boxes.toLocaleString("en-US")} boxes, ${p.edges.toLocaleString("en-US")} edges)`,
    `**${ms(p.oursMs)}**`,
    `${ms(p.graphvizMs)}: Graphviz, same graph`,
    `**${p.ratio}× faster**`,
  ],
  [
    `Bytes to show one model (median of ${e.models}), gzip`,
    `${kb(e.medianOneTagBytes)}: element + model data (each further model ≈ ${kb(e.medianOneTagBytes - embed.element.gzipBytes)})`,
    `${kb(e.medianSvgBytes)}: the same figure as an SVG file`,
    "the first figure costs the element; the element then draws any model, any theme, interactive",
  ],
  [
    `Time to the figure, cold cache, loopback (median of ${embed.loopback.models.length} models)`,
    `one tag ${ms(lo.oneTagMs)}; pre-rendered inside the tag **${ms(lo.preRenderedMs)}**`,
    `${ms(lo.imgMs)}: \`<img>\` of the same SVG`,
    `pre-rendered: ${sooner(lo.preRenderedMs, lo.imgMs)}; one tag: ${sooner(lo.oneTagMs, lo.imgMs)}`,
  ],
  [
    `Time to the figure, cold cache, ${embed.throttled.profile}`,
    `one tag ${ms(th.oneTagMs)}; pre-rendered **${ms(th.preRenderedMs)}**`,
    `${ms(th.imgMs)}: \`<img>\` of the same SVG`,
    `pre-rendered: ${sooner(th.preRenderedMs, th.imgMs)}; one tag: ${sooner(th.oneTagMs, th.imgMs)}`,
  ],
];
if (pages) {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const r of pages.pages)
    rows.push([
      `Gallery ${r.page}, emulated phone, cold cache`,
      `LCP **${ms(r.lcpMs)}**, ${kib(r.bytes)} in ${r.requests} requests`,
      `longest task ${ms(r.longestTaskMs)} on the phone${r.desktopLongestTaskMs === undefined ? "" : `; ${ms(r.desktopLongestTaskMs)} on a desktop`}`,
      [
        r.longestTaskMs <= 100 ? "phone: no long task over 100 ms" : "phone: **a long task over 100 ms**",
        ...(r.desktopLongestTaskMs === undefined
          ? []
          : [r.desktopLongestTaskMs <= 100 ? "desktop: no long task over 100 ms" : "desktop: **a long task over 100 ms**"]),
      ].join("; "),
    ]);
  const f = pages.firstRender;
  rows.push([
    `First \`renderModel\` in a fresh page (${f.model}, median of ${f.runs} pages)`,
    `**${ms(f.coldMs)}** cold`,
    `${ms(f.warmMs)} the second call`,
    f.coldMs <= 20 ? "within 20 ms" : "over the 20 ms goal",
  ]);
}
const table = [
  `Measured by \`pnpm bench\` on ${graphviz.cpu}, Node ${graphviz.node}, ${embed.browser} (${embed.date.slice(0, 10)}); Graphviz: ${graphviz.graphviz.package} (Graphviz ${graphviz.graphviz.graphvizVersion}). Raw results: \`packages/renderer/reports/bench-graphviz.json\`, \`packages/components/reports/bench-embed.json\`${pages ? `, \`${pagesFile}\`` : ""}.`,
  "",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
  ...(pages
    ? [
        "",
        `Emulated phone: ${pages.profile}; LCP and bytes are medians of ${pages.runs} runs, the longest task the worst of them.${pages.desktopProfile ? ` Desktop: ${pages.desktopProfile}.` : ""}`,
      ]
    : []),
].join("\n");

if (process.argv.includes("--write")) {
  const readme = join(root, "README.md");
  const text = readFileSync(readme, "utf8");
  const start = "<!-- perf-table:start -->";
  const end = "<!-- perf-table:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} section`);
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
  console.log("README.md: performance table updated");
} else {
  console.log(table);
}
