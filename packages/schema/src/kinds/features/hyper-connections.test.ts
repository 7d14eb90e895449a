import { describe, expect, it } from "vitest";
import { hyperConnectionParams } from "./hyper-connections.js";
import { validateSpec, formatIssues } from "../../validate.js";

describe("hyper-connection forms", () => {
  it("manifold (DeepSeek V4 mHC): a 2n + n² map per sublayer and a contraction before the final norm", () => {
    const n = 4;
    const d = 4096;
    const mix = 2 * n + n * n;
    expect(hyperConnectionParams({ streams: n }, d, 2)).toBe(2 * (n * d * mix + 3 + mix) + n * d * n + n + 1);
    expect(hyperConnectionParams({ streams: n, form: "manifold" }, d, 2)).toBe(hyperConnectionParams({ streams: n }, d, 2));
  });

  it("independent (Hy4 HYV4HyperConnection, HYV4HyperHead): fn (n·d → 2n), base and scale, no mixing matrix", () => {
    const d = 6144;
    const perSublayer = 2 * 4 * (4 * d) + 2 * 4 + 2;
    const head = 4 * (4 * d) + 4 + 1;
    expect(hyperConnectionParams({ streams: 4, form: "independent" }, d, 156)).toBe(156 * perSublayer + head);
  });

  it("low-rank (Qwen4ExpTextGatedResidual): norm, down, up and inject per sublayer; the final mixer has no inject", () => {
    const wide = 4 * 2560;
    const mixer = wide + wide * 320 + 320 * wide;
    expect(hyperConnectionParams({ streams: 4, form: "low-rank", rank: 320 }, 2560, 96)).toBe(96 * (mixer + wide * 4) + mixer);
  });

  const spec = (hyperConnections: object) => ({
    id: "x",
    name: "x",
    architecture: {
      vocabSize: 10,
      contextLength: 16,
      dModel: 8,
      numLayers: 1,
      embedding: { tied: true },
      positional: { kind: "none" },
      norm: { kind: "rmsnorm", placement: "pre" },
      mixers: { attn: { kind: "attention", heads: 2, kvHeads: 1, headDim: 4 } },
      ffns: { mlp: { kind: "mlp", hidden: 16, activation: "silu", gated: true } },
      layers: [{ mixer: "attn", ffn: "mlp" }],
      hyperConnections,
    },
  });

  it("asks for the rank of the low-rank form and refuses it on the others", () => {
    expect(formatIssues(validateSpec(spec({ streams: 4, form: "low-rank", rank: 4 })).issues)).toBe("");
    expect(formatIssues(validateSpec(spec({ streams: 4, form: "low-rank" })).issues)).toMatch(/hyperConnections\.rank.*bottleneck rank/);
    expect(formatIssues(validateSpec(spec({ streams: 4, form: "independent", rank: 4 })).issues)).toMatch(
      /only applies to form "low-rank"/,
    );
    expect(formatIssues(validateSpec(spec({ streams: 4, form: "sinkhorn" })).issues)).toMatch(/form/);
  });
});
