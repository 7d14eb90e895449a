/**
 * Checks of a figure's geometry (`layoutModel`'s output): finite numbers, everything inside the canvas, no two
 * boxes on top of each other (a badge may sit on the corner of one box, clear of its text), every box's text
 * inside the box by the renderer's own width model (`textWidth`), no label on a box or on another label.
 */
import { LINE_HEIGHT, textWidth, type Box, type Label, type Layout, type Line, type Rect } from "@archgal/renderer";
import { nonFiniteNumbers } from "./svg-checks.js";

const EPS = 0.5;

const overlap = (a: Rect, b: Rect, eps = EPS) => a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h && b.y + eps < a.y + a.h;
const inside = (outer: Rect, r: Rect, eps = 1) => r.x >= outer.x - eps && r.y >= outer.y - eps && r.x + r.w <= outer.x + outer.w + eps && r.y + r.h <= outer.y + outer.h + eps;
const fmt = (r: Rect) => `[${r.x.toFixed(1)}, ${r.y.toFixed(1)}, ${r.w.toFixed(1)}×${r.h.toFixed(1)}]`;
const textOf = (lines: readonly Line[]) => lines.map((l) => l.map((s) => s.text).join("")).join(" / ");

/** Width of a line by the text model: each span at its own weight. */
export function measureLine(line: Line, fontSize: number, weight: "normal" | "bold", family: "sans" | "mono"): number {
  let w = 0;
  for (const s of line) w += textWidth(s.text, fontSize, s.bold || weight === "bold" ? "bold" : "normal", family);
  return w;
}

const hasText = (lines: readonly Line[]) => lines.some((l) => l.some((s) => s.text.trim() !== ""));

/** The rectangle the text of a box occupies (centred, as the SVG draws it). */
export function boxTextRect(b: Box): Rect | undefined {
  if (b.symbol || !hasText(b.lines)) return undefined;
  const w = Math.max(...b.lines.map((l) => measureLine(l, b.fontSize, b.weight, b.family)));
  const h = b.lines.length * b.fontSize * LINE_HEIGHT;
  return { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, w, h };
}

/**
 * The body of a box's text: from the ascender of the first line to the baseline of the last (DejaVu Sans: ascent
 * 0.76 em above a baseline 0.36 em below the middle of the line, as the SVG draws it). Descenders are left out, so
 * a badge on a box's corner may come as close as the baseline.
 */
export function boxInkRect(b: Box): Rect | undefined {
  const tr = boxTextRect(b);
  if (!tr) return undefined;
  const lh = b.fontSize * LINE_HEIGHT;
  const firstBaseline = tr.y + lh / 2 + 0.36 * b.fontSize;
  const lastBaseline = firstBaseline + (b.lines.length - 1) * lh;
  const top = firstBaseline - 0.76 * b.fontSize;
  return { x: tr.x, y: top, w: tr.w, h: lastBaseline - top };
}

/** Bounding rectangle of a label by the text model. */
export function labelBox(l: Label): Rect {
  const w = Math.max(0, ...l.lines.map((line) => measureLine(line, l.fontSize, l.weight, l.family)));
  const x = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
  return { x, y: l.y, w, h: l.lines.length * l.fontSize * LINE_HEIGHT };
}

/** Every problem of a layout; empty when it is sound. */
export function checkLayout(layout: Layout): string[] {
  const problems: string[] = [];
  for (const p of nonFiniteNumbers(layout)) problems.push(`non-finite number ${p}`);
  if (!(layout.width > 0 && layout.height > 0)) problems.push(`empty canvas ${layout.width}×${layout.height}`);
  const canvas: Rect = { x: 0, y: 0, w: layout.width, h: layout.height };

  const ids = new Set<string>();
  for (const item of [...layout.boxes, ...layout.edges, ...layout.labels]) {
    if (ids.has(item.id)) problems.push(`duplicate id ${item.id}`);
    ids.add(item.id);
  }

  for (const b of layout.boxes) {
    if (!(b.w > 0 && b.h > 0)) problems.push(`box ${b.id} has no area ${fmt(b)}`);
    if (!inside(canvas, b)) problems.push(`box ${b.id} ${fmt(b)} outside the canvas ${layout.width}×${layout.height}`);
    const tr = boxTextRect(b);
    if (tr) {
      const room = b.w - 2 * b.padX;
      if (tr.w > room + EPS) problems.push(`text of ${b.id} is ${tr.w.toFixed(1)} wide, box leaves ${room.toFixed(1)} (${JSON.stringify(textOf(b.lines))} in ${fmt(b)})`);
      if (tr.h > b.h + EPS) problems.push(`text of ${b.id} is ${tr.h.toFixed(1)} tall, box is ${b.h.toFixed(1)} (${JSON.stringify(textOf(b.lines))})`);
    }
  }
  for (const e of layout.edges) {
    for (const [x, y] of e.points) if (!inside(canvas, { x, y, w: 0, h: 0 })) problems.push(`edge ${e.id} point (${x.toFixed(1)}, ${y.toFixed(1)}) outside the canvas`);
  }
  const labels = layout.labels.map((l) => ({ l, r: labelBox(l) })).filter(({ l }) => hasText(l.lines));
  for (const { l, r } of labels) if (!inside(canvas, r)) problems.push(`label ${l.id} ${fmt(r)} outside the canvas ${layout.width}×${layout.height}`);

  const leaves = layout.boxes.filter((b) => !b.container);
  const badgeHits = new Map<string, string[]>();
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      const a = leaves[i]!;
      const b = leaves[j]!;
      if (!overlap(a, b)) continue;
      const badge = a.kind === "badge" ? a : b.kind === "badge" ? b : undefined;
      const host = badge === a ? b : a;
      if (badge && host.kind !== "badge") {
        badgeHits.set(badge.id, [...(badgeHits.get(badge.id) ?? []), host.id]);
        const tr = boxInkRect(host);
        if (tr && overlap(badge, tr)) problems.push(`badge ${badge.id} ${fmt(badge)} covers the text of ${host.id} ${fmt(tr)}`);
        continue;
      }
      problems.push(`boxes overlap: ${a.id} ${fmt(a)} and ${b.id} ${fmt(b)}`);
    }
  }
  for (const [badge, hosts] of badgeHits) if (hosts.length > 1) problems.push(`badge ${badge} overlaps ${hosts.length} boxes: ${hosts.join(", ")}`);

  for (const { l, r } of labels) {
    for (const b of leaves) if (overlap(r, b)) problems.push(`label ${l.id} ${fmt(r)} (${JSON.stringify(textOf(l.lines).slice(0, 40))}) lies on box ${b.id} ${fmt(b)}`);
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlap(labels[i]!.r, labels[j]!.r)) problems.push(`labels overlap: ${labels[i]!.l.id} ${fmt(labels[i]!.r)} and ${labels[j]!.l.id} ${fmt(labels[j]!.r)}`);
    }
  }
  return problems;
}
