/**
 * The headline active count in the creators' convention, on the models whose creators state it most precisely.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countParams, type DatasetEntry } from "@archgal/schema";

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
  it("LongCat-Flash-Lite: the n-gram tables are looked up, so they are not active; their projections are", () => {
    const p = countParams(load("longcat-flash-lite"));
    expect(p.activeWithLookups - p.active).toBeGreaterThan(30e9);
    expect(p.activeBreakdown.ngramEmbedding).toBeGreaterThan(0);
    expect(p.activeBreakdown.ngramEmbedding).toBeLessThan(p.breakdown.ngramEmbedding / 100);
  });
});
