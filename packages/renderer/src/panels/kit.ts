/**
 * The panel kit: what every zoom panel is built from — the dotted frame with its title and caption, boxes,
 * operator circles, arrows, input buses and tags. Each panel is built in its own coordinates with its frame at
 * (0, 0) and a width of `PW`.
 */
import { formatInt } from "@archgal/schema/metrics";
import { Canvas, labelRect } from "../canvas.js";
import { formatComponentId, type ComponentId } from "../component-id.js";
import type { Box } from "../layout-types.js";
import type { ColorName } from "../palette.js";
import { textWidth, type Line } from "../text-metrics.js";

/** A built panel. */
export interface Panel {
  /** Panel id, e.g. `ffn`, `moe`, `mla`; its component is `panel:<id>`. */
  id: string;
  canvas: Canvas;
  /** Size of the panel (its canvas spans 0..w × 0..h). */
  w: number;
  h: number;
  /** Where zoom leaders from the main column attach: `mixer`, `ffn`, or none. */
  zoomFrom?: "mixer" | "ffn";
  /** Draw the frame's zoom leader in the accent colour (the MoE panel). */
  accentZoom?: boolean;
  /** For the MoE panel: the last expert box, which zooms into the FFN panel. */
  expertBox?: Box;
  /** The definitions the panel draws (`mixer:<name>`, `ffn:<name>`): outlined when one carries a highlighted mechanism. */
  refs?: string[];
  /** The concept tags the panel draws (the mask panel: `SWA`, …): outlined when one is highlighted. */
  draws?: string[];
}

/** Width of every panel. */
export const PW = 470;
/** Font size of a panel title. */
export const TITLE = 20;
/** Font size of the boxes inside a panel (at least 18 px when the figure is drawn at 1:1). */
export const SMALL = 18;
/** Font size of small labels beside a panel's lines (gate names). */
export const TAG = 15;

/** A panel being built: its canvas, its frame (sized by `finish`), its component and where its title ends. */
export interface PanelStart {
  c: Canvas;
  frame: Box;
  comp: ComponentId;
  titleBottom: number;
}

/** Starts a panel: the dotted frame (sized later) and its title. */
export function start(id: string, title: Line, accent = false): PanelStart {
  const comp = formatComponentId({ kind: "panel", id });
  const c = new Canvas(comp);
  const frame = c.box({
    id: `${id}-frame`,
    component: comp,
    kind: "panel",
    left: 0,
    y: 0,
    w: PW,
    h: 10,
    lines: [],
    fill: "background",
    stroke: accent ? "accent" : "line",
    strokeWidth: 2.5,
    dash: "dotted",
    rx: 18,
    container: true,
  });
  const t = c.label({
    id: `${id}-title`,
    component: comp,
    kind: "panel-title",
    x: 18,
    y: 12,
    lines: [title],
    maxW: PW - 36,
    fontSize: TITLE,
    weight: "bold",
  });
  const r = labelRect(t);
  return { c, frame, comp, titleBottom: r.y + r.h };
}

/** Adds the caption lines at `y` and closes the frame around everything. */
export function finish(id: string, p: PanelStart, y: number, caption: Line[], extra: Partial<Panel> = {}): Panel {
  let bottom = y;
  if (caption.length) {
    const l = p.c.label({ id: `${id}-caption`, component: p.comp, kind: "caption", x: 18, y, lines: caption, maxW: PW - 36, fontSize: 14 });
    const r = labelRect(l);
    bottom = r.y + r.h;
  }
  p.frame.h = bottom + 16;
  return { id, canvas: p.c, w: PW, h: p.frame.h, ...extra };
}

/** Options of a panel box. */
export type NodeOpts = { w?: number; h?: number; fill?: ColorName; fontSize?: number; kind?: string; textColor?: ColorName };

/** The width `node` gives a box: `o.w` (84 by default), widened so that no word of its text breaks. */
export function nodeWidth(text: string | Line[], o: NodeOpts = {}): number {
  const lines = typeof text === "string" ? [[{ text }]] : text;
  const fontSize = o.fontSize ?? SMALL;
  const word = Math.max(
    0,
    ...lines.flatMap((l) =>
      l.flatMap((s) => s.text.split(" ").map((w) => textWidth(w, fontSize, "bold" in s && s.bold ? "bold" : "normal"))),
    ),
  );
  return Math.max(o.w ?? 84, Math.ceil(word + 2 * 6 + 1));
}

/** Smallest horizontal gap between two boxes side by side in a panel. */
export const COLUMN_GAP = 14;

/**
 * Centre x of side-by-side columns: each at its preferred centre, or further right when the column before it
 * would come closer than `gap`; then all shifted left, where the last would cross `right`, as far as the first
 * column's left edge may go (`left`). A column's extent is its width (centred) or how far it reaches to the
 * left and to the right of its centre (`[l, r]`, e.g. a gate with its label on the right).
 */
export function columnCentres(
  preferred: readonly number[],
  extents: readonly (number | readonly [number, number])[],
  left = 18,
  right = PW - 18,
  gap = COLUMN_GAP,
): number[] {
  const ext = extents.map((e): readonly [number, number] => (typeof e === "number" ? [e / 2, e / 2] : e));
  const out: number[] = [];
  preferred.forEach((x, i) => {
    const prev = out[i - 1];
    out.push(prev === undefined ? Math.max(x, left + ext[i]![0]) : Math.max(x, prev + ext[i - 1]![1] + gap + ext[i]![0]));
  });
  const n = out.length;
  const over = n ? out[n - 1]! + ext[n - 1]![1] - right : 0;
  const room = n ? out[0]! - ext[0]![0] - left : 0;
  const shift = Math.max(0, Math.min(over, room));
  return out.map((x) => x - shift);
}

/** A box centred at cx with its top at y, widened when needed so that no word of its text breaks. */
export function node(p: PanelStart, cx: number, y: number, text: string | Line[], o: NodeOpts = {}): Box {
  const lines = typeof text === "string" ? [[{ text }]] : text;
  const fontSize = o.fontSize ?? SMALL;
  const w = nodeWidth(lines, o);
  return p.c.box({
    id: `${p.comp}/${p.c.boxes.length}`,
    component: p.comp,
    kind: o.kind ?? "linear",
    cx,
    y,
    w,
    ...(o.h ? { h: o.h } : { minH: 30 }),
    lines,
    fontSize,
    fill: o.fill ?? (o.kind === undefined || o.kind === "linear" ? "ffn" : "box"),
    textColor: o.textColor ?? "text",
    padX: 6,
    padY: 5,
  });
}

/** A circle with a letter (σ) or an operator. */
export function circle(p: PanelStart, cx: number, cy: number, what: "plus" | "times" | string, r = 11): Box {
  const id = `${p.comp}/${p.c.boxes.length}`;
  if (what === "plus" || what === "times") return p.c.op(id, p.comp, what, cx, cy, r);
  return p.c.box({
    id,
    component: p.comp,
    kind: "gate",
    cx,
    y: cy - r,
    w: 2 * r,
    h: 2 * r,
    shape: "circle",
    lines: [[{ text: what }]],
    fontSize: 14,
    padX: 2,
    padY: 1,
  });
}

/** A line (with an arrow head unless told otherwise) through the given points. */
export const arrow = (p: PanelStart, pts: [number, number][], arrowHead = true) =>
  p.c.edge(`${p.comp}/e${p.c.edges.length}`, pts, { component: p.comp, arrow: arrowHead, width: 2.5 });

/** Vertical arrow from the top of `from` to the bottom of `to` (at from's centre x unless given). */
export const up = (p: PanelStart, from: Box, to: Box, x = from.x + from.w / 2) =>
  arrow(p, [
    [x, from.y],
    [x, to.y + to.h],
  ]);

/** Centre x of a box. */
export const cxOf = (b: Box) => b.x + b.w / 2;
/** Centre y of a box. */
export const cyOf = (b: Box) => b.y + b.h / 2;
/** A number span, in the accent colour. */
export const n = (v: number) => ({ text: formatInt(v), accent: true });
/** A plain text span. */
export const t = (text: string) => ({ text });

/** Input bus: a horizontal line under the given boxes, fed from below. */
export function inputBus(p: PanelStart, boxes: Box[], y: number, feedX?: number): number {
  return fork(
    p,
    boxes.map((b) => ({ x: cxOf(b), to: b })),
    y,
    feedX,
  );
}

/**
 * A fork at height `y`: a horizontal line across the branches, an arrow up from it at each branch's `x` to the
 * bottom of its box, and a stem of `stem` units feeding it from below (at `feedX`, default the middle).
 */
export function fork(p: PanelStart, branches: { x: number; to: Box }[], y: number, feedX?: number, stem = 26): number {
  const xs = branches.map((b) => b.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  if (x1 > x0)
    arrow(
      p,
      [
        [x0, y],
        [x1, y],
      ],
      false,
    );
  for (const b of branches)
    arrow(p, [
      [b.x, y],
      [b.x, b.to.y + b.to.h],
    ]);
  const fx = feedX ?? (x0 + x1) / 2;
  arrow(
    p,
    [
      [fx, y + stem],
      [fx, y],
    ],
    false,
  );
  return y + 30;
}

/**
 * The layer input of an attention whose query and key/value paths start from their own projections (MLA, GDLA,
 * compressed attention): it forks 48 below `row`, the top of the lowest row of boxes, up to each path's lowest box.
 * Returns the fork's height.
 */
export function queryKvInput(p: PanelStart, row: number, query: { x: number; to: Box }, keyValue: { x: number; to: Box }): number {
  const y = row + 30 + 18;
  fork(p, [query, keyValue], y, undefined, 24);
  return y;
}

/** The query's arrow from the top of its path (`from`) into the attention box `core`, tagged "Q". */
export function queryInto(p: PanelStart, x: number, from: Box, core: Box): void {
  arrow(p, [
    [x, from.y],
    [x, core.y + core.h],
  ]);
  tag(p, x + 6, core.y + core.h + 4, "Q");
}

/** A small letter label beside a line. */
export function tag(p: PanelStart, x: number, y: number, text: string) {
  p.c.label({
    id: `${p.comp}/t${p.c.labels.length}`,
    component: p.comp,
    kind: "tag",
    x,
    y,
    lines: [[{ text }]],
    fontSize: 15,
    weight: "bold",
  });
}

/** The lines without repeats (same text). */
export function dedupe(lines: Line[]): Line[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const k = l.map((s) => s.text).join("");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
