/**
 * Manifold-constrained hyper-connections (DeepSeek V4): the residual stream widened to several copies.
 */
import type { BlockFeature } from "../mixer-kind.js";

/**
 * Parameters of hyper-connections with `streams` copies of a `dModel`-wide stream around `sublayers` sublayers:
 * around each sublayer a map (n·d → 2n + n²) with a 3-value scale and a bias; before the final norm a
 * contraction (n·d → n) with bias and scale.
 */
export function hyperConnectionParams(streams: number, dModel: number, sublayers: number): number {
  const mix = 2 * streams + streams * streams;
  const perSublayer = streams * dModel * mix + 3 + mix;
  return sublayers * perSublayer + streams * dModel * streams + streams + 1;
}

export const hyperConnections = {
  id: "hyper-connections",
  params(arch, ctx, add) {
    const hc = arch.hyperConnections?.streams;
    if (hc) add("hyperConnections", hyperConnectionParams(hc, arch.dModel, ctx.sublayers));
  },
} satisfies BlockFeature;
