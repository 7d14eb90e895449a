/**
 * Drawing a {@link Layout} as SVG markup. Every colour is `var(--llm-arch-<name>, <default>)`; every text is
 * escaped; the only ids are the title and description, prefixed per figure; nothing refers outside the document.
 */
import { escapeXml, idToken } from "./escape.js";
import type { Box, Edge, Label, Layout } from "./layout-types.js";
import { colorVar, type ColorName, type Palette } from "./palette.js";
import { LINE_HEIGHT, MONO_FONT_STACK, SANS_FONT_STACK, type Line } from "./text-metrics.js";

/** A number for an attribute: at most two decimals, never NaN or Infinity. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return "0";
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

const BASELINE = 0.36; // from the middle of a line to its baseline, in em

function spans(line: Line, p: Palette, accent: ColorName, bold: boolean): string {
  return line
    .map((s) => {
      const attrs: string[] = [];
      if (s.accent) attrs.push(`fill="${colorVar(p, accent)}"`);
      if (s.bold && !bold) attrs.push(`font-weight="bold"`);
      const text = escapeXml(s.text);
      return attrs.length ? `<tspan ${attrs.join(" ")}>${text}</tspan>` : text;
    })
    .join("");
}

function textLines(
  lines: Line[],
  x: number,
  top: number,
  anchor: string,
  fontSize: number,
  weight: string,
  family: string,
  color: ColorName,
  accent: ColorName,
  p: Palette,
): string {
  const lh = fontSize * LINE_HEIGHT;
  const bold = weight === "bold";
  const fam = family === "mono" ? ` font-family="${MONO_FONT_STACK}"` : "";
  return lines
    .map((line, i) => {
      const y = top + i * lh + lh / 2 + BASELINE * fontSize;
      return `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" font-size="${num(fontSize)}"${bold ? ` font-weight="bold"` : ""}${fam} fill="${colorVar(p, color)}" xml:space="preserve">${spans(line, p, accent, bold)}</text>`;
    })
    .join("");
}

function dashAttr(dash: "dotted" | "dashed" | undefined, width: number): string {
  if (dash === "dotted") return ` stroke-dasharray="0 ${num(width * 2.2)}" stroke-linecap="round"`;
  if (dash === "dashed") return ` stroke-dasharray="${num(width * 4)} ${num(width * 3)}"`;
  return "";
}

function drawBox(b: Box, p: Palette): string {
  // The diff highlight (compare view) wins over the accent outline (what is new in the model).
  const stroke = b.highlight ? colorVar(p, "diff") : colorVar(p, b.accentOutline ? "accent" : b.stroke);
  const sw = b.highlight || b.accentOutline ? b.strokeWidth + 2 : b.strokeWidth;
  const common = `fill="${colorVar(p, b.highlight && b.fill === "box" ? "diff-fill" : b.fill)}"${b.fillOpacity !== undefined ? ` fill-opacity="${num(b.fillOpacity)}"` : ""} stroke="${stroke}" stroke-width="${num(sw)}"${dashAttr(b.dash, sw)}`;
  let out: string;
  if (b.shape === "circle") {
    const r = b.w / 2;
    const cx = b.x + r;
    const cy = b.y + r;
    out = `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" ${common}/>`;
    if (b.symbol) {
      const k = r * (b.symbol === "plus" ? 0.62 : 0.46);
      const d =
        b.symbol === "plus"
          ? `M${num(cx - k)} ${num(cy)}H${num(cx + k)}M${num(cx)} ${num(cy - k)}V${num(cy + k)}`
          : `M${num(cx - k)} ${num(cy - k)}L${num(cx + k)} ${num(cy + k)}M${num(cx + k)} ${num(cy - k)}L${num(cx - k)} ${num(cy + k)}`;
      out += `<path d="${d}" fill="none" stroke="${colorVar(p, b.stroke)}" stroke-width="${num(Math.max(1.4, b.strokeWidth))}"/>`;
    }
  } else {
    out = `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="${num(b.rx)}" ${common}/>`;
  }
  if (b.lines.length && !b.symbol) {
    const lh = b.fontSize * LINE_HEIGHT;
    const top = b.y + (b.h - b.lines.length * lh) / 2;
    out += textLines(b.lines, b.x + b.w / 2, top, "middle", b.fontSize, b.weight, b.family, b.textColor, b.accentColor, p);
  }
  return out;
}

function bracePath(e: Edge): string {
  const [[x, y0], [, y1]] = e.points as [[number, number], [number, number]];
  const w = 9;
  const mid = (y0 + y1) / 2;
  return `M${num(x + w)} ${num(y0)}Q${num(x)} ${num(y0)} ${num(x)} ${num(y0 + w)}L${num(x)} ${num(mid - w)}Q${num(x)} ${num(mid)} ${num(x - w)} ${num(mid)}Q${num(x)} ${num(mid)} ${num(x)} ${num(mid + w)}L${num(x)} ${num(y1 - w)}Q${num(x)} ${num(y1)} ${num(x + w)} ${num(y1)}`;
}

function drawEdge(edge: Edge, p: Palette): string {
  const e = edge.accentOutline ? { ...edge, color: "accent" as const, width: edge.width + 0.5 } : edge;
  const stroke = colorVar(p, e.color);
  if (e.brace) return `<path d="${bracePath(e)}" fill="none" stroke="${stroke}" stroke-width="${num(e.width)}"/>`;
  const pts = e.points.map(([x, y]) => [x, y] as [number, number]);
  let head = "";
  if (e.arrow && pts.length >= 2) {
    const [x1, y1] = pts[pts.length - 1]!;
    const [x0, y0] = pts[pts.length - 2]!;
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const ux = (x1 - x0) / len;
    const uy = (y1 - y0) / len;
    const L = Math.min(4 + e.width * 2.8, len * 0.8);
    const W = L * 0.55;
    const bx = x1 - ux * L;
    const by = y1 - uy * L;
    head = `<path d="M${num(x1)} ${num(y1)}L${num(bx - uy * W)} ${num(by + ux * W)}L${num(bx + uy * W)} ${num(by - ux * W)}Z" fill="${stroke}"/>`;
    pts[pts.length - 1] = [x1 - ux * L * 0.7, y1 - uy * L * 0.7];
  }
  const d = pts.map(([x, y], i) => `${i ? "L" : "M"}${num(x)} ${num(y)}`).join("");
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${num(e.width)}" stroke-linejoin="round"${dashAttr(e.dash, e.width)}/>${head}`;
}

function drawLabel(l: Label, p: Palette): string {
  return textLines(l.lines, l.x, l.y, l.anchor, l.fontSize, l.weight, l.family, l.color, l.accentColor, p);
}

type Item = {
  z: number;
  order: number;
  component: string;
  kind: string;
  draw: () => string;
  highlight: boolean;
  refs?: string[];
  isNew?: boolean | undefined;
};

/** Draws the layout's elements, grouped by component (`<g data-component data-kind>`), containers first. */
export function drawLayout(layout: Layout, p: Palette): string {
  const items: Item[] = [];
  let order = 0;
  for (const b of layout.boxes)
    items.push({
      z: b.container ? (b.kind === "model" ? 0 : 1) : 3,
      order: order++,
      component: b.component,
      kind: b.kind,
      draw: () => drawBox(b, p),
      highlight: Boolean(b.highlight),
      ...(b.refs ? { refs: b.refs } : {}),
      isNew: b.accentOutline,
    });
  for (const e of layout.edges)
    items.push({
      z: 2,
      order: order++,
      component: e.component,
      kind: e.kind,
      draw: () => drawEdge(e, p),
      highlight: false,
      isNew: e.accentOutline,
    });
  for (const l of layout.labels)
    items.push({ z: 4, order: order++, component: l.component, kind: l.kind, draw: () => drawLabel(l, p), highlight: false });
  items.sort((a, b) => a.z - b.z || a.order - b.order);
  // Group by component, in the order of each component's first item; items keep their z order within a group.
  const groups = new Map<string, Item[]>();
  for (const it of items) {
    const g = groups.get(it.component);
    if (g) g.push(it);
    else groups.set(it.component, [it]);
  }
  // A group is drawn at its lowest z; to keep lines under boxes across groups, split each group by z bands.
  const bands: { z: number; order: number; component: string; items: Item[] }[] = [];
  for (const [component, list] of groups) {
    const containers = list.filter((i) => i.z <= 1);
    const rest = list.filter((i) => i.z > 1);
    if (containers.length) bands.push({ z: containers[0]!.z, order: containers[0]!.order, component, items: containers });
    if (rest.length) bands.push({ z: rest[0]!.z, order: rest[0]!.order, component, items: rest });
  }
  bands.sort((a, b) => a.z - b.z || a.order - b.order);
  return bands
    .map((band) => {
      const kind = [...new Set(band.items.map((i) => i.kind))][0] ?? "";
      const diff = band.items.some((i) => i.highlight) ? ` data-diff="changed"` : "";
      const isNew = band.items.some((i) => i.isNew) ? ` data-new="true"` : "";
      const refs = band.items.find((i) => i.refs && i.refs.length > 1)?.refs;
      const refAttr = refs ? ` data-refs="${escapeXml(refs.join(" "))}"` : "";
      return `<g data-component="${escapeXml(band.component)}" data-kind="${escapeXml(kind)}"${refAttr}${diff}${isNew}>${band.items.map((i) => i.draw()).join("")}</g>`;
    })
    .join("\n");
}

/** Options of {@link svgDocument}. */
export interface DocumentOptions {
  /** Rendered width; the height follows the aspect ratio. Default: the layout's own width. */
  width?: number;
  /** Prefix of the title/description ids. */
  idPrefix: string;
}

/** A complete standalone SVG document around drawn content. */
export function svgDocument(
  layout: Pick<Layout, "width" | "height" | "title" | "description">,
  content: string,
  p: Palette,
  o: DocumentOptions,
): string {
  const prefix = idToken(o.idPrefix);
  const w = o.width && o.width > 0 && Number.isFinite(o.width) ? o.width : layout.width;
  const h = (layout.height * w) / layout.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}" width="${num(w)}" height="${num(h)}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${SANS_FONT_STACK}">`,
    `<title id="${prefix}-title">${escapeXml(layout.title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(layout.description)}</desc>`,
    `<rect data-component="background" width="${num(layout.width)}" height="${num(layout.height)}" fill="${colorVar(p, "background")}"/>`,
    content,
    `</svg>`,
  ].join("\n");
}

/**
 * Replaces every `var(--llm-arch-<name>, <default>)` by its default (or by `overrides[name]`), for SVG consumers
 * that do not support CSS custom properties (resvg, image converters, some editors).
 *
 * @example
 * ```ts
 * const png = new Resvg(inlineColors(renderModel(spec))).render().asPng();
 * ```
 */
export function inlineColors(svg: string, overrides: Readonly<Record<string, string>> = {}): string {
  return svg.replace(/var\(--llm-arch-([a-z-]+), ([^)]+)\)/g, (_, name: string, fallback: string) => {
    const o = overrides[name];
    return o !== undefined && /^#[0-9a-fA-F]{3,8}$/.test(o) ? o : fallback;
  });
}
