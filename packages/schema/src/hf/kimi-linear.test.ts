import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandLayers, formatLayerPattern } from "../layers.js";
import { countParams } from "../params.js";
import type { KimiDeltaMixer, MlaMixer } from "../spec-types.js";
import { validateSpec } from "../validate.js";
import { HfImportError, importHuggingFaceConfig } from "./index.js";

const real = JSON.parse(readFileSync(new URL("./fixtures/kimi-linear-48b-a3b.json", import.meta.url), "utf8")) as Record<string, unknown>;

const problemPaths = (config: Record<string, unknown>): string[] => {
  try {
    importHuggingFaceConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems.map((p) => p.path);
  }
  throw new Error("expected the import to fail");
};

const small = {
  model_type: "kimi_linear",
  vocab_size: 1000,
  hidden_size: 64,
  num_hidden_layers: 4,
  num_attention_heads: 4,
  intermediate_size: 128,
  num_experts: 4,
  num_experts_per_token: 2,
  moe_intermediate_size: 32,
  linear_attn_config: { num_heads: 2, head_dim: 16, short_conv_kernel_size: 4 },
};

describe("kimi_linear", () => {
  it("reads the real Kimi-Linear config: 1-indexed layer lists, NoPE MLA, bias-free output gate, every key understood", () => {
    const { spec, warnings } = importHuggingFaceConfig(real);
    expect(warnings.filter((w) => w.startsWith("config key"))).toEqual([]);
    expect(validateSpec(spec).issues).toEqual([]);
    const a = spec.architecture;
    const mla = new Set([4, 8, 12, 16, 20, 24, 27]);
    expect(expandLayers(a.layers).map((l) => `${l.mixer}/${l.ffn}`)).toEqual(
      Array.from({ length: 27 }, (_, i) => `${mla.has(i + 1) ? "mla" : "kda"}/${i === 0 ? "dense" : "moe"}`),
    );
    expect(a.mixers.kda).toEqual({ kind: "kimi-delta", heads: 32, headDim: 128, convKernel: 4, outputGateBias: false });
    expect((a.mixers.mla as MlaMixer).rope).toBe(false);
    expect((a.mixers.mla as MlaMixer).qLoraRank).toBeNull();
    expect(a.contextLength).toBe(1048576);
  });

  it("counts the output gate bias only where the gate has one", () => {
    const withBias = structuredClone(importHuggingFaceConfig(real).spec);
    const kda = withBias.architecture.mixers.kda as KimiDeltaMixer;
    delete kda.outputGateBias;
    expect(countParams(withBias).total - countParams(importHuggingFaceConfig(real).spec).total).toBe(20 * 32 * 128);
    const full = importHuggingFaceConfig({ ...small, use_full_rank_output_gate: true }).spec.architecture.mixers.kda as KimiDeltaMixer;
    expect(full.outputGate).toBe("full-rank");
    expect(full.outputGateBias).toBeUndefined();
    expect(
      validateSpec({
        ...withBias,
        architecture: { ...withBias.architecture, mixers: { ...withBias.architecture.mixers, kda: { ...full, outputGateBias: false } } },
      }).issues.map((i) => String(i.path)),
    ).toEqual(["architecture.mixers.kda.outputGateBias"]);
  });

  it("without layer lists, every fourth layer is MLA", () => {
    const { spec } = importHuggingFaceConfig(small);
    expect(formatLayerPattern(spec.architecture.layers)).toBe("1×(kda, dense) + 2×(kda, moe) + 1×(mla, moe)");
  });

  it("refuses layer lists that do not name every layer once, and the Kimi K3 fields it cannot follow", () => {
    const lists = (full: number[], kda: number[]) => ({
      ...small,
      linear_attn_config: { ...small.linear_attn_config, full_attn_layers: full, kda_layers: kda },
    });
    expect(importHuggingFaceConfig(lists([2], [1, 3, 4])).spec.architecture.layers[1]).toMatchObject({ mixer: "mla" });
    expect(problemPaths(lists([4], [1, 2]))).toEqual(["linear_attn_config.kda_layers"]);
    expect(problemPaths(lists([4, 0], [1, 2, 3]))).toEqual(["linear_attn_config.full_attn_layers"]);
    expect(problemPaths(lists([4], [1, 2, 3, 4]))).toEqual(["linear_attn_config.kda_layers"]);
    expect(problemPaths({ ...small, attn_res_block_size: 8 })).toEqual(["attn_res_block_size"]);
    expect(problemPaths({ ...small, mla_use_output_gate: true })).toEqual(["mla_use_output_gate"]);
    expect(problemPaths({ ...small, moe_router_activation_func: "softmax" })).toEqual(["moe_router_activation_func"]);
  });
});
