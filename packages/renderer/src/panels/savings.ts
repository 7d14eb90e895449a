/**
 * The MoE resource-savings bullets: total vs active parameters.
 */
import { formatCount, formatInt } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import { Canvas, labelRect } from "../canvas.js";
import type { Line } from "../text-metrics.js";
import { moesByUse } from "./moe.js";
import { PW, t, type Panel } from "./kit.js";

/** The MoE resource-savings bullets: total vs active parameters. */
export function savingsPanel(f: Facts): Panel | undefined {
  const moe = moesByUse(f)[0];
  if (!moe) return undefined;
  const c = new Canvas("savings");
  const shared = moe.sharedExperts ?? 0;
  const pct = (100 * f.mainActive) / f.mainTotal;
  const bullets: Line[] = [
    [t("Model size is "), { text: formatCount(f.mainTotal), accent: true }],
    [
      t("but only "),
      {
        text: `${shared ? `${formatInt(shared)} (shared) + ` : ""}${formatInt(moe.activeExperts)} expert${moe.activeExperts === 1 ? "" : "s"}`,
        accent: true,
      },
      t(" active per token"),
    ],
    [
      t("only "),
      { text: formatCount(f.mainActive), accent: true },
      t(" parameters active per token ("),
      { text: `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`, accent: true },
      t(")"),
    ],
  ];
  const head = c.label({
    id: "savings-title",
    component: "savings",
    kind: "savings",
    x: 18,
    y: 0,
    lines: [[{ text: "Resource savings:", accent: true }]],
    fontSize: 16,
    weight: "bold",
  });
  let y = labelRect(head).h + 4;
  bullets.forEach((b, i) => {
    c.label({ id: `savings-bullet-${i}`, component: "savings", kind: "bullet", x: 22, y, lines: [[t("•")]], fontSize: 16, weight: "bold" });
    const l = c.label({
      id: `savings-${i}`,
      component: "savings",
      kind: "savings",
      x: 40,
      y,
      lines: [b],
      maxW: PW - 58,
      fontSize: 16,
      weight: "bold",
    });
    y += labelRect(l).h + 4;
  });
  const r = { h: y };
  return { id: "savings", canvas: c, w: PW, h: r.h };
}
