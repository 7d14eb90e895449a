import { describe, expect, it } from "vitest";
import { loadModel } from "@archgal/data";
import { diffRows, formatValue, summaryRows } from "./compare-table.js";

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

  it("formats values for reading", () => {
    expect(formatValue(undefined)).toBe("—");
    expect(formatValue(true)).toBe("yes");
    expect(formatValue(131072)).toBe("131,072");
    expect(formatValue(0.5)).toBe("0.5");
  });
});
