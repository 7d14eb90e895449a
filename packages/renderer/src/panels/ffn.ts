/**
 * The feed-forward panel: the inside of the dense FFN and/or of one expert (linear layers, activation, gate).
 */
import type { MlpFfn, MoeFfn } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import { denseHiddenLine } from "../ffn-text.js";
import { activationName, ffnTypeName } from "../naming.js";
import type { Line } from "../text-metrics.js";
import { SMALL, start, finish, node, circle, arrow, up, cyOf, n, t, dedupe, type Panel } from "./kit.js";

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
  const top = node(p, c1, y0, "Linear layer", { w: 160, h: 34, fontSize: SMALL });
  let bottomY: number;
  const actText = `${activationName(shape.activation)} activation`;
  if (shape.gated) {
    const mul = circle(p, c1, y0 + 34 + 30, "times");
    const act = node(p, c1, mul.y + mul.h + 24, actText, { w: 180, fontSize: SMALL, kind: "activation" });
    act.h = Math.max(act.h, 34);
    const gate = node(p, c2, act.y + act.h / 2 - 17, "Linear layer", { w: 160, h: 34, fontSize: SMALL });
    const inp = node(p, c1, act.y + act.h + 30, "Linear layer", { w: 160, h: 34, fontSize: SMALL });
    up(p, inp, act);
    up(p, act, mul);
    up(p, mul, top);
    arrow(p, [
      [c2, gate.y],
      [c2, cyOf(mul)],
      [mul.x + mul.w, cyOf(mul)],
    ]);
    const busY = inp.y + inp.h + 18;
    arrow(p, [
      [c1, busY + 18],
      [c1, inp.y + inp.h],
    ]);
    arrow(p, [
      [c1, busY],
      [c2, busY],
      [c2, gate.y + gate.h],
    ]);
    bottomY = busY + 30;
  } else {
    const act = node(p, c1, y0 + 34 + 26, actText, { w: 180, fontSize: SMALL, kind: "activation" });
    act.h = Math.max(act.h, 34);
    const inp = node(p, c1, act.y + act.h + 26, "Linear layer", { w: 160, h: 34, fontSize: SMALL });
    up(p, inp, act);
    up(p, act, top);
    arrow(p, [
      [c1, inp.y + inp.h + 24],
      [c1, inp.y + inp.h],
    ]);
    bottomY = inp.y + inp.h + 30;
  }
  const caption: Line[] = [];
  for (const m of f.mlps) caption.push(denseHiddenLine(f, m));
  for (const m of f.moes) {
    caption.push([t("Expert hidden size "), n(m.expertHidden)]);
    const sharedHidden = m.sharedExperts ? (m.sharedHidden ?? m.sharedExperts * m.expertHidden) : 0;
    if (sharedHidden && sharedHidden !== m.expertHidden) caption.push([t("Shared expert hidden size "), n(sharedHidden)]);
  }
  caption.push([t("Input and output width "), n(f.arch.dModel)]);
  return finish("ffn", p, bottomY + 4, dedupe(caption), f.moes.length ? {} : { zoomFrom: "ffn" });
}
