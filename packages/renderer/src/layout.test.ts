import { validateSpec } from "@archgal/schema";
import { describe, expect, it } from "vitest";
import { fixtures } from "../test-fixtures/specs.js";
import { datasetSpecs } from "../test-fixtures/dataset.js";
import { checkLayout } from "./geometry-check.js";
import { layoutModel } from "./model-layout.js";
import { layoutCompare } from "./compare.js";
import type { RenderableSpec } from "./analysis.js";

const all: RenderableSpec[] = [...fixtures, ...datasetSpecs()];

describe("layout geometry", () => {
  it.each(all.map((s) => [s.id, s] as const))("%s: text fits, no stray overlaps, all finite (with panels)", (_id, spec) => {
    expect(checkLayout(layoutModel(spec))).toEqual([]);
  });
  it.each(all.map((s) => [s.id, s] as const))("%s: clean without panels and without title", (_id, spec) => {
    expect(checkLayout(layoutModel(spec, { panels: false, title: false }))).toEqual([]);
  });
  it("fixture specs (except the extension) are valid specs", () => {
    for (const f of fixtures.filter((x) => x.id !== "retnet-fixture")) {
      const v = validateSpec(f);
      expect(v.success ? [] : v.issues, f.id).toEqual([]);
    }
  });
  it("comparison figures are clean", () => {
    const cl = layoutCompare([fixtures[1]!, fixtures[3]!, fixtures[4]!]);
    for (const f of cl.figures) expect(checkLayout(f.layout)).toEqual([]);
  });
});
