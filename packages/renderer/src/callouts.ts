/**
 * Callouts: bold notes with accent-coloured numbers, joined to what they describe by dotted leaders, stacked in
 * a column on either side of the main column without overlapping each other or the lines they must avoid, and
 * with leaders that cross neither those lines nor each other.
 */
import { Canvas, labelRect, overlaps } from "./canvas.js";
import type { Point, Rect } from "./layout-types.js";
import type { Line } from "./text-metrics.js";
import { formatComponentId } from "./component-id.js";

/** A callout to place. */
export interface Callout {
  /** Id (also the component, `callout:<id>`). */
  id: string;
  /** Component it describes (used as its `data-component`). */
  component?: string;
  /** Point on the described thing where the leader starts by default. */
  anchor: Point;
  /** The leader may start anywhere on the vertical side `anchor[0]` between these two y (e.g. a box's side). */
  span?: [number, number];
  /** Text lines (wrapped to the column width). */
  lines: Line[];
  /** Preferred top y; defaults to centring on the anchor. */
  y?: number;
}

/** Font size of callouts. */
export const CALLOUT_FONT = 22;

/** Small rectangles along a segment, for collision tests of text against lines. */
function segmentRects([ax, ay]: Point, [bx, by]: Point, pad = 5): Rect[] {
  const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 16));
  const out: Rect[] = [];
  const dx = (bx - ax) / steps;
  const dy = (by - ay) / steps;
  for (let i = 0; i < steps; i++)
    out.push({
      x: ax + i * dx + Math.min(0, dx) - pad,
      y: ay + i * dy + Math.min(0, dy) - pad,
      w: Math.abs(dx) + 2 * pad,
      h: Math.abs(dy) + 2 * pad,
    });
  return out;
}

/** Whether segment pq crosses segment ab, or starts closer than 6 units to it. */
function conflicts(p: Point, q: Point, a: Point, b: Point): boolean {
  const side = (u: Point, v: Point, w: Point) => Math.sign((v[0] - u[0]) * (w[1] - u[1]) - (v[1] - u[1]) * (w[0] - u[0]));
  if (side(p, q, a) * side(p, q, b) < 0 && side(a, b, p) * side(a, b, q) < 0) return true;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy) < 6;
}

/** Distance from p to the border of r. */
function borderDistance(p: Point, r: Rect): number {
  const dx = Math.max(r.x - p[0], 0, p[0] - r.x - r.w);
  const dy = Math.max(r.y - p[1], 0, p[1] - r.y - r.h);
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(p[0] - r.x, r.x + r.w - p[0], p[1] - r.y, r.y + r.h - p[1]);
}

/** How far segment pq runs within 16 units of the border of r (sampled every 4 units, at most 500 samples). */
function skim(p: Point, q: Point, r: Rect): number {
  // Far from every border of r: nothing to sample.
  if (
    Math.max(p[0], q[0]) < r.x - 16 ||
    Math.min(p[0], q[0]) > r.x + r.w + 16 ||
    Math.max(p[1], q[1]) < r.y - 16 ||
    Math.min(p[1], q[1]) > r.y + r.h + 16
  )
    return 0;
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
  const steps = Math.min(500, Math.max(1, Math.ceil(len / 4)));
  let near = 0;
  for (let k = 0; k < steps; k++) {
    const t = (k + 0.5) / steps;
    if (borderDistance([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])], r) < 16) near += len / steps;
  }
  return near;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * Places callouts in a column whose near edge is at `x` (left edge for side `right`, right edge for side `left`),
 * `width` wide, and draws their leaders. Each callout takes the nearest position (to centring on its anchor)
 * where its text keeps clear of the other callouts and of the `avoid` polylines (e.g. zoom leaders), and where
 * its leader crosses no `avoid` line and no other leader and runs along none of the `borders` (containers' frames)
 * for long; where no such position exists within reach, the nearest free one whose leader is clean with a right
 * angle (level to the column edge, then along it), else the nearest with a leader a reader still follows, else the
 * free position with the least bad leader. The text stays off the `blocked` rectangles (panels).
 */
export function placeCallouts(
  c: Canvas,
  callouts: readonly Callout[],
  side: "left" | "right",
  x: number,
  width: number,
  avoid: readonly Point[][] = [],
  minY = -Infinity,
  borders: readonly Rect[] = [],
  blocked: readonly Rect[] = [],
): Rect[] {
  const colX = side === "right" ? x : x - width;
  const segs: [Point, Point][] = avoid.flatMap((pts) => pts.slice(1).map((q, i): [Point, Point] => [pts[i]!, q]));
  // Only obstacles that reach into the column matter.
  const obstacles = segs.flatMap(([a, b]) => segmentRects(a, b)).filter((o) => o.x < colX + width && o.x + o.w > colX);
  const sorted = [...callouts].sort((a, b) => a.anchor[1] - b.anchor[1]);
  const items = sorted.map((co) => {
    const label = c.label({
      id: `callout-${co.id}`,
      component: co.component ?? formatComponentId({ kind: "callout", name: co.id }),
      kind: "callout",
      x: colX,
      y: 0,
      anchor: "start",
      lines: co.lines,
      maxW: width,
      fontSize: CALLOUT_FONT,
      weight: "bold",
    });
    const r0 = labelRect(label);
    // Right-align the block of text against the column edge on the left side, so that leaders stay short.
    if (side === "left") r0.x = label.x = x - r0.w;
    const [s0, s1] = co.span ?? [co.anchor[1], co.anchor[1]];
    // The leader for the text at top y: level where the side span and the text meet, else from the span's nearest end.
    const leader = (y: number): [Point, Point] => {
      const ay = clamp(clamp(co.anchor[1], y + 8, y + r0.h - 8), s0, s1);
      return [
        [co.anchor[0], ay],
        [side === "right" ? r0.x - 8 : r0.x + r0.w + 8, clamp(ay, y + 8, y + r0.h - 8)],
      ];
    };
    // The same leader with a right angle: level out of the anchor's box to the column edge, then along that edge
    // to the text (for text that cannot sit level with its anchor).
    const elbow = (y: number): Point[] => {
      const [p, q] = leader(y);
      return [p, [q[0], p[1]], q];
    };
    const want = Math.max(minY, co.y ?? co.anchor[1] - r0.h / 2);
    return { co, label, r0, leader, elbow, want };
  });
  type Item = (typeof items)[number];
  /** Places the items in the given order; returns each one's top y and how many have no clean leader. */
  const run = (order: readonly Item[]): { ys: Map<Item, number>; bent: Set<Item>; dirty: Item[] } => {
    const placed: Rect[] = [];
    const lines = [...segs];
    const ys = new Map<Item, number>();
    const bent = new Set<Item>();
    const dirty: Item[] = [];
    for (const it of order) {
      const { r0, leader, elbow, want } = it;
      const free = (y: number) => {
        const rect = { ...r0, y: y - 6, h: r0.h + 12 };
        return (
          y >= minY &&
          !obstacles.some((o) => overlaps(rect, o)) &&
          !placed.some((o) => overlaps(rect, o)) &&
          !blocked.some((o) => overlaps(rect, o))
        );
      };
      const clean = (y: number) => {
        const [p, q] = leader(y);
        return !lines.some(([a, b]) => conflicts(p, q, a, b)) && !borders.some((r) => skim(p, q, r) > 48);
      };
      /** How bad the leader for top y is: lines it crosses weigh more than any run beside a border. */
      const badness = (y: number) => {
        const [p, q] = leader(y);
        const crossed = lines.filter(([a, b]) => conflicts(p, q, a, b)).length;
        return crossed * 1e6 + Math.max(0, ...borders.map((r) => skim(p, q, r)));
      };
      // The nearest free position, looking up and down alternately (within ±800), with a clean leader; else see
      // below.
      let y: number | undefined;
      const tried: number[] = [];
      for (let k = 0; k < 400 && y === undefined; k++) {
        const at = want + Math.ceil(k / 2) * 4 * (k % 2 ? 1 : -1);
        if (!free(at)) continue;
        if (clean(at)) y = at;
        else tried.push(at);
      }
      let fallback: number | undefined;
      // No straight leader is clean: the nearest free position whose right-angled leader is.
      if (y === undefined) {
        const cleanElbow = (at: number) => {
          const pts = elbow(at);
          const parts = pts.slice(1).map((q, i): [Point, Point] => [pts[i]!, q]);
          return parts.every(([p, q]) => !lines.some(([a, b]) => conflicts(p, q, a, b)) && !borders.some((r) => skim(p, q, r) > 48));
        };
        const at = tried.find(cleanElbow);
        if (at !== undefined) {
          y = at;
          bent.add(it);
        }
      }
      if (y === undefined) {
        dirty.push(it);
        // The nearest free position whose leader crosses nothing and runs beside a border for less than 96 units
        // (what a reader still takes for an approach, the figure checks' limit); else the least bad of them all.
        let least = Infinity;
        for (const at of tried) {
          const bad = badness(at);
          if (bad < 96) {
            fallback = at;
            break;
          }
          if (bad < least) {
            least = bad;
            fallback = at;
          }
        }
      }
      // Nothing free within reach (a tall callout among many zoom leaders): below every obstacle and placed text
      // in the column, where it is free by construction.
      const below = () =>
        Math.max(
          want,
          minY,
          ...[...obstacles, ...placed, ...blocked].filter((o) => o.x < r0.x + r0.w && o.x + o.w > r0.x).map((o) => o.y + o.h + 7),
        );
      const at = y ?? fallback ?? below();
      ys.set(it, at);
      placed.push({ ...r0, y: at });
      if (bent.has(it)) {
        const pts = elbow(at);
        lines.push([pts[0]!, pts[1]!], [pts[1]!, pts[2]!]);
      } else lines.push(leader(at));
    }
    return { ys, bent, dirty };
  };
  // In the order of their anchors; when some leader is not clean, once more with those callouts placed first (a
  // callout whose leader cannot bend, from a box beside a frame, takes its level before the others).
  let best = run(items);
  if (best.dirty.length) {
    const lead = best.dirty;
    const again = run([...lead, ...items.filter((it) => !lead.includes(it))]);
    if (again.dirty.length < lead.length) best = again;
  }
  const placed: Rect[] = [];
  for (const it of items) {
    it.label.y = best.ys.get(it)!;
    placed.push({ ...it.r0, y: it.label.y });
    const points = best.bent.has(it) ? it.elbow(it.label.y) : it.leader(it.label.y);
    c.edge(`leader-${it.co.id}`, points, { component: it.label.component, kind: "leader", arrow: false, dash: "dotted", width: 2.5 });
  }
  return placed;
}
