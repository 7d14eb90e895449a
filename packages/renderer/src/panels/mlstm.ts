/**
 * The mLSTM panel: the matrix-memory cell with its exponential / sigmoid gates.
 */
import type { MlstmMixer } from "@archgal/schema/metrics";
import { SMALL, start, finish, node, circle, arrow, up, cyOf, n, t, inputBus, tag, type Panel } from "./kit.js";

/** An mLSTM layer. */
export function mlstmPanel(m: MlstmMixer, id: string): Panel {
  const p = start(id, [t("mLSTM layer")]);
  const y0 = p.titleBottom + 14;
  const cols = [60, 140, 220, 305, 410];
  const out = node(p, 180, y0, "Linear", { w: 90 });
  const mul = circle(p, 180, out.y + out.h + 28, "times");
  const norm = node(p, 180, mul.y + mul.h + 20, "RMSNorm", { w: 100, kind: "norm", fill: "norm" });
  const cell = node(p, 185, norm.y + norm.h + 24, "mLSTM cell (matrix memory)", { w: 330, kind: "core", fill: "core", fontSize: SMALL });
  const gy = cell.y + cell.h + 26;
  const gates = node(p, cols[3]!, gy, "exp / σ", { w: 70, kind: "activation", fill: "box" });
  const linY = gates.y + gates.h + 24;
  const lin = cols.map((x) => node(p, x, linY, "Linear", { w: 66 }));
  for (let i = 0; i < 3; i++) {
    arrow(p, [
      [cols[i]!, lin[i]!.y],
      [cols[i]!, cell.y + cell.h],
    ]);
    tag(p, cols[i]! + 6, cell.y + cell.h + 4, ["Q", "K", "V"][i]!);
  }
  up(p, lin[3]!, gates);
  arrow(p, [
    [cols[3]!, gates.y],
    [cols[3]!, cell.y + cell.h],
  ]);
  tag(p, cols[3]! + 6, cell.y + cell.h + 2, "f, i");
  const gate = circle(p, cols[4]!, cyOf(cell) + 20, "σ", 13);
  arrow(p, [
    [cols[4]!, lin[4]!.y],
    [cols[4]!, gate.y + gate.h],
  ]);
  arrow(p, [
    [cols[4]!, gate.y],
    [cols[4]!, cyOf(mul)],
    [mul.x + mul.w, cyOf(mul)],
  ]);
  up(p, cell, norm, 180);
  up(p, norm, mul);
  up(p, mul, out);
  const bottom = inputBus(p, lin, linY + 30 + 18);
  return finish(
    id,
    p,
    bottom,
    [[n(m.heads), t(" heads; query/key width "), n(m.qkDim), t(", value width "), n(m.vDim)], [t("Matrix memory per head; no KV cache")]],
    { zoomFrom: "mixer" },
  );
}
