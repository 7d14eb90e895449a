/** The DSA branch of the MLA panel: the indexer and top-k box on the key/value paths, only with an indexer. */
import { describe, expect, it } from "vitest";
import { loadSpec } from "@archgal/test-kit/dataset";
import { checkLayout } from "../../test-fixtures/check.js";
import { layoutModel } from "../model-layout.js";

const panel = (id: string) => layoutModel(loadSpec(id)).boxes.filter((b) => b.component === "panel:mla");
const textOf = (b: { lines: readonly (readonly { text: string }[])[] }) => b.lines.map((l) => l.map((s) => s.text).join("")).join(" / ");

describe("DSA indexer in the MLA panel", () => {
  it("draws DeepSeek V3.2's lightning indexer and top-k between the KV cache and the attention", () => {
    const boxes = panel("deepseek-v3.2");
    const ix = boxes.find((b) => b.kind === "indexer");
    expect(ix && textOf(ix)).toBe("Lightning indexer (64 heads) / keeps the top 2,048 tokens");
    const sdpa = boxes.find((b) => textOf(b) === "Scaled dot-product attention")!;
    const kvLatent = boxes.find((b) => textOf(b).startsWith("KV latent"))!;
    expect(ix!.y).toBeGreaterThan(sdpa.y + sdpa.h);
    expect(ix!.y + ix!.h).toBeLessThan(kvLatent.y);
    expect(checkLayout(layoutModel(loadSpec("deepseek-v3.2")))).toEqual([]);
  });

  it("gives GLM-5 its own indexer heads and leaves DeepSeek V3 (no indexer) without the branch", () => {
    expect(textOf(panel("glm-5").find((b) => b.kind === "indexer")!)).toBe("Lightning indexer (32 heads) / keeps the top 2,048 tokens");
    const v3 = panel("deepseek-v3");
    expect(v3.some((b) => b.kind === "indexer")).toBe(false);
    expect(v3.map(textOf)).not.toEqual(panel("deepseek-v3.2").map(textOf));
  });
});
