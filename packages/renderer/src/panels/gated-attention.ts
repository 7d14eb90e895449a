/**
 * The gated-attention panel: attention with a sigmoid output gate (and QK norms when the spec has them).
 */
import { headSharing } from "@archgal/schema/metrics";
import type { AttentionMixer } from "@archgal/schema/metrics";
import type { Box } from "../layout-types.js";
import { SMALL, start, finish, node, circle, arrow, up, cyOf, n, t, inputBus, tag, type Panel } from "./kit.js";

/** Gated attention: Q, K, V and a sigmoid gate on the attention output. */
export function gatedAttentionPanel(m: AttentionMixer, id: string): Panel {
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
