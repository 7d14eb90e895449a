import { describe, expect, it } from "vitest";
import { KindRegistry, coreKinds, coreMixerKinds, isCoreMixerKind } from "./registry.js";
import { coreMixerDetails, mixerKindDetails } from "./details.js";
import { mixerKinds } from "./schemas.js";
import { isRecurrentKind } from "../classify.js";
import { compressedAttention as ca, type CompressedAttentionMixer } from "./mixers/compressed-attention.js";
import { compressedAttentionDetails } from "./mixers/compressed-attention.details.js";
import { attention as at_ } from "./mixers/attention.js";
import { attentionDetails } from "./mixers/attention.details.js";
import type { MixerKind } from "./mixer-kind.js";
import type { AttentionMixer } from "./mixers/attention.js";

const compressedAttention: MixerKind<CompressedAttentionMixer> = {
  ...ca,
  ...compressedAttentionDetails,
  cache: { ...ca.cache, ...compressedAttentionDetails.cache },
};
const attention: MixerKind<AttentionMixer> = { ...at_, ...attentionDetails, cache: { ...at_.cache, ...attentionDetails.cache } };
import { kvCacheBytes } from "../cache-size.js";
import { deepseekV3 } from "../../test-fixtures/golden-specs.js";

const arch = { dModel: 4096, norm: { kind: "rmsnorm", placement: "pre" } } as const;

describe("the kind registry", () => {
  it("has a definition for every kind the schema accepts, and nothing else", () => {
    expect(Object.keys(coreMixerKinds).sort()).toEqual([...mixerKinds].sort());
    for (const [key, def] of Object.entries(coreMixerKinds)) expect(def.kind).toBe(key);
    expect(coreKinds.mixerKinds).toEqual(Object.keys(coreMixerKinds));
    expect(Object.keys(coreMixerDetails)).toEqual(Object.keys(coreMixerKinds));
    for (const k of ["constructor", "__proto__", "toString"]) expect(mixerKindDetails({ kind: k })).toBeUndefined();
  });

  it("derives the recurrent kinds from the families", () => {
    expect(
      Object.keys(coreMixerKinds)
        .filter((k) => isRecurrentKind(k))
        .sort(),
    ).toEqual(["gated-deltanet", "kimi-delta", "lightning", "mamba2", "mlstm", "short-conv"]);
  });

  it("finds kinds by own keys only", () => {
    for (const k of ["constructor", "toString", "__proto__", "valueOf", ""]) {
      expect(isCoreMixerKind(k)).toBe(false);
      expect(coreKinds.mixerKind(k)).toBeUndefined();
    }
    expect(coreKinds.mixerKind(42)).toBeUndefined();
    expect(coreKinds.of({ kind: { toString: () => "attention" } })).toBeUndefined();
  });

  it("keeps extension kinds apart from the core registry", () => {
    const ext = { ...attention, kind: "my-attention" } as never;
    const reg = new KindRegistry([ext]);
    expect(reg.mixerKind("my-attention")).toBe(ext);
    expect(coreKinds.mixerKind("my-attention")).toBeUndefined();
  });
});

describe("compressed attention (DeepSeek V4)", () => {
  const base: CompressedAttentionMixer = {
    kind: "compressed-attention",
    heads: 64,
    headDim: 512,
    ropeDim: 64,
    qLoraRank: 1024,
    outputGroups: 8,
    outputLoraRank: 1024,
    window: 128,
  };

  it("counts a compressor twice the head wide at ratio 4 (overlapping windows) and one head wide otherwise", () => {
    const plain = compressedAttention.params(base, arch).params;
    const csaNoIndexer = compressedAttention.params({ ...base, compressRatio: 4 }, arch).params - plain;
    const hca = compressedAttention.params({ ...base, compressRatio: 128 }, arch).params - plain;
    expect(csaNoIndexer).toBe(2 * 512 * 4 + 2 * 4096 * 2 * 512 + 512);
    expect(hca).toBe(512 * 128 + 2 * 4096 * 512 + 512);
  });

  it("caches one row per compressRatio tokens over the whole context, and a fixed window buffer", () => {
    const m = { ...base, compressRatio: 4 };
    expect(compressedAttention.cache.perToken(m)).toBe(128);
    expect(compressedAttention.cache.span(m)).toBeUndefined();
    expect(compressedAttention.cache.state(m, arch)).toBe(128 * 512);
    const spec = structuredClone(deepseekV3) as never as { architecture: { mixers: Record<string, unknown>; mtp?: unknown } };
    spec.architecture.mixers = { mla: m };
    delete spec.architecture.mtp;
    const at = (contextLength: number) => kvCacheBytes(spec as never, { contextLength }).kv;
    expect(at(8192)).toBe(2 * at(4096));
  });

  it("names the variants", () => {
    expect(compressedAttention.label({ ...base, compressRatio: 4, indexer: { heads: 64, headDim: 128, topK: 512 } })).toBe("CSA");
    expect(compressedAttention.label({ ...base, compressRatio: 128 })).toBe("HCA");
    expect(compressedAttention.label(base)).toBe("sliding-window MQA");
    expect(compressedAttention.facts(base).map(([k]) => k)).toContain("Window");
  });
});

describe("softmax attention", () => {
  it("caps the cache at the window or chunk and names MQA's single KV head", () => {
    const m = { kind: "attention", heads: 8, kvHeads: 1, headDim: 64 } as const;
    expect(attention.cache.span({ ...m, window: 512 })).toBe(512);
    expect(attention.cache.span({ ...m, chunk: 8192 })).toBe(8192);
    expect(attention.cache.span(m)).toBeUndefined();
    expect(attention.callout(m)).toEqual([8, " heads, ", 1, " KV head"]);
    expect(attention.calloutNotes({ ...m, window: 512, sinks: true }, 10)).toEqual([
      ["with learned attention sinks"],
      ["sliding window of ", 512, " tokens"],
    ]);
  });
});
