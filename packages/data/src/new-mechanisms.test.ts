import { describe, expect, it } from "vitest";
import { distinctiveMechanisms, newMechanisms } from "@archgal/schema/family";
import { getModel, loadAllModels, models, newMechanismsOf } from "./index.js";

const tags = async (id: string) => ((await newMechanismsOf(id)) ?? []).map((m) => m.tag);

describe("newMechanismsOf (what the figures outline)", async () => {
  it("DeepSeek V3.2 against V3 (its derivedFrom): DSA on its MLA", async () => {
    expect(await newMechanismsOf("deepseek-v3.2")).toEqual([{ tag: "DSA", name: "DeepSeek Sparse Attention (DSA)", parts: ["mixer:mla"] }]);
  });

  it("GLM-5 against Zhipu's GLM-4.5 and 4.7: MLA and DSA", async () => {
    expect(await tags("glm-5")).toEqual(["MLA", "DSA"]);
  });

  it("Kimi Linear against Kimi K2: Kimi Delta Attention and NoPE", async () => {
    expect(await tags("kimi-linear-48b-a3b")).toEqual(["kimi-delta-attention", "NoPE"]);
  });

  it("DeepSeek V4 names its hyper-connections mHC", async () => {
    expect((await newMechanismsOf("deepseek-v4-flash"))?.find((m) => m.tag === "hyper-connections")?.name).toBe(
      "Manifold-constrained hyper-connections (mHC)",
    );
  });

  it("no model that derives from another with its architecture has anything new", async () => {
    const derived = models.filter((m) => m.derivedFrom);
    expect(derived.length).toBeGreaterThan(5);
    for (const m of derived) {
      const base = getModel(m.derivedFrom!)!;
      const same = m.concepts.every((t) => base.concepts.includes(t));
      expect((await newMechanismsOf(m.id))?.length === 0, m.id).toBe(same);
    }
    expect(await newMechanismsOf("deepseek-r1")).toEqual([]);
    expect(await newMechanismsOf("no-such-model")).toBeUndefined();
  });

  it("is not part of the light index that listings load", async () => {
    for (const m of models) expect(Object.keys(m), m.id).not.toContain("newMechanisms");
  });

  it("equals the schema's computation over the loaded dataset", async () => {
    const all = await loadAllModels();
    for (const spec of all) {
      const found = newMechanisms(spec, all);
      expect(await newMechanismsOf(spec.id), spec.id).toEqual(found);
      expect(found.map((m) => m.tag)).toEqual(distinctiveMechanisms(spec, all));
    }
  });
});
