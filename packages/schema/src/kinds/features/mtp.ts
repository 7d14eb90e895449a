/**
 * Multi-token prediction modules (DeepSeek V3 and successors), reported apart from the main model.
 */
import type { BlockFeature } from "../mixer-kind.js";
import type { PositiveInt, DefinitionName } from "../../spec-types.js";
import { hyperConnectionParams } from "./hyper-connections.js";

/** Multi-token prediction modules (DeepSeek V3 and successors). */
export interface Mtp {
  /** MTP modules (depth). */
  layers: PositiveInt;
  /** Mixer of each module's transformer block. */
  mixer: DefinitionName;
  /** FFN of each module's transformer block. */
  ffn: DefinitionName;
  /**
   * Whether the previous hidden state is normed before the concatenation (DeepSeek's `hnorm`). Default true;
   * Motif 3's MotifMTP norms only the embedding (`embed_norm`).
   */
  hiddenNorm?: boolean;
  /**
   * Whether the module's block carries the architecture's hyper-connection maps. Default true when the
   * architecture has hyper-connections; Motif 3's MTP block is a plain residual block.
   */
  hyperConnections?: boolean;
}

export const mtp = {
  id: "mtp",
  params(arch, ctx, add) {
    if (!arch.mtp) return;
    // Each module: enorm, hnorm, eh_proj (2d → d), one block, final norm; embedding and head shared. With
    // hyper-connections, the block's two sublayers and the module's contraction carry their maps too.
    const d = arch.dModel;
    const m = ctx.mixer(arch.mtp.mixer);
    const f = ctx.ffn(arch.mtp.ffn);
    const norms = ((arch.mtp.hiddenNorm === false ? 2 : 3) + ctx.blockNorms) * ctx.norm;
    const block = (m?.params ?? 0) + (f ? f.dense + f.router + f.shared : 0);
    const hc = arch.mtp.hyperConnections === false ? undefined : arch.hyperConnections;
    const perModule = norms + 2 * d * d + block + (hc ? hyperConnectionParams(hc, d, 2) : 0);
    add("mtp", arch.mtp.layers * (perModule + (f?.routed ?? 0)), arch.mtp.layers * (perModule + (f ? f.activeExperts * f.perExpert : 0)));
  },
} satisfies BlockFeature;
