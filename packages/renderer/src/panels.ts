/**
 * Zoom panels: the inside of the feed-forward module, the MoE layer, and of each novel mixer (MLA, gated
 * attention, Gated DeltaNet, Mamba-2, mLSTM, …), the sliding-window mask, the layer-pattern listing, the MoE
 * resource savings and the MTP note. Each panel is built in its own coordinates with its frame at (0, 0).
 */
import { formatCount, formatInt, headSharing, layerMix } from "@archgal/schema";
import type { AttentionMixer, GatedDeltaNetMixer, KimiDeltaMixer, LightningMixer, Mamba2Mixer, MlaMixer, MlpFfn, MlstmMixer, MoeFfn, ShortConvMixer } from "@archgal/schema";
import { period, type Facts } from "./analysis.js";
import { Canvas, labelRect } from "./canvas.js";
import type { Box, Rect } from "./layout-types.js";
import { activationName, extensionKindName, ffnTypeName, isCoreMixer, mixerShortName, type AnyMixer } from "./naming.js";
import type { ColorName } from "./palette.js";
import { marked, type Line } from "./text-metrics.js";

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
function node(p: ReturnType<typeof start>, id: string, cx: number, y: number, text: string | Line[], o: NodeOpts = {}): Box {
  return p.c.box({
    id: `${p.comp}/${id}`,
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
function circle(p: ReturnType<typeof start>, id: string, cx: number, cy: number, what: "plus" | "times" | string, r = 11): Box {
  if (what === "plus" || what === "times") return p.c.op(`${p.comp}/${id}`, p.comp, what, cx, cy, r);
  return p.c.box({ id: `${p.comp}/${id}`, component: p.comp, kind: "gate", cx, y: cy - r, w: 2 * r, h: 2 * r, shape: "circle", lines: [[{ text: what }]], fontSize: 14, padX: 2, padY: 1 });
}

const arrow = (p: ReturnType<typeof start>, id: string, pts: [number, number][], arrowHead = true) =>
  p.c.edge(`${p.comp}/${id}`, pts, { component: p.comp, arrow: arrowHead, width: 1.4 });

/** Vertical arrow from the top of `from` to the bottom of `to` (at from's centre x unless given). */
const up = (p: ReturnType<typeof start>, id: string, from: Box, to: Box, x = from.x + from.w / 2) => arrow(p, id, [[x, from.y], [x, to.y + to.h]]);

const cxOf = (b: Box) => b.x + b.w / 2;
const cyOf = (b: Box) => b.y + b.h / 2;
const n = (v: number) => ({ text: formatInt(v), accent: true });
const t = (text: string) => ({ text });

/** Input bus: a horizontal line under the given boxes, fed from below. */
function inputBus(p: ReturnType<typeof start>, boxes: Box[], y: number, feedX?: number): number {
  const xs = boxes.map(cxOf);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  if (x1 > x0) arrow(p, "bus", [[x0, y], [x1, y]], false);
  boxes.forEach((b, i) => arrow(p, `bus-${i}`, [[cxOf(b), y], [cxOf(b), b.y + b.h]]));
  const fx = feedX ?? (x0 + x1) / 2;
  arrow(p, "input", [[fx, y + 26], [fx, y]], false);
  return y + 30;
}

/** A small letter label beside a line. */
function tag(p: ReturnType<typeof start>, id: string, x: number, y: number, text: string) {
  p.c.label({ id: `${p.comp}/tag-${id}`, component: p.comp, kind: "tag", x, y, lines: [[{ text }]], fontSize: 15, weight: "bold" });
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
  const top = node(p, "linear-out", c1, y0, "Linear layer", { w: 160, h: 34, fontSize: 15 });
  let bottomY: number;
  if (shape.gated) {
    const mul = circle(p, "multiply", c1, y0 + 34 + 30, "times");
    const act = node(p, "activation", c1, mul.y + mul.h + 24, `${activationName(shape.activation)} activation`, { w: 170, h: 34, fontSize: 15, kind: "activation" });
    const gate = node(p, "linear-gate", c2, act.y, "Linear layer", { w: 160, h: 34, fontSize: 15 });
    const inp = node(p, "linear-in", c1, act.y + 34 + 30, "Linear layer", { w: 160, h: 34, fontSize: 15 });
    up(p, "a1", inp, act);
    up(p, "a2", act, mul);
    up(p, "a3", mul, top);
    arrow(p, "gate-to-mul", [[c2, gate.y], [c2, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
    const busY = inp.y + inp.h + 18;
    arrow(p, "in", [[c1, busY + 18], [c1, inp.y + inp.h]]);
    arrow(p, "in-gate", [[c1, busY], [c2, busY], [c2, gate.y + gate.h]]);
    bottomY = busY + 30;
  } else {
    const act = node(p, "activation", c1, y0 + 34 + 26, `${activationName(shape.activation)} activation`, { w: 170, h: 34, fontSize: 15, kind: "activation" });
    const inp = node(p, "linear-in", c1, act.y + 34 + 26, "Linear layer", { w: 160, h: 34, fontSize: 15 });
    up(p, "a1", inp, act);
    up(p, "a2", act, top);
    arrow(p, "in", [[c1, inp.y + inp.h + 24], [c1, inp.y + inp.h]]);
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

/** The MoE layer: router, experts 1…E, shared expert, sum. */
export function moePanel(f: Facts): Panel | undefined {
  const moe = f.moes[0];
  if (!moe) return undefined;
  const p = start("moe", [t("MoE layer")], true);
  const y0 = p.titleBottom + 12;
  const shared = moe.sharedExperts ?? 0;
  const mid = shared ? 180 : 225;
  const sum = circle(p, "sum", mid, y0 + 36, "plus", 14);
  arrow(p, "out", [[mid, sum.y], [mid, y0 - 4]]);
  const ey = sum.y + sum.h + 46;
  const ew = 124;
  const e1 = node(p, "expert-1", mid - 105, ey, "Feed forward", { w: ew, h: 34, fontSize: 14, kind: "expert" });
  const eN = node(p, "expert-n", mid + 105, ey, "Feed forward", { w: ew, h: 34, fontSize: 14, kind: "expert" });
  const dots = p.c.label({ id: `${p.comp}/dots`, component: p.comp, kind: "dots", x: mid, y: ey + 4, anchor: "middle", lines: [[t("· · ·")]], fontSize: 18, weight: "bold" });
  void dots;
  const badge = (id: string, host: Box, text: string, accent: boolean) =>
    p.c.box({ id: `${p.comp}/${id}`, component: p.comp, kind: "badge", left: 0, y: host.y + host.h - 12, lines: [[{ text }]], fontSize: 13, weight: "bold", fill: accent ? "accent" : "badge", stroke: accent ? "accent" : "badge", textColor: accent ? "accent-text" : "badge-text", padX: 6, padY: 3, minW: 24, rx: 4 });
  const b1 = badge("badge-1", e1, "1", false);
  b1.x = e1.x + e1.w - b1.w + 8;
  const bN = badge("badge-n", eN, formatInt(moe.experts), true);
  bN.x = eN.x + eN.w - bN.w + 8;
  const router = node(p, "router", mid, ey + 34 + 60, "Router", { w: 110, h: 34, fontSize: 15, kind: "router", fill: "box" });
  router.stroke = "accent";
  router.strokeWidth = 2;
  const rTop = router.y;
  for (const [i, e] of [e1, eN].entries()) {
    arrow(p, `route-${i}`, [[cxOf(router) + (i ? 16 : -16), rTop], [cxOf(e), e.y + e.h + 8]]);
    const ang = i ? 1 : -1;
    arrow(p, `to-sum-${i}`, [[cxOf(e), e.y], [mid + ang * 10, sum.y + sum.h - 4]]);
  }
  arrow(p, "route-mid", [[mid, rTop], [mid, ey + 30]]);
  arrow(p, "mid-sum", [[mid, ey], [mid, sum.y + sum.h]]);
  const inY = router.y + router.h + 34;
  arrow(p, "in", [[mid, inY], [mid, router.y + router.h]]);
  let sharedBox: Box | undefined;
  if (shared) {
    sharedBox = node(p, "shared", 390, ey, "Shared expert", { w: 120, h: 34, fontSize: 14, kind: "expert" });
    const sb = badge("badge-shared", sharedBox, shared > 1 ? `${formatInt(shared)} shared` : "shared", false);
    sb.x = sharedBox.x + sharedBox.w - sb.w + 8;
    arrow(p, "in-shared", [[mid, inY - 12], [390, inY - 12], [390, sharedBox.y + sharedBox.h + 8]]);
    arrow(p, "shared-sum", [[390, sharedBox.y], [mid + 12, sum.y + sum.h / 2]]);
  }
  const caption: Line[] = [[n(moe.activeExperts), t(" of "), n(moe.experts), t(" experts active per token")]];
  if (shared) caption.push([t("+ "), n(shared), t(` shared expert${shared > 1 ? "s" : ""} always active`)]);
  if (moe.zeroExperts) caption.push([t("+ "), n(moe.zeroExperts), t(" zero-computation (identity) experts")]);
  const r = moe.router;
  if (r) {
    const parts: Line = [t(`Router: ${r.scoring ?? "softmax"} scores`)];
    if (r.groups && r.topkGroups) parts.push(t(", top-"), n(r.topkGroups), t(" of "), n(r.groups), t(" groups"));
    caption.push(parts);
  }
  for (const other of f.moes.slice(1)) caption.push([t("Also: "), n(other.experts), t(" experts, "), n(other.activeExperts), t(" active")]);
  return finish("moe", p, inY + 10, caption, { zoomFrom: "ffn", accentZoom: true, expertBox: eN });
}

/** The MoE resource-savings bullets: total vs active parameters. */
export function savingsPanel(f: Facts): Panel | undefined {
  const moe = f.moes[0];
  if (!moe) return undefined;
  const c = new Canvas("savings");
  const lines: Line[] = [[{ text: "Resource savings:", accent: true }]];
  const shared = moe.sharedExperts ?? 0;
  lines.push([t("• Model size is "), { text: formatCount(f.mainTotal), accent: true }]);
  lines.push([t("• but only "), { text: `${shared ? `${formatInt(shared)} (shared) + ` : ""}${formatInt(moe.activeExperts)} experts`, accent: true }, t(" active per token")]);
  const pct = (100 * f.mainActive) / f.mainTotal;
  lines.push([t("• only "), { text: formatCount(f.mainActive), accent: true }, t(" parameters active per token ("), { text: `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`, accent: true }, t(")")]);
  const l = c.label({ id: "savings", component: "savings", kind: "savings", x: 18, y: 0, lines, maxW: PW - 36, fontSize: 16, weight: "bold" });
  const r = labelRect(l);
  return { id: "savings", canvas: c, w: PW, h: r.h };
}

// --- mixers ------------------------------------------------------------------------------------------------------

function gatedAttentionPanel(m: AttentionMixer, id: string): Panel {
  const p = start(id, [t(`Gated attention (${headSharing(m)})`)]);
  const y0 = p.titleBottom + 14;
  const cols = [70, 160, 250, 390];
  const out = node(p, "out", 160, y0, "Linear", { w: 90 });
  const mul = circle(p, "multiply", 160, out.y + out.h + 30, "times");
  const sdpa = node(p, "sdpa", 160, mul.y + mul.h + 22, "Scaled dot-product attention", { w: 270, kind: "core", fill: "core", fontSize: 14 });
  let y = sdpa.y + sdpa.h + 30;
  const norms: Box[] = [];
  if (m.qkNorm) {
    for (const [i, x] of [cols[0]!, cols[1]!].entries()) norms.push(node(p, `qk-norm-${i}`, x, y, m.qkNorm.kind === "l2" ? "L2 norm" : m.qkNorm.kind === "layernorm" ? "LayerNorm" : "RMSNorm", { w: 80, kind: "norm", fill: "norm" }));
    y += 30 + 26;
  }
  const lin = cols.map((x, i) => node(p, `linear-${i}`, x, y, "Linear", { w: 76 }));
  const gate = circle(p, "sigmoid", cols[3]!, cyOf(sdpa) + 20, "σ", 13);
  for (let i = 0; i < 3; i++) {
    const from = norms[i] ?? lin[i]!;
    if (norms[i]) up(p, `lin-norm-${i}`, lin[i]!, norms[i]!);
    arrow(p, `to-sdpa-${i}`, [[cols[i]!, from.y], [cols[i]!, sdpa.y + sdpa.h]]);
    tag(p, ["q", "k", "v"][i]!, cols[i]! + 6, sdpa.y + sdpa.h + 4, ["Q", "K", "V"][i]!);
  }
  arrow(p, "gate-up", [[cols[3]!, lin[3]!.y], [cols[3]!, gate.y + gate.h]]);
  arrow(p, "gate-mul", [[cols[3]!, gate.y], [cols[3]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  p.c.label({ id: `${p.comp}/gate-label`, component: p.comp, kind: "tag", x: cols[3]! + 18, y: gate.y - 2, lines: [[t("Sigmoid")], [t("gate")]], fontSize: SMALL });
  up(p, "sdpa-mul", sdpa, mul, 160);
  up(p, "mul-out", mul, out);
  const bottom = inputBus(p, lin, lin[0]!.y + lin[0]!.h + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" query heads, "), n(m.kvHeads), t(" KV heads, head dim "), n(m.headDim)], [t(`Sigmoid output gate (${m.outputGate}) on the attention output`)]], { zoomFrom: "mixer" });
}

function mlaPanel(m: MlaMixer, id: string): Panel {
  const p = start(id, [t(m.indexer ? "Multi-head Latent Attention with sparse indexer" : "Multi-head Latent Attention (MLA)")]);
  const y0 = p.titleBottom + 14;
  const [cq, ckv, cr] = [85, 250, 395];
  const out = node(p, "out", ckv, y0, "Linear (output)", { w: 130 });
  const sdpa = node(p, "sdpa", 240, out.y + out.h + 24, "Scaled dot-product attention", { w: 400, kind: "core", fill: "core", fontSize: 14 });
  up(p, "sdpa-out", sdpa, out, ckv);
  const rowUp = sdpa.y + sdpa.h + 30;
  const kvUp = node(p, "kv-up", ckv, rowUp, "Linear (up) → K, V", { w: 150 });
  const rope = node(p, "rope", cr, rowUp, "RoPE", { w: 100, kind: "positional", fill: "positional" });
  const rowLatent = rowUp + 30 + 26;
  const kvLat = node(p, "kv-latent", ckv, rowLatent, [[t("KV latent "), n(m.kvLoraRank)], [t("(cached)")]], { w: 150, kind: "latent", fill: "core" });
  const ropeKey = node(p, "rope-key", cr, rowLatent, [[t("RoPE key "), n(m.qkRopeHeadDim)], [t("(cached)")]], { w: 120, kind: "latent", fill: "core" });
  const rowDown = rowLatent + kvLat.h + 26;
  const kvDown = p.c.box({ id: `${p.comp}/kv-down`, component: p.comp, kind: "linear", left: ckv - 80, y: rowDown, w: cr + 60 - (ckv - 80), minH: 30, lines: [[t("Linear (down)")]], fontSize: SMALL, fill: "ffn", padX: 6, padY: 5 });
  up(p, "kv-down-latent", kvDown, kvLat, ckv);
  up(p, "kv-down-rope", kvDown, ropeKey, cr);
  up(p, "latent-up", kvLat, kvUp);
  up(p, "ropekey-rope", ropeKey, rope);
  arrow(p, "kv-sdpa", [[ckv, kvUp.y], [ckv, sdpa.y + sdpa.h]]);
  arrow(p, "rope-sdpa", [[cr, rope.y], [cr, sdpa.y + sdpa.h]]);
  tag(p, "kv", ckv + 6, sdpa.y + sdpa.h + 4, "K, V");
  let qTop: Box;
  let qBottom: Box;
  if (m.qLoraRank !== null) {
    const qUp = node(p, "q-up", cq, rowUp, "Linear (up)", { w: 110 });
    const qLat = node(p, "q-latent", cq, rowLatent, [[t("Query latent")], [n(m.qLoraRank)]], { w: 120, kind: "latent", fill: "box" });
    qLat.h = kvLat.h;
    const qDown = node(p, "q-down", cq, rowDown, "Linear (down)", { w: 110 });
    up(p, "q-down-lat", qDown, qLat);
    up(p, "q-lat-up", qLat, qUp);
    qTop = qUp;
    qBottom = qDown;
  } else {
    const q = node(p, "q-proj", cq, rowDown, "Linear", { w: 110 });
    qTop = q;
    qBottom = q;
  }
  arrow(p, "q-sdpa", [[cq, qTop.y], [cq, sdpa.y + sdpa.h]]);
  tag(p, "q", cq + 6, sdpa.y + sdpa.h + 4, "Q");
  const busY = rowDown + 30 + 18;
  arrow(p, "bus", [[cq, busY], [ckv, busY]], false);
  arrow(p, "bus-q", [[cq, busY], [cq, qBottom.y + qBottom.h]]);
  arrow(p, "bus-kv", [[ckv, busY], [ckv, kvDown.y + kvDown.h]]);
  arrow(p, "input", [[(cq + ckv) / 2, busY + 24], [(cq + ckv) / 2, busY]], false);
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
  const out = node(p, "out", 185, y0, "Linear", { w: 90 });
  const mul = circle(p, "multiply", 185, out.y + out.h + 28, "times");
  const norm = node(p, "norm", 185, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const rule = node(p, "rule", 180, norm.y + norm.h + 24, gdn ? "Gated delta rule" : "Delta rule with channel-wise gate", { w: 320, kind: "core", fill: "core", fontSize: 14 });
  const l2 = node(p, "l2", cols[0]!, rule.y + rule.h + 30, "L2 norm", { w: 84, kind: "norm", fill: "norm" });
  const convY = l2.y + l2.h + 22;
  const convQK = node(p, "conv-qk", cols[0]!, convY, [[t("Conv "), n(m.convKernel)]], { w: 84, kind: "conv", fill: "conv" });
  const convV = node(p, "conv-v", cols[1]!, convY, [[t("Conv "), n(m.convKernel)]], { w: 84, kind: "conv", fill: "conv" });
  const linY = convY + 30 + 24;
  const lin = cols.map((x, i) => node(p, `linear-${i}`, x, linY, "Linear", { w: 76 }));
  up(p, "qk-conv", lin[0]!, convQK);
  up(p, "qk-l2", convQK, l2);
  arrow(p, "qk-rule", [[cols[0]!, l2.y], [cols[0]!, rule.y + rule.h]]);
  up(p, "v-conv", lin[1]!, convV);
  arrow(p, "v-rule", [[cols[1]!, convV.y], [cols[1]!, rule.y + rule.h]]);
  arrow(p, "ab-rule", [[cols[2]!, lin[2]!.y], [cols[2]!, rule.y + rule.h]]);
  tag(p, "qk", cols[0]! + 6, rule.y + rule.h + 4, "Q, K");
  tag(p, "v", cols[1]! + 6, rule.y + rule.h + 4, "V");
  tag(p, "ab", cols[2]! + 6, rule.y + rule.h + 4, gdn ? "α, β" : "decay, β");
  const gate = circle(p, "silu", cols[3]!, cyOf(rule) + 30, "σ", 13);
  arrow(p, "gate-up", [[cols[3]!, lin[3]!.y], [cols[3]!, gate.y + gate.h]]);
  arrow(p, "gate-mul", [[cols[3]!, gate.y], [cols[3]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  p.c.label({ id: `${p.comp}/gate-label`, component: p.comp, kind: "tag", x: cols[3]! + 18, y: gate.y - 2, lines: [[t(gdn ? "SiLU" : "Sigmoid")], [t("gate")]], fontSize: SMALL });
  up(p, "rule-norm", rule, norm, 185);
  up(p, "norm-mul", norm, mul);
  up(p, "mul-out", mul, out);
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
  const out = node(p, "out", c1, y0, "Linear (out)", { w: 120 });
  const norm = node(p, "norm", c1, out.y + out.h + 22, "RMSNorm", { w: 110, kind: "norm", fill: "norm" });
  const mul = circle(p, "multiply", c1, norm.y + norm.h + 30, "times");
  const ssm = node(p, "ssm", c1, mul.y + mul.h + 22, "SSM state update", { w: 170, kind: "core", fill: "core", fontSize: 14 });
  const conv = node(p, "conv", c1, ssm.y + ssm.h + 24, [[t("Conv1D "), n(m.convKernel)]], { w: 120, kind: "conv", fill: "conv" });
  const inp = p.c.box({ id: `${p.comp}/in`, component: p.comp, kind: "linear", left: c1 - 80, y: conv.y + conv.h + 26, w: c2 + 50 - (c1 - 80), minH: 30, lines: [[t("Linear (in): x, B, C, Δ, gate")]], fontSize: SMALL, fill: "ffn", padX: 6, padY: 5 });
  const gate = circle(p, "silu", c2, cyOf(ssm) + 20, "σ", 13);
  up(p, "in-conv", inp, conv, c1);
  up(p, "conv-ssm", conv, ssm);
  up(p, "ssm-mul", ssm, mul);
  up(p, "mul-norm", mul, norm);
  up(p, "norm-out", norm, out);
  arrow(p, "gate-up", [[c2, inp.y], [c2, gate.y + gate.h]]);
  arrow(p, "gate-mul", [[c2, gate.y], [c2, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  p.c.label({ id: `${p.comp}/gate-label`, component: p.comp, kind: "tag", x: c2 + 18, y: gate.y - 2, lines: [[t("SiLU")], [t("gate")]], fontSize: SMALL });
  arrow(p, "input", [[cxOf(inp), inp.y + inp.h + 24], [cxOf(inp), inp.y + inp.h]]);
  return finish(id, p, inp.y + inp.h + 30, [
    [n(m.heads), t(" heads × "), n(m.headDim), t(", state size "), n(m.stateSize), t(", "), n(m.groups), t(` group${m.groups > 1 ? "s" : ""}`)],
    [t("Fixed-size state per layer: no KV cache")],
  ], { zoomFrom: "mixer" });
}

function mlstmPanel(m: MlstmMixer, id: string): Panel {
  const p = start(id, [t("mLSTM layer")]);
  const y0 = p.titleBottom + 14;
  const cols = [60, 140, 220, 305, 410];
  const out = node(p, "out", 180, y0, "Linear", { w: 90 });
  const mul = circle(p, "multiply", 180, out.y + out.h + 28, "times");
  const norm = node(p, "norm", 180, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const cell = node(p, "cell", 185, norm.y + norm.h + 24, "mLSTM cell (matrix memory)", { w: 330, kind: "core", fill: "core", fontSize: 14 });
  const gy = cell.y + cell.h + 26;
  const gates = node(p, "gates", cols[3]!, gy, "exp / σ", { w: 70, kind: "activation", fill: "box" });
  const linY = gates.y + gates.h + 24;
  const lin = cols.map((x, i) => node(p, `linear-${i}`, x, linY, "Linear", { w: 66 }));
  for (let i = 0; i < 3; i++) {
    arrow(p, `to-cell-${i}`, [[cols[i]!, lin[i]!.y], [cols[i]!, cell.y + cell.h]]);
    tag(p, `t${i}`, cols[i]! + 6, cell.y + cell.h + 4, ["Q", "K", "V"][i]!);
  }
  up(p, "gates-in", lin[3]!, gates);
  arrow(p, "gates-cell", [[cols[3]!, gates.y], [cols[3]!, cell.y + cell.h]]);
  tag(p, "fi", cols[3]! + 6, cell.y + cell.h + 2, "f, i");
  const gate = circle(p, "sigmoid", cols[4]!, cyOf(cell) + 20, "σ", 13);
  arrow(p, "gate-up", [[cols[4]!, lin[4]!.y], [cols[4]!, gate.y + gate.h]]);
  arrow(p, "gate-mul", [[cols[4]!, gate.y], [cols[4]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  up(p, "cell-norm", cell, norm, 180);
  up(p, "norm-mul", norm, mul);
  up(p, "mul-out", mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" heads; query/key width "), n(m.qkDim), t(", value width "), n(m.vDim)], [t("Matrix memory per head; no KV cache")]], { zoomFrom: "mixer" });
}

function lightningPanel(m: LightningMixer, id: string): Panel {
  const p = start(id, [t("Lightning attention (linear)")]);
  const y0 = p.titleBottom + 14;
  const cols = [80, 180, 280, 400];
  const out = node(p, "out", 180, y0, "Linear", { w: 90 });
  const mul = circle(p, "multiply", 180, out.y + out.h + 28, "times");
  const norm = node(p, "norm", 180, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const core = node(p, "core", 180, norm.y + norm.h + 24, "Linear attention (decayed KV state)", { w: 310, kind: "core", fill: "core", fontSize: 14 });
  const linY = core.y + core.h + 40;
  const lin = cols.map((x, i) => node(p, `linear-${i}`, x, linY, "Linear", { w: 76 }));
  for (let i = 0; i < 3; i++) {
    arrow(p, `to-core-${i}`, [[cols[i]!, lin[i]!.y], [cols[i]!, core.y + core.h]]);
    tag(p, `t${i}`, cols[i]! + 6, core.y + core.h + 4, ["Q", "K", "V"][i]!);
  }
  const gate = circle(p, "sigmoid", cols[3]!, cyOf(core) + 20, "σ", 13);
  arrow(p, "gate-up", [[cols[3]!, lin[3]!.y], [cols[3]!, gate.y + gate.h]]);
  arrow(p, "gate-mul", [[cols[3]!, gate.y], [cols[3]!, cyOf(mul)], [mul.x + mul.w, cyOf(mul)]]);
  up(p, "core-norm", core, norm);
  up(p, "norm-mul", norm, mul);
  up(p, "mul-out", mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" heads × "), n(m.headDim)], [t("Fixed-size state per layer: no KV cache")]], { zoomFrom: "mixer" });
}

function shortConvPanel(m: ShortConvMixer, id: string): Panel {
  const p = start(id, [t("Gated short convolution")]);
  const y0 = p.titleBottom + 14;
  const cx = 200;
  const out = node(p, "out", cx, y0, "Linear (out)", { w: 120 });
  const mul2 = circle(p, "mul-c", cx, out.y + out.h + 28, "times");
  const conv = node(p, "conv", cx, mul2.y + mul2.h + 22, [[t("Depthwise conv "), n(m.convKernel)]], { w: 170, kind: "conv", fill: "conv" });
  const mul1 = circle(p, "mul-b", cx, conv.y + conv.h + 30, "times");
  const inp = node(p, "in", cx, mul1.y + mul1.h + 26, "Linear (in): B, C, x", { w: 200 });
  up(p, "in-mul", inp, mul1);
  up(p, "mul-conv", mul1, conv);
  up(p, "conv-mul", conv, mul2);
  up(p, "mul-out", mul2, out);
  arrow(p, "c-gate", [[inp.x + inp.w - 20, inp.y], [inp.x + inp.w - 20, cyOf(mul2)], [mul2.x + mul2.w, cyOf(mul2)]]);
  tag(p, "c", inp.x + inp.w - 14, cyOf(mul2) + 4, "C");
  tag(p, "b", cx + 16, mul1.y + mul1.h + 4, "B · x");
  arrow(p, "input", [[cx, inp.y + inp.h + 24], [cx, inp.y + inp.h]]);
  return finish(id, p, inp.y + inp.h + 30, [[t("Convolution kernel "), n(m.convKernel), t("; state: the last "), n(m.convKernel - 1), t(" inputs")]], { zoomFrom: "mixer" });
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
  const mix = layerMix(f.spec as never).map((e): Line => [n(e.count), t(` ${e.label} layers`)]);
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
    }
  });
  const w = windowPanel(f, attn);
  if (w) out.push(w);
  return out;
}

/** The layer-pattern listing, for stacks with more than one kind of layer. */
export function patternPanel(f: Facts): Panel | undefined {
  const keys = f.layerKeys;
  const distinct = new Set(keys);
  if (distinct.size < 2) return undefined;
  // Find a short prefix after which the pattern repeats.
  let offset = 0;
  let per = keys.length;
  for (let s = 0; s <= Math.min(8, keys.length / 2); s++) {
    const p = period(keys.slice(s));
    if (p <= (keys.length - s) / 2) {
      offset = s;
      per = p;
      break;
    }
  }
  const shown = per < keys.length ? offset + per : keys.length;
  const runs: { start: number; end: number; key: string }[] = [];
  for (let i = 0; i < Math.min(shown, keys.length); i++) {
    const last = runs[runs.length - 1];
    if (last && last.key === keys[i]) last.end = i;
    else runs.push({ start: i, end: i, key: keys[i]! });
  }
  const MAX = 14;
  const clipped = runs.length > MAX;
  const listed = clipped ? runs.slice(0, MAX - 1) : runs;
  const label = (r: { start: number; end: number }) => (r.start === r.end ? `Layer ${r.start + 1}` : `Layers ${r.start + 1}–${r.end + 1}`);
  const width = Math.max(...listed.map((r) => label(r).length));
  const lines: Line[] = listed.map((r) => [t(`${label(r).padEnd(width)} : ${r.key}`)]);
  if (clipped) lines.push([t("…")]);
  else if (per < keys.length) {
    const reps = Math.floor((keys.length - offset) / per);
    lines.push([t(`… layers ${offset + 1}–${offset + per} repeat ${reps}× (${keys.length} layers)`)]);
  }
  // Heading: the ratio of the two kinds in one period, e.g. 3:1.
  const counts = new Map<string, number>();
  for (let i = offset; i < offset + per && i < keys.length; i++) counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
  const ratio = per < keys.length && counts.size === 2 ? [...counts.values()].join(":") + " pattern" : "Layer pattern";
  const c = new Canvas("pattern");
  const h = c.label({ id: "pattern-title", component: "pattern", kind: "listing-title", x: 18, y: 0, lines: [[t(ratio)]], fontSize: 18, family: "mono" });
  const hr = labelRect(h);
  c.edge("pattern-rule", [[18, hr.h + 4], [PW - 18, hr.h + 4]], { component: "pattern", kind: "rule", arrow: false, width: 1.2 });
  const l = c.label({ id: "pattern-lines", component: "pattern", kind: "listing", x: 18, y: hr.h + 12, lines, maxW: PW - 36, fontSize: 14, family: "mono" });
  const r = labelRect(l);
  return { id: "pattern", canvas: c, w: PW, h: r.y + r.h };
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
