/** The hyper-connections panel: one sublayer's read, write and mixing maps over the widened residual stream. */
import { describe, expect, it } from "vitest";
import { datasetSpecs, loadSpec } from "@archgal/test-kit/dataset";
import { checkLayout } from "../../test-fixtures/check.js";
import { layoutModel, renderModel } from "../model-layout.js";
import type { Layout } from "../layout-types.js";
import type { RenderableSpec } from "../analysis.js";

const P = "panel:hyper-connections";
const texts = (l: Layout) => [
  ...l.boxes.filter((b) => b.component === P).map((b) => b.lines.map((x) => x.map((s) => s.text).join("")).join(" ")),
  // A wrapped label's lines joined (a title may break after a hyphen).
  ...l.labels
    .filter((x) => x.component === P)
    .map((x) =>
      x.lines
        .map((y) => y.map((s) => s.text).join(""))
        .join(" ")
        .replace(/- /g, "-"),
    ),
];
const caption = (l: Layout) =>
  l.labels
    .filter((x) => x.component === P && x.kind === "caption")
    .flatMap((x) => x.lines.map((y) => y.map((s) => s.text).join("")))
    .join(" ");

describe("hyper-connections panel", () => {
  const specs = datasetSpecs();
  it("is drawn exactly for the models with hyperConnections", () => {
    const drawn = specs.filter((s) => layoutModel(s).boxes.some((b) => b.component === P)).map((s) => s.id);
    expect(drawn).toEqual(specs.filter((s) => s.architecture.hyperConnections).map((s) => s.id));
    expect(drawn.sort()).toEqual([
      "deepseek-v4-flash",
      "deepseek-v4-pro",
      "deepseek-v4.1-flash",
      "glm-5.3-flash",
      "hy4-preview",
      "motif-3-beta",
      "qwen3.8-flash-next",
    ]);
    for (const s of specs.filter((x) => !x.architecture.hyperConnections)) expect(renderModel(s)).not.toContain(P);
  });

  it("mHC (DeepSeek V4): n lanes, pre-map, sublayer, post-map and the doubly stochastic residual map", () => {
    const l = layoutModel(loadSpec("deepseek-v4-flash"));
    const t = texts(l);
    expect(t).toContain("Manifold-constrained hyper-connections (mHC)");
    expect(t).toContain("Pre-map: read 4 → 1");
    expect(t).toContain("Post-map: write 1 → 4");
    expect(t).toContain("Sublayer (attention or FFN)");
    expect(t).toContain("Residual map 4 × 4 doubly stochastic");
    // One ⊕ per lane, where the post-map writes.
    expect(l.boxes.filter((b) => b.component === P && b.kind === "add")).toHaveLength(4);
    expect(caption(l)).toContain("4 read, 4 write and 16 mixing weights (24 values)");
    expect(caption(l)).toContain("A learned contraction (4 · d → 4) joins the streams");
  });

  it("says each form's own constraint and ending, and draws a mixing map only where the form has one", () => {
    const hy4 = layoutModel(loadSpec("hy4-preview"));
    expect(texts(hy4)).toContain("Independent hyper-connections (iHC)");
    expect(texts(hy4).some((x) => x.startsWith("Residual map"))).toBe(false);
    expect(caption(hy4)).toContain("no mixing matrix");
    const qwen = layoutModel(loadSpec("qwen3.8-flash-next"));
    expect(texts(qwen)).toContain("Low-rank gated residual streams");
    expect(texts(qwen).some((x) => x.startsWith("Residual map"))).toBe(false);
    expect(caption(qwen)).toContain("rank-320 bottleneck");
    const motif = caption(layoutModel(loadSpec("motif-3-beta")));
    expect(motif).toContain("An RMSNorm with weights over the 4 · d streams");
    expect(motif).toContain("averaged before the final norm");
    const v41 = caption(layoutModel(loadSpec("deepseek-v4.1-flash")));
    expect(v41).toContain("Single pass");
    expect(v41).not.toContain("contraction");
  });

  it("is bounded for any number of streams and clean in every dataset figure that has it", () => {
    const base = loadSpec("deepseek-v4-flash") as RenderableSpec;
    const many = { ...base, architecture: { ...base.architecture, hyperConnections: { streams: 1000 } } } as RenderableSpec;
    const l = layoutModel(many);
    expect(l.boxes.filter((b) => b.component === P && b.kind === "add")).toHaveLength(6);
    expect(texts(l)).toContain("6 of 1,000 streams in");
    expect(checkLayout(l)).toEqual([]);
    for (const streams of [1, 2, 3, 5]) {
      const few = { ...base, architecture: { ...base.architecture, hyperConnections: { streams } } } as RenderableSpec;
      expect(checkLayout(layoutModel(few)), `${streams} streams`).toEqual([]);
    }
    for (const s of specs.filter((x) => x.architecture.hyperConnections)) expect(checkLayout(layoutModel(s)), s.id).toEqual([]);
  });
});
