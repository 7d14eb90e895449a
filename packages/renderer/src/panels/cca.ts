/**
 * The compressed convolutional attention (CCA) panel.
 */
import type { CcaMixer } from "@archgal/schema/metrics";
import { SMALL, start, finish, node, arrow, up, n, t, inputBus, tag, type Panel } from "./kit.js";

/** ZAYA1's compressed convolutional attention. */
export function ccaPanel(m: CcaMixer, id: string): Panel {
  const p = start(id, [t("Compressed convolutional attention (CCA)")]);
  const y0 = p.titleBottom + 14;
  const cols = [80, 190, 320];
  const out = node(p, 200, y0, "Linear", { w: 90 });
  const core = node(p, 200, out.y + out.h + 24, "L2-normalised attention (learned temperature)", {
    w: 380,
    kind: "core",
    fill: "core",
    fontSize: SMALL,
  });
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
  arrow(p, [
    [cols[0]!, l2.y],
    [cols[0]!, core.y + core.h],
  ]);
  arrow(p, [
    [cols[1]!, l2.y],
    [cols[1]!, core.y + core.h],
  ]);
  up(p, lin[2]!, shift);
  arrow(p, [
    [cols[2]!, shift.y],
    [cols[2]!, core.y + core.h],
  ]);
  tag(p, cols[0]! + 6, core.y + core.h + 4, "Q");
  tag(p, cols[1]! + 6, core.y + core.h + 4, "K");
  tag(p, cols[2]! + 6, core.y + core.h + 4, "V");
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" query heads, "), n(m.kvHeads), t(" KV heads, head dim "), n(m.headDim)]], {
    zoomFrom: "mixer",
  });
}
