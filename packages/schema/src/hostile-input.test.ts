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
      {
        repeat: 2,
        layers: [
          { mixer: "a", ffn: "f", count: 2 },
          { mixer: "b", ffn: "f" },
        ],
      } as LayerEntry,
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

describe("validation is bounded", () => {
  it("reports at most 100 issues, then how many more", () => {
    const s = withLayers(
      10_000,
      Array.from({ length: 10_000 }, () => ({ mixer: "nope", ffn: "mlp" })),
    );
    const r = validateSpec(s);
    expect(r.issues).toHaveLength(101);
    expect(r.issues[100]).toEqual({ path: "", message: "… and 9,900 more problems" });
  });

  it("cuts echoed input to 200 characters", () => {
    const s = structuredClone(llama3_8b) as unknown as Record<string, unknown>;
    s["k".repeat(1_000_000)] = 1;
    const r = validateSpec(s);
    expect(r.success).toBe(false);
    for (const i of r.issues) expect(i.path.length + i.message.length).toBeLessThanOrEqual(400);
  });

  it("gives an issue with a path for a huge notes array instead of a stack overflow", () => {
    const s = structuredClone(llama3_8b) as unknown as { notes: unknown };
    s.notes = Array.from({ length: 150_000 }, () => 1);
    const r = validateSpec(s);
    expect(r.success).toBe(false);
    expect(r.issues).toEqual([{ path: "notes", message: "an array of 150000 elements is longer than the 10000 allowed" }]);
    expect(r.issues.map((i) => i.message).join("\n")).not.toContain("call stack");
  });

  it("turns a throwing getter, a throwing Proxy and a sparse array into issues naming their path", () => {
    const getter = structuredClone(llama3_8b) as unknown as Record<string, unknown>;
    Object.defineProperty(getter, "name", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(validateSpec(getter).issues).toEqual([{ path: "name", message: "cannot be read: boom" }]);

    const proxied = structuredClone(llama3_8b) as unknown as Record<string, unknown>;
    proxied.architecture = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    expect(validateSpec(proxied).issues).toEqual([{ path: "architecture", message: "cannot be read: trap" }]);

    const sparse = withLayers(32, []);
    (sparse.architecture as { layers: unknown[] }).layers.length = 2 ** 32 - 1;
    expect(validateSpec(sparse).issues).toEqual([
      { path: "architecture.layers", message: "an array of 4294967295 elements is longer than the 10000 allowed" },
    ]);
    const holes = [block(1), block(1), block(1)];
    delete holes[1];
    const holey = withLayers(2, holes);
    expect(validateSpec(holey).issues).toEqual([{ path: "architecture.layers.1", message: "is a hole in a sparse array" }]);
  });

  it("refuses deep nesting and cycles with an issue, not an exception", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const s = structuredClone(llama3_8b) as unknown as Record<string, unknown>;
    s.notes = deep;
    expect(validateSpec(s).issues[0]!.message).toBe("nested more than 64 levels deep");
    const cyclic = structuredClone(llama3_8b) as unknown as Record<string, unknown>;
    cyclic.self = cyclic;
    expect(validateSpec(cyclic).success).toBe(false);
  });

  it("refuses more than 64 mixer definitions", () => {
    const s = structuredClone(llama3_8b) as ModelSpec;
    const attn = s.architecture.mixers.attn!;
    for (let i = 0; i < 10_000; i++) s.architecture.mixers[`m${i}`] = attn;
    expect(validateSpec(s).issues).toEqual([{ path: "architecture.mixers", message: "10001 definitions; at most 64 are allowed" }]);
  });
});

describe("cache sizes refuse options that give NaN or negative bytes", () => {
  it("names the option", async () => {
    const { kvCacheBytes } = await import("./cache-size.js");
    const ok = kvCacheBytes(llama3_8b, { contextLength: 8192 });
    expect(ok.total).toBeGreaterThan(0);
    expect(() => kvCacheBytes(llama3_8b, { contextLength: Number.NaN })).toThrow("contextLength: expected a non-negative number, got NaN");
    expect(() => kvCacheBytes(llama3_8b, { contextLength: -1 })).toThrow("contextLength: expected a non-negative number");
    expect(() => kvCacheBytes(llama3_8b, { contextLength: 8192, batch: -2 })).toThrow("batch: expected a non-negative number, got -2");
    expect(() => kvCacheBytes(llama3_8b, { contextLength: 8192, dtype: "fp64" as never })).toThrow("dtype: unknown dtype fp64");
    expect(() => kvCacheBytes(llama3_8b, { contextLength: 8192, stateDtype: "toString" as never })).toThrow(
      "stateDtype: unknown dtype toString",
    );
  });
});
