/** The sink column of the attention-mask panel: drawn for attention with learned sinks, and only for it. */
import { describe, expect, it } from "vitest";
import { gemma3, gptOss } from "@archgal/test-kit/fixtures";
import { checkLayout } from "../../test-fixtures/check.js";
import { layoutModel } from "../model-layout.js";

const sinkColumns = (spec: Parameters<typeof layoutModel>[0]) => layoutModel(spec).boxes.filter((b) => b.kind === "mask-sink");

describe("attention sinks in the mask panel", () => {
  it("draw a sink column left of every mask, as tall as the mask, when the attention has learned sinks", () => {
    const layout = layoutModel(gptOss);
    const masks = layout.boxes.filter((b) => b.kind === "mask");
    const sinks = sinkColumns(gptOss);
    expect(masks).toHaveLength(2);
    expect(sinks).toHaveLength(masks.length);
    sinks.forEach((s, i) => {
      expect(s.x + s.w).toBeLessThan(masks[i]!.x);
      expect(s.h).toBe(masks[i]!.h);
      expect(s.y).toBe(masks[i]!.y);
    });
    expect(layout.labels.some((l) => l.lines.some((line) => line.some((sp) => sp.text.includes("sink logit"))))).toBe(true);
    expect(checkLayout(layout)).toEqual([]);
  });

  it("are not drawn for attention without sinks", () => {
    expect(sinkColumns(gemma3)).toEqual([]);
    const noSinks = structuredClone(gptOss);
    for (const m of Object.values(noSinks.architecture.mixers)) if (m.kind === "attention") m.sinks = false;
    expect(sinkColumns(noSinks)).toEqual([]);
  });
});
