import { describe, expect, it } from "vitest";
import { distinctiveMechanisms, newMechanisms } from "@archgal/schema/family";
import { getModel, loadAllModels, models } from "./index.js";

const tags = (id: string) => (getModel(id)?.newMechanisms ?? []).map((m) => m.tag);

describe("newMechanisms of the index (what the figures outline)", () => {
  it("DeepSeek V3.2 against V3 (its derivedFrom): DSA on its MLA", () => {
    expect(getModel("deepseek-v3.2")?.newMechanisms).toEqual([
      { tag: "DSA", name: "DeepSeek Sparse Attention (DSA)", parts: ["mixer:mla"] },
    ]);
  });

  it("GLM-5 against Zhipu's GLM-4.5 and 4.7: MLA and DSA", () => {
    expect(tags("glm-5")).toEqual(["MLA", "DSA"]);
  });

  it("Kimi Linear against Kimi K2: Kimi Delta Attention and NoPE", () => {
    expect(tags("kimi-linear-48b-a3b")).toEqual(["kimi-delta-attention", "NoPE"]);
  });

  it("DeepSeek V4 names its hyper-connections mHC", () => {
    expect(getModel("deepseek-v4-flash")?.newMechanisms?.find((m) => m.tag === "hyper-connections")?.name).toBe(
      "Manifold-constrained hyper-connections (mHC)",
    );
  });

  it("no model that derives from another with its architecture has anything new", () => {
    const derived = models.filter((m) => m.derivedFrom);
    expect(derived.length).toBeGreaterThan(5);
    for (const m of derived) {
      const base = getModel(m.derivedFrom!)!;
      const same = m.concepts.every((t) => base.concepts.includes(t));
      expect(m.newMechanisms === undefined, m.id).toBe(same);
    }
    expect(getModel("deepseek-r1")?.newMechanisms).toBeUndefined();
  });

  it("equals the schema's computation over the loaded dataset", async () => {
    const all = await loadAllModels();
    for (const spec of all) {
      const found = newMechanisms(spec, all);
      expect(getModel(spec.id)?.newMechanisms ?? [], spec.id).toEqual(found);
      expect(found.map((m) => m.tag)).toEqual(distinctiveMechanisms(spec, all));
    }
  });
});
