/**
 * A sparse mixture-of-experts feed-forward layer: routed experts, optional shared experts, zero experts, a
 * latent bottleneck (LatentMoE) and linear or MLP routers.
 */
import type { FfnKindCore } from "../mixer-kind.js";
import type { Activation, NonNegativeInt, PositiveInt } from "../../spec-types.js";
import { activationParams, mlpParams } from "./mlp.js";

/** Router settings of a mixture of experts. */
export interface Router {
  /** Gate scoring function. */
  scoring?: "softmax" | "sigmoid" | "sqrtsoftplus";
  /** Tokens are routed by a fixed hash of their id rather than by the learned gate (DeepSeek V4's first layers). */
  hash?: boolean;
  /**
   * A small MLP router instead of one linear layer (ZAYA1): down-projection to `hidden` (with bias), a state
   * scale, RMSNorm, two hidden layers with biases, and an output layer over experts and zero experts.
   */
  mlpHidden?: PositiveInt;
  /** Router has a bias (or a per-expert score-correction bias, DeepSeek V3). Adds `experts` parameters. */
  bias?: boolean;
  /** Expert groups for group-limited routing. */
  groups?: PositiveInt;
  /** Groups each token may route to. */
  topkGroups?: PositiveInt;
  /** Scaling applied to routed expert outputs. */
  routedScale?: number;
  /**
   * A learned per-channel scale on the router's (weightless-normed) input (Gemma 4's `router.scale`):
   * adds dModel parameters.
   */
  inputScale?: boolean;
  /**
   * A learned scale per routed expert, applied to the routing weight of the experts a token picks
   * (Gemma 4's `router.per_expert_scale`): adds `experts` parameters.
   */
  expertScale?: boolean;
}

/** A sparse mixture-of-experts feed-forward layer. */
export interface MoeFfn {
  kind: "moe";
  /** Routed experts. */
  experts: PositiveInt;
  /** Routed experts active per token. */
  activeExperts: PositiveInt;
  /** Hidden width of one routed expert. */
  expertHidden: PositiveInt;
  /** Always-active shared experts. */
  sharedExperts?: NonNegativeInt;
  /** Hidden width of the shared expert block (all shared experts together). Default sharedExperts × expertHidden. */
  sharedHidden?: PositiveInt;
  /** A sigmoid gate on the shared expert's output (Qwen2-MoE / Qwen3-Next): adds dModel parameters. */
  sharedGate?: boolean;
  /** Activation of the experts. */
  activation: Activation;
  /** Gated experts (SwiGLU). */
  gated: boolean;
  /** Biases in the expert linear layers. */
  bias?: boolean;
  /**
   * LatentMoE (Nemotron 3 Super): routed experts read and write this narrower width, between one
   * down-projection (dModel → latent) and one up-projection (latent → dModel) shared by all experts.
   */
  latent?: PositiveInt;
  /** An RMSNorm on the latent before the up-projection (Kimi K3's `latent_moe_use_norm`): adds `latent` weights. */
  latentNorm?: boolean;
  /** Parameter-free "zero-computation" experts that return their input (LongCat). */
  zeroExperts?: NonNegativeInt;
  /** Router details. */
  router?: Router;
  /**
   * RMSNorms of width dModel inside the FFN block, beyond the block norms the spec's norm placement gives
   * (Gemma 4 26B-A4B runs the experts beside a dense MLP with three of its own: pre_feedforward_layernorm_2,
   * post_feedforward_layernorm_1 and post_feedforward_layernorm_2). Adds `branchNorms` × dModel, counted as norms.
   */
  branchNorms?: PositiveInt;
}

export const moe = {
  kind: "moe",
  sparse: true,
  params(f, dModel) {
    // LatentMoE (Nemotron 3 Super): routed experts work in a narrower latent width between a down- and an up-projection.
    const expertWidth = f.latent ?? dModel;
    const act = activationParams(f.activation);
    const perExpert = mlpParams(expertWidth, f.expertHidden, f.gated, f.bias ?? false) + act;
    const latentProjections = f.latent ? 2 * dModel * f.latent + (f.bias ? f.latent + dModel : 0) + (f.latentNorm ? f.latent : 0) : 0;
    const routerOut = f.experts + (f.zeroExperts ?? 0);
    const h = f.router?.mlpHidden;
    // MLP router (ZAYA1 ZayaRouter): down-projection with bias, state scale, RMSNorm, two hidden layers with
    // biases, output over experts and zero experts without bias.
    const router =
      (h ? dModel * h + h + h + h + 2 * (h * h + h) + h * routerOut : dModel * routerOut) +
      (f.router?.bias ? routerOut : 0) +
      (f.router?.inputScale ? dModel : 0) +
      (f.router?.expertScale ? f.experts : 0);
    const sharedHidden = f.sharedExperts ? (f.sharedHidden ?? f.sharedExperts * f.expertHidden) : 0;
    const shared =
      (sharedHidden ? mlpParams(dModel, sharedHidden, f.gated, f.bias ?? false) + act : 0) +
      (f.sharedGate ? dModel : 0) +
      latentProjections;
    const norms = (f.branchNorms ?? 0) * dModel;
    return {
      dense: 0,
      router,
      routed: f.experts * perExpert,
      perExpert,
      shared,
      activeExperts: f.activeExperts,
      ...(norms ? { norms } : {}),
    };
  },
  onlyLabel: "MoE-only",
  shortName: "MoE",
  title: "Mixture of experts",
} satisfies FfnKindCore<MoeFfn>;
