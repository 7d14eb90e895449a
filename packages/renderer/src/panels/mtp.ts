/**
 * The multi-token-prediction note.
 */
import { formatCount } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import { Canvas, labelRect } from "../canvas.js";
import { mixerShortName } from "../naming.js";
import type { Line } from "../text-metrics.js";
import { PW, n, t, type Panel } from "./kit.js";

/** What an MTP module holds, e.g. `MLA + MoE`. */
export function mtpModuleKind(f: Facts, mtp: NonNullable<Facts["arch"]["mtp"]>): string {
  const m = f.arch.mixers[mtp.mixer];
  const ffn = f.arch.ffns[mtp.ffn];
  return [m ? mixerShortName(m, f.kinds) : mtp.mixer, ffn ? (ffn.kind === "moe" ? "MoE" : "FFN") : mtp.ffn].join(" + ");
}

/** The multi-token-prediction note. */
export function mtpPanel(f: Facts): Panel | undefined {
  const mtp = f.arch.mtp;
  if (!mtp) return undefined;
  const c = new Canvas("mtp");
  const what = mtpModuleKind(f, mtp);
  const lines: Line[] = [
    [{ text: "Multi-token prediction:", accent: true }],
    [
      n(mtp.layers),
      t(` extra module${mtp.layers > 1 ? "s" : ""} (${what}, `),
      { text: formatCount(f.params.breakdown.mtp), accent: true },
      t(" parameters) predict further tokens in training; usable for speculative decoding"),
    ],
  ];
  const l = c.label({ id: "mtp-note", component: "mtp", kind: "note", x: 18, y: 0, lines, maxW: PW - 36, fontSize: 15, weight: "bold" });
  const r = labelRect(l);
  return { id: "mtp", canvas: c, w: PW, h: r.h };
}
