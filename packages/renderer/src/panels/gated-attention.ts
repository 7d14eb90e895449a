/**
 * The gated-attention panel: attention with a sigmoid output gate (and QK norms when the spec has them).
 */
import { headSharing } from "@archgal/schema/metrics";
import type { AttentionMixer } from "@archgal/schema/metrics";
import type { Box } from "../layout-types.js";
import { textWidth } from "../text-metrics.js";
import {
  PW,
  SMALL,
  TAG,
  columnCentres,
  start,
  finish,
  node,
  nodeWidth,
  circle,
  arrow,
  up,
  cyOf,
  n,
  t,
  inputBus,
  tag,
  type Panel,
} from "./kit.js";

/** Gated attention: Q, K, V and a sigmoid gate on the attention output. */
export function gatedAttentionPanel(m: AttentionMixer, id: string): Panel {
  const p = start(id, [t(`Gated attention (${headSharing(m)})`)]);
  const y0 = p.titleBottom + 14;
  // Columns Q, K, V and the gate, spaced by the widths of what stands in them (a LayerNorm box is wider than a
  // Linear; the gate's label stands right of its circle).
  const normText = m.qkNorm ? (m.qkNorm.kind === "l2" ? "L2 norm" : m.qkNorm.kind === "layernorm" ? "LayerNorm" : "RMSNorm") : undefined;
  const linW = nodeWidth("Linear", { w: 76 });
  const qk = Math.max(linW, normText ? nodeWidth(normText, { w: 80 }) : 0);
  const gateLabelW = Math.max(textWidth("Sigmoid", TAG), textWidth("gate", TAG));
  const pref = [60, 170, 275, 390];
  let cols = columnCentres(pref, [qk, qk, linW, [linW / 2, Math.max(linW / 2, 18 + gateLabelW)]]);
  // No room for the label right of the gate: it goes on one line left of the gate's line, above the attention box.
  const labelRight = cols[3]! + 18 + gateLabelW <= PW - 12;
  if (!labelRight) cols = columnCentres(pref, [qk, qk, linW, linW]);
  // The attention box spans the Q, K and V columns; the output projection and the gate's product sit above its centre.
  const sdpaL = Math.min(25, cols[0]! - 35);
  const sdpaR = Math.max(295, cols[2]! + 20);
  const mid = (sdpaL + sdpaR) / 2;
  const out = node(p, mid, y0, "Linear", { w: 90 });
  const mul = circle(p, mid, out.y + out.h + 30, "times");
  const sdpa = node(p, mid, mul.y + mul.h + 22, "Scaled dot-product attention", {
    w: sdpaR - sdpaL,
    kind: "core",
    fill: "core",
    fontSize: SMALL,
  });
  let y = sdpa.y + sdpa.h + 30;
  const norms: Box[] = [];
  if (normText) {
    for (const x of [cols[0]!, cols[1]!]) norms.push(node(p, x, y, normText, { w: 80, kind: "norm", fill: "norm" }));
    y += 30 + 26;
  }
  const lin = cols.map((x) => node(p, x, y, "Linear", { w: 76 }));
  const gate = circle(p, cols[3]!, cyOf(sdpa) + 20, "σ", 13);
  for (let i = 0; i < 3; i++) {
    const from = norms[i] ?? lin[i]!;
    if (norms[i]) up(p, lin[i]!, norms[i]!);
    arrow(p, [
      [cols[i]!, from.y],
      [cols[i]!, sdpa.y + sdpa.h],
    ]);
    tag(p, cols[i]! + 6, sdpa.y + sdpa.h + 4, ["Q", "K", "V"][i]!);
  }
  arrow(p, [
    [cols[3]!, lin[3]!.y],
    [cols[3]!, gate.y + gate.h],
  ]);
  arrow(p, [
    [cols[3]!, gate.y],
    [cols[3]!, cyOf(mul)],
    [mul.x + mul.w, cyOf(mul)],
  ]);
  p.c.label(
    labelRight
      ? {
          id: `${p.comp}/gate-label`,
          component: p.comp,
          kind: "tag",
          x: cols[3]! + 18,
          y: gate.y - 2,
          lines: [[t("Sigmoid")], [t("gate")]],
          fontSize: TAG,
        }
      : {
          id: `${p.comp}/gate-label`,
          component: p.comp,
          kind: "tag",
          x: cols[3]! - 8,
          y: cyOf(mul) + 5,
          anchor: "end",
          lines: [[t("Sigmoid gate")]],
          fontSize: TAG,
        },
  );
  up(p, sdpa, mul, mid);
  up(p, mul, out);
  const bottom = inputBus(p, lin, lin[0]!.y + lin[0]!.h + 18);
  return finish(
    id,
    p,
    bottom,
    [
      [n(m.heads), t(" query heads, "), n(m.kvHeads), t(" KV heads, head dim "), n(m.headDim)],
      [t(`Sigmoid output gate (${m.outputGate}) on the attention output`)],
    ],
    { zoomFrom: "mixer" },
  );
}
