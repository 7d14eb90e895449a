import { describe, expect, it } from "vitest";
import { flopsPerToken } from "./flops.js";
import { countParams, ngramLookupParams } from "./params.js";
import { validateSpec } from "./validate.js";
import type { ModelSpec, NgramEmbedding } from "./spec-types.js";
import { llama3_8b } from "../test-fixtures/golden-specs.js";

/** Llama 3 8B with n-gram embeddings added, to isolate what they contribute. */
const withNgram = (ngram: NgramEmbedding): ModelSpec => ({
  ...llama3_8b,
  architecture: { ...llama3_8b.architecture, embedding: { ...llama3_8b.architecture.embedding, ngram } },
});

describe("n-gram embeddings", () => {
  const base = countParams(llama3_8b);

  it("one table: vocabSize rows of dModel, no projection", () => {
    const p = countParams(withNgram({ vocabSize: 1000 }));
    expect(p.breakdown.ngramEmbedding).toBe(1000 * 4096);
    expect(p.total - base.total).toBe(1000 * 4096);
  });

  it("several narrower tables: each dim wide with a dim × dModel projection (LongCat-Flash-Lite's embedders and post_projs)", () => {
    const spec = withNgram({ vocabSize: 1000, tables: 16, dim: 256 });
    expect(validateSpec(spec).issues).toEqual([]);
    expect(countParams(spec).breakdown.ngramEmbedding).toBe(16 * 1000 * 256 + 16 * 256 * 4096);
    expect(ngramLookupParams({ vocabSize: 1000, tables: 16, dim: 256 }, 4096)).toBe(16 * 1000 * 256);
  });

  it("FLOPs count the projections but not the lookups", () => {
    const lookupOnly = flopsPerToken(withNgram({ vocabSize: 1000 }), { contextLength: 1 }).total;
    expect(lookupOnly).toBe(flopsPerToken(llama3_8b, { contextLength: 1 }).total);
    const projected = flopsPerToken(withNgram({ vocabSize: 1000, tables: 16, dim: 256 }), { contextLength: 1 }).total;
    expect(projected - lookupOnly).toBe(2 * 16 * 256 * 4096);
  });

  it("a stream injection (Qwen4ExpTextPLELayer): one table looked up, key/value projections, three grouped norms and a depthwise conv multiplied", () => {
    const spec: ModelSpec = {
      ...llama3_8b,
      architecture: {
        ...llama3_8b.architecture,
        embedding: {
          ...llama3_8b.architecture.embedding,
          ngram: { vocabSize: 1000, dim: 16, streamInjection: { heads: 8, convKernel: 4 } },
        },
        hyperConnections: { streams: 4, form: "low-rank", rank: 32 },
      },
    };
    expect(validateSpec(spec).issues).toEqual([]);
    const wide = 4 * 4096;
    const multiplied = 128 * wide + 128 * 4096 + 3 * wide + 4 * wide;
    const p = countParams(spec);
    expect(p.breakdown.ngramEmbedding).toBe(1000 * 16 + multiplied);
    expect(p.activeBreakdown.ngramEmbedding).toBe(multiplied);
  });

  it("a stream injection needs a row width, one table and hyper-connections", () => {
    const paths = validateSpec(withNgram({ vocabSize: 1000, tables: 2, streamInjection: { heads: 8, convKernel: 4 } })).issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        "architecture.embedding.ngram.dim",
        "architecture.embedding.ngram.tables",
        "architecture.embedding.ngram.streamInjection",
      ]),
    );
  });

  it("rejects a table width that is not a positive integer, naming the field", () => {
    const issues = validateSpec(withNgram({ vocabSize: 1000, tables: 2, dim: 0 })).issues;
    expect(issues.map((i) => i.path)).toContain("architecture.embedding.ngram.dim");
  });
});
