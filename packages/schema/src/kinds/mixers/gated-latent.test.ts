import { describe, expect, it } from "vitest";
import { mla, type MlaMixer } from "./mla.js";
import { mlaDetails } from "./mla.details.js";
import { kimiDelta, type KimiDeltaMixer } from "./kimi-delta.js";
import { kimiDeltaDetails } from "./kimi-delta.details.js";
import { moe, type MoeFfn } from "../ffns/moe.js";
import { moeDetails } from "../ffns/moe.details.js";
import { validateSpec, formatIssues } from "../../validate.js";

// Kimi K3's text stack (transformers modular_kimi_k3.py with the K3 config values).
const d = 7168;
const arch = { dModel: d, norm: { kind: "rmsnorm", placement: "pre" } } as const;
const gatedMla: MlaMixer = {
  kind: "mla",
  heads: 96,
  qLoraRank: 1536,
  kvLoraRank: 512,
  qkNopeHeadDim: 128,
  qkRopeHeadDim: 64,
  vHeadDim: 128,
  rope: false,
  outputGate: "elementwise",
};
const { outputGate: _gate, ...plainMla } = gatedMla;

describe("gated MLA (Kimi K3, Hy4)", () => {
  it("adds the output gate projection d → heads·vHeadDim and nothing else", () => {
    expect(mla.params(gatedMla, arch).params - mla.params(plainMla, arch).params).toBe(d * 96 * 128);
    expect(mla.params({ ...gatedMla, outputGate: "headwise" }, arch).params - mla.params(plainMla, arch).params).toBe(d * 96);
  });

  it("matches the KimiK3GatedMLA tensor list", () => {
    const q = d * 1536 + 1536 + 1536 * 96 * (128 + 64);
    const kv = d * (512 + 64) + 512 + 512 * 96 * (128 + 128);
    const out = d * 96 * 128 + 96 * 128 * d;
    expect(mla.params(gatedMla, arch).params).toBe(q + kv + out);
  });

  it("keeps the cache and the attention work of plain MLA, and is named and tagged as gated", () => {
    expect(mla.cache.perToken(gatedMla)).toBe(576);
    expect(mlaDetails.attentionMacs(gatedMla, 4096)).toBe(mlaDetails.attentionMacs(plainMla, 4096));
    expect(mla.shortName(gatedMla)).toBe("gated MLA");
    expect(mla.title(gatedMla)).toBe("**Gated** Multi-head **Latent** Attention");
    expect(mlaDetails.concepts(gatedMla, { rope: false })).toContain("gated-attention");
    expect(mlaDetails.facts(gatedMla)).toContainEqual(["Output gate", "elementwise"]);
  });
});

describe("Kimi Delta Attention with a full-rank output gate (Kimi K3)", () => {
  const lowRank: KimiDeltaMixer = { kind: "kimi-delta", heads: 96, headDim: 128, convKernel: 4 };
  const fullRank: KimiDeltaMixer = { ...lowRank, outputGate: "full-rank" };
  it("replaces the low-rank gate (d→V→H·V with bias) by one projection d→H·V without bias", () => {
    const hv = 96 * 128;
    expect(kimiDelta.params(fullRank, arch).params - kimiDelta.params(lowRank, arch).params).toBe(d * hv - (d * 128 + 128 * hv + hv));
    expect(kimiDelta.params({ ...lowRank, outputGate: "low-rank" }, arch).params).toBe(kimiDelta.params(lowRank, arch).params);
  });
  it("keeps the recurrent state", () => {
    expect(kimiDeltaDetails.cache.state(fullRank)).toBe(kimiDeltaDetails.cache.state(lowRank));
  });
});

describe("Kimi Delta Attention with a full-rank decay gate (Ling 3.0)", () => {
  // sglang bailing_moe_v3.py BailingKDA with no_kda_lora: f_proj (d→H·K) and g_proj (d→H·V), both without bias.
  const ling = { dModel: 2560, norm: { kind: "rmsnorm", placement: "pre" } } as const;
  const lowRank: KimiDeltaMixer = { kind: "kimi-delta", heads: 32, headDim: 128, convKernel: 4 };
  const full: KimiDeltaMixer = { ...lowRank, outputGate: "full-rank", decayGate: "full-rank" };
  it("replaces f_a/f_b (d→K→H·K) by one projection d→H·K", () => {
    const hk = 32 * 128;
    const withFullOutput = kimiDelta.params({ ...lowRank, outputGate: "full-rank" }, ling).params;
    expect(kimiDelta.params(full, ling).params - withFullOutput).toBe(2560 * hk - (2560 * 128 + 128 * hk));
    expect(kimiDelta.params({ ...lowRank, decayGate: "low-rank" }, ling).params).toBe(kimiDelta.params(lowRank, ling).params);
  });
  it("is shown in the facts and keeps the recurrent state", () => {
    expect(kimiDeltaDetails.facts(full)).toContainEqual(["Decay gate", "full-rank"]);
    expect(kimiDeltaDetails.cache.state(full)).toBe(kimiDeltaDetails.cache.state(lowRank));
  });
});

describe("LatentMoE with a normalised latent (Kimi K3)", () => {
  const k3: MoeFfn = {
    kind: "moe",
    experts: 896,
    activeExperts: 16,
    expertHidden: 3072,
    sharedExperts: 2,
    activation: "situ",
    gated: true,
    latent: 3584,
    latentNorm: true,
  };
  it("counts the down- and up-projections, the latent RMSNorm, and experts in the latent width", () => {
    const p = moe.params(k3, d);
    expect(p.perExpert).toBe(3 * 3584 * 3072);
    expect(p.shared).toBe(3 * d * 6144 + 2 * d * 3584 + 3584);
    expect(moe.params({ ...k3, latentNorm: false }, d).shared).toBe(p.shared - 3584);
  });
  it("shows the latent and rejects a norm without a latent", () => {
    expect(moeDetails.facts(k3)).toContainEqual(["Expert latent width", "3,584 (normalised)"]);
    const { latent: _l, ...noLatent } = k3;
    expect(moeDetails.relations(noLatent, ["ffns", "moe"])).toEqual([
      { path: ["ffns", "moe", "latentNorm"], message: "is set but latent is missing" },
    ]);
  });
});

describe("the SiTU activation", () => {
  it("is accepted, and an unknown activation is named", () => {
    const spec = (activation: string) => ({
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
        mixers: { kda: { kind: "kimi-delta", heads: 2, headDim: 4, convKernel: 4, outputGate: "full-rank" } },
        ffns: { mlp: { kind: "mlp", hidden: 16, activation, gated: true } },
        layers: [{ mixer: "kda", ffn: "mlp" }],
      },
    });
    expect(validateSpec(spec("situ")).issues).toEqual([]);
    expect(formatIssues(validateSpec(spec("situ2")).issues)).toMatch(/activation.*situ/);
  });
});
