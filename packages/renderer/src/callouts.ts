/**
 * Callouts: bold notes with accent-coloured numbers, joined to what they describe by dotted leaders, stacked in
 * a column on either side of the main column without overlapping each other or given obstacles.
 */
import { Canvas, labelRect, overlaps } from "./canvas.js";
import type { Point, Rect } from "./layout-types.js";
import type { Line } from "./text-metrics.js";

/** A callout to place. */
export interface Callout {
  /** Id (also the component, `callout:<id>`). */
  id: string;
  /** Component it describes (used as its `data-component`). */
  component?: string;
  /** Point on the described thing where the leader starts. */
  anchor: Point;
  /** Text lines (wrapped to the column width). */
  lines: Line[];
  /** Preferred top y; defaults to centring on the anchor. */
  y?: number;
}

/** Font size of callouts. */
export const CALLOUT_FONT = 17;

/**
 * Places callouts in a column whose near edge is at `x` (left edge for side `right`, right edge for side `left`),
 * `width` wide, keeping them clear of each other and of `obstacles`; draws the leaders.
 */
export function placeCallouts(c: Canvas, callouts: readonly Callout[], side: "left" | "right", x: number, width: number, obstacles: readonly Rect[] = [], minY = -Infinity): Rect[] {
  const placed: Rect[] = [];
  // Only obstacles that reach into the column matter.
  const colX = side === "right" ? x : x - width;
  obstacles = obstacles.filter((o) => o.x < colX + width && o.x + o.w > colX);
  const sorted = [...callouts].sort((a, b) => a.anchor[1] - b.anchor[1]);
  for (const co of sorted) {
    const label = c.label({
      id: `callout-${co.id}`,
      component: co.component ?? `callout:${co.id}`,
      kind: "callout",
      x: side === "right" ? x : x - width,
      y: 0,
      anchor: "start",
      lines: co.lines,
      maxW: width,
      fontSize: CALLOUT_FONT,
      weight: "bold",
    });
    const r0 = labelRect(label);
    const want = Math.max(minY, co.y ?? co.anchor[1] - r0.h / 2);
    const free = (y: number) => {
      const rect = { ...r0, y: y - 6, h: r0.h + 12 };
      return y >= minY && !obstacles.some((o) => overlaps(rect, o)) && !placed.some((o) => overlaps(rect, o));
    };
    // The nearest free position, looking up and down alternately.
    let y = want;
    for (let k = 0; k < 400; k++) {
      const d = Math.ceil(k / 2) * 4 * (k % 2 ? 1 : -1);
      if (free(want + d)) {
        y = want + d;
        break;
      }
    }
    label.y = y;
    if (side === "left") {
      // Right-align the block of text against the column edge so leaders stay short.
      const r = labelRect(label);
      label.x = x - r.w;
    }
    const r = labelRect(label);
    placed.push(r);
    const ty = Math.max(r.y + 8, Math.min(r.y + r.h - 8, co.anchor[1]));
    const end: Point = side === "right" ? [r.x - 8, ty] : [r.x + r.w + 8, ty];
    c.edge(`leader-${co.id}`, [co.anchor, end], { component: label.component, kind: "leader", arrow: false, dash: "dotted", width: 2.4 });
  }
  return placed;
}
