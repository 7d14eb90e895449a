/** The delta-rule panel's short convolutions: Gated DeltaNet's are followed by SiLU, Kimi Delta Attention's are drawn as before. */
import { describe, expect, it } from "vitest";
import { loadSpec } from "@archgal/test-kit/dataset";
import { layoutModel } from "../model-layout.js";

const convTexts = (id: string, panel: string) =>
  layoutModel(loadSpec(id))
    .boxes.filter((b) => b.component === panel && b.kind === "conv")
    .map((b) => b.lines.map((l) => l.map((s) => s.text).join("")).join(" / "));

describe("delta-rule panel convolutions", () => {
  it("draws Gated DeltaNet's convolutions as conv → SiLU", () => {
    expect(convTexts("qwen3-next-80b-a3b", "panel:gated-deltanet")).toEqual(["Conv 4 / → SiLU", "Conv 4 / → SiLU"]);
  });
  it("leaves Kimi Delta Attention's convolutions without it", () => {
    const kda = convTexts("kimi-linear-48b-a3b", "panel:kimi-delta");
    expect(kda.length).toBeGreaterThan(0);
    expect(kda.every((x) => !x.includes("SiLU"))).toBe(true);
  });
});
