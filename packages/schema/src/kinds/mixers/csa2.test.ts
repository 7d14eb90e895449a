import { describe, expect, it } from "vitest";
import { csa2, csa2WriterParams, type Csa2Mixer } from "./csa2.js";
import { csa2Details } from "./csa2.details.js";
import type { Architecture } from "../../spec-types.js";

// DeepSeek V4.1-Flash's attention (mlx-lm `deepseek_v41.py` `Attention`, `Compressor` and `Indexer` with the
// release's text_config: d 5120, 64 heads of 512, rope 64, q_lora 1280, 8 output groups of rank 1024, window 128,
// indexer 32 heads × 128 top-512, candidate pool 2,048 blocks of 8).
const d = 5120;
const arch = { dModel: d, norm: { kind: "rmsnorm", placement: "pre" } } as const;
const base = {
  kind: "csa2",
  heads: 64,
  headDim: 512,
  ropeDim: 64,
  qLoraRank: 1280,
  outputGroups: 8,
  outputLoraRank: 1024,
  window: 128,
} as const;
const indexer = { heads: 32, headDim: 128, topK: 512 };
const swa: Csa2Mixer = { ...base };
const encFull: Csa2Mixer = { ...base, compressRatio: 2, mode: "full", indexer };
const encReuse: Csa2Mixer = { ...base, compressRatio: 2, mode: "reuse", indexer: { ...indexer, shared: true } };
const decFull: Csa2Mixer = { ...base, compressRatio: 1, mode: "full", indexer, candidates: { blocks: 2048, blockSize: 8 } };
const decReindex: Csa2Mixer = { ...base, compressRatio: 1, mode: "reindex", indexer };

// Every layer: q_a + q_a_norm, q_b, kv_proj + kv_norm, sinks, o_a (8 groups of 4096 → 1024), o_b (8192 → 5120).
const layer = d * 1280 + 1280 + 1280 * 64 * 512 + d * 512 + 512 + 64 + 8 * 4096 * 1024 + 8 * 1024 * d;
const indexerQuery = 1280 * 32 * 128 + d * 32; // q_b_proj, weights_proj
const indexKeys = 512 * 128 + 128; // k_proj on the compressed row, k_norm

describe("CSA2 (DeepSeek V4.1)", () => {
  it("counts the per-layer projections; only full layers own the compressor and the indexer keys", () => {
    expect(csa2.params(swa, arch).params).toBe(layer);
    expect(csa2.params(encReuse, arch).params).toBe(layer);
    // Ratio 2: kv_proj and the softmax gate_proj (d → 512 each) + kv_norm.
    expect(csa2.params(encFull, arch).params).toBe(layer + 2 * d * 512 + 512 + indexerQuery + indexKeys);
    // Ratio 1: no gate.
    expect(csa2.params(decFull, arch).params).toBe(layer + d * 512 + 512 + indexerQuery + indexKeys);
    expect(csa2.params(decReindex, arch).params).toBe(layer + indexerQuery);
    expect(csa2WriterParams(decReindex, d)).toBe(0);
    expect(csa2WriterParams(decFull, d)).toBe(d * 512 + 512 + indexKeys);
  });

  it("caches compressed rows and indexer keys only where they are written; every layer has its window rows", () => {
    expect([swa, encFull, encReuse, decFull, decReindex].map((m) => csa2.cache.perToken(m))).toEqual([0, 256, 0, 512, 0]);
    expect([swa, encFull, encReuse, decFull, decReindex].map((m) => csa2.cache.indexKeysPerToken(m))).toEqual([0, 64, 0, 128, 0]);
    expect(csa2.cache.windowPerToken(encReuse)).toBe(512);
    expect(csa2Details.cache.state(encReuse)).toBe(128 * 512);
  });

  it("reads the window plus the top-k rows, and scores every compressed row where it selects", () => {
    const n = 8192;
    const read = (rows: number) => 64 * 2 * 512 * rows;
    expect(csa2Details.attentionMacs(swa, n)).toBe(read(128));
    expect(csa2Details.attentionMacs(encReuse, n)).toBe(read(128 + 512));
    expect(csa2Details.attentionMacs(encFull, n)).toBe(read(128 + 512) + 32 * 129 * (n / 2));
    expect(csa2Details.attentionMacs(decReindex, 100)).toBe(read(100 + 100) + 32 * 129 * 100);
  });

  it("labels the layers and says what a reusing layer borrows", () => {
    expect(csa2.label(encReuse)).toBe("CSA2");
    expect(csa2.label(swa)).toBe("sliding-window MQA");
    expect(csa2.shortName(decReindex)).toBe("CSA2 reindex");
    expect(csa2.calloutNotes(encReuse, 15)).toEqual([[15, " layers reuse an earlier layer's compressed rows and selection"]]);
    expect(csa2Details.concepts(encReuse)).toContain("kv-sharing");
    expect(csa2Details.concepts(encFull)).not.toContain("kv-sharing");
  });

  it("checks the modes against the fields and against the spec's full layers", () => {
    const spec = (mixers: Record<string, Csa2Mixer>) => ({ mixers }) as unknown as Architecture;
    const msgs = (m: Csa2Mixer, mixers: Record<string, Csa2Mixer>) => csa2Details.relations(m, spec(mixers), ["m"]).map((i) => i.message);
    expect(msgs(encReuse, { encFull, encReuse })).toEqual([]);
    expect(msgs(encReuse, { encReuse })).toEqual(["reads the rows of a full layer of ratio 2, and the spec has none"]);
    expect(msgs({ ...encFull, mode: undefined }, {})).toEqual(["a compressed layer needs a mode (full, reindex or reuse)"]);
    expect(msgs({ ...swa, mode: "full" }, {})).toEqual(["a window-only layer (no compressRatio) has none"]);
    expect(msgs({ ...encReuse, indexer }, { encFull })).toEqual(["a reuse layer borrows its selection: the indexer must be shared"]);
    expect(msgs({ ...decReindex, indexer: undefined }, { decFull })).toEqual(["a reindex layer runs an indexer of its own"]);
    expect(msgs({ ...encFull, outputGroups: 7 }, {})).toEqual(["must divide heads × headDim (32768), got 7"]);
  });
});
