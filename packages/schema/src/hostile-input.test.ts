import { describe, expect, it } from "vitest";
import { countBlocks, expandLayers, layerRuns } from "./layers.js";
import { validateSpec } from "./validate.js";
import { llama3_8b } from "../test-fixtures/golden-specs.js";
import type { LayerEntry, ModelSpec } from "./spec-types.js";

const withLayers = (numLayers: number, layers: unknown): ModelSpec => {
  const s = structuredClone(llama3_8b) as ModelSpec;
  s.architecture.numLayers = numLayers;
  (s.architecture as { layers: unknown }).layers = layers;
  return s;
};
const block = (count: number) => ({ mixer: "attn", ffn: "mlp", count });

describe("layer cap counts blocks, not layers", () => {
  it("refuses a shortcut group that holds more blocks than the cap", () => {
    const r = validateSpec(withLayers(10_000, [{ repeat: 10_000, shortcut: true, layers: [block(10_000)] }]));
    expect(r.success).toBe(false);
    expect(r.issues).toContainEqual({
      path: "architecture.layers",
      message: "expands to 100000000 blocks; at most 10000 are allowed (a shortcut group counts every block it holds)",
    });
  });

  it("refuses nested shortcut groups of 10^12 blocks with numLayers 1", () => {
    const nested = [{ repeat: 1, shortcut: true, layers: [{ repeat: 10_000, layers: [{ repeat: 10_000, layers: [block(10_000)] }] }] }];
    const r = validateSpec(withLayers(1, nested));
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => i.message).join("\n")).toContain("expands to 1000000000000 blocks");
  });

  it("accepts a shortcut group at the cap", () => {
    const r = validateSpec(withLayers(100, [{ repeat: 100, shortcut: true, layers: [block(100)] }]));
    expect(r.issues).toEqual([]);
  });

  it("counts runs without expanding the pattern", () => {
    const huge: LayerEntry[] = [{ repeat: 1_000_000, layers: [{ repeat: 1_000_000, layers: [block(1)] }] } as LayerEntry];
    expect(countBlocks(huge)).toBe(1e12);
    expect(layerRuns(huge)).toEqual([{ mixer: "attn", ffn: "mlp", start: 0, count: 1e12 }]);
    const mixed: LayerEntry[] = [
      { repeat: 2, layers: [{ mixer: "a", ffn: "f", count: 2 }, { mixer: "b", ffn: "f" }] } as LayerEntry,
      { mixer: "b", ffn: "f", count: 3 },
    ];
    expect(layerRuns(mixed)).toEqual([
      { mixer: "a", ffn: "f", start: 0, count: 2 },
      { mixer: "b", ffn: "f", start: 2, count: 1 },
      { mixer: "a", ffn: "f", start: 3, count: 2 },
      { mixer: "b", ffn: "f", start: 5, count: 4 },
    ]);
  });

  it("refuses to expand a pattern beyond the cap with a clear error", () => {
    const huge: LayerEntry[] = [{ repeat: 1_000_000, layers: [{ repeat: 1_000_000, layers: [block(1)] }] } as LayerEntry];
    expect(() => expandLayers(huge)).toThrow("expands to 1000000000000 blocks; at most 10000 are allowed");
    expect(() => layerRuns([{ repeat: 1_000_000, layers: [{ mixer: "a" }, { mixer: "b" }] } as LayerEntry])).toThrow(
      "at most 10000 are allowed",
    );
  });
});
