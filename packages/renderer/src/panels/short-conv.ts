/**
 * The gated short-convolution panel.
 */
import type { ShortConvMixer } from "@archgal/schema/metrics";
import { start, finish, node, circle, arrow, up, cyOf, n, t, tag, type Panel } from "./kit.js";

/** A gated short convolution. */
export function shortConvPanel(m: ShortConvMixer, id: string): Panel {
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
  arrow(p, [
    [inp.x + inp.w - 20, inp.y],
    [inp.x + inp.w - 20, cyOf(mul2)],
    [mul2.x + mul2.w, cyOf(mul2)],
  ]);
  tag(p, inp.x + inp.w - 14, cyOf(mul2) + 4, "C");
  tag(p, cx + 16, mul1.y + mul1.h + 4, "B · x");
  arrow(p, [
    [cx, inp.y + inp.h + 24],
    [cx, inp.y + inp.h],
  ]);
  return finish(
    id,
    p,
    inp.y + inp.h + 30,
    [[t("Convolution kernel "), n(m.convKernel), t("; state: the last "), n(m.convKernel - 1), t(" inputs")]],
    { zoomFrom: "mixer" },
  );
}
