/**
 * A small builder for layouts: boxes sized from the text model, arrows, labels, translation and bounds.
 */
import type { Box, Edge, Label, Layout, Point, Rect } from "./layout-types.js";
import type { ColorName } from "./palette.js";
import { LINE_HEIGHT, lineWidth, wrapLine, type FontFamily, type Line } from "./text-metrics.js";

/** Options of {@link Canvas.box}. */
export interface BoxOptions {
  id: string;
  component?: string;
  kind: string;
  /** Centre x (or left x with `left`). */
  cx?: number;
  left?: number;
  /** Top y. */
  y: number;
  /** Fixed width; otherwise fitted to the text between minW and maxW. */
  w?: number;
  minW?: number;
  maxW?: number;
  /** Fixed height; otherwise fitted to the lines (at least minH). */
  h?: number;
  minH?: number;
  lines?: Line[];
  fontSize?: number;
  weight?: "normal" | "bold";
  family?: FontFamily;
  fill?: ColorName;
  stroke?: ColorName;
  strokeWidth?: number;
  textColor?: ColorName;
  accentColor?: ColorName;
  dash?: "dotted" | "dashed";
  shape?: "rect" | "circle";
  rx?: number;
  symbol?: "plus" | "times";
  container?: boolean;
  padX?: number;
  padY?: number;
  fillOpacity?: number;
  refs?: string[];
}

/** Options of {@link Canvas.label}. */
export interface LabelOptions {
  id: string;
  component?: string;
  kind: string;
  x: number;
  y: number;
  anchor?: "start" | "middle" | "end";
  lines: Line[];
  /** Wrap each line to this width. */
  maxW?: number;
  fontSize?: number;
  weight?: "normal" | "bold";
  family?: FontFamily;
  color?: ColorName;
  accentColor?: ColorName;
}

/** Height of `n` lines of text. */
export const linesHeight = (n: number, fontSize: number) => n * fontSize * LINE_HEIGHT;

/** Bounding rectangle of a label. */
export function labelRect(l: Label): Rect {
  const w = Math.max(0, ...l.lines.map((line) => lineWidth(line, l.fontSize, l.weight, l.family)));
  const x = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
  return { x, y: l.y, w, h: linesHeight(l.lines.length, l.fontSize) };
}

/** Bounding rectangle of an edge's points. */
export function edgeRect(e: Edge): Rect {
  const xs = e.points.map((p) => p[0]);
  const ys = e.points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Union of rectangles. */
export function unionRect(rects: readonly Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const r = Math.max(...rects.map((q) => q.x + q.w));
  const b = Math.max(...rects.map((q) => q.y + q.h));
  return { x, y, w: r - x, h: b - y };
}

/** True when two rectangles overlap by more than `eps`. */
export function overlaps(a: Rect, b: Rect, eps = 0.5): boolean {
  return a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h && b.y + eps < a.y + a.h;
}

/** True when `outer` contains `inner` (within `eps`). */
export function contains(outer: Rect, inner: Rect, eps = 0.5): boolean {
  return (
    inner.x >= outer.x - eps &&
    inner.y >= outer.y - eps &&
    inner.x + inner.w <= outer.x + outer.w + eps &&
    inner.y + inner.h <= outer.y + outer.h + eps
  );
}

/** Collects the pieces of a layout. */
export class Canvas {
  boxes: Box[] = [];
  edges: Edge[] = [];
  labels: Label[] = [];

  constructor(public component = "figure") {}

  /** Adds a box; its size follows the text unless fixed. */
  box(o: BoxOptions): Box {
    const fontSize = o.fontSize ?? 15;
    const weight = o.weight ?? "normal";
    const family = o.family ?? "sans";
    const padX = o.padX ?? 10;
    const padY = o.padY ?? 7;
    const maxW = o.w ?? o.maxW ?? 220;
    const lines: Line[] = [];
    if (!o.symbol) for (const line of o.lines ?? []) lines.push(...wrapLine(line, maxW - 2 * padX, fontSize, weight, family));
    const textW = Math.max(0, ...lines.map((l) => lineWidth(l, fontSize, weight, family)));
    const w = o.w ?? Math.min(maxW, Math.max(o.minW ?? 0, Math.ceil(textW + 2 * padX)));
    const h = o.h ?? Math.max(o.minH ?? 0, Math.ceil(linesHeight(lines.length, fontSize) + 2 * padY));
    const x = o.left ?? (o.cx ?? 0) - w / 2;
    const box: Box = {
      id: o.id,
      component: o.component ?? o.id,
      kind: o.kind,
      x,
      y: o.y,
      w,
      h,
      shape: o.shape ?? "rect",
      rx: o.rx ?? (o.shape === "circle" ? w / 2 : 7),
      fill: o.fill ?? "box",
      stroke: o.stroke ?? "box-stroke",
      strokeWidth: o.strokeWidth ?? 2.5,
      textColor: o.textColor ?? "text",
      accentColor: o.accentColor ?? "accent",
      lines,
      fontSize,
      weight,
      family,
      padX,
      container: o.container ?? false,
    };
    if (o.dash) box.dash = o.dash;
    if (o.symbol) box.symbol = o.symbol;
    if (o.fillOpacity !== undefined) box.fillOpacity = o.fillOpacity;
    if (o.refs) box.refs = o.refs;
    this.boxes.push(box);
    return box;
  }

  /** Adds an operator circle (⊕ or ⊗) centred at (cx, cy). */
  op(id: string, component: string, symbol: "plus" | "times", cx: number, cy: number, r = 10): Box {
    return this.box({
      id,
      component,
      kind: symbol === "plus" ? "add" : "multiply",
      cx,
      y: cy - r,
      w: 2 * r,
      h: 2 * r,
      shape: "circle",
      symbol,
      lines: [],
    });
  }

  /** Adds an edge. */
  edge(id: string, points: Point[], o: Partial<Omit<Edge, "id" | "points">> = {}): Edge {
    const e: Edge = {
      id,
      component: o.component ?? this.component,
      kind: o.kind ?? "flow",
      points,
      arrow: o.arrow ?? true,
      color: o.color ?? "line",
      width: o.width ?? 2.5,
    };
    if (o.dash) e.dash = o.dash;
    if (o.brace) e.brace = true;
    this.edges.push(e);
    return e;
  }

  /** Adds a text label; lines wrap to `maxW` when given. */
  label(o: LabelOptions): Label {
    const fontSize = o.fontSize ?? 15;
    const weight = o.weight ?? "normal";
    const family = o.family ?? "sans";
    const lines = o.maxW ? o.lines.flatMap((l) => wrapLine(l, o.maxW!, fontSize, weight, family)) : o.lines;
    const l: Label = {
      id: o.id,
      component: o.component ?? this.component,
      kind: o.kind,
      x: o.x,
      y: o.y,
      anchor: o.anchor ?? "start",
      lines,
      fontSize,
      weight,
      family,
      color: o.color ?? "text",
      accentColor: o.accentColor ?? "accent",
    };
    this.labels.push(l);
    return l;
  }

  /** Moves everything by (dx, dy). */
  translate(dx: number, dy: number): this {
    for (const b of this.boxes) {
      b.x += dx;
      b.y += dy;
    }
    for (const e of this.edges) e.points = e.points.map(([x, y]) => [x + dx, y + dy] as Point);
    for (const l of this.labels) {
      l.x += dx;
      l.y += dy;
    }
    return this;
  }

  /** Adds everything of another canvas, moved by (dx, dy). */
  merge(other: Canvas, dx = 0, dy = 0): this {
    other.translate(dx, dy);
    this.boxes.push(...other.boxes);
    this.edges.push(...other.edges);
    this.labels.push(...other.labels);
    return this;
  }

  /** Bounding rectangle of everything drawn. */
  bounds(): Rect {
    return unionRect([...this.boxes, ...this.edges.map(edgeRect), ...this.labels.map(labelRect)]);
  }

  /** Prefixes every id (to keep ids unique when canvases are combined). */
  prefixIds(prefix: string): this {
    for (const b of this.boxes) b.id = `${prefix}${b.id}`;
    for (const e of this.edges) e.id = `${prefix}${e.id}`;
    for (const l of this.labels) l.id = `${prefix}${l.id}`;
    return this;
  }

  /** The finished layout. */
  toLayout(width: number, height: number, title: string, description: string): Layout {
    return { width, height, boxes: this.boxes, edges: this.edges, labels: this.labels, title, description };
  }
}
