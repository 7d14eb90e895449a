/**
 * The Mamba-2 panel: input projection, convolution, SSM state update and gate.
 */
import type { Mamba2Mixer } from "@archgal/schema/metrics";
import { SMALL, TAG, start, finish, node, circle, arrow, up, cxOf, cyOf, n, t, type Panel } from "./kit.js";

/** A Mamba-2 layer. */
export function mamba2Panel(m: Mamba2Mixer, id: string): Panel {
  const p = start(id, [t("Mamba-2 layer")]);
  const y0 = p.titleBottom + 14;
  const c1 = 160;
  const c2 = 340;
  const out = node(p, c1, y0, "Linear (out)", { w: 120 });
  const norm = node(p, c1, out.y + out.h + 22, "RMSNorm", { w: 110, kind: "norm", fill: "norm" });
  const mul = circle(p, c1, norm.y + norm.h + 30, "times");
  const ssm = node(p, c1, mul.y + mul.h + 22, "SSM state update", { w: 170, kind: "core", fill: "core", fontSize: SMALL });
  const conv = node(p, c1, ssm.y + ssm.h + 24, [[t("Conv1D "), n(m.convKernel)]], { w: 120, kind: "conv", fill: "conv" });
  const inp = p.c.box({
    id: `${p.comp}/in`,
    component: p.comp,
    kind: "linear",
    left: c1 - 80,
    y: conv.y + conv.h + 26,
    w: c2 + 50 - (c1 - 80),
    minH: 30,
    lines: [[t("Linear (in): x, B, C, Δ, gate")]],
    fontSize: SMALL,
    fill: "ffn",
    padX: 6,
    padY: 5,
  });
  const gate = circle(p, c2, cyOf(ssm) + 20, "σ", 13);
  up(p, inp, conv, c1);
  up(p, conv, ssm);
  up(p, ssm, mul);
  up(p, mul, norm);
  up(p, norm, out);
  arrow(p, [
    [c2, inp.y],
    [c2, gate.y + gate.h],
  ]);
  arrow(p, [
    [c2, gate.y],
    [c2, cyOf(mul)],
    [mul.x + mul.w, cyOf(mul)],
  ]);
  p.c.label({
    id: `${p.comp}/gate-label`,
    component: p.comp,
    kind: "tag",
    x: c2 + 18,
    y: gate.y - 2,
    lines: [[t("SiLU")], [t("gate")]],
    fontSize: TAG,
  });
  arrow(p, [
    [cxOf(inp), inp.y + inp.h + 24],
    [cxOf(inp), inp.y + inp.h],
  ]);
  return finish(
    id,
    p,
    inp.y + inp.h + 30,
    [
      [
        n(m.heads),
        t(" heads × "),
        n(m.headDim),
        t(", state size "),
        n(m.stateSize),
        t(", "),
        n(m.groups),
        t(` group${m.groups > 1 ? "s" : ""}`),
      ],
      [t("Fixed-size state per layer: no KV cache")],
    ],
    { zoomFrom: "mixer" },
  );
}
