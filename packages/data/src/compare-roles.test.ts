/**
 * Comparisons pair definitions by what they are (`diffModels`' role pairing), on real entries whose slot order or
 * slot names differ.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareRows, type DatasetEntry } from "@archgal/schema";

const load = (id: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../models/${id}.json`, import.meta.url)), "utf8")) as DatasetEntry;

describe("comparison rows by role", () => {
  it("DeepSeek V4-Flash against V4-Pro: CSA with CSA, HCA with HCA; Flash's window-only layers have no counterpart", () => {
    const rows = compareRows([load("deepseek-v4-flash"), load("deepseek-v4-pro")]);
    const heads = rows.filter((r) => r.label.startsWith("Heads (")).map((r) => [r.label, ...r.values]);
    expect(heads).toEqual([
      ["Heads (sliding-window MQA)", 64, undefined],
      ["Heads (CSA)", 64, 128],
      ["Heads (HCA)", 64, 128],
    ]);
  });

  it("DeepSeek V3 against Qwen3 235B: V3's MoE is compared with Qwen's MoE, its dense first layers with nothing", () => {
    const rows = compareRows([load("deepseek-v3"), load("qwen3-235b-a22b")]);
    const experts = rows.find((r) => r.label === "Experts (MoE)");
    expect(experts?.values).toEqual([256, 128]);
    expect(rows.filter((r) => r.label.endsWith("(FFN)")).every((r) => r.values[1] === undefined)).toBe(true);
  });
});
