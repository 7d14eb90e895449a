import { describe, expect, it } from "vitest";
import { validateSpec, parseSpec, SpecValidationError, checkDataset, checkDatasetEntry, formatIssues } from "./validate.js";
import { llama3_8b, gemma3_27b, deepseekV3 } from "../test-fixtures/golden-specs.js";

const clone = <T>(v: T): T => structuredClone(v);

describe("validateSpec", () => {
  it("accepts the golden fixtures", () => {
    for (const s of [llama3_8b, gemma3_27b, deepseekV3]) expect(validateSpec(s)).toMatchObject({ success: true });
  });

  it("names the field path and the expectation for kv heads that do not divide heads", () => {
    const s = clone(llama3_8b);
    (s.architecture.mixers.attn as { kvHeads: number }).kvHeads = 7;
    const r = validateSpec(s);
    expect(r.success).toBe(false);
    expect(formatIssues(r.issues)).toBe("architecture.mixers.attn.kvHeads: must divide heads (32), got 7");
  });

  it("checks that the layer pattern adds up to numLayers", () => {
    const s = clone(gemma3_27b);
    s.architecture.numLayers = 60;
    expect(validateSpec(s).issues).toContainEqual({ path: "architecture.layers", message: "adds up to 62 layers, but numLayers is 60" });
  });

  it("checks active experts, windows and references", () => {
    const s = clone(deepseekV3);
    const moe = s.architecture.ffns.moe as { activeExperts: number };
    moe.activeExperts = 300;
    (s.architecture.layers[0] as { mixer: string }).mixer = "nope";
    const r = validateSpec(s);
    expect(r.issues).toContainEqual({ path: "architecture.ffns.moe.activeExperts", message: "must not exceed experts (256), got 300" });
    expect(r.issues).toContainEqual({ path: "architecture.layers.0.mixer", message: 'unknown mixer "nope"; defined: mla' });
    const g = clone(gemma3_27b);
    (g.architecture.mixers.local as { window: number }).window = 1_000_000;
    expect(validateSpec(g).issues).toContainEqual({
      path: "architecture.mixers.local.window",
      message: "must not exceed the context length (131072), got 1000000",
    });
  });

  it("reports wrong types, negative sizes and unknown fields with their paths", () => {
    const s = clone(llama3_8b) as unknown as Record<string, any>;
    s.architecture.dModel = -4096;
    s.architecture.vocabSize = "128k";
    s.architecture.mixers.attn.hedas = 4;
    s.id = "Llama 3";
    const r = validateSpec(s);
    const text = formatIssues(r.issues);
    expect(text).toContain("architecture.dModel: expected a positive integer, got -4096");
    expect(text).toContain('architecture.vocabSize: expected a positive integer, got "128k"');
    expect(text).toContain('architecture.mixers.attn: unknown field "hedas"');
    expect(text).toContain('id: expected a kebab-case id (a-z, 0-9, "-" or "."), got "Llama 3"');
  });

  it("names the known kinds for an unknown mixer kind", () => {
    const s = clone(llama3_8b) as unknown as Record<string, any>;
    s.architecture.mixers.attn = { kind: "retention", heads: 4 };
    expect(formatIssues(validateSpec(s).issues)).toMatch(
      /^architecture\.mixers\.attn\.kind: unknown mixer kind "retention"; expected one of attention, mla/,
    );
  });

  it("never throws on garbage", () => {
    for (const input of [null, undefined, 42, "x", [], { architecture: [] }, { id: 1, name: {}, architecture: { layers: "x" } }]) {
      const r = validateSpec(input);
      expect(r.success).toBe(false);
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) expect(typeof i.message).toBe("string");
    }
  });

  it("parseSpec throws a SpecValidationError listing every issue", () => {
    const s = clone(llama3_8b) as unknown as Record<string, any>;
    s.architecture.numLayers = 0;
    s.architecture.dModel = 1.5;
    try {
      parseSpec(s);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpecValidationError);
      expect((e as SpecValidationError).issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(["architecture.numLayers", "architecture.dModel"]),
      );
      expect((e as Error).message).toMatch(/^invalid spec "llama-3-8b":/);
    }
  });
});

describe("dataset checks", () => {
  it("flags duplicate ids and dangling derivedFrom", () => {
    expect(checkDataset([{ id: "a" }, { id: "a" }, { id: "b", derivedFrom: "c" }])).toEqual([
      { path: "1.id", message: 'duplicate id "a"' },
      { path: "2.derivedFrom", message: 'unknown model "c"' },
    ]);
  });
  it("requires dataset metadata", () => {
    expect(checkDatasetEntry({ id: "x", name: "x", architecture: llama3_8b.architecture }).map((i) => i.path)).toEqual([
      "org",
      "releaseDate",
      "license",
      "links",
      "officialParams",
      "summary",
      "keyDetail",
      "sources",
    ]);
    expect(checkDatasetEntry(llama3_8b)).toEqual([]);
  });
});

describe("pathological but well-typed input (found by the property tests in packages/quality)", () => {
  const minimal = () => structuredClone(llama3_8b) as unknown as Record<string, any>;

  it("rejects learned positions without a context length (metrics could not count the table)", () => {
    const s = minimal();
    s.architecture.positional = { kind: "learned" };
    s.architecture.contextLength = null;
    expect(validateSpec(s).issues).toContainEqual({
      path: "architecture.contextLength",
      message: "learned positions need a context length (the position table has one row per position)",
    });
  });

  it("does not take names inherited from Object.prototype for definitions", () => {
    for (const name of ["toString", "constructor", "hasOwnProperty"]) {
      const s = minimal();
      s.architecture.layers = [{ mixer: "attn", ffn: name, count: 32 }];
      expect(validateSpec(s).issues).toContainEqual({ path: "architecture.layers.0.ffn", message: `unknown ffn "${name}"; defined: mlp` });
    }
  });

  it("reports a __proto__ definition instead of dropping it", () => {
    const text = JSON.stringify(minimal()).replace('"mixers":{', '"mixers":{"__proto__":{"kind":"attention"},');
    const r = validateSpec(JSON.parse(text));
    expect(r.success).toBe(false);
    expect(r.issues[0]?.path).toBe("architecture.mixers.__proto__");
  });

  it("returns an issue, never a stack overflow, for groups nested thousands deep", () => {
    const s = minimal();
    let layers: unknown[] = [{ mixer: "attn", ffn: "mlp" }];
    for (let i = 0; i < 10_000; i++) layers = [{ repeat: 1, layers }];
    s.architecture.layers = layers;
    s.architecture.numLayers = 1;
    const r = validateSpec(s);
    expect(r.success).toBe(false);
    // The input's own nesting bound answers first; groups nested 9 deep get the specific message.
    expect(r.issues[0]?.message).toBe("nested more than 64 levels deep");
    let nine: unknown[] = [{ mixer: "attn", ffn: "mlp" }];
    for (let i = 0; i < 9; i++) nine = [{ repeat: 1, layers: nine }];
    s.architecture.layers = nine;
    expect(validateSpec(s).issues[0]?.message).toBe("layer groups nest at most 8 deep");
  });

  it("bounds layer counts, so no consumer has to expand a hundred million layers", () => {
    const s = minimal();
    s.architecture.numLayers = 100_000_000;
    s.architecture.layers = [{ mixer: "attn", ffn: "mlp", count: 100_000_000 }];
    const text = formatIssues(validateSpec(s).issues);
    expect(text).toContain("architecture.numLayers: expected at most 10000, got 100000000");
    expect(text).toContain("architecture.layers.0.count: expected at most 10000, got 100000000");
  });
});

describe("issues inside layer groups", () => {
  it("are reported at the field inside the group", () => {
    const s = structuredClone(llama3_8b) as unknown as Record<string, any>;
    s.architecture.layers = [{ repeat: 1, layers: [{ mixer: "attn", ffn: "mlp", count: 10001 }] }];
    expect(formatIssues(validateSpec(s).issues)).toContain("architecture.layers.0.layers.0.count: expected at most 10000, got 10001");
  });
  it("name an object an object", () => {
    const s = structuredClone(llama3_8b) as unknown as Record<string, any>;
    s.architecture.vocabSize = {};
    expect(formatIssues(validateSpec(s).issues)).toContain("architecture.vocabSize: expected a positive integer, got an object");
  });
});
