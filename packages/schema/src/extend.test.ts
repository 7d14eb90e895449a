import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createSpecSchema, defineMixerKind, combineHooks } from "./extend.js";
import { validateSpec, formatIssues } from "./validate.js";
import { countParams } from "./params.js";
import { kvCacheBytesPerToken } from "./kv-cache.js";
import { kvCacheBytes, stateElements } from "./cache-size.js";
import { flopsPerToken } from "./flops.js";
import { attentionLabel, decoderType, formatLayerMix, isRecurrentKind, mixerLabel } from "./classify.js";
import { concepts } from "./concept-tags.js";
import { modelStats } from "./stats.js";
import { KindRegistry, coreKinds } from "./kinds/registry.js";
import { mixerKindDetails } from "./kinds/details.js";
import { llama3_8b } from "../test-fixtures/golden-specs.js";

// The README's example, as written there (and in extend.ts's TSDoc).
const retention = defineMixerKind({
  kind: "retention",
  schema: z.strictObject({ kind: z.literal("retention"), heads: z.int().check(z.positive()), headDim: z.int().check(z.positive()) }),
  family: "linear-attention",
  params: (m, arch) => ({ component: "linearMixer", params: 5 * arch.dModel * m.heads * m.headDim }),
  cache: { perToken: () => 0, state: (m) => m.heads * m.headDim * m.headDim },
  attentionMacs: (m) => 3 * m.heads * m.headDim * m.headDim,
  label: () => "retention",
  title: () => "Multi-scale **Retention**",
  facts: (m) => [
    ["Heads", String(m.heads)],
    ["Head dim", String(m.headDim)],
  ],
  callout: (m) => [m.heads, " heads"],
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
    {
      repeat: 16,
      layers: [
        { mixer: "ret", ffn: "mlp" },
        { mixer: "attn", ffn: "mlp" },
      ],
    },
  ];
  return s;
}

function valid() {
  const r = validateSpec(customSpec(), MySpec);
  if (!r.success) throw new Error(formatIssues(r.issues));
  return r.data;
}

const kinds = [retention];

describe("extending the schema downstream", () => {
  it("accepts own fields and mixer kinds, with types", () => {
    const data = valid();
    expect(data.benchmark?.mmlu).toBe(66.6);
    expect(data.architecture.trainingTokens).toBe(15e12);
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

  it("refuses to redefine a core kind, and two definitions of one kind", () => {
    expect(() => defineMixerKind({ ...retention, kind: "attention" } as never)).toThrow(/already defined by @archgal\/schema/);
    expect(() => new KindRegistry([retention, retention])).toThrow(/defined twice/);
  });

  it("runs the extension's own relation checks", () => {
    const checked = defineMixerKind({
      ...retention,
      relations: (m, _arch, path) => (m.headDim % 2 ? [{ path: [...path, "headDim"], message: "must be even" }] : []),
    });
    const s = customSpec();
    s.architecture.mixers.ret.headDim = 127;
    const text = formatIssues(
      validateSpec(
        s,
        createSpecSchema({
          mixerKinds: [checked],
          fields: { benchmark: z.optional(z.any()) },
          architectureFields: { trainingTokens: z.optional(z.int()) },
        }),
      ).issues,
    );
    expect(text).toContain("architecture.mixers.ret.headDim: must be even");
  });
});

describe("the README's retention kind comes out right in every facet", () => {
  const d = 4096;
  const retParams = 16 * 5 * d * 32 * 128;

  it("parameters: counted through { kinds }, nothing left uncounted", () => {
    const without = countParams(valid());
    expect(without.uncounted).toEqual(["ret"]);
    const counts = countParams(valid(), { kinds });
    expect(counts.uncounted).toEqual([]);
    expect(counts.breakdown.linearMixer).toBe(retParams);
    expect(counts.total - without.total).toBe(retParams);
  });

  it("decoder type: a linear-attention mixer beside softmax attention makes a dense hybrid", () => {
    expect(decoderType(valid())).toBe("Dense"); // the core registry does not know retention
    expect(decoderType(valid(), { kinds })).toBe("Dense hybrid");
    const allRetention = customSpec();
    allRetention.architecture.layers = [{ mixer: "ret", ffn: "mlp", count: 32 }];
    expect(decoderType(allRetention as never, { kinds })).toBe("Recurrent");
  });

  it("KV cache and state: only the attention layers cache per token; retention keeps a fixed state", () => {
    expect(kvCacheBytesPerToken(valid(), "bf16", { kinds })).toBe(16 * 2 * 8 * 128 * 2);
    expect(stateElements({ kind: "retention", heads: 32, headDim: 128 } as never, d, { kinds })).toBe(32 * 128 * 128);
    const cache = kvCacheBytes(valid(), { contextLength: 1000, kinds });
    expect(cache.state).toBe(16 * 32 * 128 * 128 * 4);
    expect(cache.kv).toBe(16 * 2 * 8 * 128 * 1000 * 2);
  });

  it("FLOPs: the retention layers add their state update", () => {
    const core = flopsPerToken(valid(), { contextLength: 1000 });
    const ext = flopsPerToken(valid(), { contextLength: 1000, kinds });
    expect(ext.attention - core.attention).toBe(16 * 2 * 3 * 32 * 128 * 128);
    expect(ext.matmul - core.matmul).toBe(2 * retParams);
  });

  it("labels and concepts", () => {
    expect(mixerLabel({ kind: "retention" }, { kinds })).toBe("retention");
    expect(attentionLabel(valid(), { kinds })).toBe("retention + GQA");
    expect(formatLayerMix(valid(), { kinds })).toBe("16 retention + 16 GQA");
    expect(concepts(valid(), { kinds })).toContain("GQA");
  });

  it("names, callout and popover rows come from the definition", () => {
    const k = new KindRegistry(kinds).mixerKind("retention")!;
    const m = { kind: "retention", heads: 32, headDim: 128 };
    expect(k.title(m)).toBe("Multi-scale **Retention**");
    expect(k.shortName(m)).toBe("retention");
    expect(k.comboTitle(m)).toBe("Multi-scale **Retention**");
    expect(k.callout(m)).toEqual([32, " heads"]);
    expect(mixerKindDetails(m, new KindRegistry(kinds))?.facts(m)).toEqual([
      ["Heads", "32"],
      ["Head dim", "128"],
    ]);
    expect(mixerKindDetails(m, new KindRegistry(kinds))?.concepts(m, { rope: true })).toEqual([]);
  });

  it("rotary positions: a linear-attention kind takes none unless it says so; an attention kind takes the model's", () => {
    const m = { kind: "retention", heads: 32, headDim: 128 };
    expect(new KindRegistry(kinds).mixerKind("retention")!.rotary(m)).toBeUndefined();
    const base = { ...retention, kind: "my-attention" } as Parameters<typeof defineMixerKind<typeof m>>[0];
    const { rotary: _r, ...input } = base;
    expect(defineMixerKind({ ...input, family: "attention" }).rotary(m)).toEqual({});
    expect(defineMixerKind({ ...input, rotary: () => false }).rotary(m)).toBe(false);
  });

  it("modelStats takes the same { kinds }, and the deprecated hooks still work", () => {
    const stats = modelStats(valid(), { kinds });
    expect(stats.params.total).toBe(countParams(valid(), { kinds }).total);
    expect(stats.decoderType).toBe("Dense hybrid");
    expect(modelStats(valid(), retention.hooks)).toEqual(stats);
    expect(countParams(valid(), combineHooks([retention])).uncounted).toEqual([]);
  });
});

describe("kind names that are also Object.prototype keys", () => {
  for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    it(`an unknown kind "${name}" is unknown everywhere, not a prototype function`, () => {
      const s = customSpec();
      s.architecture.mixers.ret = JSON.parse(`{"kind": ${JSON.stringify(name)}, "heads": 4}`);
      expect(coreKinds.mixerKind(name)).toBeUndefined();
      expect(isRecurrentKind(name)).toBe(false);
      expect(mixerLabel({ kind: name })).toBe(name);
      expect(countParams(s as never).uncounted).toEqual(["ret"]);
      expect(kvCacheBytesPerToken(s as never)).toBe(16 * 2 * 8 * 128 * 2);
      expect(decoderType(s as never)).toBe("Dense");
      expect(attentionLabel(s as never)).toBe(`${name} + GQA`);
      expect(JSON.stringify(modelStats(s as never))).not.toMatch(/native code|function/);
      const issues = formatIssues(validateSpec(s).issues);
      expect(issues).toContain("architecture.mixers.ret");
      expect(issues).not.toMatch(/native code/);
    });

    it(`a downstream kind named "${name}" works like any other`, () => {
      const k = defineMixerKind({
        ...retention,
        kind: name,
        schema: z.strictObject({ kind: z.literal(name), heads: z.int(), headDim: z.int() }),
      } as never);
      const s = customSpec();
      s.architecture.mixers.ret = JSON.parse(`{"kind": ${JSON.stringify(name)}, "heads": 32, "headDim": 128}`);
      const r = validateSpec(
        s,
        createSpecSchema({
          mixerKinds: [k],
          fields: { benchmark: z.optional(z.any()) },
          architectureFields: { trainingTokens: z.optional(z.int()) },
        }),
      );
      expect(formatIssues(r.issues)).toBe("");
      expect(countParams(s as never, { kinds: [k] }).breakdown.linearMixer).toBe(16 * 5 * 4096 * 32 * 128);
      expect(decoderType(s as never, { kinds: [k] })).toBe("Dense hybrid");
    });
  }
});
