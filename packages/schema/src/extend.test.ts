import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createSpecSchema, defineMixerKind, combineHooks } from "./extend.js";
import { validateSpec, formatIssues } from "./validate.js";
import { countParams } from "./params.js";
import { kvCacheBytesPerToken } from "./kv-cache.js";
import { modelStats } from "./stats.js";
import { llama3_8b } from "../test-fixtures/golden-specs.js";

const retention = defineMixerKind({
  kind: "retention",
  schema: z.strictObject({ kind: z.literal("retention"), heads: z.int().check(z.positive()), headDim: z.int().check(z.positive()) }),
  params: (m, arch) => ({ component: "linearMixer", params: 4 * arch.dModel * m.heads * m.headDim }),
});

const MySpec = createSpecSchema({
  mixerKinds: [retention],
  fields: { benchmark: z.optional(z.strictObject({ mmlu: z.number() })) },
  architectureFields: { trainingTokens: z.optional(z.int()) },
});

function customSpec() {
  const s = structuredClone(llama3_8b) as unknown as Record<string, any>;
  s.benchmark = { mmlu: 66.6 };
  s.architecture.trainingTokens = 15_000_000_000_000;
  s.architecture.mixers.ret = { kind: "retention", heads: 32, headDim: 128 };
  s.architecture.layers = [
    { repeat: 16, layers: [{ mixer: "ret", ffn: "mlp" }, { mixer: "attn", ffn: "mlp" }] },
  ];
  return s;
}

describe("extending the schema downstream", () => {
  it("accepts own fields and mixer kinds, with types", () => {
    const r = validateSpec(customSpec(), MySpec);
    expect(r.issues).toEqual([]);
    if (r.success) {
      expect(r.data.benchmark?.mmlu).toBe(66.6);
      expect(r.data.architecture.trainingTokens).toBe(15e12);
    }
  });

  it("keeps the core checks and rejects unknown fields", () => {
    const s = customSpec();
    s.architecture.mixers.attn.kvHeads = 7;
    s.benchmarks = {};
    const text = formatIssues(validateSpec(s, MySpec).issues);
    expect(text).toContain("architecture.mixers.attn.kvHeads: must divide heads (32), got 7");
    expect(text).toContain('unknown field "benchmarks"');
  });

  it("the core schema rejects the extension", () => {
    expect(validateSpec(customSpec()).success).toBe(false);
  });

  it("counts the known parts, and the new kind through its hook", () => {
    const r = validateSpec(customSpec(), MySpec);
    if (!r.success) throw new Error("invalid");
    const without = countParams(r.data);
    expect(without.uncounted).toEqual(["ret"]);
    const withHook = countParams(r.data, combineHooks([retention]));
    expect(withHook.uncounted).toEqual([]);
    expect(withHook.breakdown.linearMixer).toBe(16 * 4 * 4096 * 32 * 128);
    expect(withHook.total - without.total).toBe(withHook.breakdown.linearMixer);
    // Only the 16 attention layers keep a KV cache.
    expect(kvCacheBytesPerToken(r.data)).toBe(16 * 2 * 8 * 128 * 2);
  });

  it("refuses to redefine a core kind", () => {
    expect(() => defineMixerKind({ kind: "attention", schema: z.strictObject({ kind: z.literal("attention") }) })).toThrow(/already defined/);
  });
});

describe("the README's extension example type-checks as written", () => {
  it("passes an extended spec straight to the metric functions", () => {
    const result = validateSpec(customSpec(), MySpec);
    if (!result.success) throw new Error("invalid");
    const counts = countParams(result.data, retention.hooks);
    expect(counts.uncounted).toEqual([]);
    expect(modelStats(result.data, retention.hooks).params.total).toBe(counts.total);
  });
});
