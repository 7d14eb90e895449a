/**
 * The geometry a figure is drawn from: boxes, edges and free text labels in fixed user units.
 * `layoutModel` computes it; `renderModel` only draws it, so tests (and a browser check of real text widths)
 * can inspect the same geometry that becomes the SVG.
 */
import type { ColorName } from "./palette.js";
import type { FontFamily, Line } from "./text-metrics.js";

/** A point `[x, y]`. */
export type Point = [number, number];

/** An axis-aligned rectangle. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A drawn box (rectangle or circle) with centred text lines. */
export interface Box extends Rect {
  /** Unique id within the layout. */
  id: string;
  /** The component this box belongs to (`data-component`), e.g. `norm-1`, `mixer:mla`, `panel:moe`. */
  component: string;
  /** What it is (`data-kind`), e.g. `norm`, `mla`, `moe`, `linear`, `router`. */
  kind: string;
  /** Shape: rounded rectangle or circle (x, y, w, h is then the bounding square). */
  shape: "rect" | "circle";
  /** Corner radius of a rectangle. */
  rx: number;
  /** Fill colour. */
  fill: ColorName;
  /** Stroke colour. */
  stroke: ColorName;
  /** Stroke width. */
  strokeWidth: number;
  /** Dotted or dashed outline. */
  dash?: "dotted" | "dashed";
  /** Text colour. */
  textColor: ColorName;
  /** Colour of accent spans in the text. */
  accentColor: ColorName;
  /** Text lines, centred in the box. */
  lines: Line[];
  /** Font size of the lines. */
  fontSize: number;
  /** Font weight of the lines. */
  weight: "normal" | "bold";
  /** Font family of the lines. */
  family: FontFamily;
  /** Horizontal padding the text keeps from the edges (checked by the geometry tests). */
  padX: number;
  /** A symbol drawn instead of text: ⊕ (`plus`), ⊗ (`times`). */
  symbol?: "plus" | "times";
  /** Frames, blocks and panels contain other boxes. */
  container: boolean;
  /** The spec definitions this box stands for, as `mixer:<name>` / `ffn:<name>` (what `diffModels` reports). */
  refs?: string[];
  /** Drawn with the diff highlight (compare view). */
  highlight?: boolean;
  /** Outlined in the accent colour: it draws a mechanism new in this model (the `highlight` option). */
  accentOutline?: boolean;
  /** Fill opacity (default 1). */
  fillOpacity?: number;
}

/** A polyline, a leader, or a brace. */
export interface Edge {
  /** Unique id within the layout. */
  id: string;
  /** The component it belongs to. */
  component: string;
  /** What it is: `flow`, `residual`, `leader`, `zoom`, `brace`, `rule`. */
  kind: string;
  /** The points; a brace has two (top and bottom, opening to the right). */
  points: Point[];
  /** Arrowhead at the last point. */
  arrow: boolean;
  /** Dotted or dashed. */
  dash?: "dotted" | "dashed";
  /** Colour. */
  color: ColorName;
  /** Stroke width. */
  width: number;
  /** Drawn as a curly brace between its two points. */
  brace?: boolean;
  /** Drawn in the accent colour, wider: it draws a mechanism new in this model (the `highlight` option). */
  accentOutline?: boolean;
}

/** Free text: titles, callouts, listings. */
export interface Label {
  /** Unique id within the layout. */
  id: string;
  /** The component it belongs to. */
  component: string;
  /** What it is: `title`, `subtitle`, `callout`, `panel-title`, `listing`, `note`, `count`. */
  kind: string;
  /** Anchor x (start, middle or end of each line, by `anchor`). */
  x: number;
  /** Top of the first line. */
  y: number;
  /** Horizontal anchoring of the lines. */
  anchor: "start" | "middle" | "end";
  /** The lines. */
  lines: Line[];
  /** Font size. */
  fontSize: number;
  /** Font weight. */
  weight: "normal" | "bold";
  /** Font family. */
  family: FontFamily;
  /** Text colour. */
  color: ColorName;
  /** Colour of accent spans. */
  accentColor: ColorName;
}

/** Everything a figure draws, in fixed user units (the SVG's viewBox is `0 0 width height`). */
export interface Layout {
  /** Width in user units. */
  width: number;
  /** Height in user units. */
  height: number;
  /** Boxes in drawing order (containers first). */
  boxes: Box[];
  /** Lines, arrows, leaders and braces. */
  edges: Edge[];
  /** Free text. */
  labels: Label[];
  /** Short accessible title (model name). */
  title: string;
  /** Text alternative: a summary of the architecture. */
  description: string;
}
