import { describe, expect, it } from "vitest";
import { compareWithOfficial } from "./official.js";
import { countParams } from "./params.js";
import type { ModelSpec, OfficialParams } from "./spec-types.js";
import { gpt2Small, llama3_8b } from "../test-fixtures/golden-specs.js";

const withOfficial = (spec: ModelSpec, officialParams: OfficialParams) => ({ ...spec, officialParams });

describe("the headline active convention", () => {
  it("leaves the untied input embedding rows out and counts the head (Llama 3 8B)", () => {
    const p = countParams(llama3_8b);
    const table = 128256 * 4096;
    expect(p.active).toBe(p.total - table);
    expect(p.activeWithLookups).toBe(p.total);
    expect(p.lookups).toBe(table);
    expect(p.activeBreakdown.embedding).toBe(0);
    expect(p.activeBreakdown.head).toBe(table);
  });

  it("counts a tied matrix once, as the head, and leaves learned positions out (GPT-2 small)", () => {
    const p = countParams(gpt2Small);
    const positions = 1024 * 768;
    expect(p.breakdown.head).toBe(0);
    expect(p.activeBreakdown.head).toBe(50257 * 768);
    expect(p.activeBreakdown.embedding).toBe(0);
    expect(p.activeBreakdown.positionEmbedding).toBe(0);
    expect(p.active).toBe(p.total - positions);
    expect(p.activeWithLookups).toBe(p.total);
  });

  it("leaves per-layer embedding tables out but counts their projections", () => {
    const spec: ModelSpec = {
      ...llama3_8b,
      architecture: {
        ...llama3_8b.architecture,
        embedding: { ...llama3_8b.architecture.embedding, perLayer: { vocabSize: 1000, dim: 16 } },
      },
    };
    const p = countParams(spec);
    const table = 1000 * 32 * 16;
    expect(p.activeWithLookups - p.active).toBe(table + 128256 * 4096);
    expect(p.breakdown.perLayerEmbedding - p.activeBreakdown.perLayerEmbedding).toBe(table);
    expect(p.activeBreakdown.perLayerEmbedding).toBeGreaterThan(0);
  });

  it("compares an official figure that counts the look-ups with activeWithLookups", () => {
    const p = countParams(llama3_8b);
    const stated = Math.round(p.activeWithLookups / 1e7) * 1e7;
    const base = { total: 8_000_000_000, active: stated, asWritten: "8B", source: "https://example.org/card" };
    const headline = compareWithOfficial(withOfficial(llama3_8b, base));
    expect(headline.active?.computed).toBe(p.active);
    expect(headline.active?.ok).toBe(false);
    const counted = compareWithOfficial(withOfficial(llama3_8b, { ...base, activeScope: { countsLookups: true } }));
    expect(counted.active?.computed).toBe(p.activeWithLookups);
    expect(counted.active?.ok).toBe(true);
  });
});
