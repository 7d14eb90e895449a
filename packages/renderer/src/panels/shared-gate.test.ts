/** The shared-expert gate of the MoE panel: a ⊗ on the shared expert's output, only when the spec gates it. */
import { describe, expect, it } from "vitest";
import { loadSpec } from "@archgal/test-kit/dataset";
import { checkLayout } from "../../test-fixtures/check.js";
import { layoutModel } from "../model-layout.js";

const moePanel = (id: string) => {
  const layout = layoutModel(loadSpec(id));
  const inPanel = <T extends { component?: string }>(xs: readonly T[]) => xs.filter((x) => x.component === "panel:moe");
  return { layout, boxes: inPanel(layout.boxes), labels: inPanel(layout.labels) };
};
const says = (labels: { lines: readonly (readonly { text: string }[])[] }[], text: string) =>
  labels.some((l) =>
    l.lines.some((line) =>
      line
        .map((s) => s.text)
        .join("")
        .includes(text),
    ),
  );

describe("shared-expert gate", () => {
  it("draws a ⊗ with its σ gate above Qwen3 Next's shared expert", () => {
    const { layout, boxes, labels } = moePanel("qwen3-next-80b-a3b");
    const shared = boxes.find((b) => b.lines.some((l) => l.some((s) => s.text === "Shared expert")))!;
    const gate = boxes.find((b) => b.symbol !== undefined && b.y + b.h <= shared.y && b.x < shared.x + shared.w && b.x + b.w > shared.x);
    expect(gate).toBeDefined();
    expect(says(labels, "σ gate")).toBe(true);
    expect(says(labels, "sigmoid gate")).toBe(true);
    expect(checkLayout(layout)).toEqual([]);
  });

  it("leaves an ungated shared expert (DeepSeek V3) as it was", () => {
    const { boxes, labels } = moePanel("deepseek-v3");
    const shared = boxes.find((b) => b.lines.some((l) => l.some((s) => s.text === "Shared expert")))!;
    expect(shared).toBeDefined();
    expect(boxes.some((b) => b.symbol !== undefined && b.y + b.h <= shared.y && b.x < shared.x + shared.w && b.x + b.w > shared.x)).toBe(
      false,
    );
    expect(says(labels, "σ gate")).toBe(false);
  });
});
