import { describe, expect, it } from "vitest";
import { conceptCatalogue, conceptCategories, conceptEntry, conceptShortName, conceptTags } from "./catalogue.js";
import { coreFeatureDetails, coreFfnDetails, coreMixerDetails } from "../kinds/details.js";
import type { Architecture } from "../spec-types.js";

describe("the concept catalogue", () => {
  it("has one complete entry per concept tag, in tag order", () => {
    expect(conceptCatalogue.map((c) => c.tag)).toEqual([...conceptTags]);
    for (const c of conceptCatalogue) {
      expect(conceptCategories, c.tag).toContain(c.category);
      for (const text of [c.name, c.short, c.summary, c.popover, c.figure, ...c.body]) expect(text.trim().length, c.tag).toBeGreaterThan(0);
      expect(c.body.length, c.tag).toBeGreaterThan(0);
      for (const r of c.related) expect(conceptEntry(r), `${c.tag} → ${r}`).toBeDefined();
      expect(c.related, c.tag).not.toContain(c.tag);
    }
  });

  it("explains every tag a core kind or feature can produce", () => {
    // Every kind's concepts come from the tag list, and the catalogue covers the list.
    const produced = new Set<string>();
    const sample = { rope: true };
    for (const [kind, k] of Object.entries(coreMixerDetails))
      for (const t of (k.concepts as (m: never, c: typeof sample) => string[])(
        { kind, heads: 4, kvHeads: 1, window: 8, indexer: {}, qkNorm: {}, compressRatio: 4, sharedExperts: 1 } as never,
        sample,
      ))
        produced.add(t);
    for (const f of Object.values(coreFfnDetails))
      for (const t of (f.concepts as (x: never) => string[])({ sharedExperts: 1 } as never)) produced.add(t);
    const arch = { mtp: {}, hyperConnections: { streams: 4 }, embedding: { perLayer: {}, ngram: {} } } as unknown as Architecture;
    for (const f of Object.values(coreFeatureDetails)) for (const t of f.concepts(arch)) produced.add(t);
    for (const t of produced) expect(conceptEntry(t), t).toBeDefined();
    for (const t of ["compressed-attention", "hyper-connections", "cca", "DSA", "MQA", "MTP"]) expect(produced, t).toContain(t);
  });

  it("looks tags up by own entries only", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(conceptEntry(name)).toBeUndefined();
      expect(conceptShortName(name)).toBe(name);
    }
    expect(conceptShortName("kimi-delta-attention")).toBe("KDA");
  });
});
