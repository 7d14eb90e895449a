import { describe, expect, it } from "vitest";
import { gdla, type GdlaMixer } from "./gdla.js";
import { gdlaDetails } from "./gdla.details.js";
import { mlp } from "../ffns/mlp.js";
import { moe, type MoeFfn } from "../ffns/moe.js";
import { hyperConnectionParams } from "../features/hyper-connections.js";
import { countParams } from "../../params.js";
import { kvCacheBytesPerToken } from "../../kv-cache.js";
import { kvCacheBytes } from "../../cache-size.js";
import { validateSpec, formatIssues } from "../../validate.js";
import type { ArchitectureInput } from "../../spec-types.js";

// Motif 3 Beta (config.json: hidden 4096, 80 heads of which 16 noise, 16 KV heads, q/kv lora 1024/512, head_dim
// 192 = 128 + 64 rope, v 128, elementwise gate) and its checkpoint's tensor shapes per layer.
const d = 4096;
const arch = { dModel: d, norm: { kind: "rmsnorm", placement: "pre" } } as const;
const motif: GdlaMixer = {
  kind: "gdla",
  heads: 80,
  noiseHeads: 16,
  kvHeads: 16,
  qLoraRank: 1024,
  kvLoraRank: 512,
  qkNopeHeadDim: 128,
  qkRopeHeadDim: 64,
  vHeadDim: 128,
  outputGate: "elementwise",
};
const prod = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const attentionTensors: Record<string, number[]> = {
  "self_attn.wq_a.weight": [1024, 4096],
  "self_attn.q_norm.weight": [1024],
  "self_attn.wq_b.weight": [15360, 1024],
  "self_attn.wq_b_gate.weight": [8192, 1024],
  "self_attn.wkv_a.weight": [576, 4096],
  "self_attn.kv_norm.weight": [512],
  "self_attn.wkv_b.weight": [4096, 512],
  "self_attn.lambda_proj.weight": [64, 4096],
  "self_attn.wo.weight": [4096, 8192],
};

describe("grouped differential latent attention (Motif 3)", () => {
  it("counts exactly the checkpoint's attention tensors", () => {
    const expected = Object.values(attentionTensors).reduce((a, s) => a + prod(s), 0);
    expect(expected).toBe(66_586_112);
    expect(gdla.params(motif, arch)).toEqual({ component: "attention", params: expected });
  });

  it("gates from the query latent and projects out from the signal heads only", () => {
    const { outputGate: _g, ...ungated } = motif;
    expect(gdla.params(motif, arch).params - gdla.params(ungated, arch).params).toBe(1024 * 64 * 128);
    // One more noise head (same total heads) removes a signal head: its λ, gate rows and output columns go.
    const fewerSignal = { ...motif, heads: 80, noiseHeads: 20 };
    expect(gdla.params(motif, arch).params - gdla.params(fewerSignal, arch).params).toBe(4 * (d + 1024 * 128 + 128 * d));
  });

  it("caches expanded keys and values of the KV heads by default, or the latent", () => {
    expect(gdla.cache.perToken(motif)).toBe(16 * (128 + 64 + 128));
    expect(gdla.cache.perToken({ ...motif, cachedAs: "keys-values" })).toBe(5120);
    expect(gdla.cache.perToken({ ...motif, cachedAs: "latent" })).toBe(512 + 64);
    expect(gdlaDetails.withDefaults(motif).cachedAs).toBe("keys-values");
  });

  it("caps a sliding window in the true cache and in the attention work", () => {
    const swa = { ...motif, window: 129 };
    expect(gdlaDetails.cache.span(swa)).toBe(129);
    expect(gdlaDetails.cache.span(motif)).toBeUndefined();
    expect(gdlaDetails.attentionMacs(swa, 4096)).toBe(80 * 320 * 129);
    expect(gdlaDetails.attentionMacs(motif, 4096)).toBe(80 * 320 * 4096);
  });

  it("is named, tagged and described", () => {
    expect(gdla.label({ ...motif, window: 129 })).toBe("sliding-window GDLA");
    expect(gdla.attentionLabel()).toBe("GDLA");
    expect(gdla.title(motif)).toBe("**Gated** Grouped **Differential** Latent Attention");
    expect(gdla.callout(motif)).toEqual([64, " signal + ", 16, " noise heads, ", 16, " KV heads"]);
    expect(gdlaDetails.concepts(motif, { rope: true })).toEqual(["MLA", "GQA", "differential-attention", "gated-attention"]);
    expect(gdlaDetails.concepts({ ...motif, cachedAs: "latent", window: 8 }, { rope: true })).toEqual([
      "MLA",
      "differential-attention",
      "gated-attention",
      "SWA",
    ]);
    expect(gdlaDetails.facts(motif)).toContainEqual(["Heads", "80 (64 signal + 16 noise)"]);
  });

  it("rejects head counts that do not form whole groups", () => {
    const a = { contextLength: 1024 } as never;
    expect(gdlaDetails.relations(motif, a, ["mixers", "g"])).toEqual([]);
    expect(gdlaDetails.relations({ ...motif, noiseHeads: 30 }, a, ["mixers", "g"]).map((i) => i.path.join("."))).toEqual([
      "mixers.g.noiseHeads",
    ]);
    expect(gdlaDetails.relations({ ...motif, noiseHeads: 80 }, a, ["mixers", "g"])[0]!.message).toMatch(/at least 1/);
    expect(gdlaDetails.relations({ ...motif, kvHeads: 12 }, a, ["mixers", "g"])[0]!.message).toBe("must divide heads (80), got 12");
    expect(gdlaDetails.relations({ ...motif, window: 2048 }, a, ["mixers", "g"])[0]!.path).toEqual(["mixers", "g", "window"]);
  });
});

describe("PolyNorm activation weights", () => {
  const routed: MoeFfn = {
    kind: "moe",
    experts: 384,
    activeExperts: 8,
    expertHidden: 1280,
    sharedExperts: 1,
    activation: "polynorm",
    gated: true,
    router: { scoring: "sigmoid", bias: true, routedScale: 2 },
  };
  it("adds three weights and a bias per MLP and per expert, nothing for other activations", () => {
    expect(mlp.params({ kind: "mlp", hidden: 12288, activation: "polynorm", gated: true }, d).dense).toBe(3 * d * 12288 + 4);
    expect(mlp.params({ kind: "mlp", hidden: 12288, activation: "silu", gated: true }, d).dense).toBe(3 * d * 12288);
    const p = moe.params(routed, d);
    expect(p.perExpert).toBe(3 * d * 1280 + 4);
    expect(p.routed).toBe(384 * 2560 * 4096 + 384 * 4096 * 1280 + 384 * 4);
    expect(p.shared).toBe(3 * d * 1280 + 4);
    expect(p.router).toBe(384 * d + 384);
  });
});

describe("Motif's hyper-connections and MTP module", () => {
  it("counts the weighted stream norm per sublayer and no readout weights for the mean", () => {
    const perSublayer = (4 + 4 + 16) * 16384 + 16384 + 3 + 4 + 4 + 16;
    expect(hyperConnectionParams({ streams: 4, streamNorm: true, readout: "mean" }, d, 106)).toBe(106 * perSublayer);
    const deepseek = hyperConnectionParams({ streams: 4 }, d, 106);
    expect(deepseek).toBe(106 * (perSublayer - 16384) + 16384 * 4 + 4 + 1);
  });

  const spec = (mtp: Record<string, unknown>) => ({
    architecture: {
      vocabSize: 1000,
      contextLength: 4096,
      dModel: d,
      numLayers: 1,
      embedding: { tied: false },
      positional: { kind: "rope", theta: 10000 },
      norm: { kind: "rmsnorm", placement: "pre" },
      mixers: { g: motif },
      ffns: { dense: { kind: "mlp", hidden: 12288, activation: "polynorm", gated: true } },
      layers: [{ mixer: "g", ffn: "dense" }],
      mtp: { layers: 1, mixer: "g", ffn: "dense", ...mtp },
      hyperConnections: { streams: 4, streamNorm: true, readout: "mean" },
    } as ArchitectureInput,
  });

  it("counts Motif's stored MTP tensors: four norms, input_proj, attention and MLP, no maps", () => {
    const stored = 4 * 4096 + 4096 * 8192 + 66_586_112 + 3 * 4096 * 12288 + 4;
    expect(stored).toBe(251_151_876);
    expect(countParams(spec({ hiddenNorm: false, hyperConnections: false })).mtp).toBe(stored);
    expect(countParams(spec({})).mtp).toBe(stored + 4096 + hyperConnectionParams({ streams: 4, streamNorm: true, readout: "mean" }, d, 2));
  });

  it("validates, and names mHC options on a form they do not apply to", () => {
    expect(validateSpec({ id: "m", name: "m", ...spec({ hiddenNorm: false, hyperConnections: false }) }).issues).toEqual([]);
    const bad = spec({});
    bad.architecture.hyperConnections = { streams: 4, form: "independent", readout: "mean" };
    expect(formatIssues(validateSpec({ id: "m", name: "m", ...bad }).issues)).toMatch(
      /hyperConnections\.readout.*only applies to form "manifold"/,
    );
  });

  it("keeps 530 KiB per token over 53 layers, and caps the windowed layers in the true cache", () => {
    const layers = { ...spec({}).architecture, numLayers: 53, mixers: { g: motif, w: { ...motif, window: 129 } } };
    const full: ArchitectureInput = {
      ...layers,
      layers: [
        { mixer: "g", ffn: "dense", count: 14 },
        { mixer: "w", ffn: "dense", count: 39 },
      ],
    };
    expect(kvCacheBytesPerToken({ architecture: full })).toBe(530 * 1024);
    expect(kvCacheBytes({ architecture: full }, { contextLength: 4000 }).kv).toBe((14 * 4000 + 39 * 129) * 5120 * 2);
  });
});
