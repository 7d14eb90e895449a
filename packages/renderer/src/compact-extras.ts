/**
 * What the full entry adds to the compact figure, and the lean entry leaves out (to keep its bundle small): the
 * note on the MTP modules and the layer mix as a mini layer strip.
 */
import { formatCount, formatInt } from "@archgal/schema/metrics";
import type { Facts } from "./analysis.js";
import { labelRect, type Canvas } from "./canvas.js";
import type { Rect } from "./layout-types.js";
import { layerStrip } from "./layer-strip.js";
import { mtpModuleKind } from "./panels/mtp.js";
import type { Line } from "./text-metrics.js";

/** The compact figure's additions (see {@link compactExtras}). */
export interface CompactExtras {
  /** The MTP modules' note, e.g. `1 multi-token prediction module (MLA + MoE, 11.6B parameters), used in training`. */
  mtpNote(f: Facts): Line | undefined;
  /** Draws the layer mix below `y` within `frame`'s width in `fs`-unit text (nothing for one kind of layer). */
  layerMix(f: Facts, c: Canvas, frame: Rect, y: number, fs: number): void;
}

/** The compact figure's additions, as the full entry draws them. */
export const compactExtras: CompactExtras = {
  mtpNote(f) {
    const mtp = f.arch.mtp;
    if (!mtp) return undefined;
    const num = (v: string) => ({ text: v, accent: true });
    return [
      num(formatInt(mtp.layers)),
      { text: ` multi-token prediction module${mtp.layers > 1 ? "s" : ""} (${mtpModuleKind(f, mtp)}, ` },
      num(formatCount(f.params.breakdown.mtp)),
      { text: " parameters), used in training" },
    ];
  },
  layerMix(f, c, frame, y, fs) {
    if (new Set(f.layerKeys).size < 2) return;
    const head = c.label({
      id: "layer-mix-title",
      component: "pattern",
      kind: "listing-title",
      x: frame.x,
      y: y + fs * 0.5,
      lines: [[{ text: "Layer mix" }]],
      fontSize: fs,
      weight: "bold",
    });
    const hr = labelRect(head);
    layerStrip(f, c, {
      x: frame.x,
      y: hr.y + hr.h + fs * 0.4,
      width: frame.w,
      component: "pattern",
      rowH: Math.round(fs * 1.3),
      axisSize: fs,
      legendSize: fs,
      counts: true,
    });
  },
};
