/**
 * The mixer-panel registry: every core kind is found by own key, an extension kind gets the generic panel
 * (from the kind registry's title and facts when given), and kind names that are properties of
 * `Object.prototype` are extension kinds like any other.
 */
import { KindRegistry, type AnyMixerKind, type Mixer } from "@archgal/schema/metrics";
import { describe, expect, it } from "vitest";
import { deepseekV3, extended, qwen3Next } from "@archgal/test-kit/fixtures";
import { analyse, type RenderableSpec } from "../analysis.js";
import { renderModel } from "../model-layout.js";
import { allPanels, mixerPanelFor, mixerPanelKinds, mixerPanels } from "./index.js";

type Retention = { kind: string; heads: number; headDim: number };

/**
 * A downstream kind with every facet (what `defineMixerKind` returns, less the schema), here RetNet-style
 * retention: five projections, a headDim × headDim state per head, no KV cache.
 */
function retentionKind(kind = "retention"): AnyMixerKind {
  const m = (x: unknown) => x as Retention;
  return {
    kind,
    family: "linear-attention",
    params: (x: unknown, arch: { dModel: number }) => ({ component: "linearMixer", params: 5 * arch.dModel * m(x).heads * m(x).headDim }),
    cache: { perToken: () => 0, span: () => undefined, state: (x: unknown) => m(x).heads * m(x).headDim * m(x).headDim },
    attentionMacs: (x: unknown) => 3 * m(x).heads * m(x).headDim * m(x).headDim,
    rotary: () => undefined,
    label: () => kind,
    attentionLabel: () => kind,
    shortName: () => kind,
    title: () => "Multi-scale **Retention**",
    comboTitle: () => "Retention",
    groupTitle: () => undefined,
    concepts: () => [],
    facts: (x: unknown) => [
      ["Heads", String(m(x).heads)],
      ["Head dim", String(m(x).headDim)],
    ],
    callout: (x: unknown) => [m(x).heads, " heads"],
    calloutNotes: () => [],
    relations: () => [],
    withDefaults: (x: unknown) => x,
  } as AnyMixerKind;
}

const text = (lines: readonly (readonly { text: string }[])[]) => lines.map((l) => l.map((s) => s.text).join("")).join(" / ");

/** The extension fixture with its mixer kind renamed. */
function withKind(kind: string): RenderableSpec {
  const spec = structuredClone(extended) as RenderableSpec;
  (spec.architecture.mixers as Record<string, unknown>).ret = { kind, heads: 8, headDim: 256, gated: true };
  return spec;
}

describe("mixer panel registry", () => {
  it("has an entry for every core kind, found by own key", () => {
    const kinds: Mixer["kind"][] = [
      "attention",
      "mla",
      "gdla",
      "gated-deltanet",
      "kimi-delta",
      "mamba2",
      "mlstm",
      "lightning",
      "short-conv",
      "compressed-attention",
      "csa2",
      "cca",
      "minimax-sparse",
      "qwen-sparse",
    ];
    expect(Object.keys(mixerPanelKinds).sort()).toEqual([...kinds].sort());
    for (const k of kinds) expect(mixerPanelFor(k), k).toBeTruthy();
    expect(mixerPanelFor("retention")).toBeUndefined();
  });

  it("draws the core panels of a spec in order of first use", () => {
    expect(mixerPanels(analyse(qwen3Next)).map((p) => p.id)).toEqual(["gated-deltanet", "gated-attention"]);
    expect(mixerPanels(analyse(deepseekV3)).map((p) => p.id)).toEqual(["mla"]);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "a kind named %s gets the generic extension panel",
    (kind) => {
      const f = analyse(withKind(kind));
      expect(mixerPanelFor(kind)).toBeUndefined();
      const panels = mixerPanels(f);
      expect(panels.map((p) => p.id)).toEqual(["custom-0"]);
      const all = [...panels[0]!.canvas.labels.map((l) => text(l.lines)), ...panels[0]!.canvas.boxes.map((b) => text(b.lines))].join(" | ");
      expect(all).toContain(`Custom mixer: ${kind}`);
      expect(all).toContain("heads: 8");
      expect(all).not.toMatch(/native code|function|\[object/);
    },
  );

  it("an extension panel shows the kind registry's title and facts", () => {
    const f = analyse(extended);
    const panels = allPanels(f, {
      extensionKinds: (kind) =>
        kind === "retention"
          ? {
              title: () => "Multi-scale **retention**",
              facts: (m) => [
                ["Heads", (m as { heads: number }).heads],
                ["Decay", "per head"],
              ],
            }
          : undefined,
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
  const prototypeText = /native code|function |\[object |undefined|NaN/;

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "a kind named %s writes no Object.prototype text anywhere in the SVG",
    (kind) => {
      for (const options of [{}, { compact: true }, { panels: false }]) {
        const svg = renderModel(withKind(kind), options);
        expect(svg).not.toMatch(prototypeText);
        expect(svg).toContain(kind === "__proto__" ? "__proto__" : kind);
      }
      expect(renderModel(withKind(kind))).toContain(`Custom mixer: ${kind}`);
    },
  );

  it.each(["constructor", "__proto__"])("a downstream kind named %s gets its own definition's panel and names", (kind) => {
    const svg = renderModel(withKind(kind), { kinds: [retentionKind(kind)] });
    expect(svg).not.toMatch(prototypeText);
    expect(svg).toContain("Retention");
    expect(svg).not.toContain("Custom mixer");
  });

  it("a downstream kind given as { kinds } draws its own panel, decoder type, callout and state", () => {
    const spec = structuredClone(extended) as RenderableSpec;
    (spec.architecture.mixers as Record<string, unknown>).ret = { kind: "retention", heads: 8, headDim: 256 };
    const kinds = [retentionKind()];
    const f = analyse(spec, { kinds });
    const panel = mixerPanels(f).find((p) => p.id === "custom-0")!;
    expect(text(panel.canvas.labels.find((l) => l.kind === "panel-title")!.lines)).toBe("Multi-scale Retention");
    expect(text(panel.canvas.labels.find((l) => l.kind === "caption")!.lines)).toBe(
      "Heads: 8 / Head dim: 256 / Fixed-size state per layer: 524,288 values; no KV cache",
    );
    expect(f.params.breakdown.linearMixer).toBe(24 * 5 * 2048 * 8 * 256);
    const svg = renderModel(spec, { kinds });
    expect(svg).toContain("Recurrent");
    expect(svg).toContain("524,288");
    expect(svg).toMatch(/>8 <\/tspan>heads</);
    // The same kinds as a registry give the same figure; without them, the generic panel and no state.
    expect(renderModel(spec, { kinds: new KindRegistry(kinds) })).toBe(svg);
    const bare = renderModel(spec);
    expect(bare).toContain("Custom mixer: retention");
    expect(bare).not.toContain("524,288");
    expect(bare).not.toContain("Recurrent");
  });
});
