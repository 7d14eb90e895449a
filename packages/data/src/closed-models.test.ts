import { describe, expect, it } from "vitest";
import { closedModels, describeClosedModel, findClosedModel, hasModel, loadModel, modelIds, UnknownModelError } from "./index.js";

describe("closed models", () => {
  it("are found by the names people type", () => {
    expect(findClosedModel("gpt-4")?.id).toBe("gpt-4");
    expect(findClosedModel("GPT 4")?.id).toBe("gpt-4");
    expect(findClosedModel("gpt-4-0613")?.id).toBe("gpt-4");
    expect(findClosedModel("gpt-4o")?.id).toBe("gpt-4o");
    expect(findClosedModel("gpt-4o-mini")?.id).toBe("gpt-4o");
    expect(findClosedModel("GPT-5")?.id).toBe("gpt-5");
    expect(findClosedModel("gemini")?.id).toBe("gemini");
    expect(findClosedModel("Gemini 1.5 Pro")?.id).toBe("gemini");
    expect(findClosedModel("claude-3-opus-20240229")?.id).toBe("claude-3");
    expect(findClosedModel("Claude Sonnet 4.5")?.id).toBe("claude-4");
    expect(findClosedModel("claude")?.id).toBe("claude-4");
  });

  it("never shadow an open model or a near name", () => {
    for (const id of modelIds) expect(findClosedModel(id), id).toBeUndefined();
    expect(findClosedModel("gpt-oss-120b")).toBeUndefined();
    expect(findClosedModel("gemma-3-27b")).toBeUndefined();
    expect(findClosedModel("gpt-40")).toBeUndefined();
    expect(findClosedModel("")).toBeUndefined();
  });

  it("cite each statement and point only at dataset models", () => {
    for (const m of closedModels) {
      for (const s of m.statements) expect(s.source, m.id).toMatch(/^https:\/\//);
      for (const id of m.openRelatives) expect(hasModel(id), `${m.id} → ${id}`).toBe(true);
      expect(m.statements.length > 0 || m.openRelatives.length > 0 || m.relation !== undefined, m.id).toBe(true);
      for (const a of m.aliases) expect(a, m.id).toBe(a.toLowerCase().replace(/[\s_-]+/g, "-"));
    }
  });

  it("carry no parameter or size figure", () => {
    // Only official statements are recorded; creators of these models have published no size.
    const text = JSON.stringify(closedModels.map((m) => m.statements));
    expect(text).not.toMatch(/\d+(\.\d+)?\s*(B|T|billion|trillion)\b/i);
  });

  it("loadModel answers with what the creator published and the open relatives", async () => {
    const error = await loadModel("gpt-4").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownModelError);
    expect((error as UnknownModelError).closed?.id).toBe("gpt-4");
    expect((error as Error).message).toMatch(/OpenAI has not published its architecture/);
    expect((error as Error).message).toMatch(/arxiv\.org\/abs\/2303\.08774/);
    expect((error as Error).message).toMatch(/gpt-oss-120b/);
    expect(describeClosedModel(findClosedModel("gemini")!)).toMatch(/gemma-3-27b/);
    expect(describeClosedModel(findClosedModel("claude-3")!)).toMatch(/Anthropic has released no open-weight model/);
  });
});
