/**
 * The shared-expert gate of the MoE panel: the shared expert's output passes a multiplication by a sigmoid gate
 * (computed from the layer's input) before it joins the routed experts' sum.
 */
import type { Box, Point } from "../layout-types.js";
import type { Line } from "../text-metrics.js";
import { arrow, circle, cxOf, t, tag, type PanelStart } from "./kit.js";

/** Radius of the gate's ⊗. */
const R = 10;

/**
 * Draws the gate above the shared expert box `shared`: an arrow up into a ⊗ labelled "σ gate", then the arrow on
 * to `to` (the sum). Needs about 3R + 12 units free above the box.
 */
export function drawSharedGate(p: PanelStart, shared: Box, to: Point): void {
  const x = cxOf(shared);
  const cy = shared.y - 12 - R;
  const gate = circle(p, x, cy, "times", R);
  arrow(p, [
    [x, shared.y],
    [x, gate.y + gate.h],
  ]);
  tag(p, x + R + 4, cy - 8, "σ gate");
  arrow(p, [[x, gate.y], to]);
}

/** The caption line of the gate. */
export const sharedGateCaption = (): Line => [t("Shared expert output × sigmoid gate (from the layer input)")];
