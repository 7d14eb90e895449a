/**
 * A dense feed-forward network, gated (SwiGLU / GeGLU) or not.
 */
import type { FfnKindCore } from "../mixer-kind.js";
import type { Activation, PositiveInt } from "../../spec-types.js";

/** A dense feed-forward network. */
export interface MlpFfn {
  kind: "mlp";
  /** Hidden (intermediate) width. */
  hidden: PositiveInt;
  /** Activation. */
  activation: Activation;
  /** Gated linear unit (SwiGLU / GeGLU): three matrices instead of two. */
  gated: boolean;
  /** Biases on the linear layers. */
  bias?: boolean;
}

/**
 * Learned parameters of the activation itself, per FFN (per expert in a MoE): Motif's PolyNorm has three weights and
 * a bias (`act_fn.weight` [3], `act_fn.bias` [1]); the other activations have none.
 */
export const activationParams = (activation: Activation): number => (activation === "polynorm" ? 4 : 0);

/** Parameters of a (possibly gated) two-layer MLP of width `hidden`. */
export function mlpParams(dModel: number, hidden: number, gated: boolean, bias: boolean): number {
  const weights = (gated ? 3 : 2) * dModel * hidden;
  const biases = bias ? (gated ? 2 * hidden : hidden) + dModel : 0;
  return weights + biases;
}

export const mlp = {
  kind: "mlp",
  sparse: false,
  params: (f, dModel) => ({
    dense: mlpParams(dModel, f.hidden, f.gated, f.bias ?? false) + activationParams(f.activation),
    router: 0,
    routed: 0,
    perExpert: 0,
    shared: 0,
    activeExperts: 0,
  }),
  onlyLabel: "FFN-only",
  shortName: "FFN",
  title: "Feed-forward network",
} satisfies FfnKindCore<MlpFfn>;
