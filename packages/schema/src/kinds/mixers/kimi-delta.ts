/**
 * Kimi Delta Attention (Kimi Linear).
 */
import type { MixerKindCore } from "../mixer-kind.js";
import type { PositiveInt } from "../../spec-types.js";
import { fixedNames, noRotary } from "../common.js";

/** Kimi Delta Attention (Kimi Linear). */
export interface KimiDeltaMixer {
  kind: "kimi-delta";
  /** Heads. */
  heads: PositiveInt;
  /** Head dimension (keys and values). */
  headDim: PositiveInt;
  /** Causal depthwise convolution kernel size. */
  convKernel: PositiveInt;
  /**
   * The output gate feeding the gated RMSNorm: `low-rank` (d → headDim → heads·headDim with a bias; Kimi Linear,
   * the default) or `full-rank`, one projection d → heads·headDim without bias (Kimi K3's `use_full_rank_gate`).
   */
  outputGate?: "low-rank" | "full-rank";
  /**
   * Bias on the low-rank output gate's up-projection (d → headDim → heads·headDim); absent = true, as in
   * flash-linear-attention's KimiDeltaAttention. `false` for the Kimi Linear checkpoints (transformers'
   * KimiLinearDeltaAttention and the serving ports build g_b_proj without a bias). Only with the low-rank gate.
   */
  outputGateBias?: boolean;
  /**
   * The per-channel decay gate f: `low-rank` (d → headDim → heads·headDim; Kimi Linear, the default) or
   * `full-rank`, one projection d → heads·headDim without bias (Ling 3.0's `no_kda_lora`, `f_proj`).
   */
  decayGate?: "low-rank" | "full-rank";
}

export const kimiDelta = {
  kind: "kimi-delta",
  family: "linear-attention",
  rotary: noRotary,
  params(m, arch) {
    // fla-org/flash-linear-attention fla/layers/kda.py (KimiDeltaAttention): q/k/v projections, depthwise
    // q/k/v convolutions without bias, low-rank decay gate f (d→V→H·K), beta b (d→H), A_log (H),
    // dt_bias (H·K), low-rank output gate g (d→V→H·V, with bias unless outputGateBias is false) or Kimi K3's full-rank g_proj (d→H·V),
    // gated RMSNorm (V), o_proj. Ling 3.0 (no_kda_lora) replaces f_a/f_b by one f_proj (d→H·K).
    const d = arch.dModel;
    const hk = m.heads * m.headDim;
    const v = m.headDim;
    const gate = m.outputGate === "full-rank" ? d * hk : d * v + v * hk + (m.outputGateBias === false ? 0 : hk);
    const decay = m.decayGate === "full-rank" ? d * hk : d * v + v * hk;
    const params = 3 * d * hk + m.convKernel * 3 * hk + decay + d * m.heads + m.heads + hk + gate + v + hk * d;
    return { component: "linearMixer", params };
  },
  cache: {
    perToken: () => 0,
  },
  ...fixedNames("Kimi Delta Attention", "**Kimi Delta** Attention"),
  callout: (m) => [m.heads, " heads"],
} satisfies MixerKindCore<KimiDeltaMixer>;
