/**
 * Hyper-connections: the residual stream widened to several copies (DeepSeek V4's manifold-constrained form,
 * Hy4's independent form, Qwen3.8-Flash-Next's low-rank gated residual).
 */
import type { BlockFeature } from "../mixer-kind.js";
import type { HyperConnections } from "../../spec-types.js";

/**
 * Parameters of hyper-connections with `streams` copies of a `dModel`-wide stream around `sublayers` sublayers.
 *
 * - `manifold` (DeepSeek V4 mHC): around each sublayer a map (n·d → 2n + n²) with a 3-value scale and a bias;
 *   before the final norm a contraction (n·d → n) with bias and scale.
 * - `single-pass` (DeepSeek V4.1, transformers `DeepseekV41DecoderLayer`: `hc_attn_fn`/`hc_ffn_fn` (2n + n², n·d),
 *   `_base` (2n + n²), `_scale` (3)): the same map around each sublayer; the last one's read weights collapse the
 *   streams before the final norm, so there is no head contraction.
 * - `independent` (Hy4 HYV4HyperConnection): around each sublayer `fn` (n·d → 2n), `base` (2n) and `scale` (2),
 *   no stream-mixing matrix; the head HYV4HyperHead has `hc_fn` (n·d → n), `hc_base` (n) and `hc_scale` (1).
 * - `low-rank` (transformers Qwen4ExpTextGatedResidual): around each sublayer a grouped RMSNorm (n·d),
 *   `input_mix_weight_down` (n·d → rank), `input_mix_weight_up` (rank → n·d) and `block_inject_weight` (n·d → n),
 *   all without bias; the final mixer has no inject weight.
 * - `streamNorm` (Motif 3 MotifMHCLayer): the manifold map's input RMSNorm carries n·d weights per sublayer;
 *   `readout: "mean"` averages the streams before the final norm, with no weights.
 */
export function hyperConnectionParams(hc: HyperConnections, dModel: number, sublayers: number): number {
  const n = hc.streams;
  const wide = n * dModel;
  const lowRank = wide * (1 + 2 * (hc.rank ?? 0));
  const perSublayer =
    hc.form === "low-rank"
      ? lowRank + wide * n
      : hc.form === "independent"
        ? wide * 2 * n + 2 * n + 2
        : wide * (2 * n + n * n) + 3 + 2 * n + n * n + (hc.streamNorm ? wide : 0);
  // No head weights when the last map's read weights collapse the streams (single-pass) or they are averaged.
  const head = hc.form === "low-rank" ? lowRank : hc.form === "single-pass" || hc.readout === "mean" ? 0 : wide * n + n + 1;
  return sublayers * perSublayer + head;
}

export const hyperConnections = {
  id: "hyper-connections",
  params(arch, ctx, add) {
    const hc = arch.hyperConnections;
    if (hc) add("hyperConnections", hyperConnectionParams(hc, arch.dModel, ctx.sublayers));
  },
} satisfies BlockFeature;

/** What the figure calls a form, in the literature's words: `manifold-constrained hyper-connections (mHC)`, … */
export function hyperConnectionsName(hc: HyperConnections): string {
  switch (hc.form ?? "manifold") {
    case "independent":
      return "independent hyper-connections (iHC)";
    case "low-rank":
      return "low-rank gated residual streams";
    default:
      return "manifold-constrained hyper-connections (mHC)";
  }
}
