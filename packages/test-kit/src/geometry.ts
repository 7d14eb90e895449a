/**
 * Geometry checks of a figure's layout (`layoutModel`'s output, a comparison's figures and table, a poster):
 * every number finite, ids unique, everything inside the canvas, text inside its box by the renderer's own
 * width model, boxes overlapping only by containment (a badge may sit on the corner of one host, clear of its
 * text), no box over another box's text, callout leaders crossing neither each other nor zoom leaders, labels
 * clear of boxes and of each other.
 *
 * The checks take the renderer's text model as an argument (`layoutChecker({ lineWidth, LINE_HEIGHT })`) so
 * that this package does not depend on the renderer it tests. The layout types are structural: a renderer
 * `Layout` is a `CheckedLayout`.
 */
import { nonFiniteNumbers } from "./svg.js";

/** An axis-aligned rectangle. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A styled run of text. */
export interface CheckedSpan {
  text: string;
  bold?: boolean;
}

/** A box of a layout, as far as the checks read it. */
export interface CheckedBox extends Rect {
  id: string;
  kind: string;
  lines: readonly (readonly CheckedSpan[])[];
  fontSize: number;
  weight: "normal" | "bold";
  family: "sans" | "mono";
  padX: number;
  shape: "rect" | "circle";
  container: boolean;
  symbol?: string;
}

/** A label of a layout. */
export interface CheckedLabel {
  id: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  lines: readonly (readonly CheckedSpan[])[];
  fontSize: number;
  weight: "normal" | "bold";
  family: "sans" | "mono";
}

/** An edge of a layout. */
export interface CheckedEdge {
  id: string;
  kind: string;
  points: readonly (readonly [number, number])[];
}

/** A layout, as far as the checks read it. */
export interface CheckedLayout {
  width: number;
  height: number;
  boxes: readonly CheckedBox[];
  edges: readonly CheckedEdge[];
  labels: readonly CheckedLabel[];
}

/** The renderer's text model: the width of a line of spans and the line height in em. */
export interface TextModel {
  lineWidth(line: readonly CheckedSpan[], fontSize: number, weight: "normal" | "bold", family: "sans" | "mono"): number;
  LINE_HEIGHT: number;
}

/** Which rules a check applies (all by default). */
export interface LayoutCheckOptions {
  /**
   * Report a callout leader crossing another leader or a zoom leader, or running along one (default true). A
   * suite may turn this off only with the reason written beside it.
   */
  leaderCrossings?: boolean;
  /**
   * Report the routing faults of callout leaders (default true): a leader whose end touches no drawn box or line
   * (it points at nothing), one that runs within {@link SKIM_DISTANCE} of a container's border for more than
   * {@link SKIM_LENGTH}, and two leaders that start at one point.
   */
  leaderRouting?: boolean;
}

/** A leader closer than this to a container's border (panel frame, block) is skimming it. */
export const SKIM_DISTANCE = 16;
/**
 * How long (in units) a leader may run along a border: a leader that approaches its anchor beside a frame for a
 * short way is not skimming it; the defect this catches is a leader following a frame for hundreds of units.
 */
export const SKIM_LENGTH = 96;
/** Two leaders whose starts are closer than this start at one point. */
export const SAME_POINT = 4;

/** Checks one layout; an empty list means it is sound. */
export type LayoutCheck = (layout: CheckedLayout, eps?: number) => string[];

type Point = readonly [number, number];

/** Whether rectangles a and b overlap by more than `eps` on both axes. */
export const overlaps = (a: Rect, b: Rect, eps = 0.5): boolean =>
  a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h && b.y + eps < a.y + a.h;

/** Whether `outer` contains `inner` (within `eps`). */
export const contains = (outer: Rect, inner: Rect, eps = 0.5): boolean =>
  inner.x >= outer.x - eps &&
  inner.y >= outer.y - eps &&
  inner.x + inner.w <= outer.x + outer.w + eps &&
  inner.y + inner.h <= outer.y + outer.h + eps;

/** Whether segments ab and cd cross properly (touching at an end point does not count). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** How long segments ab and cd run on top of each other (0 unless they are collinear within half a unit). */
export function collinearOverlap(a: Point, b: Point, c: Point, d: Point): number {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (len === 0) return 0;
  const ux = (b[0] - a[0]) / len;
  const uy = (b[1] - a[1]) / len;
  const off = (p: Point) => Math.abs((p[0] - a[0]) * uy - (p[1] - a[1]) * ux);
  if (off(c) > 0.5 || off(d) > 0.5) return 0;
  const along = (p: Point) => (p[0] - a[0]) * ux + (p[1] - a[1]) * uy;
  const [lo, hi] = [Math.min(along(c), along(d)), Math.max(along(c), along(d))];
  return Math.max(0, Math.min(len, hi) - Math.max(0, lo));
}

/** Distance from point p to segment ab. */
export function pointSegmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Distance from point p to the border of rectangle r (0 on it, positive inside and outside). */
export function borderDistance(p: Point, r: Rect): number {
  const corners: Point[] = [
    [r.x, r.y],
    [r.x + r.w, r.y],
    [r.x + r.w, r.y + r.h],
    [r.x, r.y + r.h],
  ];
  return Math.min(...corners.map((c, i) => pointSegmentDistance(p, c, corners[(i + 1) % 4]!)));
}

/** Whether point p lies on rectangle r or within `eps` of it. */
const touches = (p: Point, r: Rect, eps: number) =>
  p[0] >= r.x - eps && p[0] <= r.x + r.w + eps && p[1] >= r.y - eps && p[1] <= r.y + r.h + eps;

/**
 * The routing faults of a layout's callout leaders (edges of kind `leader`): a leader whose start touches no
 * box that is not a container, no label other than a callout (`labelRects`, e.g. a block's "N ×") and no other line (it points at nothing: a frame is not a thing), a leader
 * skimming a container's border, two leaders (callout or zoom) from one point. Bounded: sampled every 4 units along each leader,
 * at most 2,000 samples per leader.
 */
export function leaderRouting(layout: CheckedLayout, eps = 0.5, labelRects: readonly Rect[] = []): string[] {
  const problems: string[] = [];
  const leaders = layout.edges.filter((e) => e.kind === "leader" && e.points.length >= 2);
  const things = layout.boxes.filter((b) => !b.container);
  const containers = layout.boxes.filter((b) => b.container);
  const others = layout.edges.filter((e) => e.kind !== "leader");
  for (const l of leaders) {
    const start = l.points[0]!;
    const onBox = things.some((b) => touches(start, b, 2 + eps)) || labelRects.some((r) => r.w > 0 && touches(start, r, 2 + eps));
    const onLine = !onBox && others.some((e) => e.points.slice(1).some((q, i) => pointSegmentDistance(start, e.points[i]!, q) <= 2 + eps));
    if (!onBox && !onLine) {
      const frame = containers.find((b) => borderDistance(start, b) <= 2 + eps);
      problems.push(
        `leader ${l.id} ends on nothing at (${start[0].toFixed(1)},${start[1].toFixed(1)})${frame ? ` (only the frame of ${frame.id})` : ""}`,
      );
    }
    // Skimming: the length of leader within SKIM_DISTANCE of each container's border.
    const pts = l.points;
    for (const b of containers) {
      let near = 0;
      for (let i = 1; i < pts.length; i++) {
        const [a, q] = [pts[i - 1]!, pts[i]!];
        const len = Math.hypot(q[0] - a[0], q[1] - a[1]);
        const steps = Math.min(2000, Math.max(1, Math.ceil(len / 4)));
        for (let k = 0; k < steps; k++) {
          const t = (k + 0.5) / steps;
          if (borderDistance([a[0] + t * (q[0] - a[0]), a[1] + t * (q[1] - a[1])], b) < SKIM_DISTANCE) near += len / steps;
        }
      }
      if (near > SKIM_LENGTH) problems.push(`leader ${l.id} runs within ${SKIM_DISTANCE} of the border of ${b.id} for ${near.toFixed(0)}`);
    }
  }
  // Callout and zoom leaders alike.
  const starts = layout.edges.filter((e) => (e.kind === "leader" || e.kind === "zoom") && e.points.length >= 2);
  for (let i = 0; i < starts.length; i++) {
    for (let j = i + 1; j < starts.length; j++) {
      const [a, b] = [starts[i]!.points[0]!, starts[j]!.points[0]!];
      if (Math.hypot(a[0] - b[0], a[1] - b[1]) < SAME_POINT)
        problems.push(`leaders ${starts[i]!.id} and ${starts[j]!.id} start at one point`);
    }
  }
  return problems;
}

const fmt = (r: Rect) => `(${r.x.toFixed(1)},${r.y.toFixed(1)} ${r.w.toFixed(1)}×${r.h.toFixed(1)})`;
const textOf = (lines: CheckedBox["lines"]) => lines.map((l) => l.map((s) => s.text).join("")).join(" / ");

/** The geometry helpers of one text model: text rectangles of boxes and labels. */
export function textGeometry(text: TextModel) {
  /** The rectangle a box's text lines occupy (centred, full line height), or undefined when it has none. */
  const boxTextRect = (b: CheckedBox): Rect | undefined => {
    if (!b.lines.length || b.symbol) return undefined;
    const w = Math.max(...b.lines.map((l) => text.lineWidth(l, b.fontSize, b.weight, b.family)));
    const h = b.lines.length * b.fontSize * text.LINE_HEIGHT;
    return w > 0 ? { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, w, h } : undefined;
  };
  /** Bounding rectangle of a label. */
  const labelRect = (l: CheckedLabel): Rect => {
    const w = Math.max(0, ...l.lines.map((line) => text.lineWidth(line, l.fontSize, l.weight, l.family)));
    const x = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
    return { x, y: l.y, w, h: l.lines.length * l.fontSize * text.LINE_HEIGHT };
  };
  return { boxTextRect, labelRect };
}

/** The layout check for one text model (pass the renderer's `{ lineWidth, LINE_HEIGHT }`). */
export function layoutChecker(text: TextModel, options: LayoutCheckOptions = {}): LayoutCheck {
  const { boxTextRect, labelRect } = textGeometry(text);
  return (layout, eps = 0.5) => {
    const problems: string[] = [];
    for (const p of nonFiniteNumbers(layout)) problems.push(`non-finite number ${p}`);
    if (!(layout.width > 0 && layout.height > 0)) problems.push(`empty canvas ${layout.width}×${layout.height}`);
    const inside = (what: string, r: Rect) => {
      if (r.x < -eps || r.y < -eps || r.x + r.w > layout.width + eps || r.y + r.h > layout.height + eps)
        problems.push(`${what} ${fmt(r)} is outside the ${layout.width}×${layout.height} canvas`);
    };

    const ids = new Set<string>();
    for (const item of [...layout.boxes, ...layout.edges, ...layout.labels]) {
      if (ids.has(item.id)) problems.push(`duplicate id ${item.id}`);
      ids.add(item.id);
    }

    for (const b of layout.boxes) {
      if (!(b.w > 0 && b.h > 0)) problems.push(`box ${b.id} has no area ${fmt(b)}`);
      inside(`box ${b.id}`, b);
      if (b.lines.length && !b.symbol) {
        const tw = Math.max(...b.lines.map((l) => text.lineWidth(l, b.fontSize, b.weight, b.family)));
        const th = b.lines.length * b.fontSize * text.LINE_HEIGHT;
        const room = b.shape === "circle" ? b.w * 0.9 : b.w - 2 * b.padX;
        if (tw > room + eps)
          problems.push(
            `text of ${b.id} is ${tw.toFixed(1)} wide, box leaves ${room.toFixed(1)} (${JSON.stringify(textOf(b.lines))} in ${fmt(b)})`,
          );
        if (th > b.h + eps)
          problems.push(`text of ${b.id} is ${th.toFixed(1)} tall, box is ${b.h.toFixed(1)} (${JSON.stringify(textOf(b.lines))})`);
      }
    }
    for (const e of layout.edges) for (const [x, y] of e.points) inside(`edge ${e.id} point`, { x, y, w: 0, h: 0 });
    const labelRects = layout.labels.map((l) => {
      const r = labelRect(l);
      inside(`label ${l.id}`, r);
      return r;
    });

    // Boxes overlap only when one contains the other; a badge sits on the corner of its one host box.
    const boxes = layout.boxes;
    const badgeHosts = new Map<string, string[]>();
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (!overlaps(a, b, eps) || contains(a, b, eps) || contains(b, a, eps)) continue;
        const badge = a.kind === "badge" ? a : b.kind === "badge" ? b : undefined;
        if (badge) {
          badgeHosts.set(badge.id, [...(badgeHosts.get(badge.id) ?? []), (badge === a ? b : a).id]);
          continue;
        }
        problems.push(`boxes overlap: ${a.id} ${fmt(a)} and ${b.id} ${fmt(b)}`);
      }
    }
    for (const [badge, hosts] of badgeHosts)
      if (hosts.length > 1) problems.push(`badge ${badge} overlaps ${hosts.length} boxes: ${hosts.join(", ")}`);
    // Box text: no box drawn after it may cover it (an expert's number badge on the expert's label, say).
    boxes.forEach((a, i) => {
      const tr = boxTextRect(a);
      if (!tr) return;
      for (const b of boxes.slice(i + 1)) {
        if (b.container || !overlaps(tr, b, eps)) continue;
        problems.push(`box ${b.id} ${fmt(b)} covers the text of ${a.id} ${fmt(tr)}`);
      }
    });

    // A callout's leader crosses neither another leader nor a zoom leader (it would be unclear what it describes).
    const segs = (e: CheckedEdge) => e.points.slice(1).map((p, i): [Point, Point] => [e.points[i]!, p]);
    const leaders = options.leaderCrossings === false ? [] : layout.edges.filter((e) => e.kind === "leader");
    const lines = layout.edges.filter((e) => e.kind === "leader" || e.kind === "zoom");
    for (const l of leaders) {
      for (const z of lines) {
        if (z === l || (z.kind === "leader" && z.id < l.id)) continue;
        if (segs(l).some(([a, b]) => segs(z).some(([c, d]) => segmentsCross(a, b, c, d))))
          problems.push(`leader ${l.id} crosses ${z.kind} ${z.id}`);
        else if (segs(l).some(([a, b]) => segs(z).some(([c, d]) => collinearOverlap(a, b, c, d) > 2)))
          problems.push(`leader ${l.id} runs along ${z.kind} ${z.id}`);
      }
    }

    if (options.leaderRouting !== false)
      problems.push(
        ...leaderRouting(
          layout,
          eps,
          labelRects.filter((_, i) => !layout.labels[i]!.id.startsWith("callout-")),
        ),
      );

    // Labels: clear of every box except a container that holds them entirely, and of each other.
    layout.labels.forEach((l, i) => {
      const r = labelRects[i]!;
      if (r.w === 0) return;
      for (const b of boxes) {
        if (!overlaps(r, b, eps) || (b.container && contains(b, r, eps))) continue;
        problems.push(`label ${l.id} ${fmt(r)} (${JSON.stringify(textOf(l.lines).slice(0, 40))}) lies on box ${b.id} ${fmt(b)}`);
      }
      for (let j = i + 1; j < layout.labels.length; j++) {
        const q = labelRects[j]!;
        if (q.w > 0 && overlaps(r, q, eps)) problems.push(`labels overlap: ${l.id} ${fmt(r)} and ${layout.labels[j]!.id} ${fmt(q)}`);
      }
    });
    return problems;
  };
}
