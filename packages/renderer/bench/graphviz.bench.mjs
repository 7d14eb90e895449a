// archgal's renderer against Graphviz (@viz-js/viz: Graphviz compiled to WebAssembly) drawing the SAME block graph.
//
// For every model in packages/data/models and for the poster of all of them, in the same process and run:
//   ours      renderModel(spec) (renderPoster(specs)): spec → laid-out SVG string;
//   graphviz  viz.renderString(dot, { engine: "dot", format: "svg" }) of a DOT graph built from layoutModel(spec):
//             one node per box (its text lines as the label, rect or circle, the box's size as the minimum size),
//             one cluster per container box (frames, the repeated block, zoom panels) holding the boxes inside it,
//             one plaintext node per free label (titles, callouts, listings), and one edge per drawn edge between
//             the nodes its end points touch (or invisible point nodes where an end touches nothing: braces, rules).
//             So Graphviz lays out and renders the same boxes, edges and labels our figure has; it gets no spec.
// Both are timed as the median of repeated runs after a warm-up, wall clock, single thread. The one-time WASM
// start-up of Graphviz is measured apart and not counted in its per-render time (in its favour).
// Writes bench/graphviz-results.json and prints a table. Run: pnpm --filter @archgal/renderer bench (after build).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateSpec } from "@archgal/schema";
import { instance } from "@viz-js/viz";
import { layoutModel, layoutPoster, renderModel, renderPoster } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = resolve(here, "../../data/models");
const specs = readdirSync(modelsDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => {
    const v = validateSpec(JSON.parse(readFileSync(resolve(modelsDir, f), "utf8")));
    if (!v.success) throw new Error(`${f} is not a valid spec`);
    return v.data;
  });

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const POSTER_RUNS = Number(process.env.BENCH_POSTER_RUNS ?? 3);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/** Median times of two functions measured alternately (so a busy moment hits both alike), after warm-ups. */
function timePair(a, b, runs, warm = 2) {
  for (let i = 0; i < warm; i++) {
    a();
    b();
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return [median(ta), median(tb)];
}

// ---------------------------------------------------------------------------------------------------------------
// The block graph of a layout, as DOT.

const PT = 72 / 96; // our user units are CSS px; Graphviz sizes are in inches (72 pt)
const q = (s) => `"${String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
const textOf = (lines) => lines.map((l) => l.map((s) => s.text).join("")).join("\n");
const inside = (r, x, y, pad = 0) => x >= r.x - pad && x <= r.x + r.w + pad && y >= r.y - pad && y <= r.y + r.h + pad;
const contains = (o, r) => r.x >= o.x - 0.5 && r.y >= o.y - 0.5 && r.x + r.w <= o.x + o.w + 0.5 && r.y + r.h <= o.y + o.h + 0.5;
const area = (r) => r.w * r.h;

/** Approximate extent of a label (for attaching leader ends); Graphviz measures its own text. */
function labelRect(l) {
  const w = Math.max(0, ...l.lines.map((line) => line.reduce((n, s) => n + s.text.length, 0) * l.fontSize * 0.55));
  const x = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
  return { x, y: l.y, w, h: l.lines.length * l.fontSize * 1.25 };
}

/** DOT statements (no graph wrapper) for one layout; ids prefixed with `p`. Returns counts as well. */
function layoutDot(layout, p) {
  const all = layout.boxes.filter((b) => b.container);
  const labels = layout.labels.filter((l) => textOf(l.lines).trim() !== "");
  // Nesting: each item belongs to the smallest container holding it (ties: the one drawn first).
  const order = new Map(all.map((c, i) => [c, i]));
  const encloses = (c, r, self) =>
    c !== self && contains(c, r) && (area(c) > area(r) || (self !== undefined && area(c) === area(r) && order.get(c) < order.get(self)));
  const parentOf = (r, self) => all.filter((c) => encloses(c, r, self)).sort((a, b) => area(a) - area(b) || order.get(b) - order.get(a))[0];
  const items = [
    ...layout.boxes.filter((b) => !b.container).map((b) => ({ kind: "box", b, rect: b })),
    ...labels.map((l) => ({ kind: "label", l, rect: labelRect(l) })),
  ];
  for (const it of items) it.parent = parentOf(it.rect);
  const containerParent = new Map(all.map((c) => [c, parentOf(c, c)]));
  // A container holding nothing becomes an ordinary box (Graphviz omits empty clusters).
  const nonEmpty = new Set();
  for (const it of items) for (let c = it.parent; c && !nonEmpty.has(c); c = containerParent.get(c)) nonEmpty.add(c);
  for (const c of all) if (!nonEmpty.has(c)) items.push({ kind: "box", b: c, rect: c, parent: containerParent.get(c) });
  const containers = all.filter((c) => nonEmpty.has(c));

  const nodes = [];
  const children = new Map(containers.map((c) => [c, []]));
  const top = [];
  const put = (parent, stmt) => (parent ? children.get(parent) : top).push(stmt);
  let leaves = 0;
  items.forEach((it, i) => {
    const id = `${p}n${i}`;
    if (it.kind === "box") {
      leaves++;
      const b = it.b;
      nodes.push({ id, rect: b, leaf: true });
      const shape = b.shape === "circle" ? "circle" : "box";
      const label = b.symbol === "plus" ? "+" : b.symbol === "times" ? "×" : textOf(b.lines);
      put(
        it.parent,
        `${id} [shape=${shape}, style="rounded,filled", label=${q(label)}, fontsize=${round(b.fontSize * PT)}, width=${round(b.w / 96, 3)}, height=${round(b.h / 96, 3)}];`,
      );
    } else {
      const l = it.l;
      nodes.push({ id, rect: it.rect, leaf: false });
      put(it.parent, `${id} [shape=plaintext, label=${q(textOf(l.lines))}, fontsize=${round(l.fontSize * PT)}];`);
    }
  });
  const clusterText = (c, i) => {
    const body = [...children.get(c)];
    containers.forEach((k, j) => {
      if (containerParent.get(k) === c) body.push(clusterText(k, j));
    });
    return `subgraph cluster_${p}c${i} { label=${q(textOf(c.lines))}; style=rounded; ${body.join(" ")} }`;
  };
  containers.forEach((c, i) => {
    if (!containerParent.get(c)) top.push(clusterText(c, i));
  });
  // Edges between the nodes their ends touch; free ends become invisible points.
  let points = 0;
  const endNode = (x, y) => {
    const hit =
      nodes.filter((n) => n.leaf && inside(n.rect, x, y, 6)).sort((a, b) => area(a.rect) - area(b.rect))[0] ??
      nodes.filter((n) => inside(n.rect, x, y, 10)).sort((a, b) => area(a.rect) - area(b.rect))[0];
    if (hit) return hit.id;
    const id = `${p}pt${points++}`;
    top.push(`${id} [shape=point, width=0.01, label=""];`);
    return id;
  };
  const edges = layout.edges.map((e) => {
    const [x0, y0] = e.points[0];
    const [x1, y1] = e.points[e.points.length - 1];
    const a = endNode(x0, y0);
    const b = endNode(x1, y1);
    const style = e.dash ? `, style=${e.dash}` : "";
    return `${a} -> ${b} [arrowhead=${e.arrow ? "normal" : "none"}${style}];`;
  });
  return {
    body: [...top, ...edges].join("\n"),
    boxes: layout.boxes.length,
    leaves,
    containers: containers.length,
    labels: labels.length,
    edges: edges.length,
    points,
  };
}

const graph = (body) =>
  `digraph G {\ngraph [rankdir=BT, fontname="DejaVu Sans", compound=true, newrank=true];\nnode [fontname="DejaVu Sans"];\nedge [fontname="DejaVu Sans"];\n${body}\n}`;

// ---------------------------------------------------------------------------------------------------------------

const t0 = performance.now();
const viz = await instance();
const vizStartupMs = performance.now() - t0;
const vizVersion = JSON.parse(readFileSync(resolve(here, "../node_modules/@viz-js/viz/package.json"), "utf8")).version;

const rows = [];
for (const spec of specs) {
  const g = layoutDot(layoutModel(spec), "m");
  const dot = graph(g.body);
  const gvSvg = viz.renderString(dot, { engine: "dot", format: "svg" });
  // Graphviz drew the whole graph: every node, edge and cluster of the DOT is in its SVG.
  const count = (cls) => (gvSvg.match(new RegExp(`class="${cls}"`, "g")) ?? []).length;
  const drawn = { nodes: count("node"), edges: count("edge"), clusters: count("cluster") };
  const expected = { nodes: g.leaves + g.labels + g.points, edges: g.edges, clusters: g.containers };
  if (JSON.stringify(drawn) !== JSON.stringify(expected))
    throw new Error(`${spec.id}: Graphviz drew ${JSON.stringify(drawn)}, expected ${JSON.stringify(expected)}`);
  const [ours, gv] = timePair(
    () => renderModel(spec),
    () => viz.renderString(dot, { engine: "dot", format: "svg" }),
    RUNS,
  );
  rows.push({
    id: spec.id,
    boxes: g.boxes,
    labels: g.labels,
    edges: g.edges,
    clusters: g.containers,
    oursMs: round(ours, 3),
    graphvizMs: round(gv, 3),
    ratio: round(gv / ours, 1),
    graphvizSvgBytes: gvSvg.length,
  });
  process.stdout.write(
    `${spec.id.padEnd(30)} ours ${ours.toFixed(2).padStart(7)} ms   graphviz ${gv.toFixed(2).padStart(8)} ms   ×${(gv / ours).toFixed(1)}\n`,
  );
}

// The poster: every model's block graph as a cluster of one DOT graph, against renderPoster.
const pl = layoutPoster(specs);
const posterParts = pl.figures.map((f, i) => {
  const g = layoutDot(f.layout, `f${i}_`);
  return { dot: `subgraph cluster_fig${i} { label=${q(f.id)};\n${g.body}\n}`, g };
});
const posterDot = graph(posterParts.map((x) => x.dot).join("\n"));
const posterCounts = posterParts.reduce(
  (s, { g }) => ({ boxes: s.boxes + g.boxes, labels: s.labels + g.labels, edges: s.edges + g.edges }),
  { boxes: 0, labels: 0, edges: 0 },
);
const [posterOurs, posterGv] = timePair(
  () => renderPoster(specs),
  () => viz.renderString(posterDot, { engine: "dot", format: "svg" }),
  POSTER_RUNS,
  1,
);
const poster = {
  models: specs.length,
  ...posterCounts,
  oursMs: round(posterOurs, 1),
  graphvizMs: round(posterGv, 1),
  ratio: round(posterGv / posterOurs, 1),
  runs: POSTER_RUNS,
};
console.log(
  `${"poster".padEnd(30)} ours ${posterOurs.toFixed(1).padStart(7)} ms   graphviz ${posterGv.toFixed(1).padStart(8)} ms   ×${(posterGv / posterOurs).toFixed(1)}`,
);

const oursAll = rows.map((r) => r.oursMs);
const gvAll = rows.map((r) => r.graphvizMs);
const ratios = rows.map((r) => r.graphvizMs / r.oursMs);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores)`,
  graphviz: {
    package: `@viz-js/viz ${vizVersion}`,
    graphvizVersion: viz.graphvizVersion,
    engine: "dot",
    format: "svg",
    startupMs: round(vizStartupMs, 1),
  },
  method:
    "Same process, same block graph: DOT built from layoutModel (boxes as nodes, containers as clusters, labels as plaintext nodes, edges between the nodes their ends touch). Both measured alternately; median wall time of " +
    `${RUNS} runs after warm-up per model (poster: ${POSTER_RUNS} runs); ours = renderModel/renderPoster from spec to SVG string; graphviz = viz.renderString(dot) layout + SVG, WASM start-up excluded.`,
  runs: RUNS,
  summary: {
    models: rows.length,
    oursMedianMs: round(median(oursAll), 3),
    graphvizMedianMs: round(median(gvAll), 3),
    medianRatio: round(median(ratios), 1),
    minRatio: round(Math.min(...ratios), 1),
    maxRatio: round(Math.max(...ratios), 1),
    oursTotalMs: round(
      oursAll.reduce((a, b) => a + b, 0),
      1,
    ),
    graphvizTotalMs: round(
      gvAll.reduce((a, b) => a + b, 0),
      1,
    ),
  },
  poster,
  models: rows,
};
mkdirSync(resolve(here, "../reports"), { recursive: true });
writeFileSync(resolve(here, "../reports/bench-graphviz.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log("wrote reports/bench-graphviz.json");
console.log(JSON.stringify({ summary: result.summary, poster, graphviz: result.graphviz }, null, 2));
