import { describe, expect, it } from "vitest";
import { countParams } from "../../params.js";
import { compareWithOfficial, officialChecks } from "../../official.js";
import { decoderLabel, decoderType, formatLayerMix } from "../../classify.js";
import { concepts } from "../../concept-tags.js";
import { validateSpec } from "../../validate.js";
import { csa2WriterParams, type Csa2Mixer } from "../mixers/csa2.js";
import { hyperConnectionParams } from "./hyper-connections.js";
import { engramProjectionParams } from "./engram.js";
import { activePrefillParams, encoderArchitecture } from "./causal-encoder-decoder.details.js";
import type { Architecture, ModelSpec, OfficialParams } from "../../spec-types.js";

// A small model of DeepSeek V4.1-Flash's layout: a window-only layer and a ratio-2 KV source in the encoder, a
// ratio-1 KV source and a layer reusing its rows in the decoder, Engram in both halves, single-pass mHC.
const d = 64;
const core = { kind: "csa2", heads: 4, headDim: 32, ropeDim: 8, qLoraRank: 16, outputGroups: 2, outputLoraRank: 16, window: 8 } as const;
const indexer = { heads: 2, headDim: 16, topK: 4 };
const mixers: Record<string, Csa2Mixer> = {
  swa: { ...core },
  enc_full: { ...core, compressRatio: 2, mode: "full", indexer },
  dec_full: { ...core, compressRatio: 1, mode: "full", indexer },
  dec_reuse: { ...core, compressRatio: 1, mode: "reuse", indexer: { ...indexer, shared: true } },
};
const moe = { kind: "moe", experts: 8, activeExperts: 2, expertHidden: 32, sharedExperts: 1, activation: "silu", gated: true } as const;
const engram = { layers: [1, 3], rows: [100, 120], maxNgram: 3, heads: 2, dim: 8 };
const arch: Architecture = {
  vocabSize: 1000,
  contextLength: 4096,
  dModel: d,
  numLayers: 4,
  embedding: { tied: false },
  positional: { kind: "rope", theta: 10000 },
  norm: { kind: "rmsnorm", placement: "pre" },
  mixers,
  ffns: { moe },
  layers: [
    { mixer: "swa", ffn: "moe" },
    { mixer: "enc_full", ffn: "moe" },
    { mixer: "dec_full", ffn: "moe" },
    { mixer: "dec_reuse", ffn: "moe" },
  ],
  hyperConnections: { streams: 4, form: "single-pass" },
  engram,
  encoderDecoder: { encoderLayers: 2, decoderReplay: 8 },
};
const spec = (a: Architecture = arch) => ({ architecture: a });

describe("causal encoder-decoder", () => {
  it("counts a prompt token's prefill as the encoder plus the decoder's cache writer", () => {
    // The encoder written out by hand: the first two layers, the Engram module at layer 1, no split.
    const { encoderDecoder: _split, ...plain } = arch;
    const encoder = countParams(
      spec({ ...plain, numLayers: 2, layers: arch.layers.slice(0, 2), engram: { ...engram, layers: [1], rows: [100] } }),
    );
    const finalNorm = d;
    const expected = encoder.active - encoder.activeBreakdown.head - finalNorm + csa2WriterParams(mixers.dec_full!, d);
    const p = countParams(spec());
    const prefill = activePrefillParams(spec());
    expect(prefill).toBe(expected);
    // The decoder's own layers (attention, experts, mHC, the Engram module at layer 3) are left out.
    expect(p.active - prefill).toBeGreaterThan(engramProjectionParams(engram, arch));
    // Without the split a prompt token runs everything but the head and the final norm.
    const whole = countParams(spec(plain));
    expect(activePrefillParams(spec(plain))).toBe(whole.active - whole.activeBreakdown.head - finalNorm);
    // The split stores nothing: totals are unchanged.
    expect(p.total).toBe(whole.total);
    expect(p.active).toBe(whole.active);
  });

  it("cuts a run-length pattern inside a run and keeps only the encoder's Engram modules", () => {
    const runs = {
      ...arch,
      layers: [
        { mixer: "swa", ffn: "moe", count: 3 },
        { mixer: "dec_full", ffn: "moe" },
      ],
    };
    const enc = encoderArchitecture(runs, { encoderLayers: 2 });
    expect(enc.layers).toEqual([{ mixer: "swa", ffn: "moe", count: 2 }]);
    expect(enc.numLayers).toBe(2);
    expect(enc.engram).toEqual({ ...engram, layers: [1], rows: [100] });
    expect(encoderArchitecture(runs, { encoderLayers: 1 }).engram).toBeUndefined();
  });

  it("qualifies the decoder type and the layer mix, and tags the concept", () => {
    expect(decoderType(spec())).toBe("Sparse MoE");
    expect(decoderLabel(spec())).toBe("Sparse MoE (causal encoder-decoder)");
    const { encoderDecoder: _split, ...plain } = arch;
    expect(decoderLabel(spec(plain))).toBe("Sparse MoE");
    expect(formatLayerMix(spec())).toMatch(/^2 encoder \+ 2 decoder layers; /);
    expect(concepts(spec() as ModelSpec)).toContain("causal-encoder-decoder");
  });

  it("checks the split against the stack", () => {
    const messages = (a: Architecture) =>
      validateSpec({ id: "x", name: "x", architecture: a })
        .issues.filter((i) => i.path.includes("encoderDecoder"))
        .map((i) => i.message);
    expect(messages(arch)).toEqual([]);
    expect(messages({ ...arch, encoderDecoder: { encoderLayers: 4 } })).toEqual([
      "must leave the decoder at least one of the 4 layers, got 4",
    ]);
    expect(messages({ ...arch, loop: { passes: 2 } })).toEqual([
      "cannot be combined with looped depth (`loop`), which runs the whole stack again",
    ]);
  });
});

describe("official figures for prefill and for parts", () => {
  const counts = countParams(spec());
  const prefill = activePrefillParams(spec());
  const official = (o: Partial<OfficialParams>) =>
    ({ architecture: arch, officialParams: { total: counts.total, asWritten: "x", source: "https://example.com", ...o } }) as {
      architecture: Architecture;
      officialParams: OfficialParams;
    };

  it("compares the prefill figure with activePrefill and a part with the components it names", () => {
    const c = compareWithOfficial(
      official({
        active: counts.active,
        activePrefill: prefill,
        roundedTo: 1,
        parts: [{ label: "Engram", total: counts.breakdown.ngramEmbedding, roundedTo: 1, components: ["ngramEmbedding"] }],
      }),
    );
    expect(c.activePrefill).toMatchObject({ computed: prefill, ok: true });
    expect(c.parts).toEqual([expect.objectContaining({ label: "Engram", computed: counts.breakdown.ngramEmbedding, ok: true })]);
    expect(officialChecks(c).map(([figure]) => figure)).toEqual(["total", "active", "activePrefill", "part Engram"]);
  });

  it("fails a prefill figure out of tolerance unless a deviation explains it", () => {
    const far = official({ activePrefill: 2 * prefill, roundedTo: 1 });
    const failed = compareWithOfficial(far).activePrefill;
    expect(failed?.ok).toBe(false);
    expect(failed?.deviation).toBeUndefined();
    const explained = compareWithOfficial({
      ...far,
      officialParams: { ...far.officialParams, deviations: [{ figure: "activePrefill", explanation: "why" }] },
    });
    expect(explained.activePrefill?.deviation).toBe("why");
    expect(compareWithOfficial(official({})).activePrefill).toBeUndefined();
  });
});

describe("single-pass hyper-connections", () => {
  it("have the manifold form's maps around each sublayer and no head contraction", () => {
    const n = 4;
    const manifold = hyperConnectionParams({ streams: n }, d, 6);
    expect(hyperConnectionParams({ streams: n, form: "single-pass" }, d, 6)).toBe(manifold - (n * d * n + n + 1));
    // transformers DeepseekV41DecoderLayer: hc_*_fn (2n + n², n·d), hc_*_base (2n + n²), hc_*_scale (3) per sublayer.
    expect(hyperConnectionParams({ streams: n, form: "single-pass" }, d, 2)).toBe(2 * (24 * n * d + 24 + 3));
  });
});
