/**
 * Learned attention sinks in the attention-mask panel: one extra column left of a mask, its own cell in every
 * query row. The sink is a learned logit per head in the softmax's denominator, not a token: it takes a share of
 * the attention and gives back no value, so a head may attend to (almost) nothing.
 */
import type { AttentionMixer } from "@archgal/schema/metrics";
import type { Line } from "../text-metrics.js";
import { t, type PanelStart } from "./kit.js";

/** Width the sink column takes left of a mask, with its gap (mask units). */
export const SINK_COLUMN = 22;

/** Whether any of these attention mixers has learned sinks. */
export const hasSinks = (mixers: readonly AttentionMixer[]): boolean => mixers.some((m) => m.sinks === true);

/**
 * Draws the sink column of mask `i` (`rows` cells of `cell` units, top at `gy`) ending `SINK_COLUMN` units left
 * of the mask's left edge `maskX`, with its name above.
 */
export function drawSinkColumn(p: PanelStart, i: number, maskX: number, gy: number, rows: number, cell: number): void {
  const x = maskX - SINK_COLUMN + (SINK_COLUMN - cell) / 2 - 4;
  p.c.box({
    id: `${p.comp}/mask-${i}-sink`,
    component: p.comp,
    kind: "mask-sink",
    left: x,
    y: gy,
    w: cell,
    h: rows * cell,
    lines: [],
    fill: "accent",
    stroke: "box",
    strokeWidth: 1,
    rx: 0,
  });
}

/** The caption line of the sinks. */
export const sinkCaption = (): Line => [t("Left column: a learned sink logit per head joins the softmax (takes weight, adds no value)")];
