import { describe, expect, it } from "vitest";
import { deepseekV3, gemma3_27b, gpt2Small, llama2_7b, llama3_8b, mistral7b } from "../test-fixtures/golden-specs.js";
import { concepts, conceptSources } from "./concept-tags.js";
import { distinctiveMechanisms, modelFamily, newMechanisms, PLAIN_DECODER_CONCEPTS } from "./distinctive-mechanisms.js";
import type { DatasetEntry, Mixer } from "./spec-types.js";

/** A copy of a fixture with other metadata (and, optionally, another architecture). */
function variant(base: DatasetEntry, meta: Partial<DatasetEntry>, arch: Partial<DatasetEntry["architecture"]> = {}): DatasetEntry {
  return { ...base, ...meta, architecture: { ...base.architecture, ...arch } };
}

const deepseek = (id: string, releaseDate: string, meta: Partial<DatasetEntry> = {}, arch: Partial<DatasetEntry["architecture"]> = {}) =>
  variant(deepseekV3, { id, name: id, org: "DeepSeek", releaseDate, ...meta }, arch);

const v3 = deepseek("deepseek-v3", "2024-12-26");
const mla = deepseekV3.architecture.mixers.mla as Extract<Mixer, { kind: "mla" }>;
/** V3.2: V3's MLA with the DSA indexer. */
const v32 = deepseek(
  "deepseek-v3.2",
  "2025-12-01",
  { derivedFrom: "deepseek-v3" },
  {
    mixers: { mla: { ...mla, indexer: { heads: 64, headDim: 128, topK: 2048 } } },
  },
);

describe("conceptSources", () => {
  it("lists the tags of concepts() with the part carrying each", () => {
    for (const spec of [gpt2Small, llama3_8b, mistral7b, deepseekV3, gemma3_27b, v32]) {
      expect([...new Set(conceptSources(spec).map((s) => s.tag))]).toEqual(concepts(spec));
    }
    expect(conceptSources(v32)).toContainEqual({ tag: "DSA", part: "mixer:mla" });
    expect(conceptSources(v32)).toContainEqual({ tag: "MoE", part: "ffn:moe" });
    expect(conceptSources(v32)).toContainEqual({ tag: "RoPE", part: "positional" });
    expect(conceptSources(gemma3_27b)).toContainEqual({ tag: "sandwich-norm", part: "norm" });
  });
});

describe("modelFamily", () => {
  it("is the derivedFrom model when it is given", () => {
    expect(modelFamily(v32, [v3, v32]).map((m) => m.id)).toEqual(["deepseek-v3"]);
  });
  it("else the same organisation's earlier models, never the same day's or the model itself", () => {
    const r1 = deepseek("deepseek-r1", "2025-01-20");
    const twin = deepseek("deepseek-twin", "2025-01-20");
    const other = variant(llama3_8b, { org: "Meta", releaseDate: "2024-04-18" });
    expect(modelFamily(r1, [v3, r1, twin, other]).map((m) => m.id)).toEqual(["deepseek-v3"]);
    expect(modelFamily(deepseek("x", "2025-01-20", { org: "  deepseek " }), [v3]).map((m) => m.id)).toEqual(["deepseek-v3"]);
    // An organisation written with its alias in parentheses is the alias too.
    const zhipu = deepseek("glm-a", "2025-01-01", { org: "Zhipu AI (Z.ai)" });
    expect(modelFamily(deepseek("glm-b", "2025-06-01", { org: "Z.ai" }), [zhipu]).map((m) => m.id)).toEqual(["glm-a"]);
    expect(modelFamily(deepseek("glm-c", "2025-06-01", { org: "Zhipu AI" }), [zhipu]).map((m) => m.id)).toEqual(["glm-a"]);
    expect(modelFamily(deepseek("other", "2025-06-01", { org: "Z" }), [zhipu])).toEqual([]);
  });
  it("falls back to the organisation when the derivedFrom model is not given", () => {
    expect(modelFamily(v32, [deepseek("deepseek-r1", "2025-01-20")]).map((m) => m.id)).toEqual(["deepseek-r1"]);
  });
  it("is empty without org or release date", () => {
    expect(modelFamily({ ...v3, org: undefined }, [v3])).toEqual([]);
    expect(modelFamily({ ...v3, releaseDate: undefined }, [v3])).toEqual([]);
  });
});

describe("distinctiveMechanisms", () => {
  it("DeepSeek V3.2 against V3: DSA", () => {
    expect(distinctiveMechanisms(v32, [v3, v32])).toEqual(["DSA"]);
  });
  it("a model with derivedFrom and its base's architecture: nothing new", () => {
    const r1 = deepseek("deepseek-r1", "2025-01-20", { derivedFrom: "deepseek-v3" });
    expect(distinctiveMechanisms(r1, [v3, r1])).toEqual([]);
  });
  it("against every earlier model of the organisation: what none of them has", () => {
    const mistral = variant(mistral7b, { org: "Mistral AI", releaseDate: "2023-09-27" });
    const meta = (s: DatasetEntry, date: string) => variant(s, { org: "Meta", releaseDate: date });
    const [l2, l3] = [meta(llama2_7b, "2023-07-18"), meta(llama3_8b, "2024-04-18")];
    expect(distinctiveMechanisms(l3, [l2, l3, mistral])).toEqual(["GQA"]);
    // Mistral 7B is the first of its organisation: against the plain decoder, only its window is new.
    expect(distinctiveMechanisms(mistral, [l2, l3, mistral])).toEqual(["SWA"]);
  });
  it("without a family: what differs from the plain decoder", () => {
    expect(distinctiveMechanisms(llama3_8b, [])).toEqual([]);
    expect(distinctiveMechanisms(gpt2Small, [])).toEqual(["learned-positions"]);
    expect(distinctiveMechanisms(deepseekV3, [])).toEqual(["MLA", "shared-expert", "MTP"]);
    expect(distinctiveMechanisms(gemma3_27b, [])).toEqual(["SWA", "QK-Norm", "sandwich-norm"]);
    for (const t of PLAIN_DECODER_CONCEPTS) expect(distinctiveMechanisms(gemma3_27b, [])).not.toContain(t);
  });
});

describe("newMechanisms", () => {
  it("names each tag from the catalogue and lists the definitions carrying it", () => {
    expect(newMechanisms(v32, [v3])).toEqual([{ tag: "DSA", name: "DeepSeek Sparse Attention (DSA)", parts: ["mixer:mla"] }]);
    expect(newMechanisms(deepseekV3, []).map((m) => [m.tag, m.parts])).toEqual([
      ["MLA", ["mixer:mla"]],
      ["shared-expert", ["ffn:moe"]],
      ["MTP", []],
    ]);
  });
  it("names hyper-connections by their form", () => {
    const v4 = deepseek("v4", "2026-04-24", {}, { hyperConnections: { streams: 4 } });
    expect(newMechanisms(v4, [v3]).find((m) => m.tag === "hyper-connections")?.name).toBe("Manifold-constrained hyper-connections (mHC)");
  });
});
