/**
 * Geometry checks of a layout, used by the tests and available to other test suites (e.g. a browser check
 * that compares real text extents with the width model): text fits its box, boxes overlap only by
 * containment, no box (a badge, say) covers another box's text, labels are clear of boxes and of each other,
 * leaders do not cross each other or zoom leaders, and every number is finite.
 */
import { contains, labelRect, overlaps } from "./canvas.js";
import type { Box, Layout, Point, Rect } from "./layout-types.js";
import { LINE_HEIGHT, lineWidth } from "./text-metrics.js";

/** The rectangle a box's text lines occupy (centred, full line height), or undefined when it has none. */
export function boxTextRect(b: Box): Rect | undefined {
  if (!b.lines.length || b.symbol) return undefined;
  const w = Math.max(...b.lines.map((l) => lineWidth(l, b.fontSize, b.weight, b.family)));
  const h = b.lines.length * b.fontSize * LINE_HEIGHT;
  return w > 0 ? { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, w, h } : undefined;
}

/** Whether segments ab and cd cross properly (touching at an end point does not count). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

const fmt = (r: Rect) => `(${r.x.toFixed(1)},${r.y.toFixed(1)} ${r.w.toFixed(1)}×${r.h.toFixed(1)})`;

/** Problems found in a layout; empty when it is clean. */
export function checkLayout(layout: Layout, eps = 0.5): string[] {
  const problems: string[] = [];
  const finite = (what: string, ...vs: number[]) => {
    if (vs.some((v) => !Number.isFinite(v))) problems.push(`${what}: non-finite number`);
  };
  finite("layout size", layout.width, layout.height);
  const inside = (what: string, r: Rect) => {
    if (r.x < -eps || r.y < -eps || r.x + r.w > layout.width + eps || r.y + r.h > layout.height + eps) problems.push(`${what} ${fmt(r)} is outside the ${layout.width}×${layout.height} canvas`);
  };
  for (const b of layout.boxes) {
    finite(`box ${b.id}`, b.x, b.y, b.w, b.h, b.rx, b.fontSize, b.strokeWidth);
    if (b.w < 0 || b.h < 0) problems.push(`box ${b.id} has a negative size`);
    inside(`box ${b.id}`, b);
    if (b.lines.length && !b.symbol) {
      const tw = Math.max(...b.lines.map((l) => lineWidth(l, b.fontSize, b.weight, b.family)));
      const th = b.lines.length * b.fontSize * LINE_HEIGHT;
      const room = b.shape === "circle" ? b.w * 0.9 : b.w - 2 * b.padX;
      if (tw > room + eps) problems.push(`box ${b.id}: text "${b.lines.map((l) => l.map((s) => s.text).join("")).join(" / ")}" is ${tw.toFixed(1)} wide, room ${room.toFixed(1)}`);
      if (th > b.h + eps) problems.push(`box ${b.id}: ${b.lines.length} lines are ${th.toFixed(1)} high, box ${b.h.toFixed(1)}`);
    }
  }
  for (const e of layout.edges) {
    for (const [x, y] of e.points) {
      finite(`edge ${e.id}`, x, y);
      inside(`edge ${e.id}`, { x, y, w: 0, h: 0 });
    }
  }
  const labelRects = layout.labels.map((l) => {
    finite(`label ${l.id}`, l.x, l.y, l.fontSize);
    const r = labelRect(l);
    inside(`label ${l.id}`, r);
    return r;
  });
  // Boxes: overlap only when one contains the other (badges sit on their expert's corner by design).
  const boxes = layout.boxes;
  const badgeHits = new Map<string, number>();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (!overlaps(a, b, eps)) continue;
      if (contains(a, b, eps) || contains(b, a, eps)) continue;
      if (a.kind === "badge" || b.kind === "badge") {
        // A badge sits on the corner of its one host box and touches nothing else.
        const badge = a.kind === "badge" ? a : b;
        const n = (badgeHits.get(badge.id) ?? 0) + 1;
        badgeHits.set(badge.id, n);
        if (n > 1) problems.push(`badge ${badge.id} ${fmt(badge)} overlaps more than its host (also ${(badge === a ? b : a).id})`);
        continue;
      }
      problems.push(`boxes ${a.id} ${fmt(a)} and ${b.id} ${fmt(b)} overlap`);
    }
  }
  // Box text: no box drawn after it may cover it (e.g. an expert's number badge sitting on the expert's label).
  boxes.forEach((a, i) => {
    const tr = boxTextRect(a);
    if (!tr) return;
    for (const b of boxes.slice(i + 1)) {
      if (b.container || !overlaps(tr, b, eps)) continue;
      problems.push(`box ${b.id} ${fmt(b)} covers the text of ${a.id} ${fmt(tr)}`);
    }
  });
  // Leaders: a callout's leader crosses neither another leader nor a zoom leader (which would make it unclear
  // what a note or panel describes).
  const segs = (e: Layout["edges"][number]) => e.points.slice(1).map((p, i): [Point, Point] => [e.points[i]!, p]);
  const leaders = layout.edges.filter((e) => e.kind === "leader");
  const lines = layout.edges.filter((e) => e.kind === "leader" || e.kind === "zoom");
  for (const l of leaders) {
    for (const z of lines) {
      if (z === l || (z.kind === "leader" && z.id < l.id)) continue;
      if (segs(l).some(([a, b]) => segs(z).some(([c, d]) => segmentsCross(a, b, c, d)))) problems.push(`leader ${l.id} crosses ${z.kind} ${z.id}`);
    }
  }
  // Labels: clear of boxes except containers that hold them entirely, and of each other.
  layout.labels.forEach((l, i) => {
    const r = labelRects[i]!;
    if (r.w === 0) return;
    for (const b of boxes) {
      if (!overlaps(r, b, eps)) continue;
      if (b.container && contains(b, r, eps)) continue;
      problems.push(`label ${l.id} ${fmt(r)} overlaps box ${b.id} ${fmt(b)}`);
    }
    for (let j = i + 1; j < layout.labels.length; j++) {
      const q = labelRects[j]!;
      if (q.w > 0 && overlaps(r, q, eps)) problems.push(`labels ${l.id} ${fmt(r)} and ${layout.labels[j]!.id} ${fmt(q)} overlap`);
    }
  });
  return problems;
}
