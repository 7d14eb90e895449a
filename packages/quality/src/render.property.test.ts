/**
 * Property: every valid spec — of every family, with random layer patterns and random text — validates, has
 * finite metrics, and renders (alone, compared, on a poster) to well-formed, self-contained SVG whose geometry is
 * sound: no overlapping boxes, no text outside its box, no NaN or Infinity anywhere.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flopsPerToken, kvCacheBytes, kvCacheBytesPerToken, modelStats, validateSpec, weightMemory, type ModelSpec } from "@archgal/schema";
import { layoutCompare, layoutModel, layoutPoster, renderCompare, renderModel, renderPoster } from "@archgal/renderer";
import { layoutModel as leanLayout, renderModel as leanRender } from "@archgal/renderer/lean";
import { validSpec, type Family } from "./lib/arbitraries.js";
import { checkLayout } from "./lib/geometry-checks.js";
import { checkSvg, nonFiniteNumbers } from "@archgal/test-kit/svg";
import { figureProblems, hitsOpenFinding, unexplained } from "./lib/findings.js";

/** Runs per property; the whole package stays well under a minute on two cores. */
const RUNS = Number(process.env.QUALITY_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * RUNS)), endOnFailure: false });

const families: Family[] = ["dense", "moe", "mla", "hybrid", "mamba", "any"];

describe("valid specs (generated)", () => {
  it("are accepted by validateSpec (the generator builds consistent architectures)", () => {
    fc.assert(
      fc.property(validSpec(), (spec) => {
        const r = validateSpec(spec);
        expect(r.issues).toEqual([]);
      }),
      runs(600),
    );
  });

  it("have finite metrics: parameters, KV cache, FLOPs, weight memory", () => {
    fc.assert(
      fc.property(validSpec(), fc.integer({ min: 1, max: 1 << 20 }), (spec, ctx) => {
        fc.pre(!hitsOpenFinding(spec));
        const stats = modelStats(spec);
        expect(nonFiniteNumbers(stats)).toEqual([]);
        expect(stats.params.total).toBeGreaterThan(0);
        expect(stats.params.active).toBeGreaterThan(0);
        expect(stats.params.active).toBeLessThanOrEqual(stats.params.total);
        expect(stats.kvCacheBytesPerToken).toBeGreaterThanOrEqual(0);
        expect(
          nonFiniteNumbers({
            kv: kvCacheBytesPerToken(spec),
            cache: kvCacheBytes(spec, { contextLength: ctx }),
            flops: flopsPerToken(spec, { contextLength: ctx }),
            memory: weightMemory(spec),
          }),
        ).toEqual([]);
      }),
      runs(600),
    );
  });

  for (const family of families) {
    it(`${family}: renderModel gives well-formed, self-contained SVG with no junk, deterministically`, () => {
      fc.assert(
        fc.property(
          validSpec({ family: fc.constant(family) }),
          fc.constantFrom("light" as const, "dark" as const),
          fc.boolean(),
          (spec, theme, panels) => {
            fc.pre(!hitsOpenFinding(spec));
            const svg = renderModel(spec, { theme, panels });
            const report = checkSvg(svg, { textJunk: true });
            expect(unexplained(report.problems)).toEqual([]);
            expect(report.elements).toContain("text");
            expect(renderModel(spec, { theme, panels })).toBe(svg);
            // The web component's path: the lean entry (no zoom panels).
            expect(unexplained(checkSvg(leanRender(spec, { theme }), { textJunk: true }).problems)).toEqual([]);
          },
        ),
        runs(family === "any" ? 100 : 50),
      );
    });

    it(`${family}: layoutModel has no overlapping boxes, no text outside its box, everything on the canvas`, () => {
      fc.assert(
        fc.property(validSpec({ family: fc.constant(family) }), fc.boolean(), (spec, panels) => {
          fc.pre(!hitsOpenFinding(spec));
          expect(unexplained(checkLayout(layoutModel(spec, { panels })))).toEqual([]);
          if (!panels) expect(unexplained(checkLayout(leanLayout(spec)))).toEqual([]);
        }),
        runs(family === "any" ? 100 : 50),
      );
    });
  }

  it("renderCompare of two or three random specs gives well-formed SVG and sound figures", () => {
    fc.assert(
      fc.property(fc.array(validSpec({ maxLayers: 64 }), { minLength: 2, maxLength: 3 }), (specs) => {
        fc.pre(!specs.some(hitsOpenFinding));
        const svg = renderCompare(specs);
        expect(unexplained(checkSvg(svg, { textJunk: true }).problems)).toEqual([]);
        const cl = layoutCompare(specs);
        expect(nonFiniteNumbers({ w: cl.width, h: cl.height, at: cl.figures.map((f) => [f.x, f.y]) })).toEqual([]);
        for (const f of cl.figures) expect(unexplained(checkLayout(f.layout))).toEqual([]);
        expect(unexplained(checkLayout(cl.table))).toEqual([]);
      }),
      runs(30),
    );
  });

  it("a spec compared with itself shows no difference", () => {
    fc.assert(
      fc.property(validSpec({ maxLayers: 64 }), (spec) => {
        fc.pre(!hitsOpenFinding(spec));
        const copy = structuredClone(spec) as ModelSpec;
        const cl = layoutCompare([spec, copy]);
        expect(cl.diffs.flat()).toEqual([]);
        expect(renderCompare([spec, copy])).not.toContain('data-diff="changed"');
      }),
      runs(20),
    );
  });

  it("renderPoster of a few random specs gives well-formed SVG", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(validSpec({ maxLayers: 48 }), { minLength: 1, maxLength: 4, selector: (s) => s.id }),
        fc.constantFrom("date" as const, "type" as const),
        (specs, order) => {
          fc.pre(!specs.some(hitsOpenFinding));
          const svg = renderPoster(specs, { order });
          expect(unexplained(checkSvg(svg, { textJunk: true }).problems)).toEqual([]);
          const pl = layoutPoster(specs, { order });
          expect(nonFiniteNumbers(pl)).toEqual([]);
        },
      ),
      runs(8),
    );
  });

  it("the dataset's own figures pass the same checks (regression baseline)", async () => {
    const { datasetIds, loadSpec } = await import("@archgal/test-kit/dataset");
    const failures: string[] = [];
    for (const id of datasetIds) {
      const problems = figureProblems(loadSpec(id), true);
      if (problems.length) failures.push(`${id}:\n  ${problems.join("\n  ")}`);
    }
    expect(failures).toEqual([]);
  });
});
