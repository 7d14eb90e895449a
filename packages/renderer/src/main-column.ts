/**
 * The main column of a figure, bottom to top: tokenized text → token embedding → the shaded repeated block
 * (norms, mixer, residual adds, FFN or MoE) with its `N ×` brace → final norm → linear output layer; plus the
 * positional and QK-norm inputs on its left side.
 */
import { formatInt, headSharing, trimNumber } from "@archgal/schema/lean";
import type { AttentionMixer, MixerRotary, RopeScaling } from "@archgal/schema/lean";
import type { Facts } from "./analysis.js";
import { Canvas } from "./canvas.js";
import type { Box, Label, Point } from "./layout-types.js";
import { isCoreMixer, mixerBoxLabel, mixerCategory, normName, type AnyMixer } from "./naming.js";
import type { ColorName } from "./palette.js";
import { marked, type Line } from "./text-metrics.js";
import { formatComponentId } from "./component-id.js";

/** Named anchors of the main column, for callouts and zoom leaders. */
export interface MainAnchors {
  frame: Box;
  block: Box;
  head: Box;
  finalNorm: Box;
  embedding: Box;
  mixer?: Box;
  ffn?: Box;
  /** The single sublayer box of a one-sublayer block. */
  sublayer?: Box;
  positional?: Box;
  qkNorm?: Box;
  mtp?: Box;
  /** The `N ×` count label. */
  count: Label;
  tokenized: Box;
}

const GAP = 22;
const MAIN_W = 200;
const SIDE_W = 136;
/** Vertical gap between stacked side boxes. */
const SIDE_GAP = 12;
/** Below the block (at y = 0): the highest top of a side box, clear of the block's brace and count label. */
const SIDE_BELOW_TOP = 8;
/** The per-layer embeddings' link runs at this height under the block; the table's top stays 10 units below it. */
const PER_LAYER_TURN = 14;
const PER_LAYER_TOP = PER_LAYER_TURN + 10;

/** Fill of the mixer box for the mixers used. */
function mixerFill(f: Facts): { fill: ColorName; text: ColorName } {
  const cats = new Set(f.mixers.map((m) => mixerCategory(m.kind, f.kinds)));
  const cat = cats.size === 1 ? [...cats][0]! : "mixer";
  return { fill: cat, text: `${cat}-text` as ColorName };
}

/** The mixer box's component id (`mixer:<definition>` when the layers use one definition, else `mixer`), kind and refs. */
function mixerComponent(f: Facts): { component: string; kind: string; refs: string[] } {
  const kinds = [...new Set(f.mixers.map((m) => (isCoreMixer(m) ? m.kind : "custom")))];
  const refs = f.mixerNames.map((n) => formatComponentId({ kind: "mixer", name: n }));
  return { component: refs.length === 1 ? refs[0]! : "mixer", kind: kinds.join(" "), refs };
}

function ffnLabel(f: Facts): { lines: Line[]; component: string; kind: string; fill: ColorName; refs: string[] } {
  const refs = f.ffnNames.map((n) => formatComponentId({ kind: "ffn", name: n }));
  const component = refs.length === 1 ? refs[0]! : "ffn";
  if (f.moes.length && f.mlps.length && f.densePrefix === 0)
    return { lines: [[{ text: "MoE or dense FFN" }]], component, kind: "moe mlp", fill: "moe", refs };
  if (f.moes.length) return { lines: [[{ text: "MoE" }]], component, kind: f.mlps.length ? "moe mlp" : "moe", fill: "moe", refs };
  return { lines: [[{ text: "Feed forward" }]], component, kind: "mlp", fill: "ffn", refs };
}

/** How a mixer takes rotary positions, from its kind (undefined for a kind the figure does not know). */
const rotaryOf = (f: Facts, m: AnyMixer | undefined): MixerRotary => (m ? f.kinds.of(m)?.rotary(m) : undefined);

/** Label of the positional box, or undefined when positions enter no attention layer. */
function positionalLabel(f: Facts): Line[] | undefined {
  const pos = f.arch.positional;
  if (pos.kind === "none" || pos.kind === "learned") return undefined;
  if (pos.kind === "alibi") return [[{ text: "ALiBi" }], [{ text: "(linear biases)" }]];
  // Each mixer kind says whether it takes rotary positions (schema `rotary` facet): undefined = no positional input.
  // Asked once per definition; layers are counted by runs.
  const rotary = new Map(f.mixerNames.map((name) => [name, rotaryOf(f, f.arch.mixers[name]!)]));
  if (![...rotary.values()].some((r) => r !== undefined)) return undefined;
  let ropeLayers = 0;
  let attnLayers = 0;
  let mixerLayers = 0;
  for (const run of f.runs) {
    if (run.mixer === undefined) continue;
    mixerLayers += run.count;
    const r = rotary.get(run.mixer);
    if (r === undefined) continue;
    attnLayers += run.count;
    if (r !== false) ropeLayers += run.count;
  }
  if (ropeLayers === 0) return undefined;
  const partial =
    (pos.fraction !== undefined && pos.fraction < 1) || [...rotary.values()].some((r) => r && r.fraction !== undefined && r.fraction < 1);
  const lines: Line[] = [[{ text: partial ? "Partial RoPE" : "RoPE" }]];
  lines.push(...ropeBaseLines(f, rotary));
  if (ropeLayers < attnLayers) lines.push([{ text: `NoPE in ${formatInt(attnLayers - ropeLayers)} of ${formatInt(attnLayers)} layers` }]);
  else if (attnLayers < mixerLayers) lines.push([{ text: "(attention layers only)" }]);
  return lines;
}

/** RoPE base as configs write it, short: `10000` → `10k`, `1000000` → `1M`, `150000` → `150k`. */
function thetaText(theta: number): string {
  if (theta >= 1e6) return `${trimNumber(theta / 1e6, 4)}M`;
  if (theta >= 1e3) return `${trimNumber(theta / 1e3, 4)}k`;
  return trimNumber(theta, 4);
}

const scalingNames: Partial<Record<RopeScaling["type"], string>> = {
  yarn: "YaRN",
  llama3: "Llama 3",
  linear: "Linear",
  dynamic: "Dynamic NTK",
  ntk: "NTK",
  longrope: "LongRoPE",
  su: "LongRoPE",
};

/**
 * The lines of the positional box that say how the rotating layers set RoPE: two or more bases (`θ 10k local`,
 * `θ 1M global`: Gemma 3, MiMo), and the context-extension scaling (`YaRN ×40`, with `(global)` when the local
 * layers drop it; `Llama 3 ×32`, `Linear ×8`). One base and no scaling print nothing.
 */
function ropeBaseLines(f: Facts, rotary: ReadonlyMap<string, MixerRotary>): Line[] {
  const pos = f.arch.positional;
  const used = f.mixerNames.flatMap((name) => {
    const r = rotary.get(name);
    const m = f.arch.mixers[name];
    if (!r || !m) return [];
    const w = m as { window?: unknown; chunk?: unknown };
    const scaling = r.scaling ?? pos.scaling;
    return [
      { theta: r.theta ?? pos.theta, scaling: scaling && scaling.type !== "default" ? scaling : undefined, local: !!(w.window || w.chunk) },
    ];
  });
  const lines: Line[] = [];
  const thetas = [...new Set(used.flatMap((u) => (u.theta === undefined ? [] : [u.theta])))];
  if (thetas.length > 1) {
    const only = (local: boolean) => [...new Set(used.filter((u) => u.local === local).map((u) => u.theta))];
    const [loc, glob] = [only(true), only(false)];
    if (loc.length === 1 && glob.length === 1 && loc[0] !== undefined && glob[0] !== undefined && loc[0] !== glob[0])
      lines.push(
        [{ text: "θ " }, { text: thetaText(loc[0]), accent: true }, { text: " local" }],
        [{ text: "θ " }, { text: thetaText(glob[0]), accent: true }, { text: " global" }],
      );
    else {
      const line: Line = [{ text: "θ " }];
      thetas.sort((a, b) => a - b).forEach((t, i) => line.push(...(i ? [{ text: " / " }] : []), { text: thetaText(t), accent: true }));
      lines.push(line);
    }
  }
  const scaled = used.filter((u) => u.scaling);
  const kinds = [...new Set(scaled.map((u) => `${u.scaling!.type}:${u.scaling!.factor ?? ""}`))];
  if (kinds.length === 1) {
    const sc = scaled[0]!.scaling!;
    const line: Line = [{ text: scalingNames[sc.type] ?? sc.type }];
    if (sc.factor !== undefined && sc.factor !== 1) line.push({ text: " ×" }, { text: trimNumber(sc.factor, 4), accent: true });
    if (scaled.length < used.length && scaled.every((u) => !u.local) && used.some((u) => u.local)) line.push({ text: " (global)" });
    lines.push(line);
  }
  return lines;
}

function qkNormLabel(f: Facts): Line[] | undefined {
  const norms = f.mixers.flatMap((m) => (m.kind === "attention" && (m as AttentionMixer).qkNorm ? [(m as AttentionMixer).qkNorm!] : []));
  if (norms.length === 0) return undefined;
  return [[{ text: norms.every((n) => n.kind === "l2") ? "QK L2-Norm" : "QK-Norm" }]];
}

/**
 * Builds the main column in local coordinates (frame left edge at x = 0, block bottom at y = 0). Its text is
 * set in 15 (boxes), 14 and 13 (side inputs) units, or at least in `minFont(frameWidth)` units when given (the
 * compact figure's legibility rule; boxes in the column then widen with their text, within the column).
 */
export function mainColumn(f: Facts, minFont?: (frameW: number) => number): { canvas: Canvas; anchors: MainAnchors; fontSize: number } {
  const c = new Canvas("flow");
  const arch = f.arch;
  const norm = normName(f.spec);
  const placement = arch.norm.placement;
  const parallel = placement === "parallel" && !f.single;
  const colW = parallel ? 340 : MAIN_W + 20;
  const sideX = 16;
  const blockX = sideX + SIDE_W + 20;
  const colX = blockX + 22;
  const cx = colX + colW / 2;
  const lane = colX + colW + 24;
  const blockW = lane + 20 - blockX;
  const frameW = blockX + blockW + 16;
  const min = minFont?.(frameW) ?? 0;
  const FS = Math.max(15, min);
  const side = Math.max(14, min);
  /** Width of a box in the column: its regular width, grown with the text size (at most the column's). */
  const bw = (w: number) => Math.min(colW - 10, Math.round((w * FS) / 15));

  // --- the block, bottom up ------------------------------------------------------------------------------
  let cursor = -34; // bottom edge of the next item
  const branchY1 = -16;
  type Stacked = { box: Box; kind: "box" | "add" };
  const stack: Stacked[] = [];
  const up = (make: (y: number) => Box, kind: Stacked["kind"] = "box") => {
    const b = make(0);
    b.y = cursor - b.h;
    cursor = b.y - GAP;
    stack.push({ box: b, kind });
    return b;
  };
  const normBox = (id: string, text: string) =>
    up(() => c.box({ id, kind: "norm", cx, y: 0, w: bw(170), lines: [[{ text }]], fontSize: FS, fill: "norm" }));
  const mf = mixerFill(f);
  const mc = mixerComponent(f);
  const mixerBox = (cxm: number, w: number, y: number) =>
    c.box({
      id: "mixer",
      component: mc.component,
      kind: mc.kind,
      cx: cxm,
      y,
      w,
      minH: 46,
      lines: [mixerBoxLabel(f.mixers, f.kinds)],
      fontSize: FS,
      fill: mf.fill,
      textColor: mf.text,
      accentColor: "accent-highlight",
      stroke: "box-stroke",
      refs: mc.refs,
    });
  const fl = ffnLabel(f);
  const ffnBox = (cxm: number, w: number, y: number) =>
    c.box({
      id: "ffn",
      component: fl.component,
      kind: fl.kind,
      cx: cxm,
      y,
      w,
      lines: fl.lines,
      fontSize: FS,
      fill: fl.fill,
      refs: fl.refs,
    });
  const add = (id: string) => up(() => c.op(id, id, "plus", cx, 0), "add");

  const anchors: Partial<MainAnchors> = {};
  const residualStarts: number[] = [branchY1];
  const adds: Box[] = [];
  const pre = placement === "pre" || placement === "sandwich" || placement === "parallel";
  const postN = placement === "post" || placement === "sandwich";
  const prefix = placement === "sandwich" ? (n: string, post: boolean) => `${post ? "Post" : "Pre"}-${n}` : (n: string) => n;

  if (f.single) {
    if (pre) normBox("norm-1", `${prefix(norm, false)} 1`);
    const parts: Line = [];
    const mixerPart = mixerBoxLabel(f.mixers, f.kinds);
    const hasMixer = f.mixers.length > 0;
    if (hasMixer) parts.push(...mixerPart);
    if (f.ffns.length) {
      if (hasMixer) parts.push({ text: " or " });
      parts.push({ text: f.moes.length ? (f.mlps.length ? "MoE or feed forward" : "MoE") : "Feed forward" });
    }
    const sub = up(() =>
      c.box({
        id: "sublayer",
        component: hasMixer ? mc.component : fl.component,
        kind: [hasMixer ? mc.kind : "", f.ffns.length ? fl.kind : ""].filter(Boolean).join(" "),
        cx,
        y: 0,
        w: colW - 10,
        minH: 46,
        lines: [parts],
        fontSize: FS,
        fill: hasMixer ? mf.fill : fl.fill,
        textColor: hasMixer ? mf.text : "text",
        accentColor: hasMixer ? "accent-highlight" : "accent",
        refs: [...mc.refs, ...fl.refs],
      }),
    );
    anchors.sublayer = sub;
    anchors.mixer = hasMixer ? sub : undefined;
    anchors.ffn = f.ffns.length ? sub : undefined;
    if (postN) normBox("norm-2", `${prefix(norm, true)} 1`);
    adds.push(add("add-1"));
  } else if (parallel) {
    normBox("norm-1", `${norm} 1`);
    const m = mixerBox(cx - 87, 164, 0);
    const ff = ffnBox(cx + 87, 150, 0);
    const h = Math.max(m.h, ff.h);
    m.h = h;
    ff.h = h;
    m.y = cursor - h;
    ff.y = cursor - h;
    cursor = m.y - 40;
    stack.push({ box: m, kind: "box" });
    anchors.mixer = m;
    anchors.ffn = ff;
    adds.push(add("add-1"));
  } else {
    if (pre) normBox("norm-1", `${prefix(norm, false)} 1`);
    const m = up(() => mixerBox(cx, colW - 10, 0));
    anchors.mixer = m;
    if (postN) normBox("post-norm-1", `${prefix(norm, true)} 1`);
    adds.push(add("add-1"));
    residualStarts.push(cursor + GAP / 2);
    if (pre) normBox("norm-2", `${prefix(norm, false)} 2`);
    anchors.ffn = up(() => ffnBox(cx, bw(170), 0));
    if (postN) normBox("post-norm-2", `${prefix(norm, true)} 2`);
    adds.push(add("add-2"));
  }
  // For post-norm (no pre norms) the norms are named "norm-1"/"norm-2" like the others.
  if (placement === "post") {
    for (const b of c.boxes) {
      if (b.id === "post-norm-1") b.id = b.component = "norm-1";
      if (b.id === "post-norm-2") b.id = b.component = "norm-2";
    }
  }
  const blockTop = cursor + GAP - 18;

  // Flow arrows inside the block.
  c.edge(
    "flow-into-block",
    [
      [cx, 0],
      [cx, stack[0]!.box.y + stack[0]!.box.h],
    ],
    { component: "flow" },
  );
  for (let i = 1; i < stack.length; i++) {
    const a = stack[i - 1]!.box;
    const b = stack[i]!.box;
    if (parallel && a.id === "norm-1") {
      const m = anchors.mixer!;
      const ff = anchors.ffn!;
      const yMid = a.y - GAP / 2;
      c.edge(
        "flow-split",
        [
          [cx, a.y],
          [cx, yMid],
        ],
        { arrow: false, component: "flow" },
      );
      c.edge(
        "flow-to-mixer",
        [
          [cx, yMid],
          [m.x + m.w / 2, yMid],
          [m.x + m.w / 2, m.y + m.h],
        ],
        { component: "flow" },
      );
      c.edge(
        "flow-to-ffn",
        [
          [cx, yMid],
          [ff.x + ff.w / 2, yMid],
          [ff.x + ff.w / 2, ff.y + ff.h],
        ],
        { component: "flow" },
      );
      continue;
    }
    if (parallel && b.id === "add-1") {
      const r = b.w / 2;
      const ocx = b.x + r;
      const ocy = b.y + r;
      const d = r * Math.SQRT1_2;
      for (const [id, box, sx] of [
        ["flow-mixer-out", anchors.mixer!, -1],
        ["flow-ffn-out", anchors.ffn!, 1],
      ] as const) {
        c.edge(
          id,
          [
            [box.x + box.w / 2, box.y],
            [ocx + sx * d, ocy + d],
          ],
          { component: "flow" },
        );
      }
      continue;
    }
    c.edge(
      `flow-${a.id}-${b.id}`,
      [
        [cx, a.y],
        [cx, b.y + b.h],
      ],
      { component: "flow" },
    );
  }
  // Residual connections.
  adds.forEach((a, i) => {
    const start = residualStarts[i]!;
    const cy = a.y + a.h / 2;
    c.edge(
      `residual-${i + 1}`,
      [
        [cx, start],
        [lane, start],
        [lane, cy],
        [a.x + a.w, cy],
      ],
      { component: "residual", kind: "residual" },
    );
    // Hyper-connections widen the residual stream to n copies: drawn as a ribbon of up to four parallel lanes
    // that leave the flow and rejoin it at the add together (mHC in DeepSeek V4, Motif 3; Hy4's iHC).
    const streams = Math.min(4, arch.hyperConnections?.streams ?? 1);
    for (let k = 1; k < streams; k++) {
      const x = lane + 5 * k;
      c.edge(
        `residual-${i + 1}-stream-${k + 1}`,
        [
          [lane, start],
          [x, start],
          [x, cy],
          [lane, cy],
        ],
        { component: "residual", kind: "residual", arrow: false },
      );
    }
  });

  const block = c.box({
    id: "block",
    component: "block",
    kind: "block",
    left: blockX,
    y: blockTop,
    w: blockW,
    h: -blockTop,
    lines: [],
    fill: "block",
    stroke: "frame-stroke",
    strokeWidth: 2.5,
    rx: 22,
    container: true,
  });

  // --- side inputs: positional and QK-norm boxes ----------------------------------------------------------
  const sideCx = sideX + SIDE_W / 2;
  const target = anchors.mixer ?? anchors.sublayer;
  const braceTop = -78;
  const sideBottom = braceTop - 12;
  const posLines = positionalLabel(f);
  const qkLines = qkNormLabel(f);
  /** Top of the highest side box beside the block (the MTP box above stays clear of it). */
  let sideTop = Infinity;
  if (target && (posLines || qkLines)) {
    const tcy = target.y + target.h / 2;
    const boxes: Box[] = [];
    const mk = (id: string, lines: Line[], kind: string) =>
      c.box({ id, kind, cx: sideCx, y: 0, w: SIDE_W, lines, fontSize: side, fill: kind === "positional" ? "positional" : "norm" });
    if (qkLines) boxes.push((anchors.qkNorm = mk("qk-norm", qkLines, "qk-norm")));
    if (posLines) boxes.push((anchors.positional = mk("rope", posLines, "positional")));
    // Stack them with the last (positional) centred on the mixer, but above the brace.
    let y = Math.min(tcy + boxes[boxes.length - 1]!.h / 2, sideBottom);
    for (let i = boxes.length - 1; i >= 0; i--) {
      const b = boxes[i]!;
      b.y = y - b.h;
      y = b.y - SIDE_GAP;
      sideTop = b.y;
    }
    for (const b of boxes) {
      const from: Point = [b.x + b.w, b.y + b.h / 2];
      const ty = Math.max(target.y + 8, Math.min(target.y + target.h - 8, from[1]));
      c.edge(`${b.id}-to-mixer`, [from, [target.x, ty]], { component: b.id });
    }
  }

  // The N × brace.
  const braceX = blockX - 6;
  c.edge(
    "brace",
    [
      [braceX, braceTop],
      [braceX, -8],
    ],
    { component: "block", kind: "brace", arrow: false, brace: true, width: 2.5 },
  );
  const countLine: Line = [{ text: `${formatInt(arch.numLayers)} ×`, accent: true, bold: true }];
  const countLabel = c.label({
    id: "layer-count",
    component: "block",
    kind: "count",
    x: braceX - 14,
    y: (braceTop - 8) / 2 - 13,
    anchor: "end",
    lines: [countLine],
    fontSize: FS + 5,
    weight: "bold",
  });

  // --- above the block: final norm, head, MTP ----------------------------------------------------------------
  let top = blockTop - GAP;
  const finalNorm = c.box({
    id: "final-norm",
    kind: "norm",
    cx,
    y: 0,
    w: bw(170),
    lines: [[{ text: `Final ${norm}` }]],
    fontSize: FS,
    fill: "norm",
  });
  finalNorm.y = top - finalNorm.h;
  c.edge(
    "flow-block-final-norm",
    [
      [cx, blockTop + 18],
      [cx, finalNorm.y + finalNorm.h],
    ],
    { component: "flow" },
  );
  top = finalNorm.y - GAP;
  const headLines: Line[] = [[{ text: "Linear output layer" }]];
  const notes: string[] = [];
  if (arch.embedding.tied) notes.push("tied to embedding");
  if (arch.finalLogitSoftcap) notes.push(`soft-cap ${arch.finalLogitSoftcap}`);
  if (notes.length) headLines.push([{ text: `(${notes.join(", ")})` }]);
  const head = c.box({ id: "head", kind: "head", cx, y: 0, w: bw(200), lines: headLines, fontSize: FS, fill: "embedding" });
  head.y = top - head.h;
  let frameTop = head.y - 18;
  c.edge(
    "flow-final-norm-head",
    [
      [cx, finalNorm.y],
      [cx, head.y + head.h],
    ],
    { component: "flow" },
  );
  if (arch.mtp) {
    const mtp = c.box({
      id: "mtp",
      kind: "mtp",
      cx: sideCx,
      y: 0,
      w: SIDE_W,
      lines: [[{ text: `+ ${formatInt(arch.mtp.layers)} MTP module${arch.mtp.layers > 1 ? "s" : ""}` }], [{ text: "(training)" }]],
      fontSize: side,
      dash: "dashed",
      fill: "box",
    });
    // Level with the final norm, or higher when the side boxes beside a short block reach up to it.
    mtp.y = Math.min(finalNorm.y + finalNorm.h / 2 - mtp.h / 2, sideTop - SIDE_GAP - mtp.h);
    c.edge(
      "mtp-link",
      [
        [finalNorm.x, finalNorm.y + finalNorm.h / 2],
        [mtp.x + mtp.w, mtp.y + mtp.h / 2],
      ],
      { component: "mtp", dash: "dashed", arrow: true },
    );
    anchors.mtp = mtp;
    frameTop = Math.min(frameTop, mtp.y - 18);
  }

  // --- below the block: embeddings --------------------------------------------------------------------------
  // The main column: embedding norm, position add, token embedding (top to bottom). The side column holds at most
  // two boxes here, stacked so that they never overlap: the per-layer table on top (its link rises from its top,
  // turns at PER_LAYER_TURN under the block and enters the block), then the position table level with its add,
  // which moves down as far as needed.
  let yb = GAP + 6;
  const extras: Box[] = [];
  if (arch.embedding.norm) {
    const en = c.box({ id: "embedding-norm", kind: "norm", cx, y: 0, w: bw(170), lines: [[{ text: norm }]], fontSize: FS, fill: "norm" });
    extras.push(en);
  }
  let posAdd: Box | undefined;
  if (arch.positional.kind === "learned") posAdd = c.op("position-add", "positional", "plus", cx, 0);
  const embLines: Line[] = [[{ text: "Token embedding layer" }]];
  if (arch.embedding.ngram) embLines.push([{ text: `+ n-gram tables (${formatInt(arch.embedding.ngram.vocabSize)} rows)` }]);
  if (arch.embedding.scale !== undefined)
    embLines.push([{ text: arch.embedding.scale === "sqrt-d" ? "(scaled by √d)" : `(scaled by ${arch.embedding.scale})` }]);
  const embedding = c.box({ id: "embedding", kind: "embedding", cx, y: 0, w: bw(210), lines: embLines, fontSize: FS, fill: "embedding" });
  const pos =
    posAdd &&
    c.box({
      id: "position-embedding",
      component: "positional",
      kind: "positional",
      cx: sideCx,
      y: 0,
      w: SIDE_W,
      lines: [[{ text: "Positional embedding" }]],
      fontSize: side,
      fill: "positional",
    });
  const perLayer = arch.embedding.perLayer;
  const pl = perLayer
    ? c.box({
        id: "per-layer-embedding",
        kind: "per-layer-embedding",
        cx: sideCx,
        y: 0,
        w: SIDE_W,
        lines: [[{ text: "Per-layer embeddings" }], [{ text: `(${formatInt(perLayer.dim)} per layer)` }]],
        fontSize: Math.max(13, min),
        fill: "embedding",
      })
    : undefined;
  // Both: the per-layer table on top.
  if (pl && pos) pl.y = PER_LAYER_TOP;
  // place extras (top to bottom)
  for (const b of extras) {
    b.y = yb;
    yb = b.y + b.h + GAP;
  }
  if (posAdd && pos) {
    // The position table's top (level with the add) clear of the block above, or of the per-layer table.
    posAdd.y = Math.max(yb, (pl ? pl.y + pl.h + SIDE_GAP : SIDE_BELOW_TOP) + pos.h / 2 - posAdd.h / 2);
    yb = posAdd.y + posAdd.h + GAP;
  }
  embedding.y = yb;
  // chain arrows from embedding up to block bottom
  const chain = [embedding, ...(posAdd ? [posAdd] : []), ...[...extras].reverse()];
  for (let i = 0; i < chain.length; i++) {
    const from = chain[i]!;
    const to = chain[i + 1];
    c.edge(
      `flow-${from.id}-up`,
      [
        [cx, from.y],
        [cx, to ? to.y + to.h : 0],
      ],
      { component: "flow", arrow: Boolean(to) },
    );
  }
  let frameBottom = embedding.y + embedding.h + 16;
  if (posAdd && pos) {
    pos.y = posAdd.y + posAdd.h / 2 - pos.h / 2;
    c.edge(
      "position-to-add",
      [
        [pos.x + pos.w, posAdd.y + posAdd.h / 2],
        [posAdd.x, posAdd.y + posAdd.h / 2],
      ],
      { component: "positional" },
    );
    anchors.positional = pos;
  }
  if (pl) {
    // Alone, level with the token embedding's bottom (but low enough for its link to rise to the turn).
    if (!pos) pl.y = Math.max(PER_LAYER_TOP, embedding.y + embedding.h - pl.h);
    c.edge(
      "per-layer-to-block",
      [
        [pl.x + pl.w / 2, pl.y],
        [pl.x + pl.w / 2, PER_LAYER_TURN],
        [blockX + 12, PER_LAYER_TURN],
        [blockX + 12, 0],
      ],
      { component: "per-layer-embedding" },
    );
    frameBottom = Math.max(frameBottom, pl.y + pl.h + 16);
  }

  const frame = c.box({
    id: "frame",
    component: "model",
    kind: "model",
    left: 0,
    y: frameTop,
    w: frameW,
    h: frameBottom - frameTop,
    lines: [],
    fill: "frame",
    stroke: "frame-stroke",
    strokeWidth: 2.5,
    rx: 26,
    container: true,
  });
  // Output arrow out of the frame, input chain below it.
  c.edge(
    "flow-output",
    [
      [cx, head.y],
      [cx, frameTop - 34],
    ],
    { component: "flow" },
  );
  const tokenized = c.box({
    id: "tokenized",
    kind: "input",
    cx,
    y: frameBottom + 28,
    w: bw(160),
    lines: [[{ text: "Tokenized text" }]],
    fontSize: FS,
    fill: "box",
  });
  c.edge(
    "flow-tokens-embedding",
    [
      [cx, tokenized.y],
      [cx, embedding.y + embedding.h],
    ],
    { component: "flow" },
  );
  const sampleY = tokenized.y + tokenized.h + 30;
  c.edge(
    "flow-sample-tokens",
    [
      [cx, sampleY],
      [cx, tokenized.y + tokenized.h],
    ],
    { component: "flow" },
  );
  c.label({
    id: "sample-text",
    component: "input",
    kind: "sample",
    x: cx,
    y: sampleY + 4,
    anchor: "middle",
    lines: [marked("Sample input text")],
    fontSize: FS,
    family: "mono",
  });

  // Containers first in drawing order.
  c.boxes.sort((a, b) => Number(b.container) - Number(a.container) || (a === frame ? -1 : b === frame ? 1 : 0));
  Object.assign(anchors, { frame, block, head, finalNorm, embedding, tokenized, count: countLabel });
  void headSharing;
  return { canvas: c, anchors: anchors as MainAnchors, fontSize: FS };
}
