/**
 * Zoom panels: the inside of the feed-forward module, the MoE layer, and of each novel mixer (MLA, gated
 * attention, Gated DeltaNet, Mamba-2, mLSTM, …), the sliding-window mask, the layer-pattern listing, the MoE
 * resource savings and the MTP note. Each panel is built in its own coordinates with its frame at (0, 0).
 */
import { countLayerPattern, formatCount, formatInt, headSharing, layerMix } from "@archgal/schema/metrics";
import type { LayerEntry, AttentionMixer, CcaMixer, CompressedAttentionMixer, GatedDeltaNetMixer, KimiDeltaMixer, LightningMixer, Mamba2Mixer, MlaMixer, MlpFfn, MlstmMixer, MoeFfn, ShortConvMixer } from "@archgal/schema/metrics";
import { layerKey, period, type Facts } from "./analysis.js";
import { Canvas, labelRect } from "./canvas.js";
import type { Box, Rect } from "./layout-types.js";
import { activationName, extensionKindName, ffnTypeName, isCoreMixer, mixerCategory, mixerShortName, type AnyMixer } from "./naming.js";
import type { ColorName } from "./palette.js";
import { LINE_HEIGHT, textWidth, type Line } from "./text-metrics.js";

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
}

const PW = 470;
const TITLE = 16;
const SMALL = 13;
/** Lines of the layer-pattern listing (more end in "…"). */
const PATTERN_LINES = 16;
/** About how much of a layer group's contents the listing writes out. */
const ENTRY_CHARS = 240;

/** Starts a panel: the dotted frame (sized later) and its title. */
function start(id: string, title: Line, accent = false): { c: Canvas; frame: Box; comp: string; titleBottom: number } {
  const comp = `panel:${id}`;
  const c = new Canvas(comp);
  const frame = c.box({ id: `${id}-frame`, component: comp, kind: "panel", left: 0, y: 0, w: PW, h: 10, lines: [], fill: "background", stroke: accent ? "accent" : "line", strokeWidth: 2.2, dash: "dotted", rx: 18, container: true });
  const t = c.label({ id: `${id}-title`, component: comp, kind: "panel-title", x: 18, y: 12, lines: [title], maxW: PW - 36, fontSize: TITLE, weight: "bold" });
  const r = labelRect(t);
  return { c, frame, comp, titleBottom: r.y + r.h };
}

/** Adds the caption lines at `y` and closes the frame around everything. */
function finish(id: string, p: ReturnType<typeof start>, y: number, caption: Line[], extra: Partial<Panel> = {}): Panel {
  let bottom = y;
  if (caption.length) {
    const l = p.c.label({ id: `${id}-caption`, component: p.comp, kind: "caption", x: 18, y, lines: caption, maxW: PW - 36, fontSize: 14 });
    const r = labelRect(l);
    bottom = r.y + r.h;
  }
  p.frame.h = bottom + 16;
  return { id, canvas: p.c, w: PW, h: p.frame.h, ...extra };
}

type NodeOpts = { w?: number; h?: number; fill?: ColorName; fontSize?: number; kind?: string; textColor?: ColorName };

/** A box centred at cx with its top at y. */
function node(p: ReturnType<typeof start>, cx: number, y: number, text: string | Line[], o: NodeOpts = {}): Box {
  return p.c.box({
    id: `${p.comp}/${p.c.boxes.length}`,
    component: p.comp,
    kind: o.kind ?? "linear",
    cx,
    y,
    w: o.w ?? 84,
    ...(o.h ? { h: o.h } : { minH: 30 }),
    lines: typeof text === "string" ? [[{ text }]] : text,
    fontSize: o.fontSize ?? SMALL,
    fill: o.fill ?? (o.kind === undefined || o.kind === "linear" ? "ffn" : "box"),
    textColor: o.textColor ?? "text",
    padX: 6,
    padY: 5,
  });
}

/** A circle with a letter (σ) or an operator. */
function circle(p: ReturnType<typeof start>, cx: number, cy: number, what: "plus" | "times" | string, r = 11): Box {
  const id = `${p.comp}/${p.c.boxes.length}`;
  if (what === "plus" || what === "times") return p.c.op(id, p.comp, what, cx, cy, r);
  return p.c.box({ id, component: p.comp, kind: "gate", cx, y: cy - r, w: 2 * r, h: 2 * r, shape: "circle", lines: [[{ text: what }]], fontSize: 14, padX: 2, padY: 1 });
}

const arrow = (p: ReturnType<typeof start>, pts: [number, number][], arrowHead = true) =>
  p.c.edge(`${p.comp}/e${p.c.edges.length}`, pts, { component: p.comp, arrow: arrowHead, width: 1.4 });

/** Vertical arrow from the top of `from` to the bottom of `to` (at from's centre x unless given). */
const up = (p: ReturnType<typeof start>, from: Box, to: Box, x = from.x + from.w / 2) => arrow(p, [[x, from.y], [x, to.y + to.h]]);

const cxOf = (b: Box) => b.x + b.w / 2;
const cyOf = (b: Box) => b.y + b.h / 2;
const n = (v: number) => ({ text: formatInt(v), accent: true });
const t = (text: string) => ({ text });

/** Input bus: a horizontal line under the given boxes, fed from below. */
function inputBus(p: ReturnType<typeof start>, boxes: Box[], y: number, feedX?: number): number {
  const xs = boxes.map(cxOf);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  if (x1 > x0) arrow(p, [[x0, y], [x1, y]], false);
  boxes.forEach((b) => arrow(p, [[cxOf(b), y], [cxOf(b), b.y + b.h]]));
  const fx = feedX ?? (x0 + x1) / 2;
  arrow(p, [[fx, y + 26], [fx, y]], false);
  return y + 30;
}

/** A small letter label beside a line. */
function tag(p: ReturnType<typeof start>, x: number, y: number, text: string) {
  p.c.label({ id: `${p.comp}/t${p.c.labels.length}`, component: p.comp, kind: "tag", x, y, lines: [[{ text }]], fontSize: 15, weight: "bold" });
}

// ---------------------------------------------------------------------------------------------------------------

/** The feed-forward module (of the dense FFN and/or the experts). */
export function ffnPanel(f: Facts): Panel | undefined {
  const mlp: MlpFfn | undefined = f.mlps[0];
  const moe: MoeFfn | undefined = f.moes[0];
  const shape = mlp ?? moe;
  if (!shape) return undefined;
  const typeName = ffnTypeName(shape);
  const title = mlp ? `Feed forward (${typeName}) module` : `Expert feed forward (${typeName})`;
  const p = start("ffn", [t(title)]);
  const y0 = p.titleBottom + 16;
  const c1 = 130;
  const c2 = 330;
  const top = node(p, c1, y0, "Linear layer", { w: 160, h: 34, fontSize: 15 });
  let bottomY: number;
  const actText = `${activationName(shape.activation)} activation`;
  if (shape.gated) {
    const mul = circle(p, c1, y0 + 34 + 30, "times");
    const act = node(p, c1, mul.y + mul.h + 24, actText, { w: 180, fontSize: 15, kind: "activation" });
    act.h = Math.max(act.h, 34);
    const gate = node(p, c2, act.y + act.h / 2 - 17, "Linear layer", { w: 160, h: 34, fontSize: 15 });
    const inp = node(p, c1, act.y + act.h + 30, "Linear layer", { w: 160, h: 34, fontSize: 15 });
    up(p, inp, act);
    up(p, act, mul);
    up(p, mul, top);
    arrow(p, [[c2, gate.y], [c2, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
    const busY = inp.y + inp.h + 18;
    arrow(p, [[c1, busY + 18], [c1, inp.y + inp.h]]);
    arrow(p, [[c1, busY], [c2, busY], [c2, gate.y + gate.h]]);
    bottomY = busY + 30;
  } else {
    const act = node(p, c1, y0 + 34 + 26, actText, { w: 180, fontSize: 15, kind: "activation" });
    act.h = Math.max(act.h, 34);
    const inp = node(p, c1, act.y + act.h + 26, "Linear layer", { w: 160, h: 34, fontSize: 15 });
    up(p, inp, act);
    up(p, act, top);
    arrow(p, [[c1, inp.y + inp.h + 24], [c1, inp.y + inp.h]]);
    bottomY = inp.y + inp.h + 30;
  }
  const caption: Line[] = [];
  for (const m of f.mlps) caption.push([t(f.moes.length ? "Dense FFN hidden size " : "Hidden layer dimension of "), n(m.hidden)]);
  for (const m of f.moes) {
    caption.push([t("Expert hidden size "), n(m.expertHidden)]);
    const sharedHidden = m.sharedExperts ? (m.sharedHidden ?? m.sharedExperts * m.expertHidden) : 0;
    if (sharedHidden && sharedHidden !== m.expertHidden) caption.push([t("Shared expert hidden size "), n(sharedHidden)]);
  }
  caption.push([t("Input and output width "), n(f.arch.dModel)]);
  return finish("ffn", p, bottomY + 4, dedupe(caption), f.moes.length ? {} : { zoomFrom: "ffn" });
}

function dedupe(lines: Line[]): Line[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const k = l.map((s) => s.text).join("");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The MoE definitions, the one used by the most layers first. */
function moesByUse(f: Facts): MoeFfn[] {
  const uses = (m: MoeFfn) => f.layers.filter((l) => l.ffn !== undefined && f.arch.ffns[l.ffn] === m).length;
  return [...f.moes].sort((a, b) => uses(b) - uses(a));
}

/** The MoE layer: router, experts 1…E, shared expert, sum. */
export function moePanel(f: Facts): Panel | undefined {
  const moes = moesByUse(f);
  const moe = moes[0];
  if (!moe) return undefined;
  const p = start("moe", [t("MoE layer")], true);
  const y0 = p.titleBottom + 12;
  const shared = moe.sharedExperts ?? 0;
  const mid = shared ? 170 : 225;
  const spread = shared ? 92 : 120;
  const sum = circle(p, mid, y0 + 36, "plus", 14);
  arrow(p, [[mid, sum.y], [mid, y0 - 4]]);
  const ey = sum.y + sum.h + 46;
  const ew = 118;
  const e1 = node(p, mid - spread, ey, "Feed forward", { w: ew, h: 34, fontSize: 14, kind: "expert" });
  const eN = node(p, mid + spread, ey, "Feed forward", { w: ew, h: 34, fontSize: 14, kind: "expert" });
  const dots = p.c.label({ id: `${p.comp}/dots`, component: p.comp, kind: "dots", x: mid, y: ey + 4, anchor: "middle", lines: [[t("· · ·")]], fontSize: 18, weight: "bold" });
  void dots;
  // A badge hangs from its expert's lower right corner, below the expert's text (never over it).
  const badge = (id: string, host: Box, text: string, accent: boolean) => {
    const b = p.c.box({ id: `${p.comp}/${id}`, component: p.comp, kind: "badge", left: 0, y: host.y + (host.h + host.lines.length * host.fontSize * LINE_HEIGHT) / 2 + 1.5, lines: [[{ text }]], fontSize: 13, weight: "bold", fill: accent ? "accent" : "badge", stroke: accent ? "accent" : "badge", textColor: accent ? "accent-text" : "badge-text", padX: 6, padY: 3, minW: 24, rx: 4 });
    b.x = host.x + host.w - b.w + 8;
    return b;
  };
  badge("badge-1", e1, "1", false);
  badge("badge-n", eN, formatInt(moe.experts), true);
  const router = node(p, mid, ey + 34 + 60, "Router", { w: 110, h: 34, fontSize: 15, kind: "router", fill: "box" });
  router.stroke = "accent";
  router.strokeWidth = 2;
  const rTop = router.y;
  for (const [i, e] of [e1, eN].entries()) {
    arrow(p, [[cxOf(router) + (i ? 16 : -16), rTop], [cxOf(e), e.y + e.h + 8]]);
    const ang = i ? 1 : -1;
    arrow(p, [[cxOf(e), e.y], [mid + ang * 10, sum.y + sum.h - 4]]);
  }
  arrow(p, [[mid, rTop], [mid, ey + 30]]);
  arrow(p, [[mid, ey], [mid, sum.y + sum.h]]);
  const inY = router.y + router.h + 34;
  arrow(p, [[mid, inY], [mid, router.y + router.h]]);
  let sharedBox: Box | undefined;
  if (shared) {
    sharedBox = node(p, 396, ey, "Shared expert", { w: 116, h: 34, fontSize: 14, kind: "expert" });
    const sb = badge("badge-shared", sharedBox, shared > 1 ? `${formatInt(shared)} shared` : "shared", false);
    // The input arrow enters the shared expert left of its badge.
    const sx = Math.min(396, sb.x - 12);
    arrow(p, [[mid, inY - 12], [sx, inY - 12], [sx, sharedBox.y + sharedBox.h + 8]]);
    arrow(p, [[396, sharedBox.y], [mid + 14, sum.y + sum.h / 2]]);
  }
  const caption: Line[] = [[n(moe.activeExperts), t(" of "), n(moe.experts), t(" experts active per token")]];
  if (shared) caption.push([t("+ "), n(shared), t(` shared expert${shared > 1 ? "s" : ""} always active`)]);
  if (moe.zeroExperts) caption.push([t("+ "), n(moe.zeroExperts), t(` zero-computation (identity) expert${moe.zeroExperts > 1 ? "s" : ""}`)]);
  const r = moe.router;
  if (r && (r.scoring || r.hash || (r.groups && r.groups > 1 && r.topkGroups))) {
    const parts: Line = [t(r.hash ? "Router: token-id hash" : `Router: ${r.scoring ?? "softmax"} scores`)];
    if (r.groups && r.groups > 1 && r.topkGroups) parts.push(t(", top-"), n(r.topkGroups), t(" of "), n(r.groups), t(" groups"));
    caption.push(parts);
  }
  if (moe.latent) caption.push([t("Experts work at latent width "), n(moe.latent), t(" (one shared down/up projection)")]);
  if (r?.mlpHidden) caption.push([t("MLP router with hidden width "), n(r.mlpHidden)]);
  for (const other of moes.slice(1)) {
    const layers = f.layers.filter((l) => l.ffn !== undefined && f.arch.ffns[l.ffn] === other).length;
    caption.push([n(layers), t(" layers: "), n(other.activeExperts), t(" of "), n(other.experts), t(other.router?.hash ? " experts chosen by token hash" : " experts")]);
  }
  return finish("moe", p, inY + 10, caption, { zoomFrom: "ffn", accentZoom: true, expertBox: eN });
}

/** The MoE resource-savings bullets: total vs active parameters. */
export function savingsPanel(f: Facts): Panel | undefined {
  const moe = moesByUse(f)[0];
  if (!moe) return undefined;
  const c = new Canvas("savings");
  const shared = moe.sharedExperts ?? 0;
  const pct = (100 * f.mainActive) / f.mainTotal;
  const bullets: Line[] = [
    [t("Model size is "), { text: formatCount(f.mainTotal), accent: true }],
    [t("but only "), { text: `${shared ? `${formatInt(shared)} (shared) + ` : ""}${formatInt(moe.activeExperts)} expert${moe.activeExperts === 1 ? "" : "s"}`, accent: true }, t(" active per token")],
    [t("only "), { text: formatCount(f.mainActive), accent: true }, t(" parameters active per token ("), { text: `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`, accent: true }, t(")")],
  ];
  const head = c.label({ id: "savings-title", component: "savings", kind: "savings", x: 18, y: 0, lines: [[{ text: "Resource savings:", accent: true }]], fontSize: 16, weight: "bold" });
  let y = labelRect(head).h + 4;
  bullets.forEach((b, i) => {
    c.label({ id: `savings-bullet-${i}`, component: "savings", kind: "bullet", x: 22, y, lines: [[t("•")]], fontSize: 16, weight: "bold" });
    const l = c.label({ id: `savings-${i}`, component: "savings", kind: "savings", x: 40, y, lines: [b], maxW: PW - 58, fontSize: 16, weight: "bold" });
    y += labelRect(l).h + 4;
  });
  const r = { h: y };
  return { id: "savings", canvas: c, w: PW, h: r.h };
}

// --- mixers ------------------------------------------------------------------------------------------------------

function gatedAttentionPanel(m: AttentionMixer, id: string): Panel {
  const p = start(id, [t(`Gated attention (${headSharing(m)})`)]);
  const y0 = p.titleBottom + 14;
  const cols = [70, 160, 250, 390];
  const out = node(p, 160, y0, "Linear", { w: 90 });
  const mul = circle(p, 160, out.y + out.h + 30, "times");
  const sdpa = node(p, 160, mul.y + mul.h + 22, "Scaled dot-product attention", { w: 270, kind: "core", fill: "core", fontSize: 14 });
  let y = sdpa.y + sdpa.h + 30;
  const norms: Box[] = [];
  if (m.qkNorm) {
    for (const x of [cols[0]!, cols[1]!]) norms.push(node(p, x, y, m.qkNorm.kind === "l2" ? "L2 norm" : m.qkNorm.kind === "layernorm" ? "LayerNorm" : "RMSNorm", { w: 80, kind: "norm", fill: "norm" }));
    y += 30 + 26;
  }
  const lin = cols.map((x) => node(p, x, y, "Linear", { w: 76 }));
  const gate = circle(p, cols[3]!, cyOf(sdpa) + 20, "σ", 13);
  for (let i = 0; i < 3; i++) {
    const from = norms[i] ?? lin[i]!;
    if (norms[i]) up(p, lin[i]!, norms[i]!);
    arrow(p, [[cols[i]!, from.y], [cols[i]!, sdpa.y + sdpa.h]]);
    tag(p, cols[i]! + 6, sdpa.y + sdpa.h + 4, ["Q", "K", "V"][i]!);
  }
  arrow(p, [[cols[3]!, lin[3]!.y], [cols[3]!, gate.y + gate.h]]);
  arrow(p, [[cols[3]!, gate.y], [cols[3]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  p.c.label({ id: `${p.comp}/gate-label`, component: p.comp, kind: "tag", x: cols[3]! + 18, y: gate.y - 2, lines: [[t("Sigmoid")], [t("gate")]], fontSize: SMALL });
  up(p, sdpa, mul, 160);
  up(p, mul, out);
  const bottom = inputBus(p, lin, lin[0]!.y + lin[0]!.h + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" query heads, "), n(m.kvHeads), t(" KV heads, head dim "), n(m.headDim)], [t(`Sigmoid output gate (${m.outputGate}) on the attention output`)]], { zoomFrom: "mixer" });
}

function mlaPanel(m: MlaMixer, id: string): Panel {
  const p = start(id, [t(m.indexer ? "Multi-head Latent Attention with sparse indexer" : "Multi-head Latent Attention (MLA)")]);
  const y0 = p.titleBottom + 14;
  const [cq, ckv, cr] = [85, 250, 395];
  const out = node(p, ckv, y0, "Linear (output)", { w: 130 });
  const sdpa = node(p, 240, out.y + out.h + 24, "Scaled dot-product attention", { w: 400, kind: "core", fill: "core", fontSize: 14 });
  up(p, sdpa, out, ckv);
  const rowUp = sdpa.y + sdpa.h + 30;
  const kvUp = node(p, ckv, rowUp, "Linear (up) → K, V", { w: 150 });
  const rope = node(p, cr, rowUp, "RoPE", { w: 100, kind: "positional", fill: "positional" });
  const rowLatent = rowUp + 30 + 26;
  const kvLat = node(p, ckv, rowLatent, [[t("KV latent "), n(m.kvLoraRank)], [t("(cached)")]], { w: 150, kind: "latent", fill: "core" });
  const ropeKey = node(p, cr, rowLatent, [[t("RoPE key "), n(m.qkRopeHeadDim)], [t("(cached)")]], { w: 120, kind: "latent", fill: "core" });
  const rowDown = rowLatent + kvLat.h + 26;
  const kvDown = p.c.box({ id: `${p.comp}/kv-down`, component: p.comp, kind: "linear", left: ckv - 80, y: rowDown, w: cr + 60 - (ckv - 80), minH: 30, lines: [[t("Linear (down)")]], fontSize: SMALL, fill: "ffn", padX: 6, padY: 5 });
  up(p, kvDown, kvLat, ckv);
  up(p, kvDown, ropeKey, cr);
  up(p, kvLat, kvUp);
  up(p, ropeKey, rope);
  arrow(p, [[ckv, kvUp.y], [ckv, sdpa.y + sdpa.h]]);
  arrow(p, [[cr, rope.y], [cr, sdpa.y + sdpa.h]]);
  tag(p, ckv + 6, sdpa.y + sdpa.h + 4, "K, V");
  let qTop: Box;
  let qBottom: Box;
  if (m.qLoraRank !== null) {
    const qUp = node(p, cq, rowUp, "Linear (up)", { w: 110 });
    const qLat = node(p, cq, rowLatent, [[t("Query latent")], [n(m.qLoraRank)]], { w: 120, kind: "latent", fill: "box" });
    qLat.h = kvLat.h;
    const qDown = node(p, cq, rowDown, "Linear (down)", { w: 110 });
    up(p, qDown, qLat);
    up(p, qLat, qUp);
    qTop = qUp;
    qBottom = qDown;
  } else {
    const q = node(p, cq, rowDown, "Linear", { w: 110 });
    qTop = q;
    qBottom = q;
  }
  arrow(p, [[cq, qTop.y], [cq, sdpa.y + sdpa.h]]);
  tag(p, cq + 6, sdpa.y + sdpa.h + 4, "Q");
  const busY = rowDown + 30 + 18;
  arrow(p, [[cq, busY], [ckv, busY]], false);
  arrow(p, [[cq, busY], [cq, qBottom.y + qBottom.h]]);
  arrow(p, [[ckv, busY], [ckv, kvDown.y + kvDown.h]]);
  arrow(p, [[(cq + ckv) / 2, busY + 24], [(cq + ckv) / 2, busY]], false);
  const caption: Line[] = [
    [n(m.heads), t(" heads; q/k head dim "), n(m.qkNopeHeadDim), t(" + "), n(m.qkRopeHeadDim), t(" (RoPE), v head dim "), n(m.vHeadDim)],
    [t("KV cache per token and layer: "), n(m.kvLoraRank), t(" + "), n(m.qkRopeHeadDim), t(" = "), n(m.kvLoraRank + m.qkRopeHeadDim), t(" values")],
  ];
  if (m.indexer) caption.push([t("Sparse indexer: "), n(m.indexer.heads), t(" heads pick the top "), n(m.indexer.topK), t(" tokens per query")]);
  if (m.window) caption.push([t("Sliding window of "), n(m.window), t(" tokens")]);
  return finish(id, p, busY + 30, caption, { zoomFrom: "mixer" });
}

/** Gated DeltaNet and Kimi Delta Attention share one drawing. */
function deltaPanel(m: GatedDeltaNetMixer | KimiDeltaMixer, id: string): Panel {
  const gdn = m.kind === "gated-deltanet";
  const p = start(id, [t(gdn ? "Gated DeltaNet" : "Kimi Delta Attention")]);
  const y0 = p.titleBottom + 14;
  const cols = [75, 185, 285, 400];
  const out = node(p, 185, y0, "Linear", { w: 90 });
  const mul = circle(p, 185, out.y + out.h + 28, "times");
  const norm = node(p, 185, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const rule = node(p, 180, norm.y + norm.h + 24, gdn ? "Gated delta rule" : "Delta rule with channel-wise gate", { w: 320, kind: "core", fill: "core", fontSize: 14 });
  const l2 = node(p, cols[0]!, rule.y + rule.h + 30, "L2 norm", { w: 84, kind: "norm", fill: "norm" });
  const convY = l2.y + l2.h + 22;
  const convQK = node(p, cols[0]!, convY, [[t("Conv "), n(m.convKernel)]], { w: 84, kind: "conv", fill: "conv" });
  const convV = node(p, cols[1]!, convY, [[t("Conv "), n(m.convKernel)]], { w: 84, kind: "conv", fill: "conv" });
  const linY = convY + 30 + 24;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 76 }));
  up(p, lin[0]!, convQK);
  up(p, convQK, l2);
  arrow(p, [[cols[0]!, l2.y], [cols[0]!, rule.y + rule.h]]);
  up(p, lin[1]!, convV);
  arrow(p, [[cols[1]!, convV.y], [cols[1]!, rule.y + rule.h]]);
  arrow(p, [[cols[2]!, lin[2]!.y], [cols[2]!, rule.y + rule.h]]);
  tag(p, cols[0]! + 6, rule.y + rule.h + 4, "Q, K");
  tag(p, cols[1]! + 6, rule.y + rule.h + 4, "V");
  tag(p, cols[2]! + 6, rule.y + rule.h + 4, "α, β");
  const gate = circle(p, cols[3]!, cyOf(rule) + 30, "σ", 13);
  arrow(p, [[cols[3]!, lin[3]!.y], [cols[3]!, gate.y + gate.h]]);
  arrow(p, [[cols[3]!, gate.y], [cols[3]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  p.c.label({ id: `${p.comp}/gate-label`, component: p.comp, kind: "tag", x: cols[3]! - 17, y: gate.y - 2, anchor: "end", lines: [[t(gdn ? "SiLU" : "Sigmoid")], [t("gate")]], fontSize: SMALL });
  up(p, rule, norm, 185);
  up(p, norm, mul);
  up(p, mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  const caption: Line[] = gdn
    ? [[n((m as GatedDeltaNetMixer).keyHeads), t(" key heads × "), n((m as GatedDeltaNetMixer).keyHeadDim), t(", "), n((m as GatedDeltaNetMixer).valueHeads), t(" value heads × "), n((m as GatedDeltaNetMixer).valueHeadDim)]]
    : [[n((m as KimiDeltaMixer).heads), t(" heads × "), n((m as KimiDeltaMixer).headDim)]];
  caption.push([t("Fixed-size recurrent state per layer: no KV cache")]);
  return finish(id, p, bottom, caption, { zoomFrom: "mixer" });
}

function mamba2Panel(m: Mamba2Mixer, id: string): Panel {
  const p = start(id, [t("Mamba-2 layer")]);
  const y0 = p.titleBottom + 14;
  const c1 = 160;
  const c2 = 340;
  const out = node(p, c1, y0, "Linear (out)", { w: 120 });
  const norm = node(p, c1, out.y + out.h + 22, "RMSNorm", { w: 110, kind: "norm", fill: "norm" });
  const mul = circle(p, c1, norm.y + norm.h + 30, "times");
  const ssm = node(p, c1, mul.y + mul.h + 22, "SSM state update", { w: 170, kind: "core", fill: "core", fontSize: 14 });
  const conv = node(p, c1, ssm.y + ssm.h + 24, [[t("Conv1D "), n(m.convKernel)]], { w: 120, kind: "conv", fill: "conv" });
  const inp = p.c.box({ id: `${p.comp}/in`, component: p.comp, kind: "linear", left: c1 - 80, y: conv.y + conv.h + 26, w: c2 + 50 - (c1 - 80), minH: 30, lines: [[t("Linear (in): x, B, C, Δ, gate")]], fontSize: SMALL, fill: "ffn", padX: 6, padY: 5 });
  const gate = circle(p, c2, cyOf(ssm) + 20, "σ", 13);
  up(p, inp, conv, c1);
  up(p, conv, ssm);
  up(p, ssm, mul);
  up(p, mul, norm);
  up(p, norm, out);
  arrow(p, [[c2, inp.y], [c2, gate.y + gate.h]]);
  arrow(p, [[c2, gate.y], [c2, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  p.c.label({ id: `${p.comp}/gate-label`, component: p.comp, kind: "tag", x: c2 + 18, y: gate.y - 2, lines: [[t("SiLU")], [t("gate")]], fontSize: SMALL });
  arrow(p, [[cxOf(inp), inp.y + inp.h + 24], [cxOf(inp), inp.y + inp.h]]);
  return finish(id, p, inp.y + inp.h + 30, [
    [n(m.heads), t(" heads × "), n(m.headDim), t(", state size "), n(m.stateSize), t(", "), n(m.groups), t(` group${m.groups > 1 ? "s" : ""}`)],
    [t("Fixed-size state per layer: no KV cache")],
  ], { zoomFrom: "mixer" });
}

function mlstmPanel(m: MlstmMixer, id: string): Panel {
  const p = start(id, [t("mLSTM layer")]);
  const y0 = p.titleBottom + 14;
  const cols = [60, 140, 220, 305, 410];
  const out = node(p, 180, y0, "Linear", { w: 90 });
  const mul = circle(p, 180, out.y + out.h + 28, "times");
  const norm = node(p, 180, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const cell = node(p, 185, norm.y + norm.h + 24, "mLSTM cell (matrix memory)", { w: 330, kind: "core", fill: "core", fontSize: 14 });
  const gy = cell.y + cell.h + 26;
  const gates = node(p, cols[3]!, gy, "exp / σ", { w: 70, kind: "activation", fill: "box" });
  const linY = gates.y + gates.h + 24;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 66 }));
  for (let i = 0; i < 3; i++) {
    arrow(p, [[cols[i]!, lin[i]!.y], [cols[i]!, cell.y + cell.h]]);
    tag(p, cols[i]! + 6, cell.y + cell.h + 4, ["Q", "K", "V"][i]!);
  }
  up(p, lin[3]!, gates);
  arrow(p, [[cols[3]!, gates.y], [cols[3]!, cell.y + cell.h]]);
  tag(p, cols[3]! + 6, cell.y + cell.h + 2, "f, i");
  const gate = circle(p, cols[4]!, cyOf(cell) + 20, "σ", 13);
  arrow(p, [[cols[4]!, lin[4]!.y], [cols[4]!, gate.y + gate.h]]);
  arrow(p, [[cols[4]!, gate.y], [cols[4]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  up(p, cell, norm, 180);
  up(p, norm, mul);
  up(p, mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" heads; query/key width "), n(m.qkDim), t(", value width "), n(m.vDim)], [t("Matrix memory per head; no KV cache")]], { zoomFrom: "mixer" });
}

function lightningPanel(m: LightningMixer, id: string): Panel {
  const p = start(id, [t("Lightning attention (linear)")]);
  const y0 = p.titleBottom + 14;
  const cols = [80, 180, 280, 400];
  const out = node(p, 180, y0, "Linear", { w: 90 });
  const mul = circle(p, 180, out.y + out.h + 28, "times");
  const norm = node(p, 180, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const core = node(p, 180, norm.y + norm.h + 24, "Linear attention (decayed KV state)", { w: 310, kind: "core", fill: "core", fontSize: 14 });
  const linY = core.y + core.h + 40;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 76 }));
  for (let i = 0; i < 3; i++) {
    arrow(p, [[cols[i]!, lin[i]!.y], [cols[i]!, core.y + core.h]]);
    tag(p, cols[i]! + 6, core.y + core.h + 4, ["Q", "K", "V"][i]!);
  }
  const gate = circle(p, cols[3]!, cyOf(core) + 20, "σ", 13);
  arrow(p, [[cols[3]!, lin[3]!.y], [cols[3]!, gate.y + gate.h]]);
  arrow(p, [[cols[3]!, gate.y], [cols[3]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  up(p, core, norm);
  up(p, norm, mul);
  up(p, mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" heads × "), n(m.headDim)], [t("Fixed-size state per layer: no KV cache")]], { zoomFrom: "mixer" });
}

function shortConvPanel(m: ShortConvMixer, id: string): Panel {
  const p = start(id, [t("Gated short convolution")]);
  const y0 = p.titleBottom + 14;
  const cx = 200;
  const out = node(p, cx, y0, "Linear (out)", { w: 120 });
  const mul2 = circle(p, cx, out.y + out.h + 28, "times");
  const conv = node(p, cx, mul2.y + mul2.h + 22, [[t("Depthwise conv "), n(m.convKernel)]], { w: 170, kind: "conv", fill: "conv" });
  const mul1 = circle(p, cx, conv.y + conv.h + 30, "times");
  const inp = node(p, cx, mul1.y + mul1.h + 26, "Linear (in): B, C, x", { w: 200 });
  up(p, inp, mul1);
  up(p, mul1, conv);
  up(p, conv, mul2);
  up(p, mul2, out);
  arrow(p, [[inp.x + inp.w - 20, inp.y], [inp.x + inp.w - 20, cyOf(mul2)], [mul2.x + mul2.w, cyOf(mul2)]]);
  tag(p, inp.x + inp.w - 14, cyOf(mul2) + 4, "C");
  tag(p, cx + 16, mul1.y + mul1.h + 4, "B · x");
  arrow(p, [[cx, inp.y + inp.h + 24], [cx, inp.y + inp.h]]);
  return finish(id, p, inp.y + inp.h + 30, [[t("Convolution kernel "), n(m.convKernel), t("; state: the last "), n(m.convKernel - 1), t(" inputs")]], { zoomFrom: "mixer" });
}

/** DeepSeek V4's compressed attention (CSA / HCA / window-only layers). */
function compressedPanel(f: Facts, id: string): Panel {
  const all = f.mixers.filter((m): m is CompressedAttentionMixer => m.kind === "compressed-attention");
  const m = all.find((x) => x.compressRatio && x.indexer) ?? all.find((x) => x.compressRatio) ?? all[0]!;
  const p = start(id, [t("Compressed attention (CSA / HCA)")]);
  const y0 = p.titleBottom + 14;
  const [cq, ckv, cix] = [85, 250, 395];
  const out = node(p, 200, y0, [[t("Grouped output ("), n(m.outputGroups), t(" groups)")]], { w: 210 });
  const core = node(p, 220, out.y + out.h + 24, [[t("Attention: window of "), n(m.window), t(" + compressed rows")]], { w: 400, kind: "core", fill: "core", fontSize: 14 });
  up(p, core, out, 200);
  const rowA = core.y + core.h + 30;
  const qUp = node(p, cq, rowA, "Linear (up)", { w: 110 });
  const comp = node(p, ckv, rowA, m.compressRatio ? [[t("KV compressor")], [t("1 row / "), n(m.compressRatio), t(" tokens")]] : [[t("Recent tokens only")]], { w: 150, kind: "latent", fill: "core" });
  const rowB = rowA + Math.max(qUp.h, comp.h) + 26;
  const qLat = node(p, cq, rowB, [[t("Query latent")], [n(m.qLoraRank)]], { w: 120, kind: "latent", fill: "box" });
  const kv = node(p, ckv, rowB, [[t("Shared K = V head")], [n(m.headDim)]], { w: 150, kind: "linear" });
  const rowC = rowB + Math.max(qLat.h, kv.h) + 26;
  const qDown = node(p, cq, rowC, "Linear (down)", { w: 110 });
  up(p, qDown, qLat);
  up(p, qLat, qUp);
  arrow(p, [[cq, qUp.y], [cq, core.y + core.h]]);
  up(p, kv, comp);
  arrow(p, [[ckv, comp.y], [ckv, core.y + core.h]]);
  tag(p, cq + 6, core.y + core.h + 4, "Q");
  tag(p, ckv + 6, core.y + core.h + 4, "K, V");
  if (m.indexer) {
    const ix = node(p, cix, rowA, [[t("Indexer: top "), n(m.indexer.topK)]], { w: 130, kind: "indexer", fill: "box" });
    up(p, kv, ix, cix);
    arrow(p, [[cix, ix.y], [cix, core.y + core.h]]);
    p.c.edges[p.c.edges.length - 2]!.points = [[ckv + 40, kv.y], [ckv + 40, rowA + ix.h + 10], [cix, rowA + ix.h + 10], [cix, ix.y + ix.h]];
  }
  const busY = rowC + 30 + 18;
  arrow(p, [[cq, busY], [ckv, busY]], false);
  arrow(p, [[cq, busY], [cq, qDown.y + qDown.h]]);
  arrow(p, [[ckv, busY], [ckv, kv.y + kv.h]]);
  arrow(p, [[(cq + ckv) / 2, busY + 24], [(cq + ckv) / 2, busY]], false);
  const caption: Line[] = [[n(m.heads), t(" query heads × "), n(m.headDim), t(" (RoPE on "), n(m.ropeDim), t("), one key = value head")]];
  for (const [i, x] of all.entries()) {
    const layers = f.layers.filter((l) => l.mixer !== undefined && f.arch.mixers[l.mixer] === x).length;
    const name = f.mixerNames[f.mixers.indexOf(x)] ?? String(i);
    caption.push([t(`${name}: `), n(layers), t(" layers, "), ...(x.compressRatio ? [t("1 KV row per "), n(x.compressRatio), t(" tokens"), ...(x.indexer ? [t(", top "), n(x.indexer.topK)] : [])] : [t("window "), n(x.window), t(" only")])]);
  }
  return finish(id, p, busY + 30, caption, { zoomFrom: "mixer" });
}

/** ZAYA1's compressed convolutional attention. */
function ccaPanel(m: CcaMixer, id: string): Panel {
  const p = start(id, [t("Compressed convolutional attention (CCA)")]);
  const y0 = p.titleBottom + 14;
  const cols = [80, 190, 320];
  const out = node(p, 200, y0, "Linear", { w: 90 });
  const core = node(p, 200, out.y + out.h + 24, "L2-normalised attention (learned temperature)", { w: 380, kind: "core", fill: "core", fontSize: 14 });
  up(p, core, out, 200);
  const l2 = node(p, 135, core.y + core.h + 28, "L2 norm", { w: 190, kind: "norm", fill: "norm" });
  const c2 = node(p, 135, l2.y + l2.h + 22, [[t("Grouped conv "), n(m.groupedConvKernel)]], { w: 190, kind: "conv", fill: "conv" });
  const c1 = node(p, 135, c2.y + c2.h + 22, [[t("Depthwise conv "), n(m.convKernel)]], { w: 190, kind: "conv", fill: "conv" });
  const linY = c1.y + c1.h + 24;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 76 }));
  const shift = node(p, cols[2]!, c2.y, [[t("½ heads from")], [t("previous token")]], { w: 130, kind: "shift", fill: "box" });
  up(p, lin[0]!, c1, cols[0]);
  up(p, lin[1]!, c1, cols[1]);
  up(p, c1, c2, 135);
  up(p, c2, l2, 135);
  arrow(p, [[cols[0]!, l2.y], [cols[0]!, core.y + core.h]]);
  arrow(p, [[cols[1]!, l2.y], [cols[1]!, core.y + core.h]]);
  up(p, lin[2]!, shift);
  arrow(p, [[cols[2]!, shift.y], [cols[2]!, core.y + core.h]]);
  tag(p, cols[0]! + 6, core.y + core.h + 4, "Q");
  tag(p, cols[1]! + 6, core.y + core.h + 4, "K");
  tag(p, cols[2]! + 6, core.y + core.h + 4, "V");
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" query heads, "), n(m.kvHeads), t(" KV heads, head dim "), n(m.headDim)]], { zoomFrom: "mixer" });
}

/** Causal masks: global vs sliding window (or chunked). */
function windowPanel(f: Facts, mixers: AttentionMixer[]): Panel | undefined {
  const windowed = mixers.filter((m) => m.window || m.chunk);
  if (windowed.length === 0) return undefined;
  const chunked = windowed.every((m) => !m.window);
  const p = start("window", [t(chunked ? "Chunked attention" : "Sliding-window attention")]);
  const y0 = p.titleBottom + 16;
  const N = 9;
  const cell = 13;
  const hasGlobal = mixers.some((m) => !m.window && !m.chunk);
  const masks: { name: string; band: (r: number, c: number) => boolean }[] = [];
  if (hasGlobal) masks.push({ name: "Global (causal)", band: (r, c) => c <= r });
  masks.push(chunked ? { name: "Chunked", band: (r, c) => c <= r && Math.floor(c / 3) === Math.floor(r / 3) } : { name: "Sliding window", band: (r, c) => c <= r && r - c < 3 });
  masks.forEach((mask, i) => {
    const x0 = 30 + i * 220;
    p.c.label({ id: `${p.comp}/mask-${i}-name`, component: p.comp, kind: "tag", x: x0, y: y0, lines: [[t(mask.name)]], fontSize: 14, weight: "bold" });
    const gy = y0 + 24;
    p.c.box({ id: `${p.comp}/mask-${i}`, component: p.comp, kind: "mask", left: x0, y: gy, w: N * cell, h: N * cell, lines: [], fill: "box", stroke: "box-stroke", strokeWidth: 1, rx: 0, container: true });
    for (let r = 0; r < N; r++) {
      // One run of attended cells per row (the band is contiguous).
      let c0 = -1;
      let c1 = -1;
      for (let c = 0; c < N; c++)
        if (mask.band(r, c)) {
          if (c0 < 0) c0 = c;
          c1 = c;
        }
      if (c0 >= 0) p.c.box({ id: `${p.comp}/mask-${i}-row-${r}`, component: p.comp, kind: "mask-row", left: x0 + c0 * cell, y: gy + r * cell, w: (c1 - c0 + 1) * cell, h: cell, lines: [], fill: "attention", stroke: "box", strokeWidth: 1, rx: 0 });
    }
    p.c.label({ id: `${p.comp}/mask-${i}-axis`, component: p.comp, kind: "tag", x: x0 + N * cell + 10, y: gy + N * cell - 34, lines: [[t("query ↓")], [t("key →")]], fontSize: 12 });
  });
  const caption: Line[] = [];
  const seen = new Set<string>();
  for (const m of windowed) {
    const line: Line = m.window ? [t("Window of "), n(m.window), t(" tokens")] : [t("Chunks of "), n(m.chunk!), t(" tokens")];
    const k = line.map((s) => s.text).join("");
    if (!seen.has(k)) caption.push(line);
    seen.add(k);
  }
  const mix = layerMix(f.spec as never).map((e): Line => [n(e.count), t(` ${e.label} layer${e.count === 1 ? "" : "s"}`)]);
  if (mix.length > 1) caption.push(mix.flatMap((l, i) => (i ? [t(", "), ...l] : l)));
  return finish("window", p, y0 + 24 + N * cell + 18, caption);
}

/** A generic panel for a mixer kind the renderer does not know: its scalar fields. */
function customPanel(m: AnyMixer, id: string): Panel {
  const p = start(id, [t(`Custom mixer: ${extensionKindName(m.kind)}`)]);
  const lines: Line[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (k === "kind") continue;
    if (typeof v === "number" && Number.isFinite(v)) lines.push([t(`${k}: `), n(v)]);
    else if (typeof v === "boolean" || typeof v === "string") lines.push([t(`${k}: ${String(v)}`)]);
    if (lines.length >= 8) break;
  }
  if (lines.length === 0) lines.push([t("(no settings)")]);
  return finish(id, p, p.titleBottom + 10, lines, { zoomFrom: "mixer" });
}

/** Panels for the novel mixers used (plain MHA/GQA/MQA attention gets none). */
export function mixerPanels(f: Facts): Panel[] {
  const out: Panel[] = [];
  const seen = new Set<string>();
  const attn: AttentionMixer[] = [];
  f.mixers.forEach((m, i) => {
    const name = f.mixerNames[i]!;
    if (!isCoreMixer(m)) {
      const key = `custom:${m.kind}`;
      if (!seen.has(key)) out.push(customPanel(m, `custom-${out.length}`));
      seen.add(key);
      return;
    }
    const key = m.kind === "attention" ? (m.outputGate ? "gated-attention" : "attention") : m.kind;
    if (m.kind === "attention") attn.push(m);
    if (seen.has(key)) return;
    seen.add(key);
    void name;
    switch (m.kind) {
      case "attention":
        if (m.outputGate) out.push(gatedAttentionPanel(m, "gated-attention"));
        break;
      case "mla":
        out.push(mlaPanel(m, "mla"));
        break;
      case "gated-deltanet":
      case "kimi-delta":
        out.push(deltaPanel(m, m.kind));
        break;
      case "mamba2":
        out.push(mamba2Panel(m, "mamba2"));
        break;
      case "mlstm":
        out.push(mlstmPanel(m, "mlstm"));
        break;
      case "lightning":
        out.push(lightningPanel(m, "lightning"));
        break;
      case "short-conv":
        out.push(shortConvPanel(m, "short-conv"));
        break;
      case "compressed-attention":
        out.push(compressedPanel(f, "compressed-attention"));
        break;
      case "cca":
        out.push(ccaPanel(m, "cca"));
        break;
    }
  });
  const w = windowPanel(f, attn);
  if (w) out.push(w);
  return out;
}

/**
 * Lines describing the spec's own run-length pattern, e.g. `Layers 1–35 : 5 × [Mamba-2, MoE, …]`: the first `max`
 * entries, each group's contents written out up to about ENTRY_CHARS characters and then "…".
 */
function entryLines(f: Facts, max: number): string[] {
  const arch = f.arch;
  const contents = (layers: readonly LayerEntry[], room: number): string => {
    let out = "";
    for (const [i, e] of layers.entries()) {
      if (out.length > room) return `${out}, …`;
      out += (i ? ", " : "") + describe(e, room - out.length);
    }
    return out;
  };
  const describe = (e: LayerEntry, room: number): string => {
    if ("repeat" in e) return `${e.repeat}×[${contents(e.layers, room)}]`;
    const k = layerKey(arch, e.mixer, e.ffn);
    return (e.count ?? 1) > 1 ? `${e.count}× ${k}` : k;
  };
  let start = 0;
  return arch.layers.slice(0, max).map((e) => {
    const count = countLayerPattern([e]);
    const range = count === 1 ? `Layer ${start + 1}` : `Layers ${start + 1}–${start + count}`;
    start += count;
    return `${range} : ${"repeat" in e ? `${e.repeat} × [${contents(e.layers, ENTRY_CHARS)}]` : layerKey(arch, e.mixer, e.ffn)}`;
  });
}

/** The layer-pattern listing, for stacks with more than one kind of layer. */
export function patternPanel(f: Facts): Panel | undefined {
  const keys = f.layerKeys;
  const distinct = new Set(keys);
  if (distinct.size < 2) return undefined;
  // A dense prefix alone is told by a callout.
  if (f.densePrefix > 0 && new Set(keys.slice(0, f.densePrefix)).size === 1 && new Set(keys.slice(f.densePrefix)).size === 1) return undefined;
  // Find a short prefix after which the pattern repeats (each try is linear in the number of layers).
  let offset = -1;
  let per = keys.length;
  for (let s = 0; s <= Math.min(8, keys.length / 2); s++) {
    const p = period(keys, s);
    if (p <= (keys.length - s) / 2) {
      offset = s;
      per = p;
      break;
    }
  }
  const label = (a: number, b: number) => (a === b ? `Layer ${a + 1}` : `Layers ${a + 1}–${b + 1}`);
  let text: string[];
  let heading = "Layer pattern";
  if (offset >= 0) {
    // The runs of the prefix and the first period; only those the listing shows (one more tells it to end in "…").
    const runs: { start: number; end: number; key: string }[] = [];
    const shown = per === 1 ? keys.length : offset + per;
    for (let i = 0; i < shown; i++) {
      const last = runs[runs.length - 1];
      if (last && last.key === keys[i]) last.end = i;
      else if (runs.length > PATTERN_LINES) break;
      else runs.push({ start: i, end: i, key: keys[i]! });
    }
    const width = Math.max(...runs.map((r) => label(r.start, r.end).length));
    text = runs.map((r) => `${label(r.start, r.end).padEnd(width)} : ${r.key}`);
    if (per > 1) {
      const reps = Math.floor((keys.length - offset) / per);
      text.push(`… layers ${offset + 1}–${offset + per} repeat ${reps}× (${keys.length} layers)`);
      const counts = new Map<string, number>();
      for (let i = offset; i < offset + per && counts.size <= 2; i++) counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
      if (counts.size === 2) heading = `${[...counts.values()].join(":")} pattern`;
    }
  } else {
    text = entryLines(f, PATTERN_LINES + 1);
  }
  const c = new Canvas("pattern");
  const h = c.label({ id: "pattern-title", component: "pattern", kind: "listing-title", x: 18, y: 0, lines: [[t(heading)]], fontSize: 18, family: "mono" });
  const hr = labelRect(h);
  c.edge("pattern-rule", [[18, hr.h + 4], [PW - 18, hr.h + 4]], { component: "pattern", kind: "rule", arrow: false, width: 1.2 });
  const lines: Line[] = text.slice(0, PATTERN_LINES).map((x) => [t(x)]);
  if (text.length > PATTERN_LINES) lines.push([t("…")]);
  if (f.arch.layers.some((e) => "repeat" in e && e.shortcut)) lines.push([t("(MoE runs beside the group: shortcut-connected)")]);
  const l = c.label({ id: "pattern-lines", component: "pattern", kind: "listing", x: 18, y: hr.h + 12, lines, maxW: PW - 36, fontSize: 14, family: "mono" });
  const r = labelRect(l);
  const bottom = layerMap(f, c, r.y + r.h + 16);
  return { id: "pattern", canvas: c, w: PW, h: bottom };
}

/**
 * The whole stack at a glance: one cell per layer, its mixer above and its FFN below, coloured by kind, with a
 * legend. Runs of equal cells are drawn as one rectangle.
 */
function layerMap(f: Facts, c: Canvas, y0: number): number {
  const n = f.layers.length;
  const x0 = 18;
  const width = PW - 36;
  const cell = width / n;
  const fills: ColorName[] = ["attention", "linear-mixer", "ssm", "mixer", "core", "conv", "positional", "embedding"];
  const legend = new Map<string, ColorName>();
  const colourOf = (key: string, preferred: ColorName): ColorName => {
    let col = legend.get(key);
    if (!col) {
      const used = new Set(legend.values());
      col = used.has(preferred) ? (fills.find((x) => !used.has(x)) ?? preferred) : preferred;
      legend.set(key, col);
    }
    return col;
  };
  const rowH = 18;
  // Keyed by definition name, looked up once per definition (there may be many layers).
  const mixerKeys = new Map<string | undefined, [string, ColorName] | undefined>();
  const mixerKey = (i: number): [string, ColorName] | undefined => {
    const name = f.layers[i]!.mixer;
    if (mixerKeys.has(name)) return mixerKeys.get(name);
    const m = name !== undefined ? f.arch.mixers[name] : undefined;
    const key: [string, ColorName] | undefined = m ? [mixerShortName(m), colourOf(mixerShortName(m), mixerCategory(m.kind))] : undefined;
    mixerKeys.set(name, key);
    return key;
  };
  const ffnKeys = new Map<string | undefined, [string, ColorName] | undefined>();
  const ffnKey = (i: number): [string, ColorName] | undefined => {
    const name = f.layers[i]!.ffn;
    if (ffnKeys.has(name)) return ffnKeys.get(name);
    const ff = name !== undefined ? f.arch.ffns[name] : undefined;
    const key: [string, ColorName] | undefined = ff ? (ff.kind === "moe" ? ["MoE", colourOf("MoE", "moe")] : ["dense FFN", colourOf("dense FFN", "ffn")]) : undefined;
    ffnKeys.set(name, key);
    return key;
  };
  // One row when every layer has a single sublayer (a mixer or an FFN), else mixers above FFNs.
  const rows: { y: number; key: (i: number) => [string, ColorName] | undefined }[] = f.layers.every((l) => (l.mixer === undefined) !== (l.ffn === undefined))
    ? [{ y: y0, key: (i) => mixerKey(i) ?? ffnKey(i) }]
    : [
        { y: y0, key: mixerKey },
        { y: y0 + rowH + 3, key: ffnKey },
      ];
  for (const [ri, row] of rows.entries()) {
    c.box({ id: `map-row-${ri}`, component: "pattern", kind: "layer-map", left: x0, y: row.y, w: width, h: rowH, lines: [], fill: "background", stroke: "frame-stroke", strokeWidth: 0.8, rx: 0, container: true });
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const a = row.key(start);
      const b = i < n ? row.key(i) : undefined;
      if (i < n && a?.[0] === b?.[0]) continue;
      if (a) c.box({ id: `map-${ri}-${start}`, component: "pattern", kind: "layer-cell", left: x0 + start * cell, y: row.y, w: (i - start) * cell, h: rowH, lines: [], fill: a[1], stroke: a[1], strokeWidth: 0.5, rx: 0 });
      start = i;
    }
  }
  let y = y0 + rows.length * (rowH + 3) + 3;
  c.label({ id: "map-axis", component: "pattern", kind: "tag", x: x0, y, lines: [[t("layer 1")]], fontSize: 12, color: "text-muted" });
  c.label({ id: "map-axis-end", component: "pattern", kind: "tag", x: x0 + width, y, anchor: "end", lines: [[t(`layer ${n}`)]], fontSize: 12, color: "text-muted" });
  y += 20;
  // Legend, flowing left to right.
  let x = x0;
  let i = 0;
  for (const [name, col] of legend) {
    const w = 14 + 6 + textWidth(name, 13);
    if (x + w > x0 + width) {
      x = x0;
      y += 22;
    }
    c.box({ id: `map-key-${i}`, component: "pattern", kind: "legend", left: x, y: y + 2, w: 14, h: 14, lines: [], fill: col, stroke: "frame-stroke", strokeWidth: 0.8, rx: 2 });
    c.label({ id: `map-key-label-${i}`, component: "pattern", kind: "legend", x: x + 20, y, lines: [[t(name)]], fontSize: 13 });
    x += w + 18;
    i++;
  }
  return y + 22;
}

/** The multi-token-prediction note. */
export function mtpPanel(f: Facts): Panel | undefined {
  const mtp = f.arch.mtp;
  if (!mtp) return undefined;
  const c = new Canvas("mtp");
  const m = f.arch.mixers[mtp.mixer];
  const ffn = f.arch.ffns[mtp.ffn];
  const what = [m ? mixerShortName(m) : mtp.mixer, ffn ? (ffn.kind === "moe" ? "MoE" : "FFN") : mtp.ffn].join(" + ");
  const lines: Line[] = [
    [{ text: "Multi-token prediction:", accent: true }],
    [n(mtp.layers), t(` extra module${mtp.layers > 1 ? "s" : ""} (${what}, `), { text: formatCount(f.params.breakdown.mtp), accent: true }, t(" parameters) predict further tokens in training; usable for speculative decoding")],
  ];
  const l = c.label({ id: "mtp-note", component: "mtp", kind: "note", x: 18, y: 0, lines, maxW: PW - 36, fontSize: 15, weight: "bold" });
  const r = labelRect(l);
  return { id: "mtp", canvas: c, w: PW, h: r.h };
}

/** Every panel of a figure, in drawing order. */
export function allPanels(f: Facts): Panel[] {
  return [ffnPanel(f), moePanel(f), savingsPanel(f), ...mixerPanels(f), patternPanel(f), mtpPanel(f)].filter((p): p is Panel => p !== undefined);
}

/** Bounding rectangle of a placed panel. */
export const panelRect = (p: Panel, x: number, y: number): Rect => ({ x, y, w: p.w, h: p.h });
