import { describe, expect, it } from "vitest";
import { deepseekV3, llama3, qwen3Next } from "@archgal/test-kit/fixtures";
import * as lean from "./lean.js";
import { layoutModel, renderModel } from "./model-layout.js";

describe("lean entry", () => {
  it("draws the same figure as the main entry without panels", () => {
    for (const s of [deepseekV3, qwen3Next]) {
      expect(lean.renderModel(s, { theme: "dark" })).toBe(renderModel(s, { theme: "dark", panels: false }));
      expect(lean.renderModel(s, { panels: true } as never)).not.toContain("panel:");
    }
  });
  it("draws the main entry's compact figure, without its layer strip and MTP note", () => {
    expect(lean.renderModel(llama3, { compact: true, theme: "dark" })).toBe(renderModel(llama3, { compact: true, theme: "dark" }));
    for (const s of [deepseekV3, qwen3Next]) {
      const small = lean.layoutModel(s, { compact: true });
      const full = layoutModel(s, { compact: true });
      expect(small.width).toBeLessThan(lean.layoutModel(s).width * 0.65);
      expect(small.width).toBe(full.width);
      expect(small.boxes.some((b) => b.kind === "layer-cell")).toBe(false);
      expect(full.boxes.some((b) => b.kind === "layer-cell")).toBe(true);
      // Everything else is the same (the notes after the MTP note sit lower in the full one).
      expect(small.boxes).toEqual(full.boxes.filter((b) => b.component !== "pattern"));
      const text = (l: { lines: { text: string }[][] }) => l.lines.map((line) => line.map((x) => x.text).join("")).join(" ");
      expect(small.labels.map(text)).toEqual(
        full.labels.filter((l) => l.component !== "pattern" && !l.id.startsWith("callout-mtp")).map(text),
      );
    }
  });
});
