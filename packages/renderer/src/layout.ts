/**
 * `layoutFigure`: the complete geometry of a gallery-style figure — title, main column, callouts and, when a
 * panel builder is given, zoom panels. (`layoutModel` in model-layout.ts passes every panel; the lean entry none,
 * so that it does not carry the panels' code.)
 */
import { attentionLabel, decoderType, formatCount, formatInt, headSharing } from "@archgal/schema/metrics";
import type { AttentionMixer, ModelSpec } from "@archgal/schema/metrics";
import { analyse, type Facts, type RenderableSpec } from "./analysis.js";
import { placeCallouts, type Callout } from "./callouts.js";
import { Canvas, labelRect } from "./canvas.js";
import type { Box, Layout, Point, Rect } from "./layout-types.js";
import { mainColumn } from "./main-column.js";
import { isCoreMixer, mixerShortName, type AnyMixer } from "./naming.js";
import type { Panel } from "./panels.js";
import type { Line, Span } from "./text-metrics.js";

/** Options of `layoutModel`. */
export interface LayoutOptions {
  /** Draw the zoom panels on the right (default true). */
  panels?: boolean;
  /** Draw the model name as a title (default true). */
  title?: boolean;
}

const MARGIN = 24;
const LEFT_W = 210;
const RIGHT_W = 250;
const PANEL_GAP = 26;

const n = (v: number): Span => ({ text: formatInt(v), accent: true });
const t = (text: string): Span => ({ text });

/** Context length as the gallery writes it: `128k` for multiples of 1,024 from 16k up, else the exact count. */
export function contextText(ctx: number): string {
  if (ctx >= 1048576 && ctx % 1048576 === 0) return `${formatInt(ctx / 1048576)}M`;
  return ctx >= 16384 && ctx % 1024 === 0 ? `${formatInt(ctx / 1024)}k` : formatInt(ctx);
}

/** Lines describing the mixers' heads, windows and so on. */
function mixerFacts(f: Facts): Line[] {
  // The heads line of each mixer; prefixed with the mixer's name only when the lines differ.
  const heads = (m: AnyMixer): Line | undefined => {
    if (!isCoreMixer(m)) return undefined;
    switch (m.kind) {
      case "attention":
        return headSharing(m) === "MHA" ? [n(m.heads), t(" heads")] : [n(m.heads), t(" heads, "), n(m.kvHeads), t(m.kvHeads === 1 ? " KV head" : " KV heads")];
      case "mla":
      case "kimi-delta":
      case "lightning":
      case "mlstm":
        return [n(m.heads), t(" heads")];
      case "gated-deltanet":
        return [n(m.keyHeads), t(" key / "), n(m.valueHeads), t(" value heads")];
      case "mamba2":
        return [n(m.heads), t(" heads, state "), n(m.stateSize)];
      case "short-conv":
        return [t("kernel "), n(m.convKernel)];
      case "compressed-attention":
        return [n(m.heads), t(" heads, one shared KV head")];
      case "cca":
        return [n(m.heads), t(" heads, "), n(m.kvHeads), t(" KV heads")];
    }
  };
  const key = (l: Line) => l.map((s) => s.text).join("");
  const entries = f.mixers.flatMap((m) => {
    const l = heads(m);
    return l ? [{ m, l }] : [];
  });
  const distinct = new Set(entries.map((e) => key(e.l)));
  const lines: Line[] = [];
  const seen = new Set<string>();
  const push = (line: Line) => {
    if (!seen.has(key(line))) lines.push(line);
    seen.add(key(line));
  };
  for (const { m, l } of entries) push(distinct.size > 1 ? [t(`${mixerShortName(m)}: `), ...l] : l);
  for (const m of f.mixers) {
    if (m.kind !== "attention") continue;
    const a = m as AttentionMixer;
    if (a.sinks) push([t("with learned attention sinks")]);
    if (a.window) push([t("sliding window of "), n(a.window), t(" tokens")]);
    if (a.chunk) push([t("chunks of "), n(a.chunk), t(" tokens")]);
    if (a.reusesKV) push([n(f.layers.filter((x) => x.mixer !== undefined && f.arch.mixers[x.mixer] === m).length), t(" layers reuse an earlier layer's KV cache")]);
    if (a.sharedKV) push([t("keys double as values in "), n(f.layers.filter((x) => x.mixer !== undefined && f.arch.mixers[x.mixer] === m).length), t(" layers")]);
  }
  return lines;
}

/** A one-paragraph text alternative of the figure. */
export function describeModel(spec: RenderableSpec): string {
  const f = analyse(spec);
  const parts = [
    `${spec.name}${spec.org ? ` (${spec.org})` : ""}: ${decoderType(spec as ModelSpec)} decoder with ${formatInt(spec.architecture.numLayers)} layers`,
    `attention ${attentionLabel(spec as ModelSpec)}`,
    `embedding dimension ${formatInt(spec.architecture.dModel)}`,
    `vocabulary ${formatInt(spec.architecture.vocabSize)}`,
    spec.architecture.contextLength === null ? "no explicit context limit" : `context ${formatInt(spec.architecture.contextLength)} tokens`,
    f.mainActive < f.mainTotal ? `${formatCount(f.mainTotal)} parameters, ${formatCount(f.mainActive)} active per token` : `${formatCount(f.mainTotal)} parameters`,
  ];
  return `${parts.join(", ")}.`;
}

/** Small rectangles along a segment, for collision tests against lines. */
function segmentRects(a: Point, b: Point, pad = 5): Rect[] {
  const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 16));
  const out: Rect[] = [];
  for (let i = 0; i < steps; i++) {
    const x0 = a[0] + ((b[0] - a[0]) * i) / steps;
    const y0 = a[1] + ((b[1] - a[1]) * i) / steps;
    const x1 = a[0] + ((b[0] - a[0]) * (i + 1)) / steps;
    const y1 = a[1] + ((b[1] - a[1]) * (i + 1)) / steps;
    out.push({ x: Math.min(x0, x1) - pad, y: Math.min(y0, y1) - pad, w: Math.abs(x1 - x0) + 2 * pad, h: Math.abs(y1 - y0) + 2 * pad });
  }
  return out;
}

/** Splits panels into at most two columns, keeping order and balancing heights. */
function panelColumns(panels: Panel[], mainH: number): Panel[][] {
  const total = panels.reduce((s, p) => s + p.h + PANEL_GAP, 0);
  if (total <= mainH * 1.1 || panels.length < 2) return [panels];
  let best = 1;
  let bestH = Infinity;
  for (let i = 1; i < panels.length; i++) {
    if (panels[i]!.id === "savings") continue; // keep the savings under the MoE panel
    const a = panels.slice(0, i).reduce((s, p) => s + p.h + PANEL_GAP, 0);
    const h = Math.max(a, total - a);
    if (h < bestH) {
      bestH = h;
      best = i;
    }
  }
  return [panels.slice(0, best), panels.slice(best)];
}

/**
 * Computes the geometry of a model's figure with the panels `panelsOf` builds: every box with its text lines and
 * font size, every edge and label.
 */
export function layoutFigure(spec: ModelSpec | RenderableSpec, options: LayoutOptions = {}, panelsOf?: (f: Facts) => Panel[]): Layout {
  const s = spec as RenderableSpec;
  const f = analyse(s);
  const arch = f.arch;
  const { canvas: main, anchors } = mainColumn(f);
  const all = new Canvas("figure");

  // Main column: frame left edge at LEFT_W, frame top at y = 0.
  const dx = LEFT_W + 30;
  const dy = -anchors.frame.y;
  main.translate(dx, dy);
  all.merge(main);
  const frame = anchors.frame;
  const frameRight = frame.x + frame.w;
  const rightX = frameRight + 40;

  // Panels.
  const panels = options.panels === false || !panelsOf ? [] : panelsOf(f);
  const mainBottom = anchors.tokenized.y + anchors.tokenized.h + 50;
  const cols = panelColumns(panels, mainBottom - frame.y);
  const panelX0 = rightX + RIGHT_W + 30;
  const placed: { p: Panel; x: number; y: number; col: number }[] = [];
  cols.forEach((col, ci) => {
    let y = frame.y - 10;
    for (const p of col) {
      const x = panelX0 + ci * (p.w + 36);
      placed.push({ p, x, y, col: ci });
      y += p.h + PANEL_GAP;
    }
  });
  for (const { p, x, y } of placed) all.merge(p.canvas, x, y);

  // Zoom leaders from the main column to first-column panels.
  const obstacles: Rect[] = [];
  const zoomSource = (p: Panel): Box | undefined => (p.zoomFrom === "mixer" ? anchors.mixer : p.zoomFrom === "ffn" ? anchors.ffn : undefined);
  const col0 = placed.filter((q) => q.col === 0);
  // Horizontal gaps between first-column panels, through which leaders to the second column pass.
  const gaps: number[] = [];
  if (col0.length) {
    gaps.push(col0[0]!.y - PANEL_GAP / 2);
    for (let i = 0; i + 1 < col0.length; i++) gaps.push((col0[i]!.y + col0[i]!.p.h + col0[i + 1]!.y) / 2);
    const last = col0[col0.length - 1]!;
    gaps.push(last.y + last.p.h + PANEL_GAP / 2);
  }
  for (const { p, x, y, col } of placed) {
    const src = zoomSource(p);
    if (!src) continue;
    const from: Point = [src.x + src.w, src.y + src.h * 0.35];
    const style = { component: `panel:${p.id}`, kind: "zoom", arrow: false, dash: "dotted" as const, color: p.accentZoom ? ("accent" as const) : ("line" as const), width: 2.6 };
    let pts: Point[];
    if (col === 0) {
      const ty = Math.max(y + 24, Math.min(y + p.h - 24, from[1]));
      pts = [from, [x, ty]];
    } else {
      const x0 = col0[0]!.x;
      const x1 = x0 + Math.max(...col0.map((q) => q.p.w));
      const centre = y + p.h / 2;
      const gapY = gaps.reduce((best, g) => (Math.abs(g - centre) < Math.abs(best - centre) ? g : best), gaps[0]!);
      const ty = Math.max(y + 24, Math.min(y + p.h - 24, gapY));
      pts = [from, [x0 - 14, gapY], [x1 + 14, gapY], [x, ty]];
    }
    all.edge(`zoom-${p.id}`, pts, style);
    for (let i = 0; i + 1 < pts.length; i++) obstacles.push(...segmentRects(pts[i]!, pts[i + 1]!));
  }
  // Expert → FFN panel, when the FFN panel sits right above the MoE panel.
  const ffnP = placed.find((q) => q.p.id === "ffn");
  const moeP = placed.find((q) => q.p.id === "moe");
  if (ffnP && moeP && moeP.p.expertBox && ffnP.col === moeP.col) {
    const e = moeP.p.expertBox;
    const from: Point = [e.x + e.w / 2, e.y];
    const to: Point = [from[0], ffnP.y + ffnP.p.h];
    if (to[1] < from[1]) all.edge("zoom-expert-ffn", [from, to], { component: "panel:ffn", kind: "zoom", arrow: false, dash: "dotted", width: 2.2 });
  }

  // Callouts.
  const right: Callout[] = [];
  const left: Callout[] = [];
  const rightOf = (b: Box): Point => [b.x + b.w, b.y + b.h / 2];
  const leftOf = (b: Box): Point => [b.x, b.y + b.h / 2];
  right.push({ id: "vocab", component: "head", anchor: rightOf(anchors.head), lines: [[t("Vocabulary size of "), n(arch.vocabSize)]] });
  const target = anchors.mixer ?? anchors.sublayer;
  const mf = mixerFacts(f);
  const sideBySide = anchors.ffn !== undefined && anchors.ffn !== target && target !== undefined && anchors.ffn.y === target.y;
  if (target && mf.length) right.push({ id: "heads", component: target.component, anchor: [sideBySide ? anchors.block.x + anchors.block.w : target.x + target.w, target.y + target.h * 0.75], lines: mf });
  right.push({ id: "embedding", component: "embedding", anchor: rightOf(anchors.embedding), lines: [[t("Embedding dimension of "), n(arch.dModel)]] });
  const ffnPanelShown = placed.some((q) => q.p.id === "ffn");
  if (!ffnPanelShown && anchors.ffn) {
    const lines: Line[] = [];
    for (const m of f.mlps) lines.push([t(f.moes.length ? "Dense FFN hidden size " : "Hidden layer dimension of "), n(m.hidden)]);
    for (const m of f.moes) lines.push([t("Expert hidden size "), n(m.expertHidden)], [n(m.activeExperts), t(" of "), n(m.experts), t(" experts active")]);
    right.push({ id: "ffn", component: anchors.ffn.component, anchor: [anchors.ffn.x + anchors.ffn.w, anchors.ffn.y + anchors.ffn.h * 0.75], lines });
  }
  const ctxAnchor: Point = anchors.positional && anchors.positional.id === "rope" ? leftOf(anchors.positional) : [frame.x, (target ?? anchors.embedding).y + (target ?? anchors.embedding).h / 2];
  left.push({
    id: "context",
    component: anchors.positional?.component ?? "model",
    anchor: ctxAnchor,
    lines: arch.contextLength === null ? [[t("No explicit context limit (recurrent state)")]] : [[t("Supported context length of "), { text: contextText(arch.contextLength), accent: true }, t(" tokens")]],
  });
  if (f.densePrefix > 0) {
    const dense = f.arch.ffns[f.layers[0]!.ffn!];
    if (dense && dense.kind === "mlp") {
      const cnt = labelRect(anchors.count);
      left.push({
        id: "dense-prefix",
        component: "block",
        anchor: [cnt.x - 6, cnt.y + cnt.h / 2],
        y: cnt.y + 70,
        lines: [[t("First "), n(f.densePrefix), t(f.densePrefix === 1 ? " block uses" : " blocks use"), t(" a dense FFN with hidden size "), n(dense.hidden), t(" instead of MoE")]],
      });
    }
  }
  if (arch.hyperConnections) {
    left.push({
      id: "hyper-connections",
      component: "block",
      anchor: [anchors.block.x, anchors.block.y + 40],
      lines: [[t("Residual stream widened to "), n(arch.hyperConnections.streams), t(" copies (manifold-constrained hyper-connections)")]],
    });
  }
  const leftObstacles: Rect[] = [];
  placeCallouts(all, left, "left", LEFT_W + 10, LEFT_W - 10, leftObstacles, frame.y - 10);
  placeCallouts(all, right, "right", rightX, RIGHT_W, obstacles, frame.y - 30);

  // Title.
  const content = all.bounds();
  if (options.title !== false) {
    const titleW = Math.max(frame.w + LEFT_W, 600);
    const cx = frame.x + frame.w / 2;
    const tl = all.label({ id: "title", component: "title", kind: "title", x: cx, y: 0, anchor: "middle", lines: [[{ text: spec.name, accent: true }]], maxW: titleW, fontSize: 38, weight: "bold" });
    const sub: string[] = [];
    if (spec.org) sub.push(spec.org);
    if (spec.releaseDate) sub.push(spec.releaseDate);
    sub.push(decoderType(spec as ModelSpec));
    sub.push(f.mainActive < f.mainTotal ? `${formatCount(f.mainTotal)} total, ${formatCount(f.mainActive)} active` : `${formatCount(f.mainTotal)} parameters`);
    const sl = all.label({ id: "subtitle", component: "title", kind: "subtitle", x: cx, y: 0, anchor: "middle", lines: [[t(sub.join(" · "))]], maxW: titleW, fontSize: 16, color: "text-muted" });
    const th = labelRect(tl).h;
    const sh = labelRect(sl).h;
    // Above the output arrow, clear of anything else.
    const top = Math.min(content.y, frame.y - 40);
    sl.y = top - 14 - sh;
    tl.y = sl.y - 4 - th;
  }
  const b = all.bounds();
  all.translate(MARGIN - b.x, MARGIN - b.y);
  const width = Math.ceil(b.w + 2 * MARGIN);
  const height = Math.ceil(b.h + 2 * MARGIN);
  return all.toLayout(width, height, spec.name, describeModel(s));
}
