/**
 * The interactive diagram: the renderer's SVG (kept as `role="img"` with its title and description), and over
 * it a toolbar of transparent buttons, one per diagram component, positioned from the renderer's layout
 * geometry. Buttons are real HTML controls outside the image, so the image keeps its text alternative and the
 * controls get focus, names and keyboard handling of their own.
 */
import { layoutModel, parseComponentId, renderCheckedLayout, type HighlightOption, type Layout, type Theme } from "@archgal/renderer/lean";
import type { ModelSpec } from "@archgal/schema/lean";

/** One selectable component of a diagram, in percent of the figure's size. */
export interface Hit {
  /** `data-component` of the SVG group. */
  component: string;
  /** Kind of its boxes (space-separated when several). */
  kind: string;
  /** Left, top, width and height in percent of the figure. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Fill colours used by the component's boxes (for the legend). */
  fills: string[];
}

/** A drawn figure: SVG markup and the selectable components. */
export interface Drawing {
  svg: string;
  hits: Hit[];
  width: number;
  height: number;
}

/** Components that are structure rather than content: never selectable. */
const inert = new Set(["model", "flow", "residual", "input", "tokenized", "figure", "background"]);
const isInert = (c: string) => inert.has(c) || /^add-|^callout:/.test(c);

/** Selectable components of a layout: main column top to bottom, then panels column by column. */
export function hitsOf(layout: Layout): Hit[] {
  const by = new Map<string, Layout["boxes"]>();
  for (const b of layout.boxes) {
    if (isInert(b.component)) continue;
    const list = by.get(b.component) ?? [];
    list.push(b);
    by.set(b.component, list);
  }
  const hits: Hit[] = [];
  for (const [component, boxes] of by) {
    const solid = boxes.filter((b) => !b.container);
    const use = parseComponentId(component).kind === "panel" || solid.length === 0 ? boxes : solid;
    const x0 = Math.min(...use.map((b) => b.x));
    const y0 = Math.min(...use.map((b) => b.y));
    const x1 = Math.max(...use.map((b) => b.x + b.w));
    const y1 = Math.max(...use.map((b) => b.y + b.h));
    const pad = 3;
    hits.push({
      component,
      kind: [...new Set(boxes.filter((b) => !b.container || boxes.every((c) => c.container)).map((b) => b.kind))].join(" "),
      x: ((x0 - pad) / layout.width) * 100,
      y: ((y0 - pad) / layout.height) * 100,
      w: ((x1 - x0 + 2 * pad) / layout.width) * 100,
      h: ((y1 - y0 + 2 * pad) / layout.height) * 100,
      fills: [...new Set(solid.map((b) => b.fill))],
    });
  }
  const panel = (h: Hit) => parseComponentId(h.component).kind === "panel";
  // Containers first (drawn under their contents), then reading order.
  return hits.sort((a, b) => Number(panel(a)) - Number(panel(b)) || (panel(a) ? a.x - b.x || a.y - b.y : a.y - b.y || a.x - b.x));
}

type FullRenderer = typeof import("./panels-layout.js");
let full: FullRenderer | undefined;
let loading: Promise<FullRenderer> | undefined;

/**
 * Loads the renderer's zoom panels (`@archgal/renderer/panels`: the figure with panels, without the main entry's
 * compare and poster code), once. The lean renderer draws the figure without them, so a diagram never waits for
 * this chunk: it is drawn lean first when the panels are not there yet.
 */
export function loadPanels(): Promise<FullRenderer> {
  return (loading ??= import("./panels-layout.js").then((m) => (full = m)));
}

/** Whether the zoom panels can be drawn right now. */
export const panelsLoaded = (): boolean => full !== undefined;

/**
 * Renders a spec's figure and computes its selectable components: the compact figure for narrow columns when
 * `compact` (with its layer strip once the full renderer is loaded), else with zoom panels when asked for and loaded;
 * `highlight`: the mechanisms new in the model, outlined in the accent colour once the full renderer is loaded.
 */
export function draw(
  spec: ModelSpec,
  theme: Theme,
  panels: boolean,
  idPrefix: string,
  compact = false,
  highlight?: HighlightOption,
): Drawing {
  // The outlines are drawn by the full renderer (the lean one ignores them): a highlight waits for it.
  const layout = compact
    ? (full ?? { layoutModel }).layoutModel(spec, { compact, ...(highlight ? { highlight } : {}) })
    : full && (panels || highlight)
      ? full.layoutModel(spec, { panels, ...(highlight ? { highlight } : {}) })
      : layoutModel(spec);
  // The theme comes from a closed set and the prefix from the element: no option check needed in the first script.
  const svg = renderCheckedLayout(layout, { theme, idPrefix, id: spec.id });
  return { svg, hits: hitsOf(layout), width: layout.width, height: layout.height };
}
