import { describe, expect, it } from "vitest";
import { validateSpec, countParams } from "@archgal/schema";
import { getModel, hasModel, loadModel, loadAllModels, modelIds, models, UnknownModelError } from "./index.js";

describe("@archgal/data API", () => {
  it("lists every model oldest first with index figures", () => {
    expect(models.length).toBe(modelIds.length);
    const dates = models.map((m) => m.releaseDate);
    expect([...dates].sort()).toEqual(dates);
    expect(getModel("deepseek-v3")).toMatchObject({ id: "deepseek-v3", decoderType: "Sparse MoE", attention: "MLA" });
    expect(hasModel("deepseek-v3")).toBe(true);
    expect(getModel("gpt-9")).toBeUndefined();
  });

  it("loads one model's full, valid spec; its index figures match its computed ones", async () => {
    const spec = await loadModel("llama-3-8b");
    expect(validateSpec(spec).success).toBe(true);
    expect(getModel("llama-3-8b")?.params.total).toBe(countParams(spec).total);
  });

  it("throws UnknownModelError with suggestions for an unknown id", async () => {
    await expect(loadModel("llama-9")).rejects.toBeInstanceOf(UnknownModelError);
    await expect(loadModel("llama-9")).rejects.toThrow(/unknown model "llama-9"; did you mean llama-/);
    await expect(loadModel("__proto__")).rejects.toBeInstanceOf(UnknownModelError);
  });

  it("loads every model", async () => {
    const all = await loadAllModels();
    expect(all.map((s) => s.id)).toEqual(modelIds);
  });
});
