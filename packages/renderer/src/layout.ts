/**
 * `layoutModel`: the complete geometry of a gallery-style figure — title, main column, callouts and zoom panels.
 */
import { attentionLabel, decoderType, formatCount, formatInt, headSharing } from "@archgal/schema";
import type { AttentionMixer, ModelSpec } from "@archgal/schema";
import { analyse, type Facts, type RenderableSpec } from "./analysis.js";
import { placeCallouts, type Callout } from "./callouts.js";
import { Canvas, labelRect } from "./canvas.js";
import type { Box, Layout, Point, Rect } from "./layout-types.js";
import { mainColumn } from "./main-column.js";
import { isCoreMixer, mixerShortName } from "./naming.js";
import { allPanels, type Panel } from "./panels.js";
import type { Line, Span } from "./text-metrics.js";

/** Options of {@link layoutModel}. */
export interface LayoutOptions {
  /** Draw the zoom panels on the right (default true). */
  panels?: boolean;
  /** Draw the model name as a title (default true). */
  title?: boolean;
}

const MARGIN = 24;
const LEFT_W = 210;
const RIGHT_W = 220;
const PANEL_GAP = 26;

const n = (v: number): Span => ({ text: formatInt(v), accent: true });
const t = (text: string): Span => ({ text });

/** Context length as the gallery writes it: `128k` for multiples of 1,024 from 16k up, else the exact count. */
export function contextText(ctx: number): string {
  return ctx >= 16384 && ctx % 1024 === 0 ? `${formatInt(ctx / 1024)}k` : formatInt(ctx);
}

/** Lines describing the mixers' heads, windows and so on. */
function mixerFacts(f: Facts): Line[] {
  const lines: Line[] = [];
  const seen = new Set<string>();
  const several = new Set(f.mixers.map((m) => m.kind)).size > 1;
  const push = (line: Line) => {
    const k = line.map((s) => s.text).join("");
    if (!seen.has(k)) lines.push(line);
    seen.add(k);
  };
  for (const m of f.mixers) {
    if (!isCoreMixer(m)) continue;
    const pre: Line = several ? [t(`${mixerShortName(m).replace(/^sliding-window |^chunked /, "")}: `)] : [];
    switch (m.kind) {
      case "attention": {
        const a = m as AttentionMixer;
        const sharing = headSharing(a);
        push(sharing === "MHA" ? [...pre, n(a.heads), t(" heads")] : [...pre, n(a.heads), t(" heads, "), n(a.kvHeads), t(a.kvHeads === 1 ? " KV head" : " KV heads")]);
        if (a.sinks) push([t("with learned attention sinks")]);
        break;
      }
      case "mla":
        push([...pre, n(m.heads), t(" heads")]);
        break;
      case "gated-deltanet":
        push([...pre, n(m.keyHeads), t(" key / "), n(m.valueHeads), t(" value heads")]);
        break;
      case "kimi-delta":
      case "lightning":
      case "mlstm":
        push([...pre, n(m.heads), t(" heads")]);
        break;
      case "mamba2":
        push([...pre, n(m.heads), t(" heads, state "), n(m.stateSize)]);
        break;
      case "short-conv":
        push([...pre, t("kernel "), n(m.convKernel)]);
        break;
    }
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
 * Computes the geometry of a model's figure: every box with its text lines and font size, every edge and label.
 * `renderModel` draws exactly this.
 */
export function layoutModel(spec: ModelSpec | RenderableSpec, options: LayoutOptions = {}): Layout {
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
  const panels = options.panels === false ? [] : allPanels(f);
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
  for (const { p, x, y, col } of placed) {
    const src = zoomSource(p);
    if (!src || col !== 0) continue;
    const from: Point = [src.x + src.w, src.y + src.h / 2];
    const ty = Math.max(y + 24, Math.min(y + p.h - 24, from[1]));
    const to: Point = [x, ty];
    all.edge(`zoom-${p.id}`, [from, to], { component: `panel:${p.id}`, kind: "zoom", arrow: false, dash: "dotted", color: p.accentZoom ? "accent" : "line", width: 2.6 });
    obstacles.push(...segmentRects(from, to));
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
  if (target && mf.length) right.push({ id: "heads", component: target.component, anchor: [anchors.block.x + anchors.block.w, target.y + target.h / 2], lines: mf });
  right.push({ id: "embedding", component: "embedding", anchor: rightOf(anchors.embedding), lines: [[t("Embedding dimension of "), n(arch.dModel)]] });
  const ffnPanelShown = placed.some((q) => q.p.id === "ffn");
  if (!ffnPanelShown && anchors.ffn) {
    const lines: Line[] = [];
    for (const m of f.mlps) lines.push([t(f.moes.length ? "Dense FFN hidden size " : "Hidden layer dimension of "), n(m.hidden)]);
    for (const m of f.moes) lines.push([t("Expert hidden size "), n(m.expertHidden)], [n(m.activeExperts), t(" of "), n(m.experts), t(" experts active")]);
    right.push({ id: "ffn", component: anchors.ffn.component, anchor: [anchors.block.x + anchors.block.w, anchors.ffn.y + anchors.ffn.h / 2], lines });
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
      const cnt = anchors.count;
      left.push({
        id: "dense-prefix",
        component: "block",
        anchor: [cnt.x - 4, cnt.y + cnt.h / 2 + 30],
        y: cnt.y + 60,
        lines: [[t("First "), n(f.densePrefix), t(f.densePrefix === 1 ? " block uses" : " blocks use"), t(" a dense FFN with hidden size "), n(dense.hidden), t(" instead of MoE")]],
      });
    }
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
