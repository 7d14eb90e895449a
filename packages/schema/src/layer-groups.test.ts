import { describe, expect, it } from "vitest";
import { validateSpec } from "./validate.js";

const spec = (layers: unknown[], numLayers: number) => ({
  id: "x",
  name: "x",
  architecture: {
    vocabSize: 10,
    contextLength: 16,
    dModel: 8,
    numLayers,
    embedding: { tied: true },
    positional: { kind: "none" },
    norm: { kind: "rmsnorm", placement: "pre" },
    mixers: { a: { kind: "attention", heads: 2, kvHeads: 1, headDim: 4 } },
    ffns: { d: { kind: "mlp", hidden: 16, activation: "silu", gated: true } },
    layers,
  },
});

describe("broken entries inside nested layer groups", () => {
  it("are reported at the entry, not as a layer with a group's fields", () => {
    const layers = [{ repeat: 1, layers: [{ repeat: 1, layers: [{ mixer: "a", count: 10_019 }] }] }, { ffn: "d" }];
    const paths = validateSpec(spec(layers, 10_020)).issues.map((i) => i.path);
    expect(paths).toContain("architecture.layers.0.layers.0.layers.0.count");
    expect(paths).not.toContain("architecture.layers.0");
  });
  it("still accept valid groups and report a plain layer's own fields", () => {
    expect(validateSpec(spec([{ repeat: 2, layers: [{ mixer: "a", ffn: "d" }] }], 2)).issues).toEqual([]);
    expect(validateSpec(spec([{ mixer: "a", ffn: "d", count: 10_001 }], 10_001)).issues.map((i) => i.path)).toContain(
      "architecture.layers.0.count",
    );
  });
});
