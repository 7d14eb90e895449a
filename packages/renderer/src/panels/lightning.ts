/**
 * The Lightning attention panel: linear attention over a decayed KV state.
 */
import type { LightningMixer } from "@archgal/schema/metrics";
import { SMALL, start, finish, node, circle, arrow, up, cyOf, n, t, inputBus, tag, type Panel } from "./kit.js";

/** Lightning (linear) attention. */
export function lightningPanel(m: LightningMixer, id: string): Panel {
  const p = start(id, [t("Lightning attention (linear)")]);
  const y0 = p.titleBottom + 14;
  const cols = [80, 180, 280, 400];
  const out = node(p, 180, y0, "Linear", { w: 90 });
  const mul = circle(p, 180, out.y + out.h + 28, "times");
  const norm = node(p, 180, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const core = node(p, 180, norm.y + norm.h + 24, "Linear attention (decayed KV state)", {
    w: 310,
    kind: "core",
    fill: "core",
    fontSize: SMALL,
  });
  const linY = core.y + core.h + 40;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 76 }));
  for (let i = 0; i < 3; i++) {
    arrow(p, [
      [cols[i]!, lin[i]!.y],
      [cols[i]!, core.y + core.h],
    ]);
    tag(p, cols[i]! + 6, core.y + core.h + 4, ["Q", "K", "V"][i]!);
  }
  const gate = circle(p, cols[3]!, cyOf(core) + 20, "σ", 13);
  arrow(p, [
    [cols[3]!, lin[3]!.y],
    [cols[3]!, gate.y + gate.h],
  ]);
  arrow(p, [
    [cols[3]!, gate.y],
    [cols[3]!, cyOf(mul)],
    [mul.x + mul.w, cyOf(mul)],
  ]);
  up(p, core, norm);
  up(p, norm, mul);
  up(p, mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(id, p, bottom, [[n(m.heads), t(" heads × "), n(m.headDim)], [t("Fixed-size state per layer: no KV cache")]], {
    zoomFrom: "mixer",
  });
}
