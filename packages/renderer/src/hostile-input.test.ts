import { describe, expect, it } from "vitest";
import { llama3 } from "@archgal/test-kit/fixtures";
import type { RenderableSpec } from "./analysis.js";
import { renderCompare } from "./compare.js";
import { renderModel } from "./model-layout.js";

/** 10^12 blocks in numLayers 1: one shortcut repetition holding nested groups. */
function hugeSpec(): RenderableSpec {
  const spec = structuredClone(llama3) as RenderableSpec;
  const first = spec.architecture.layers[0] as { mixer?: string; ffn?: string };
  const block = { mixer: first.mixer, ffn: first.ffn, count: 10_000 };
  spec.architecture.numLayers = 1;
  (spec.architecture as { layers: unknown }).layers = [
    { repeat: 1, shortcut: true, layers: [{ repeat: 10_000, layers: [{ repeat: 10_000, layers: [block] }] }] },
  ];
  return spec;
}

describe("huge layer patterns", () => {
  it("renderModel refuses a pattern of 10^12 blocks with a clear error instead of expanding it", () => {
    expect(() => renderModel(hugeSpec())).toThrow("expands to 1000000000000 blocks; at most 10000 are allowed");
  });
  it("renderCompare refuses it too", () => {
    expect(() => renderCompare([llama3 as RenderableSpec, hugeSpec()])).toThrow("at most 10000 are allowed");
  });
});

describe("absurdly large specs are refused", () => {
  const spec = llama3 as RenderableSpec;
  it("refuses a spec with more than 64 definitions in use", () => {
    const s = structuredClone(spec);
    const first = s.architecture.layers[0] as { mixer?: string; ffn?: string };
    const mixer = s.architecture.mixers[first.mixer!]!;
    const layers = [];
    for (let i = 0; i < 100; i++) {
      s.architecture.mixers[`m${i}`] = mixer;
      layers.push({ mixer: `m${i}`, ffn: first.ffn });
    }
    s.architecture.numLayers = 100;
    (s.architecture as { layers: unknown }).layers = layers;
    expect(() => renderModel(s)).toThrow("over 64 definitions");
  });
});
