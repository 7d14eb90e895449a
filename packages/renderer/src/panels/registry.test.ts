/**
 * The mixer-panel registry: every core kind is found by own key, an extension kind gets the generic panel
 * (from the kind registry's title and facts when given), and kind names that are properties of
 * `Object.prototype` are extension kinds like any other.
 */
import type { Mixer } from "@archgal/schema/metrics";
import { describe, expect, it } from "vitest";
import { deepseekV3, extended, qwen3Next } from "@archgal/test-kit/fixtures";
import { analyse, type RenderableSpec } from "../analysis.js";
import { allPanels, mixerPanelFor, mixerPanelKinds, mixerPanels } from "./index.js";

const text = (lines: readonly (readonly { text: string }[])[]) => lines.map((l) => l.map((s) => s.text).join("")).join(" / ");

/** The extension fixture with its mixer kind renamed. */
function withKind(kind: string): RenderableSpec {
  const spec = structuredClone(extended) as RenderableSpec;
  (spec.architecture.mixers as Record<string, unknown>).ret = { kind, heads: 8, headDim: 256, gated: true };
  return spec;
}

describe("mixer panel registry", () => {
  it("has an entry for every core kind, found by own key", () => {
    const kinds: Mixer["kind"][] = ["attention", "mla", "gated-deltanet", "kimi-delta", "mamba2", "mlstm", "lightning", "short-conv", "compressed-attention", "cca", "minimax-sparse", "qwen-sparse"];
    expect(Object.keys(mixerPanelKinds).sort()).toEqual([...kinds].sort());
    for (const k of kinds) expect(mixerPanelFor(k), k).toBeTruthy();
    expect(mixerPanelFor("retention")).toBeUndefined();
  });

  it("draws the core panels of a spec in order of first use", () => {
    expect(mixerPanels(analyse(qwen3Next)).map((p) => p.id)).toEqual(["gated-deltanet", "gated-attention"]);
    expect(mixerPanels(analyse(deepseekV3)).map((p) => p.id)).toEqual(["mla"]);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])("a kind named %s gets the generic extension panel", (kind) => {
    const f = analyse(withKind(kind));
    expect(mixerPanelFor(kind)).toBeUndefined();
    const panels = mixerPanels(f);
    expect(panels.map((p) => p.id)).toEqual(["custom-0"]);
    const all = [...panels[0]!.canvas.labels.map((l) => text(l.lines)), ...panels[0]!.canvas.boxes.map((b) => text(b.lines))].join(" | ");
    expect(all).toContain(`Custom mixer: ${kind}`);
    expect(all).toContain("heads: 8");
    expect(all).not.toMatch(/native code|function|\[object/);
  });

  it("an extension panel shows the kind registry's title and facts", () => {
    const f = analyse(extended);
    const panels = allPanels(f, {
      extensionKinds: (kind) => (kind === "retention" ? { title: () => "Multi-scale **retention**", facts: (m) => [["Heads", (m as { heads: number }).heads], ["Decay", "per head"]] } : undefined),
    });
    const p = panels.find((x) => x.id === "custom-0")!;
    const title = p.canvas.labels.find((l) => l.kind === "panel-title")!;
    expect(title.lines[0]).toEqual([{ text: "Multi-scale " }, { text: "retention", accent: true }]);
    const caption = text(p.canvas.labels.find((l) => l.kind === "caption")!.lines);
    expect(caption).toBe("Heads: 8 / Decay: per head");
  });

  it("without facets, an extension panel lists the mixer's scalar fields", () => {
    const p = mixerPanels(analyse(extended))[0]!;
    expect(text(p.canvas.labels.find((l) => l.kind === "caption")!.lines)).toBe("heads: 8 / headDim: 256 / gated: true");
  });
});

describe("whole figure", () => {
  // The mixer box and callouts name the kind through naming.ts / the schema's mixerLabel, which still look the
  // kind up with `in`; they move to the kind registry's own-key lookups.
  it.todo("a kind named constructor or toString writes no Object.prototype text anywhere in the SVG");
});
