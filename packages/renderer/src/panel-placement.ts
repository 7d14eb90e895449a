/**
 * Where the zoom panels go and how their zoom leaders run: in one or two columns right of the callout column,
 * joined to the main column by dotted leaders. Only the full entry uses this (the lean entry has no panels).
 */
import type { Facts } from "./analysis.js";
import type { Canvas } from "./canvas.js";
import type { Box, Point, Rect } from "./layout-types.js";
import type { MainAnchors } from "./main-column.js";
import { allPanels, type Panel } from "./panels/index.js";
import { formatComponentId } from "./component-id.js";

const PANEL_GAP = 26;

/** Whether segments ab and cd cross properly (touching at an end point does not count). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Splits panels into at most two columns, keeping order and balancing heights. */
function panelColumns(panels: Panel[], mainH: number): Panel[][] {
  const total = panels.reduce((s, p) => s + p.h + PANEL_GAP, 0);
  if (total <= mainH * 1.1 || panels.length < 2) return [panels];
  let best = 1;
  let bestH = Infinity;
  for (let i = 1; i < panels.length; i++) {
    if (panels[i]!.id === "savings") continue; // keep the savings under the MoE panel
    const a = panels.slice(0, i).reduce((s, p) => s + p.h + PANEL_GAP, 0);
    const h = Math.max(a, total - a);
    if (h < bestH) {
      bestH = h;
      best = i;
    }
  }
  return [panels.slice(0, best), panels.slice(best)];
}

/**
 * A panel placed: its top left corner and its column (0 or 1 right of the callouts; -1 below the main column,
 * then `row` is its row there, from the top).
 */
export interface PlacedPanel {
  p: Panel;
  x: number;
  y: number;
  col: number;
  row?: number;
}

/**
 * The panels of a figure as placed so far: the rectangles of those right of the callouts (for the callouts to
 * keep clear of), and `placeBelow`, which puts those below the main column in, clear of the given rectangles (the
 * callouts, placed by then) and returns their rectangles.
 */
export interface PanelPlacement {
  rects: Rect[];
  /** Every panel placed (right of the callouts and below the main column). */
  panels: readonly Panel[];
  placeBelow(occupied: readonly Rect[]): Rect[];
}

/** Width of a figure at which it is still comfortably read on a page (user units, 1:1 pixels). */
export const TARGET_WIDTH = 1600;
/** Width-to-height ratio a figure aims at (1.1–1.4:1, like a page-wide picture). */
export const TARGET_ASPECT = 1.25;
/** Height the title and subtitle add above the content (about). */
const TITLE_H = 120;
/**
 * What the finished figure adds to the panels' and main column's extent (margins, less the reach the estimate
 * assumes on the left; measured over the dataset: the figures come out about 33 narrower and 20 taller).
 */
const MARGIN_W = 15;
const MARGIN_H = 68;

/**
 * Panels that zoom into nothing and may stand below the main column: the layer pattern, the MTP note, the mask,
 * the hyper-connections' maps.
 */
const free = (p: Panel) =>
  p.zoomFrom === undefined && (p.id === "pattern" || p.id === "mtp" || p.id === "window" || p.id === "hyper-connections");

/**
 * Where the panels go. Candidates: one column right of the callouts; one column with the panels that zoom into
 * nothing below the main column, two to a row; two columns. The chosen one comes closest to
 * {@link TARGET_ASPECT} without passing {@link TARGET_WIDTH} (a wider figure pays for every unit over it).
 */
export function arrangePanels(panels: readonly Panel[], top: number, mainBottom: number, x0: number): PlacedPanel[] {
  const stack = (col: readonly Panel[], ci: number, out: PlacedPanel[]) => {
    let y = top;
    for (const p of col) {
      out.push({ p, x: x0 + ci * (p.w + 36), y, col: ci });
      y += p.h + PANEL_GAP;
    }
  };
  const candidates: PlacedPanel[][] = [];
  const one: PlacedPanel[] = [];
  stack(panels, 0, one);
  candidates.push(one);
  // Any of the free panels below the main column (in their order), the others in the panel column.
  const freeOnes = panels.filter(free);
  for (let mask = 1; mask < 1 << freeOnes.length; mask++) {
    const below = freeOnes.filter((_, i) => mask & (1 << i));
    if (below.length === panels.length) continue;
    const out: PlacedPanel[] = [];
    stack(
      panels.filter((p) => !below.includes(p)),
      0,
      out,
    );
    // Rows of two under the main column, right-aligned against the corridor before the panel column.
    let y = mainBottom + PANEL_GAP;
    for (let i = 0; i < below.length; i += 2) {
      const row = below.slice(i, i + 2);
      let x = x0 - 50;
      for (const p of [...row].reverse()) {
        x -= p.w;
        out.push({ p, x, y, col: -1, row: i / 2 });
        x -= 36;
      }
      y += Math.max(...row.map((p) => p.h)) + PANEL_GAP;
    }
    candidates.push(out);
  }
  const cols = panelColumns([...panels], mainBottom - top);
  if (cols.length > 1) {
    const out: PlacedPanel[] = [];
    cols.forEach((col, ci) => stack(col, ci, out));
    candidates.push(out);
  }
  const score = (c: PlacedPanel[]) => {
    const left = Math.min(0, ...c.map((q) => q.x));
    const right = Math.max(x0, ...c.map((q) => q.x + q.p.w));
    const bottom = Math.max(mainBottom, ...c.map((q) => q.y + q.p.h));
    const w = right - left + MARGIN_W;
    const h = bottom - top + TITLE_H + MARGIN_H;
    return Math.abs(Math.log(w / h / TARGET_ASPECT)) + Math.max(0, w - TARGET_WIDTH) / 400;
  };
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) if (score(c) < score(best)) best = c;
  return best;
}

/**
 * Builds every panel of the figure, places them in columns starting at `x0` and draws the zoom leaders
 * (edges of kind `zoom`) from the main column's mixer and FFN boxes.
 *
 * Every leader leaves its box level, so that it crosses the callout column at its box's height only, and turns
 * in the corridor left of the panels, each leader at its own x. A leader to a first-column panel then runs to
 * it; one to a second-column panel crosses the first column through the gap between its panels that is nearest
 * to the leader's source, then turns in the corridor between the columns to its panel. The panels below the main
 * column (they zoom into nothing) go in once the callouts are placed: see {@link PanelPlacement}.
 */
export function placePanels(f: Facts, all: Canvas, anchors: MainAnchors, x0: number): PanelPlacement {
  const panels = allPanels(f);
  const frame = anchors.frame;
  const mainBottom = anchors.tokenized.y + anchors.tokenized.h + 50;
  const placed = arrangePanels(panels, frame.y - 10, mainBottom, x0);
  for (const { p, x, y, col } of placed) if (col >= 0) all.merge(p.canvas, x, y);

  const zoomSource = (p: Panel): Box | undefined =>
    p.zoomFrom === "mixer" ? anchors.mixer : p.zoomFrom === "ffn" ? anchors.ffn : undefined;
  const col0 = placed.filter((q) => q.col === 0);
  // Horizontal gaps around and between first-column panels, through which leaders to the second column pass.
  const gaps: number[] = [];
  if (col0.length) {
    gaps.push(col0[0]!.y - PANEL_GAP / 2);
    for (const q of col0) gaps.push(q.y + q.p.h + PANEL_GAP / 2);
  }
  const nearest = (y: number) => gaps.reduce((best, g) => (Math.abs(g - y) < Math.abs(best - y) ? g : best), gaps[0]!);
  // Leaders from one box start at different heights in the upper part of its side, the one to the highest panel
  // highest (never two from one point; the heads callout keeps to the lower part).
  const perSource = new Map<Box, number>();
  for (const q of placed) {
    const src = zoomSource(q.p);
    if (src) perSource.set(src, (perSource.get(src) ?? 0) + 1);
  }
  // Each leader runs level from its box across the callout column, turns in the corridor left of the panels
  // (each at its own x), and enters its panel level: it crosses the callouts' column at its box's height only.
  type Route = { p: Panel; from: Point; tail: Point[]; ty: number };
  const routes: Route[] = [];
  const fromSource = new Map<Box, number>();
  for (const { p, x, y, col } of [...placed].sort((a, b) => a.y - b.y || a.col - b.col)) {
    const src = zoomSource(p);
    if (!src) continue;
    const k = fromSource.get(src) ?? 0;
    fromSource.set(src, k + 1);
    const count = perSource.get(src) ?? 1;
    const from: Point = [src.x + src.w, src.y + src.h * (count > 1 ? 0.1 + (0.3 * k) / (count - 1) : 0.35)];
    const clampY = (v: number) => Math.max(y + 24, Math.min(y + p.h - 24, v));
    if (col === 0) {
      const ty = clampY(from[1]);
      routes.push({ p, from, ty, tail: [[x, ty]] });
    } else {
      const right = col0[0]!.x + Math.max(...col0.map((q) => q.p.w)) + 14;
      const gapY = nearest(from[1]);
      const ty = clampY(gapY);
      routes.push({ p, from, ty: gapY, tail: [[right, gapY], ...(Math.abs(ty - gapY) > 1 ? [[right, ty] as Point] : []), [x, ty]] });
    }
  }
  const turnRight = x0 - 10;
  const path = (r: Route, turnX: number): Point[] =>
    Math.abs(r.ty - r.from[1]) < 1 ? [r.from, ...r.tail] : [r.from, [turnX, r.from[1]], [turnX, r.ty], ...r.tail];
  const crossings = (paths: Point[][]) => {
    let n = 0;
    for (let i = 0; i < paths.length; i++)
      for (let j = i + 1; j < paths.length; j++)
        for (let a = 1; a < paths[i]!.length; a++)
          for (let b = 1; b < paths[j]!.length; b++)
            if (segmentsCross(paths[i]![a - 1]!, paths[i]![a]!, paths[j]![b - 1]!, paths[j]![b]!)) n++;
    return n;
  };
  // Which leader turns nearest the panels: the order (of a few) whose paths cross least.
  const orders: ((a: Route, b: Route) => number)[] = [
    (a, b) => a.from[1] - b.from[1],
    (a, b) => b.from[1] - a.from[1],
    (a, b) => a.ty - b.ty,
    (a, b) => b.ty - a.ty,
  ];
  let best: Point[][] | undefined;
  let bestN = Infinity;
  for (const order of orders) {
    const rank = new Map([...routes].sort(order).map((r, i) => [r, i]));
    const paths = routes.map((r) => path(r, turnRight - 7 * rank.get(r)!));
    const n = crossings(paths);
    if (n < bestN) {
      best = paths;
      bestN = n;
    }
  }
  routes.forEach((r, i) =>
    all.edge(`zoom-${r.p.id}`, best![i]!, {
      component: formatComponentId({ kind: "panel", id: r.p.id }),
      kind: "zoom",
      arrow: false,
      dash: "dotted",
      color: r.p.accentZoom ? "accent" : "line",
      width: 2.6,
    }),
  );
  // Expert → FFN panel, when the FFN panel sits right above the MoE panel.
  const ffnP = placed.find((q) => q.p.id === "ffn");
  const moeP = placed.find((q) => q.p.id === "moe");
  if (ffnP && moeP && moeP.p.expertBox && ffnP.col === moeP.col) {
    const e = moeP.p.expertBox;
    const from: Point = [e.x + e.w / 2, e.y];
    const to: Point = [from[0], ffnP.y + ffnP.p.h];
    if (to[1] < from[1])
      all.edge("zoom-expert-ffn", [from, to], {
        component: formatComponentId({ kind: "panel", id: "ffn" }),
        kind: "zoom",
        arrow: false,
        dash: "dotted",
        width: 2.5,
      });
  }
  const rect = (q: PlacedPanel): Rect => ({ x: q.x, y: q.y, w: q.p.w, h: q.p.h });
  return {
    rects: placed.filter((q) => q.col >= 0).map(rect),
    panels: placed.map((q) => q.p),
    placeBelow(occupied) {
      // Row by row: under the row above (or the main column) and under whatever stands in the row's width.
      const below = placed.filter((q) => q.col < 0);
      let top = mainBottom + PANEL_GAP;
      for (let row = 0; below.some((q) => q.row === row); row++) {
        const qs = below.filter((q) => q.row === row);
        const x1 = Math.min(...qs.map((q) => q.x));
        const x2 = Math.max(...qs.map((q) => q.x + q.p.w));
        const y = Math.max(top, ...occupied.filter((o) => o.x < x2 && o.x + o.w > x1).map((o) => o.y + o.h + PANEL_GAP));
        for (const q of qs) q.y = y;
        top = y + Math.max(...qs.map((q) => q.p.h)) + PANEL_GAP;
      }
      for (const q of below) all.merge(q.p.canvas, q.x, q.y);
      return below.map(rect);
    },
  };
}
