import { describe, expect, it } from "vitest";
import { loadModel } from "@archgal/data";
import { diffRows, summaryRows } from "./compare-table.js";

describe("compare table", () => {
  it("lines up every differing field across three models, the unchanged ones taking the first model's value", async () => {
    const specs = await Promise.all(["deepseek-v3", "kimi-k2", "deepseek-r1"].map((id) => loadModel(id)));
    const rows = diffRows(specs);
    const experts = rows.find((r) => r.path.endsWith(".experts"));
    expect(experts?.values).toEqual([256, 384, 256]);
    expect(rows.every((r) => r.values.length === 3)).toBe(true);
    expect(rows.some((r) => r.path.startsWith("derived."))).toBe(false);
  });

  it("finds no spec difference between a model and its same-architecture derivative", async () => {
    const specs = await Promise.all(["deepseek-v3", "deepseek-r1"].map((id) => loadModel(id)));
    const rows = diffRows(specs).filter((r) => r.path !== "architecture.contextLength");
    expect(rows.filter((r) => r.path.includes("mixers") || r.path.includes("ffns"))).toEqual([]);
    expect(summaryRows(specs).find((r) => r.path === "params.total")?.values).toEqual(["671B", "671B"]);
  });

  it("shows each value with the schema's comparison formatting", async () => {
    const specs = await Promise.all(["llama-3-8b", "qwen3-8b"].map((id) => loadModel(id)));
    const rows = diffRows(specs);
    const vocab = rows.find((r) => r.path === "architecture.vocabSize")!;
    expect(vocab.label).toBe("Vocabulary size");
    expect(typeof vocab.values[0]).toBe("number");
    expect(rows.every((r) => !/^[a-z]/.test(r.label))).toBe(true);
  });
});
