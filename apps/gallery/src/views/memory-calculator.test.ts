import { describe, expect, it } from "vitest";
import { contextSteps } from "./memory-calculator.js";
import { squareSide } from "./size-view.js";
import { familyForest } from "./family-tree-view.js";
import { models } from "@archgal/data";

describe("memory calculator steps", () => {
  it("doubles from 1k up to the model's context, ending exactly at it", () => {
    expect(contextSteps(131072)).toEqual([1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072]);
    expect(contextSteps(200000).at(-1)).toBe(200000);
    expect(contextSteps(null).at(-1)).toBe(1 << 20);
  });
});

describe("size view", () => {
  it("makes area proportional to parameters", () => {
    const a = squareSide(100, 400, 200);
    const b = squareSide(400, 400, 200);
    expect((b / a) ** 2).toBeCloseTo(4);
  });
});

describe("family forest", () => {
  it("hangs every derived model below its base", () => {
    const roots = familyForest(models);
    const count = (n: { children: unknown[] }): number => 1 + (n.children as { children: unknown[] }[]).reduce((s, c) => s + count(c), 0);
    expect(roots.reduce((s, r) => s + count(r), 0)).toBe(models.length);
    const v3 = roots.find((r) => r.model.id === "deepseek-v3");
    expect(v3?.children.map((c) => c.model.id)).toContain("deepseek-r1");
  });
});
