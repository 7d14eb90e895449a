import { describe, expect, it } from "vitest";
import { datasetSpecs } from "@archgal/test-kit/dataset";
import { newMechanisms } from "@archgal/schema/family";
import { checkLayout } from "../test-fixtures/check.js";
import { layoutModel, renderModel } from "./model-layout.js";
import { layoutModel as leanLayout } from "./lean.js";
import type { Layout } from "./layout-types.js";

const specs = datasetSpecs();
const spec = (id: string) => specs.find((s) => s.id === id)!;
/** What the data index carries for a model (its new mechanisms against its family). */
const news = (id: string) => newMechanisms(spec(id), specs);

/** The components outlined, panels included, and the panel titles set in the accent colour. */
function outlined(l: Layout) {
  return {
    boxes: [...new Set(l.boxes.filter((b) => b.accentOutline).map((b) => b.component))].sort(),
    edges: [...new Set(l.edges.filter((e) => e.accentOutline).map((e) => e.component))].sort(),
    titles: l.labels.filter((x) => x.kind === "panel-title" && x.color === "accent").map((x) => x.component),
  };
}

describe("highlight: what is new in the model, outlined in the accent colour", () => {
  it("DeepSeek V3.2 (DSA on its MLA): the mixer box, the MLA panel's frame and title", () => {
    const l = layoutModel(spec("deepseek-v3.2"), { highlight: news("deepseek-v3.2") });
    expect(outlined(l)).toEqual({ boxes: ["mixer:mla", "panel:mla"], edges: [], titles: ["panel:mla"] });
    expect(l.description).toMatch(/\. New in this model: DeepSeek Sparse Attention \(DSA\)\.$/);
    expect(
      l.labels
        .find((x) => x.id === "new-mechanisms")
        ?.lines.flat()
        .map((s) => s.text)
        .join(""),
    ).toBe("New in this model (outlined): DeepSeek Sparse Attention (DSA)");
    const svg = renderModel(spec("deepseek-v3.2"), { highlight: news("deepseek-v3.2") });
    expect(svg).toMatch(
      /<g data-component="mixer:mla" data-kind="[a-z]+" data-new="true">.*?<rect [^>]*stroke="var\(--llm-arch-accent, #[0-9a-f]{6}\)" stroke-width="4.5"/,
    );
    expect(svg).toMatch(/<g data-component="panel:mla" data-kind="panel" data-new="true">/);
  });

  it("draws a tag on the box that shows it, not on the definition that carries it", () => {
    // gpt-oss against GPT-2/3: RoPE on the RoPE box, the window and sinks on the mask panel, MoE on its box and panel.
    const oss = outlined(layoutModel(spec("gpt-oss-120b"), { highlight: news("gpt-oss-120b") }));
    expect(oss.boxes).toEqual(["ffn:moe", "mixer", "panel:moe", "panel:window", "rope"]);
    // Kimi Linear: KDA and (no RoPE box) NoPE on the MLA definition: the mixer box, both mixer panels.
    const kimi = outlined(layoutModel(spec("kimi-linear-48b-a3b"), { highlight: news("kimi-linear-48b-a3b") }));
    expect(kimi.boxes).toEqual(["mixer", "panel:kimi-delta", "panel:mla"]);
    // DeepSeek V4: the hyper-connections' residual lanes, the partial-RoPE box, the compressed-attention panel.
    const v4 = outlined(layoutModel(spec("deepseek-v4-flash"), { highlight: news("deepseek-v4-flash") }));
    expect(v4.edges).toEqual(["residual"]);
    expect(v4.boxes).toEqual(expect.arrayContaining(["mixer", "panel:compressed-attention", "rope"]));
    // Gemma 3 against Gemma 2: QK-Norm on its box only.
    expect(outlined(layoutModel(spec("gemma-3-27b"), { highlight: news("gemma-3-27b") })).boxes).toEqual(["qk-norm"]);
    // OLMo 2: post-norm on the norm boxes.
    expect(outlined(layoutModel(spec("olmo-2-7b"), { highlight: news("olmo-2-7b") })).boxes).toEqual(["norm-1", "norm-2", "qk-norm"]);
  });

  it("the compact and panel-less figures outline the main column; the lean entry ignores the option", () => {
    const h = { highlight: news("deepseek-v3.2") };
    expect(outlined(layoutModel(spec("deepseek-v3.2"), { ...h, compact: true })).boxes).toEqual(["mixer:mla"]);
    expect(outlined(layoutModel(spec("deepseek-v3.2"), { ...h, panels: false })).boxes).toEqual(["mixer:mla"]);
    expect(leanLayout(spec("deepseek-v3.2"), h)).toEqual(leanLayout(spec("deepseek-v3.2")));
  });

  it("takes bare concept tags", () => {
    const l = layoutModel(spec("gemma-3-27b"), { highlight: ["QK-Norm", "sandwich-norm"] });
    expect(outlined(l).boxes).toEqual(["norm-1", "norm-2", "post-norm-1", "post-norm-2", "qk-norm"]);
    expect(l.description).toMatch(/New in this model: QK-Norm, sandwich-norm\.$/);
  });

  it("absent or empty: the same SVG as before, byte for byte, and no outline", () => {
    for (const s of specs) {
      const plain = renderModel(s);
      expect(renderModel(s, { highlight: [] }), s.id).toBe(plain);
      expect(plain).not.toContain("data-new");
      expect(outlined(layoutModel(s))).toEqual({ boxes: [], edges: [], titles: [] });
    }
  });

  it("bounds and cleans what it is given (it may come from fetched data)", () => {
    const hostile = [
      { tag: "DSA", name: `<script>${"x".repeat(500)}</script>`, parts: ["mixer:mla", 3, null] },
      42,
      null,
      { tag: "" },
      ...Array.from({ length: 100 }, (_, i) => `tag-${i}`),
    ] as unknown as string[];
    const l = layoutModel(spec("deepseek-v3.2"), { highlight: hostile });
    expect(outlined(l).boxes).toEqual(["mixer:mla", "panel:mla"]);
    const svg = renderModel(spec("deepseek-v3.2"), { highlight: hostile });
    expect(svg).not.toContain("<script>");
    expect(l.description.length).toBeLessThan(3000);
  });

  it.each(specs.map((s) => [s.id, s] as const))("%s: clean with its new mechanisms outlined", (id, s) => {
    const highlight = newMechanisms(s, specs);
    expect(checkLayout(layoutModel(s, { highlight })), id).toEqual([]);
    expect(checkLayout(layoutModel(s, { highlight, compact: true })), id).toEqual([]);
  });
});
