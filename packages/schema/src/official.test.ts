import { describe, expect, it } from "vitest";
import { compareWithOfficial, sizeClassFactor } from "./official.js";
import { countParams } from "./params.js";
import { checkDatasetEntry, formatIssues } from "./validate.js";
import { llama3_8b } from "../test-fixtures/golden-specs.js";
import type { DatasetEntry } from "./spec-types.js";

const computed = countParams(llama3_8b).total; // 8.03B

function withOfficial(total: number, extra: Partial<DatasetEntry["officialParams"]> = {}, name = "Llama 3 8B"): DatasetEntry {
  return { ...llama3_8b, name, officialParams: { ...llama3_8b.officialParams, total, asWritten: "x", ...extra } };
}

describe("official figures that are counts", () => {
  it("hold our count to half the rounding unit of a coarse figure", () => {
    expect(compareWithOfficial(withOfficial(8e9)).total.ok).toBe(true);
    const off = compareWithOfficial(withOfficial(5e9)).total;
    expect(off.ok).toBe(false);
    expect(off.sizeClass).toBeUndefined();
  });
});

describe("official figures that are size classes (officialParams.sizeClass)", () => {
  it("accept a count within a factor of two of the class, on either side", () => {
    for (const total of [5e9, 6e9, 9e9, 10e9]) {
      const c = compareWithOfficial(withOfficial(total, { sizeClass: true })).total;
      expect(c.ok, `${total}`).toBe(true);
      expect(c.sizeClass).toBe(true);
    }
  });

  it("reject a count outside that band, and say that the figure was a size class", () => {
    // 8.03B is more than twice 3B and less than half of 20B.
    for (const total of [3e9, 20e9]) {
      const c = compareWithOfficial(withOfficial(total, { sizeClass: true })).total;
      expect(c.ok, `${total}`).toBe(false);
      expect(c.sizeClass).toBe(true);
    }
    expect(computed).toBeGreaterThan(3e9 * sizeClassFactor);
  });

  it("apply to the active figure too", () => {
    const spec = withOfficial(8e9, { active: 4e9, sizeClass: true }, "Llama 8B-A4B");
    const c = compareWithOfficial(spec);
    expect(c.active?.sizeClass).toBe(true);
    expect(c.active?.ok).toBe(true);
  });

  it("must be the class the model's name carries", () => {
    expect(formatIssues(checkDatasetEntry(withOfficial(8e9, { sizeClass: true }, "Llama 3 8B")))).toBe("");
    expect(formatIssues(checkDatasetEntry(withOfficial(8e9, { sizeClass: true }, "Llama 3 8b")))).toBe("");
    const issues = checkDatasetEntry(withOfficial(7e9, { sizeClass: true }, "Llama 3 8B"));
    expect(issues).toEqual([{ path: "officialParams.total", message: expect.stringContaining('"7B" is not in "Llama 3 8B"') }]);
    const active = checkDatasetEntry(withOfficial(8e9, { active: 2e9, sizeClass: true }, "Llama 3 8B"));
    expect(active.map((i) => i.path)).toEqual(["officialParams.active"]);
  });

  it("leave a figure without the flag to the count rules", () => {
    expect(formatIssues(checkDatasetEntry(withOfficial(7e9, {}, "Llama 3 8B")))).toBe("");
  });
});
