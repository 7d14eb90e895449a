/**
 * The delta-rule panel, shared by Gated DeltaNet and Kimi Delta Attention.
 */
import type { GatedDeltaNetMixer, KimiDeltaMixer } from "@archgal/schema/metrics";
import type { Line } from "../text-metrics.js";
import { SMALL, TAG, start, finish, node, circle, arrow, up, cyOf, n, t, inputBus, tag, type Panel } from "./kit.js";

/** Gated DeltaNet and Kimi Delta Attention share one drawing. */
export function deltaPanel(m: GatedDeltaNetMixer | KimiDeltaMixer, id: string): Panel {
  const gdn = m.kind === "gated-deltanet";
  const p = start(id, [t(gdn ? "Gated DeltaNet" : "Kimi Delta Attention")]);
  const y0 = p.titleBottom + 14;
  const cols = [75, 185, 285, 385];
  const out = node(p, 185, y0, "Linear", { w: 90 });
  const mul = circle(p, 185, out.y + out.h + 28, "times");
  const norm = node(p, 185, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const rule = node(p, 180, norm.y + norm.h + 24, gdn ? "Gated delta rule" : "Delta rule with channel-wise gate", {
    w: 320,
    kind: "core",
    fill: "core",
    fontSize: SMALL,
  });
  const l2 = node(p, cols[0]!, rule.y + rule.h + 30, "L2 norm", { w: 84, kind: "norm", fill: "norm" });
  const convY = l2.y + l2.h + 22;
  // Gated DeltaNet's short convolution is followed by SiLU (the activation of its causal conv1d).
  const conv = (): Line[] => (gdn ? [[t("Conv "), n(m.convKernel)], [t("→ SiLU")]] : [[t("Conv "), n(m.convKernel)]]);
  const convQK = node(p, cols[0]!, convY, conv(), { w: 84, kind: "conv", fill: "conv" });
  const convV = node(p, cols[1]!, convY, conv(), { w: 84, kind: "conv", fill: "conv" });
  const linY = convY + Math.max(30, convQK.h) + 24;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 76 }));
  up(p, lin[0]!, convQK);
  up(p, convQK, l2);
  arrow(p, [
    [cols[0]!, l2.y],
    [cols[0]!, rule.y + rule.h],
  ]);
  up(p, lin[1]!, convV);
  arrow(p, [
    [cols[1]!, convV.y],
    [cols[1]!, rule.y + rule.h],
  ]);
  arrow(p, [
    [cols[2]!, lin[2]!.y],
    [cols[2]!, rule.y + rule.h],
  ]);
  tag(p, cols[0]! + 6, rule.y + rule.h + 4, "Q, K");
  tag(p, cols[1]! + 6, rule.y + rule.h + 4, "V");
  tag(p, cols[2]! + 6, rule.y + rule.h + 4, "α, β");
  const gate = circle(p, cols[3]!, cyOf(rule) + 30, "σ", 13);
  arrow(p, [
    [cols[3]!, lin[3]!.y],
    [cols[3]!, gate.y + gate.h],
  ]);
  arrow(p, [
    [cols[3]!, gate.y],
    [cols[3]!, cyOf(mul)],
    [mul.x + mul.w, cyOf(mul)],
  ]);
  p.c.label({
    id: `${p.comp}/gate-label`,
    component: p.comp,
    kind: "tag",
    x: cols[3]! + 18,
    y: gate.y - 2,
    lines: [[t(gdn ? "SiLU" : "Sigmoid")], [t("gate")]],
    fontSize: TAG,
  });
  up(p, rule, norm, 185);
  up(p, norm, mul);
  up(p, mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  const caption: Line[] = gdn
    ? [
        [
          n((m as GatedDeltaNetMixer).keyHeads),
          t(" key heads × "),
          n((m as GatedDeltaNetMixer).keyHeadDim),
          t(", "),
          n((m as GatedDeltaNetMixer).valueHeads),
          t(" value heads × "),
          n((m as GatedDeltaNetMixer).valueHeadDim),
        ],
      ]
    : [[n((m as KimiDeltaMixer).heads), t(" heads × "), n((m as KimiDeltaMixer).headDim)]];
  caption.push([t("Fixed-size recurrent state per layer: no KV cache")]);
  return finish(id, p, bottom, caption, { zoomFrom: "mixer" });
}
