import { describe, expect, it } from "vitest";
import { models } from "@archgal/data";
import { conceptCategories, conceptCatalogue, conceptEntry } from "@archgal/schema/concepts";
import { conceptDiagram } from "./concept-diagrams.js";
import { modelsWithConcept } from "./concept-usage.js";

describe("concept catalogue", () => {
  it("explains every concept tag the data uses", () => {
    const used = new Set(models.flatMap((m) => m.concepts as string[]));
    const missing = [...used].filter((t) => !conceptEntry(t));
    expect(missing).toEqual([]);
  });

  it("covers the concepts the gallery must have pages for", () => {
    for (const tag of [
      "GQA",
      "MQA",
      "MHA",
      "MLA",
      "SWA",
      "MoE",
      "shared-expert",
      "QK-Norm",
      "NoPE",
      "RoPE",
      "gated-attention",
      "gated-deltanet",
      "kimi-delta-attention",
      "lightning-attention",
      "mamba-2",
      "DSA",
      "MTP",
      "sandwich-norm",
    ]) {
      expect(conceptEntry(tag), tag).toBeDefined();
    }
  });

  it("gives each concept a category, a body, valid related tags and a diagram", () => {
    for (const c of conceptCatalogue) {
      expect(conceptCategories).toContain(c.category);
      expect(c.body.length).toBeGreaterThan(0);
      for (const r of c.related) expect(conceptEntry(r), `${c.tag} → ${r}`).toBeDefined();
      const svg = conceptDiagram(c.tag, c.figure);
      expect(svg, c.tag).toMatch(/^<svg class="concept-svg" viewBox="[^"]+" role="img" aria-label="[^"]+"/);
      expect(svg).not.toContain("NaN");
    }
  });

  it("derives the models of a concept from their tags", () => {
    const gqa = modelsWithConcept(models, "GQA");
    expect(gqa.map((m) => m.id)).toContain("llama-3-8b");
    expect(gqa.every((m) => m.concepts.includes("GQA"))).toBe(true);
  });
});

describe("concept usage", () => {
  it("says how a model uses a concept", async () => {
    const { loadModel } = await import("@archgal/data");
    const { usageDetail } = await import("./concept-usage.js");
    expect(usageDetail("GQA", await loadModel("llama-3-8b"))).toBe("32 query / 8 KV heads · all 32 layers");
    expect(usageDetail("MoE", await loadModel("deepseek-v3"))).toBe("8 of 256 experts per token · 58 of 61 layers");
    expect(usageDetail("MLA", await loadModel("deepseek-v3"))).toBe("latent 512 + rotary key 64 cached · 128 heads");
    expect(usageDetail("SWA", await loadModel("gemma-3-27b"))).toMatch(/^window 1,024 tokens · \d+ of 62 layers$/);
  });

  it("counts layers per run, without expanding the pattern (10^12 blocks in three runs)", async () => {
    const { loadModel } = await import("@archgal/data");
    const { usageDetail } = await import("./concept-usage.js");
    const spec = structuredClone(await loadModel("deepseek-v3"));
    const [dense, moe] = [spec.architecture.layers[0]!, spec.architecture.layers.at(-1)!] as { mixer: string; ffn: string }[];
    spec.architecture.numLayers = 1e12;
    spec.architecture.layers = [
      { mixer: dense!.mixer, ffn: dense!.ffn, count: 3 },
      { repeat: 999_999, layers: [{ repeat: 1_000_000, layers: [{ mixer: moe!.mixer, ffn: moe!.ffn }] }] },
      { mixer: moe!.mixer, ffn: moe!.ffn, count: 999_997 },
    ];
    expect(usageDetail("MoE", spec)).toBe("8 of 256 experts per token · 999999999997 of 1000000000000 layers");
  });
});
