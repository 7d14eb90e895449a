/**
 * The MoE panel: router, experts 1…E with their badges, shared experts and the sum.
 */
import { formatInt } from "@archgal/schema/metrics";
import type { MoeFfn } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import type { Box } from "../layout-types.js";
import { LINE_HEIGHT, type Line } from "../text-metrics.js";
import { SMALL, start, finish, node, circle, arrow, cxOf, n, t, type Panel } from "./kit.js";
import { drawSharedGate, sharedGateCaption } from "./shared-gate.js";

/** The MoE definitions, the one used by the most layers first. */
export function moesByUse(f: Facts): MoeFfn[] {
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
  const mid = shared ? 160 : 225;
  const spread = shared ? 82 : 120;
  const sum = circle(p, mid, y0 + 36, "plus", 14);
  arrow(p, [
    [mid, sum.y],
    [mid, y0 - 4],
  ]);
  const ey = sum.y + sum.h + 46;
  const ew = 134;
  const e1 = node(p, mid - spread, ey, "Feed forward", { w: ew, h: 34, fontSize: SMALL, kind: "expert" });
  const eN = node(p, mid + spread, ey, "Feed forward", { w: ew, h: 34, fontSize: SMALL, kind: "expert" });
  const dots = p.c.label({
    id: `${p.comp}/dots`,
    component: p.comp,
    kind: "dots",
    x: mid,
    y: ey + 4,
    anchor: "middle",
    lines: [[t(shared ? "···" : "· · ·")]],
    fontSize: 18,
    weight: "bold",
  });
  void dots;
  // A badge hangs from its expert's lower right corner, below the expert's text (never over it).
  const badge = (id: string, host: Box, text: string, accent: boolean) => {
    const b = p.c.box({
      id: `${p.comp}/${id}`,
      component: p.comp,
      kind: "badge",
      left: 0,
      y: host.y + (host.h + host.lines.length * host.fontSize * LINE_HEIGHT) / 2 + 1.5,
      lines: [[{ text }]],
      fontSize: 15,
      weight: "bold",
      fill: accent ? "accent" : "badge",
      stroke: accent ? "accent" : "badge",
      textColor: accent ? "accent-text" : "badge-text",
      padX: 6,
      padY: 3,
      minW: 24,
      rx: 4,
    });
    b.x = host.x + host.w - b.w + 8;
    return b;
  };
  badge("badge-1", e1, "1", false);
  badge("badge-n", eN, formatInt(moe.experts), true);
  const router = node(p, mid, ey + 34 + 60, "Router", { w: 110, h: 34, fontSize: SMALL, kind: "router", fill: "box" });
  router.stroke = "accent";
  router.strokeWidth = 2.5;
  const rTop = router.y;
  for (const [i, e] of [e1, eN].entries()) {
    arrow(p, [
      [cxOf(router) + (i ? 16 : -16), rTop],
      [cxOf(e), e.y + e.h + 8],
    ]);
    const ang = i ? 1 : -1;
    arrow(p, [
      [cxOf(e), e.y],
      [mid + ang * 10, sum.y + sum.h - 4],
    ]);
  }
  arrow(p, [
    [mid, rTop],
    [mid, ey + 30],
  ]);
  arrow(p, [
    [mid, ey],
    [mid, sum.y + sum.h],
  ]);
  const inY = router.y + router.h + 34;
  arrow(p, [
    [mid, inY],
    [mid, router.y + router.h],
  ]);
  let sharedBox: Box | undefined;
  if (shared) {
    sharedBox = node(p, 390, ey, "Shared expert", { w: 142, h: 34, fontSize: SMALL, kind: "expert" });
    const sb = badge("badge-shared", sharedBox, shared > 1 ? `${formatInt(shared)} shared` : "shared", false);
    // The input arrow enters the shared expert left of its badge.
    const sx = Math.min(cxOf(sharedBox), sb.x - 12);
    arrow(p, [
      [mid, inY - 12],
      [sx, inY - 12],
      [sx, sharedBox.y + sharedBox.h + 8],
    ]);
    if (moe.sharedGate) drawSharedGate(p, sharedBox, [mid + 14, sum.y + sum.h / 2]);
    else
      arrow(p, [
        [cxOf(sharedBox), sharedBox.y],
        [mid + 14, sum.y + sum.h / 2],
      ]);
  }
  const caption: Line[] = [[n(moe.activeExperts), t(" of "), n(moe.experts), t(" experts active per token")]];
  if (shared) caption.push([t("+ "), n(shared), t(` shared expert${shared > 1 ? "s" : ""} always active`)]);
  if (shared && moe.sharedGate) caption.push(sharedGateCaption());
  if (moe.zeroExperts)
    caption.push([t("+ "), n(moe.zeroExperts), t(` zero-computation (identity) expert${moe.zeroExperts > 1 ? "s" : ""}`)]);
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
    caption.push([
      n(layers),
      t(" layers: "),
      n(other.activeExperts),
      t(" of "),
      n(other.experts),
      t(other.router?.hash ? " experts chosen by token hash" : " experts"),
    ]);
  }
  return finish("moe", p, inY + 10, caption, { zoomFrom: "ffn", accentZoom: true, expertBox: eN });
}
