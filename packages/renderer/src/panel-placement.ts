/**
 * Where the zoom panels go and how their zoom leaders run: in one or two columns right of the callout column,
 * joined to the main column by dotted leaders. Only the full entry uses this (the lean entry has no panels).
 */
import type { Facts } from "./analysis.js";
import type { Canvas } from "./canvas.js";
import type { Box, Point } from "./layout-types.js";
import type { MainAnchors } from "./main-column.js";
import { allPanels, type Panel } from "./panels/index.js";
import { formatComponentId } from "./component-id.js";

const PANEL_GAP = 26;

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
 * Builds every panel of the figure, places them in columns starting at `x0` and draws the zoom leaders
 * (edges of kind `zoom`) from the main column's mixer and FFN boxes.
 *
 * A leader to a first-column panel runs straight to it. A leader to a second-column panel crosses the first
 * column through the gap between its panels that is nearest to the leader's source (so that it runs almost
 * level through the callout column instead of cutting diagonally across it), then turns in the corridor
 * between the columns to its panel.
 */
export function placePanels(f: Facts, all: Canvas, anchors: MainAnchors, x0: number): void {
  const panels = allPanels(f);
  const frame = anchors.frame;
  const mainBottom = anchors.tokenized.y + anchors.tokenized.h + 50;
  const placed: { p: Panel; x: number; y: number; col: number }[] = [];
  panelColumns(panels, mainBottom - frame.y).forEach((col, ci) => {
    let y = frame.y - 10;
    for (const p of col) {
      placed.push({ p, x: x0 + ci * (p.w + 36), y, col: ci });
      y += p.h + PANEL_GAP;
    }
  });
  for (const { p, x, y } of placed) all.merge(p.canvas, x, y);

  const zoomSource = (p: Panel): Box | undefined => (p.zoomFrom === "mixer" ? anchors.mixer : p.zoomFrom === "ffn" ? anchors.ffn : undefined);
  const col0 = placed.filter((q) => q.col === 0);
  // Horizontal gaps around and between first-column panels, through which leaders to the second column pass.
  const gaps: number[] = [];
  if (col0.length) {
    gaps.push(col0[0]!.y - PANEL_GAP / 2);
    for (const q of col0) gaps.push(q.y + q.p.h + PANEL_GAP / 2);
  }
  const nearest = (y: number) => gaps.reduce((best, g) => (Math.abs(g - y) < Math.abs(best - y) ? g : best), gaps[0]!);
  // Leaders from one box start at different heights in the upper part of its side, the first lowest (never two
  // from one point; the heads callout keeps to the lower part).
  const perSource = new Map<Box, number>();
  for (const q of placed) {
    const src = zoomSource(q.p);
    if (src) perSource.set(src, (perSource.get(src) ?? 0) + 1);
  }
  const fromSource = new Map<Box, number>();
  for (const { p, x, y, col } of placed) {
    const src = zoomSource(p);
    if (!src) continue;
    const k = fromSource.get(src) ?? 0;
    fromSource.set(src, k + 1);
    const count = perSource.get(src) ?? 1;
    const from: Point = [src.x + src.w, src.y + src.h * (count > 1 ? 0.4 - (0.3 * k) / (count - 1) : 0.35)];
    const clampY = (v: number) => Math.max(y + 24, Math.min(y + p.h - 24, v));
    let pts: Point[];
    if (col === 0) {
      pts = [from, [x, clampY(from[1])]];
    } else {
      const left = col0[0]!.x - 14;
      const right = col0[0]!.x + Math.max(...col0.map((q) => q.p.w)) + 14;
      const gapY = nearest(from[1]);
      const ty = clampY(gapY);
      pts = [from, [left, gapY], [right, gapY], ...(Math.abs(ty - gapY) > 1 ? [[right, ty] as Point] : []), [x, ty]];
    }
    all.edge(`zoom-${p.id}`, pts, { component: formatComponentId({ kind: "panel", id: p.id }), kind: "zoom", arrow: false, dash: "dotted", color: p.accentZoom ? "accent" : "line", width: 2.6 });
  }
  // Expert → FFN panel, when the FFN panel sits right above the MoE panel.
  const ffnP = placed.find((q) => q.p.id === "ffn");
  const moeP = placed.find((q) => q.p.id === "moe");
  if (ffnP && moeP && moeP.p.expertBox && ffnP.col === moeP.col) {
    const e = moeP.p.expertBox;
    const from: Point = [e.x + e.w / 2, e.y];
    const to: Point = [from[0], ffnP.y + ffnP.p.h];
    if (to[1] < from[1]) all.edge("zoom-expert-ffn", [from, to], { component: formatComponentId({ kind: "panel", id: "ffn" }), kind: "zoom", arrow: false, dash: "dotted", width: 2.2 });
  }
}
