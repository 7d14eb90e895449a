/**
 * The headline active count in the creators' convention, on the models whose creators state it most precisely.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { activePrefillParams, countParams, type DatasetEntry } from "@archgal/schema";

const load = (id: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../models/${id}.json`, import.meta.url)), "utf8")) as DatasetEntry;

describe("active parameters: what a token multiplies through", () => {
  it("gpt-oss-120b: 5.13B (the model card's 5.13B, 5.1B in the README), 5.71B with the embedding rows", () => {
    const p = countParams(load("gpt-oss-120b"));
    expect(p.active / 1e9).toBeCloseTo(5.13, 2);
    expect(p.activeWithLookups / 1e9).toBeCloseTo(5.71, 2);
  });
  it("DeepSeek V3: 36.6B (README_WEIGHTS.md's earlier 36.6B incl. the head, 37B in the README), 37.6B with the embedding rows", () => {
    const p = countParams(load("deepseek-v3"));
    expect(p.active / 1e9).toBeCloseTo(36.63, 2);
    expect(p.activeWithLookups / 1e9).toBeCloseTo(37.55, 2);
  });
  it("DeepSeek V4.1-Flash: 16.13B per generated token with the head (16B), 7.90B per prompt token at prefill (8B): the encoder and the decoder's KV source", () => {
    const spec = load("deepseek-v4.1-flash");
    const p = countParams(spec);
    expect(p.active / 1e9).toBeCloseTo(16.13, 2);
    expect(activePrefillParams(spec) / 1e9).toBeCloseTo(7.9, 2);
    // The Engram tables are looked up: 196.6B of the 196.9B Engram component is not active.
    expect((p.breakdown.ngramEmbedding - p.activeBreakdown.ngramEmbedding) / 1e9).toBeCloseTo(196.61, 2);
  });
  it("LongCat-Flash-Lite: the n-gram tables are looked up, so they are not active; their projections are", () => {
    const p = countParams(load("longcat-flash-lite"));
    expect(p.activeWithLookups - p.active).toBeGreaterThan(30e9);
    expect(p.activeBreakdown.ngramEmbedding).toBeGreaterThan(0);
    expect(p.activeBreakdown.ngramEmbedding).toBeLessThan(p.breakdown.ngramEmbedding / 100);
  });
});
