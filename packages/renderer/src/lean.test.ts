import { describe, expect, it } from "vitest";
import { deepseekV3, qwen3Next } from "@archgal/test-kit/fixtures";
import * as lean from "./lean.js";
import { renderModel } from "./model-layout.js";

describe("lean entry", () => {
  it("draws the same figure as the main entry without panels", () => {
    for (const s of [deepseekV3, qwen3Next]) {
      expect(lean.renderModel(s, { theme: "dark" })).toBe(renderModel(s, { theme: "dark", panels: false }));
      expect(lean.renderModel(s, { panels: true } as never)).not.toContain("panel:");
    }
  });
  it("draws the same compact figure as the main entry", () => {
    for (const s of [deepseekV3, qwen3Next]) {
      expect(lean.renderModel(s, { compact: true, theme: "dark" })).toBe(renderModel(s, { compact: true, theme: "dark" }));
      expect(lean.layoutModel(s, { compact: true }).width).toBeLessThan(lean.layoutModel(s).width * 0.65);
    }
  });
});
