/**
 * `layoutFigure`: the complete geometry of a gallery-style figure — title, main column, callouts and, when a
 * panel placer is given, zoom panels. (`layoutModel` in model-layout.ts passes the placer; the lean entry does
 * not, so that it does not carry the panels' code.) Also the compact variant for narrow columns.
 */
import { attentionLabel, decoderLabel, formatCount, formatInt, formatTokens, hyperConnectionsName } from "@archgal/schema/lean";
import type { CalloutPart, KindOptions, ModelSpec } from "@archgal/schema/lean";
import { analyse, type Facts, type RenderableSpec } from "./analysis.js";
import { placeCallouts, type Callout } from "./callouts.js";
import { Canvas, labelRect } from "./canvas.js";
import type { Box, Layout } from "./layout-types.js";
import { mainColumn, type MainAnchors } from "./main-column.js";
import type { CompactExtras } from "./compact-extras.js";
import type { PanelPlacement } from "./panel-placement.js";
import { isCoreMixer, mixerShortName, type AnyMixer } from "./naming.js";
import { cleanText } from "./escape.js";
import { denseHiddenLine } from "./ffn-text.js";
import { textWidth, type Line, type Span } from "./text-metrics.js";
import type { HighlightOption, Highlighter } from "./highlight.js";

/** Options of `layoutModel`. */
export interface LayoutOptions extends KindOptions {
  /** Draw the zoom panels on the right (default true; never in a compact figure). */
  panels?: boolean;
  /** Draw the model name as a title (default true). */
  title?: boolean;
  /**
   * The compact figure for narrow columns (320–700 px): the main column only (no zoom panels), its notes
   * (vocabulary, context, widths, heads, experts with the shared ones, MTP modules, …) as a list below it instead
   * of callouts on both sides, then the layer mix as a mini strip when the stack has more than one kind of layer
   * (not drawn by the lean entry, `@archgal/renderer/lean`), and font sizes
   * chosen from the figure's width so that, rendered {@link COMPACT_REFERENCE_WIDTH} (360) px wide, every text
   * is at least {@link COMPACT_MIN_TEXT_PX} (11) px high: `fontSize × 360 / layout.width ≥ 11` for every box
   * text and label. Such a figure is ≈ 500 units wide (≈ 620 with a parallel block), against ≈ 1,000 without
   * panels and ≈ 2,000 with them.
   */
  compact?: boolean;
  /**
   * Mechanisms new in this model, outlined in the accent colour (`@archgal/data`'s `newMechanisms` of the model,
   * or bare concept tags): the main column's boxes that draw them, their zoom panels' frames and titles; named
   * below the subtitle and at the end of the text alternative. Absent or empty: nothing changes. Drawn by the
   * main entry and `@archgal/renderer/panels` (also in compact and panel-less figures); the lean entry ignores it.
   */
  highlight?: HighlightOption;
}

/** Rendered width (px) at which the compact figure's smallest text is still {@link COMPACT_MIN_TEXT_PX} px. */
export const COMPACT_REFERENCE_WIDTH = 360;
/** Smallest text size (px) of the compact figure when it is drawn {@link COMPACT_REFERENCE_WIDTH} px wide. */
export const COMPACT_MIN_TEXT_PX = 11;

/**
 * Places zoom panels right of the callouts, at x, and draws their zoom leaders (edges of kind `zoom`); returns
 * their rectangles and a function that places the panels that go below the main column, clear of the callouts.
 */
export type PanelPlacer = (f: Facts, canvas: Canvas, anchors: MainAnchors, x: number) => PanelPlacement;

const LEFT_W = 210;
const RIGHT_W = 250;
/** Font size of the main column's box text in the full figure (at least 18 px when drawn at 1:1). */
const BOX_TEXT = 18;

const n = (v: number): Span => ({ text: formatInt(v), accent: true });
const t = (text: string): Span => ({ text });

/** Context length as its creators write it (schema's `formatTokens`: `512k`, `128k`, `202,752`). */
export function contextText(ctx: number): string {
  return formatTokens(ctx);
}

/**
 * The figure's title: the model's name with its size, `GLM-5 (744B)`, unless the name already tells it
 * (`Gemma 3 27B`, `GPT-2 (124M)`, `Kimi Linear 48B-A3B`).
 */
export function titleText(name: string, params: number): string {
  return /\d(?:\.\d+)?\s?[KMBT]\b/i.test(name) || !(params > 0) ? name : `${name} (${formatCount(params)})`;
}

/** Lines describing the mixers' heads, windows and so on. */
function mixerFacts(f: Facts): Line[] {
  // The heads line of each mixer (its kind's callout); prefixed with the mixer's name only when the lines differ.
  // A downstream kind's text is cleaned of control characters; its numbers must be finite to be drawn as numbers.
  const part = (m: AnyMixer, p: CalloutPart): Span =>
    isCoreMixer(m) ? (typeof p === "number" ? n(p) : t(p)) : typeof p === "number" && Number.isFinite(p) ? n(p) : t(cleanText(String(p)));
  const line = (m: AnyMixer, parts: readonly CalloutPart[]): Line => parts.map((p) => part(m, p));
  const heads = (m: AnyMixer): Line | undefined => {
    const parts = f.kinds.of(m)?.callout(m);
    return parts ? line(m, parts) : undefined;
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
  for (const { m, l } of entries) push(distinct.size > 1 ? [t(`${mixerShortName(m, f.kinds)}: `), ...l] : l);
  // Further notes of each kind (windows, chunks, sinks, shared KV), given how many layers use the mixer. Notes
  // that differ only in their layer count (the numbers that change with it) are one note over the summed count:
  // "20 layers reuse an earlier layer's KV cache", not one such line per mixer.
  const notes: {
    m: AnyMixer;
    parts: CalloutPart[];
    counted: boolean[];
    layers: number;
    probe: (layers: number) => readonly CalloutPart[];
  }[] = [];
  const byTemplate = new Map<string, (typeof notes)[number]>();
  for (const m of f.mixers) {
    const def = f.kinds.of(m);
    if (!def) continue;
    const layers = f.layers.filter((x) => x.mixer !== undefined && f.arch.mixers[x.mixer] === m).length;
    const now = def.calloutNotes(m, layers);
    const more = def.calloutNotes(m, layers + 1);
    now.forEach((parts, i) => {
      const counted = parts.map((p, j) => typeof p === "number" && more[i]?.[j] !== p);
      const template = JSON.stringify(parts.map((p, j) => (counted[j] ? "#" : p)));
      const same = counted.some(Boolean) ? byTemplate.get(template) : undefined;
      if (same) {
        same.layers += layers;
        return;
      }
      const note = { m, parts: [...parts], counted, layers, probe: (k: number) => def.calloutNotes(m, k)[i] ?? parts };
      byTemplate.set(template, note);
      notes.push(note);
    });
  }
  for (const note of notes) push(line(note.m, note.counted.some(Boolean) ? note.probe(note.layers) : note.parts));
  return lines;
}

/** A one-paragraph text alternative of the figure (`options.kinds`: downstream mixer kinds, as for `layoutModel`). */
export function describeModel(spec: RenderableSpec, options?: KindOptions): string {
  const f = analyse(spec, options);
  const kinds = { kinds: f.kinds };
  const split = spec.architecture.encoderDecoder;
  const parts = [
    `${spec.name}${spec.org ? ` (${spec.org})` : ""}: ${decoderLabel(spec as ModelSpec, kinds)} decoder with ${formatInt(spec.architecture.numLayers)} layers${spec.architecture.loop ? ` run ${formatInt(spec.architecture.loop.passes)} times with shared weights` : ""}${split ? `, the lower ${formatInt(split.encoderLayers)} an encoder every prompt token runs` : ""}`,
    `attention ${attentionLabel(spec as ModelSpec, kinds)}`,
    `embedding dimension ${formatInt(spec.architecture.dModel)}`,
    `vocabulary ${formatInt(spec.architecture.vocabSize)}`,
    spec.architecture.contextLength === null ? "no explicit context limit" : `context ${formatInt(spec.architecture.contextLength)} tokens`,
    f.sparse
      ? `${formatCount(f.mainTotal)} parameters, ${formatCount(f.mainActive)} active per token (embedding look-ups not counted)`
      : `${formatCount(f.mainTotal)} parameters`,
  ];
  return `${parts.join(", ")}.`;
}

/**
 * Computes the geometry of a model's figure, with zoom panels when a `placePanels` is given (and
 * `options.panels` is not false): every box with its text lines and font size, every edge and label; the
 * `highlight` option's outlines when a `highlighter` is given (the full entry's, kept out of the lean one).
 */
export function layoutFigure(
  spec: ModelSpec | RenderableSpec,
  options: LayoutOptions = {},
  placePanels?: PanelPlacer,
  extras?: CompactExtras,
  highlighter?: Highlighter,
): Layout {
  const s = spec as RenderableSpec;
  const f = analyse(s, options);
  const arch = f.arch;
  const compact = options.compact === true;
  const highlight = highlighter?.read(options.highlight) ?? [];
  const margin = compact ? 12 : 24;
  // Compact: the smallest font that stays legible when the figure is 360 px wide. The figure is exactly its frame
  // plus margins wide: the title, the notes and everything else wrap within the frame's width.
  const {
    canvas: main,
    anchors,
    fontSize: fs,
  } = mainColumn(f, compact ? (w) => Math.ceil((COMPACT_MIN_TEXT_PX * (w + 2 * margin)) / COMPACT_REFERENCE_WIDTH) : () => BOX_TEXT);
  const all = new Canvas("figure");

  // Main column: frame left edge at LEFT_W, frame top at y = 0.
  main.translate(LEFT_W + 30, -anchors.frame.y);
  all.merge(main);
  const frame = anchors.frame;
  const rightX = frame.x + frame.w + 40;

  // Panels, with their zoom leaders.
  const panels = placePanels && options.panels !== false && !compact ? placePanels(f, all, anchors, rightX + RIGHT_W + 50) : undefined;
  const panelRects = panels?.rects ?? [];

  // Callouts.
  const right: Callout[] = [];
  const left: Callout[] = [];
  const span = (b: Box): [number, number] => [b.y + 6, b.y + b.h - 6];
  const rightOf = (b: Box): Pick<Callout, "anchor" | "span"> => ({ anchor: [b.x + b.w, b.y + b.h / 2], span: span(b) });
  right.push({ id: "vocab", component: "head", ...rightOf(anchors.head), lines: [[t("Vocabulary size of "), n(arch.vocabSize)]] });
  const target = anchors.mixer ?? anchors.sublayer;
  const mf = mixerFacts(f);
  // One box that is both mixer and FFN (a one-sublayer block) gets one callout: its FFN lines join the heads'.
  const ffnLines: Line[] = [];
  if (!all.boxes.some((b) => b.component === "panel:ffn") && anchors.ffn) {
    // (A dense prefix's FFN has a note of its own.)
    for (const m of f.mlps) if (!f.densePrefix || f.arch.ffns[f.layers[0]!.ffn!] !== m) ffnLines.push(denseHiddenLine(f, m));
    for (const m of f.moes)
      ffnLines.push(
        [t("Expert hidden size "), n(m.expertHidden)],
        [
          n(m.activeExperts),
          t(" of "),
          n(m.experts),
          t(" experts active"),
          ...(m.sharedExperts ? [t(" + "), n(m.sharedExperts), t(" shared")] : []),
        ],
      );
  }
  const oneBox = anchors.ffn !== undefined && anchors.ffn === target;
  if (oneBox) mf.push(...ffnLines);
  const sideBySide = anchors.ffn !== undefined && anchors.ffn !== target && target !== undefined && anchors.ffn.y === target.y;
  // Beside the FFN (a parallel block) the leader reaches the mixer over the top of the FFN box, from above.
  if (target && mf.length) {
    right.push(
      sideBySide
        ? {
            id: "heads",
            component: target.component,
            anchor: [target.x + target.w - 10, target.y],
            span: [target.y, target.y],
            y: target.y - 40 - 22 * mf.length,
            lines: mf,
          }
        : {
            id: "heads",
            component: target.component,
            anchor: [target.x + target.w, target.y + target.h * 0.75],
            span: [target.y + target.h * 0.55, target.y + target.h - 6],
            lines: mf,
          },
    );
  }
  right.push({
    id: "embedding",
    component: "embedding",
    ...rightOf(anchors.embedding),
    lines: [[t("Embedding dimension of "), n(arch.dModel)]],
  });
  if (ffnLines.length && anchors.ffn && !oneBox) {
    right.push({
      id: "ffn",
      component: anchors.ffn.component,
      anchor: [anchors.ffn.x + anchors.ffn.w, anchors.ffn.y + anchors.ffn.h * 0.75],
      span: span(anchors.ffn),
      lines: ffnLines,
    });
  }
  // The context length points at the positional encoding (RoPE box, learned positions), else at the tokens.
  const positions = anchors.positional ?? all.boxes.find((b) => b.id === "position-embedding");
  const ctxOf = positions ?? anchors.tokenized;
  left.push({
    id: "context",
    component: anchors.positional?.component ?? "model",
    anchor: [ctxOf.x, ctxOf.y + ctxOf.h / 2],
    span: span(ctxOf),
    lines:
      arch.contextLength === null
        ? [[t("No explicit context limit (recurrent state)")]]
        : [[t("Supported context length of "), { text: contextText(arch.contextLength), accent: true }, t(" tokens")]],
  });
  if (f.densePrefix > 0) {
    const dense = f.arch.ffns[f.layers[0]!.ffn!];
    if (dense && dense.kind === "mlp") {
      const cnt = labelRect(anchors.count);
      left.push({
        id: "dense-prefix",
        component: "block",
        anchor: [cnt.x - 2, cnt.y + cnt.h / 2],
        y: cnt.y + 70,
        lines: [
          [
            t("First "),
            n(f.densePrefix),
            t(f.densePrefix === 1 ? " block uses" : " blocks use"),
            t(" a dense FFN with hidden size "),
            n(dense.hidden),
            t(" instead of MoE"),
          ],
        ],
      });
    }
  }
  const residual = all.edges.find((e) => e.id === "residual-1");
  if (arch.hyperConnections) {
    // On the residual stream it widens (its lane, right of the column), else on the block.
    const lane = residual?.points[1];
    const laneEnd = residual?.points[2];
    (lane && laneEnd ? right : left).push({
      id: "hyper-connections",
      component: "block",
      ...(lane && laneEnd
        ? { anchor: [lane[0], (lane[1] + laneEnd[1]) / 2], span: [Math.min(lane[1], laneEnd[1]), Math.max(lane[1], laneEnd[1])] }
        : { anchor: [anchors.block.x, anchors.block.y + 40] }),
      lines: [
        [t("Residual stream widened to "), n(arch.hyperConnections.streams), t(` copies: ${hyperConnectionsName(arch.hyperConnections)}`)],
      ],
    });
  }
  if (arch.loop && arch.loop.passes > 1) {
    left.push({
      id: "looped-depth",
      component: "block",
      // On the "N ×" count that the passes multiply.
      anchor: [labelRect(anchors.count).x - 2, labelRect(anchors.count).y + 3],
      lines: [
        [
          n(arch.numLayers),
          t(" blocks "),
          { text: `× ${formatInt(arch.loop.passes)} passes`, accent: true },
          t(", the same weights on every pass"),
        ],
        [t("(looped depth: each pass keeps its own KV cache)")],
      ],
    });
  }
  const split = arch.encoderDecoder;
  if (split) {
    // On the "N ×" count that the split divides, numbered as the layer pattern numbers blocks (from 1).
    const cut = split.encoderLayers;
    left.push({
      id: "causal-encoder-decoder",
      component: "block",
      anchor: [labelRect(anchors.count).x - 2, labelRect(anchors.count).y + labelRect(anchors.count).h - 3],
      lines: [
        [t("Blocks 1–"), n(cut), { text: ": causal encoder", accent: true }, t(", run for every prompt token;")],
        [
          t("blocks "),
          n(cut + 1),
          t("–"),
          n(arch.numLayers),
          { text: ": decoder", accent: true },
          t(", run for generated tokens"),
          ...(split.decoderReplay ? [t(" and the last "), n(split.decoderReplay), t(" prompt tokens")] : []),
          t(", reading rows projected from the encoder's output"),
        ],
      ],
    });
  }
  if (compact) {
    // The MTP modules' note (the full figure's MTP panel), from the full entry.
    const mtpNote = extras?.mtpNote(f);
    if (mtpNote) right.push({ id: "mtp", component: "mtp", anchor: [0, 0], lines: [mtpNote] });
    // The notes as a bulleted list below the sample text, in reading order: the model's sizes, then the block's.
    const order = ["vocab", "context", "embedding", "heads", "ffn", "mtp"];
    const rank = (c: Callout) => {
      const i = order.indexOf(c.id);
      return i < 0 ? order.length : i;
    };
    const above = all.bounds();
    let y = above.y + above.h + fs;
    for (const co of [...right, ...left].sort((a, b) => rank(a) - rank(b))) {
      co.lines.forEach(([first, ...rest], i) => {
        const line = [{ ...first!, text: first!.text.charAt(0).toUpperCase() + first!.text.slice(1) }, ...rest];
        const id = `callout-${co.id}${i ? `-${i}` : ""}`;
        const style = { component: co.component ?? `callout:${co.id}`, kind: "callout", y, fontSize: fs, weight: "bold" } as const;
        all.label({ ...style, id: `${id}-bullet`, x: frame.x, lines: [[t("•")]] });
        y += labelRect(all.label({ ...style, id, x: frame.x + fs, lines: [line], maxW: frame.w - fs })).h + fs * 0.3;
      });
    }
    // The layer mix (the full figure's layer-pattern panel) as a mini strip, from the full entry.
    extras?.layerMix(f, all, frame, y, fs);
  } else {
    const borders = all.boxes.filter((b) => b.container);
    const leftRects = placeCallouts(all, left, "left", LEFT_W + 10, LEFT_W - 10, [], frame.y - 10, borders, panelRects);
    const rightRects = placeCallouts(
      all,
      right,
      "right",
      rightX,
      RIGHT_W,
      all.edges.filter((e) => e.kind === "zoom").map((e) => e.points),
      frame.y - 330,
      borders,
      panelRects,
    );
    panels?.placeBelow([...leftRects, ...rightRects]);
  }

  // Title.
  const content = all.bounds();
  if (options.title !== false) {
    const titleW = compact ? frame.w : Math.max(frame.w + LEFT_W, 600);
    const cx = frame.x + frame.w / 2;
    const tl = all.label({
      id: "title",
      component: "title",
      kind: "title",
      x: cx,
      y: 0,
      anchor: "middle",
      lines: [[{ text: titleText(spec.name, f.mainTotal), accent: true }]],
      maxW: titleW,
      fontSize: compact ? Math.round(fs * 1.75) : 38,
      weight: "bold",
    });
    const sub: string[] = [];
    if (spec.org) sub.push(spec.org);
    if (spec.releaseDate) sub.push(spec.releaseDate);
    sub.push(decoderLabel(spec as ModelSpec, { kinds: f.kinds }));
    sub.push(
      f.sparse
        ? `${formatCount(f.mainTotal)} total, ${formatCount(f.mainActive)} active (no embedding look-ups)`
        : `${formatCount(f.mainTotal)} parameters`,
    );
    // Wrapped between its parts where it is too wide.
    const subSize = Math.max(16, fs);
    const subLines: Line[] = [];
    for (const part of sub) {
      const last = subLines[subLines.length - 1]?.[0];
      if (last && textWidth(`${last.text} · ${part}`, subSize) <= titleW) last.text += ` · ${part}`;
      else subLines.push([t(part)]);
    }
    const sl = all.label({
      id: "subtitle",
      component: "title",
      kind: "subtitle",
      x: cx,
      y: 0,
      anchor: "middle",
      lines: subLines,
      maxW: titleW,
      fontSize: subSize,
      color: "text-muted",
    });
    const th = labelRect(tl).h;
    const sh = labelRect(sl).h;
    // Above the output arrow, clear of anything else; the highlighted mechanisms named under the subtitle.
    const top = Math.min(content.y, frame.y - 40);
    const note = highlight.length ? highlighter?.note(all, highlight, cx, titleW, subSize) : undefined;
    const bottom = note ? (note.y = top - 14 - labelRect(note).h) + 10 : top;
    sl.y = bottom - 14 - sh;
    tl.y = sl.y - 4 - th;
  }
  highlighter?.apply(all, highlight, f, panels?.panels);
  const b = all.bounds();
  all.translate(margin - b.x, margin - b.y);
  const width = Math.ceil(b.w + 2 * margin);
  const height = Math.ceil(b.h + 2 * margin);
  return all.toLayout(width, height, spec.name, describeModel(s, { kinds: f.kinds }) + (highlighter?.sentence(highlight) ?? ""));
}
