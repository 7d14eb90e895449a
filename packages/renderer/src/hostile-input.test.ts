import { describe, expect, it } from "vitest";
import { llama3 } from "@archgal/test-kit/fixtures";
import type { RenderableSpec } from "./analysis.js";
import { renderCompare } from "./compare.js";
import { renderLayout } from "./figure.js";
import { renderModel as leanRender } from "./lean.js";
import { layoutModel, renderModel } from "./model-layout.js";
import { renderPoster } from "./poster.js";

/** 10^12 blocks in numLayers 1: one shortcut repetition holding nested groups. */
function hugeSpec(): RenderableSpec {
  const spec = structuredClone(llama3) as RenderableSpec;
  const first = spec.architecture.layers[0] as { mixer?: string; ffn?: string };
  const block = { mixer: first.mixer, ffn: first.ffn, count: 10_000 };
  spec.architecture.numLayers = 1;
  (spec.architecture as { layers: unknown }).layers = [
    { repeat: 1, shortcut: true, layers: [{ repeat: 10_000, layers: [{ repeat: 10_000, layers: [block] }] }] },
  ];
  return spec;
}

describe("huge layer patterns", () => {
  it("renderModel refuses a pattern of 10^12 blocks with a clear error instead of expanding it", () => {
    expect(() => renderModel(hugeSpec())).toThrow("expands to 1000000000000 blocks; at most 10000 are allowed");
  });
  it("renderCompare refuses it too", () => {
    expect(() => renderCompare([llama3 as RenderableSpec, hugeSpec()])).toThrow("at most 10000 are allowed");
  });
});

describe("render options are checked at the entry", () => {
  const spec = llama3 as RenderableSpec;
  it("refuses a bad theme, accent or width with an error naming the option", () => {
    expect(() => renderModel(spec, { theme: "toString" as never })).toThrow(
      new RangeError('theme: expected "light" or "dark", got "toString"'),
    );
    expect(() => renderModel(spec, { theme: "__proto__" as never })).toThrow(RangeError);
    expect(() => renderModel(spec, { theme: {} as never })).toThrow(new TypeError('theme: expected "light" or "dark", got object'));
    expect(() => renderModel(spec, { accent: "red" })).toThrow(new RangeError('accent: expected a #rrggbb colour, got "red"'));
    expect(() => renderModel(spec, { accent: 12 as never })).toThrow(new TypeError("accent: expected a #rrggbb colour, got 12"));
    expect(() => renderModel(spec, { width: 1e308 })).toThrow(new RangeError("width: expected a number from 1 to 100000, got 1e+308"));
    expect(() => renderModel(spec, { width: Number.NaN })).toThrow(RangeError);
    expect(() => renderModel(spec, { width: "900" as never })).toThrow(
      new TypeError('width: expected a number from 1 to 100000, got "900"'),
    );
  });
  it("checks them in every renderer: lean, layout, compare and poster", () => {
    expect(() => leanRender(spec, { theme: "blue" as never })).toThrow("theme:");
    expect(() => renderLayout(layoutModel(spec), { id: spec.id, width: -1 })).toThrow("width:");
    expect(() => renderCompare([spec, spec], { theme: "blue" as never })).toThrow("theme:");
    expect(() => renderCompare([spec, spec], { width: Infinity })).toThrow("width:");
    expect(() => renderPoster([spec], { theme: "constructor" as never })).toThrow("theme:");
  });
  it("echoes at most 40 characters of a bad value", () => {
    expect(() => renderModel(spec, { accent: "#".repeat(1_000_000) })).toThrow(
      new RangeError(`accent: expected a #rrggbb colour, got "${"#".repeat(40)}"`),
    );
  });
  it("keeps the quote short when the value is control characters (each escapes to six)", () => {
    // Found by a fresh-seed soak of the quality suite: 40 control characters made a 122-character message.
    const bad = "\u0000\u0001\u001f".repeat(20);
    expect(() => renderModel(spec, { accent: bad })).toThrow(
      new RangeError(`accent: expected a #rrggbb colour, got "${"\\u0000\\u0001\\u001f".repeat(2)}\\u0000"`),
    );
  });
  it("still renders with good options", () => {
    expect(renderModel(spec, { theme: "dark", accent: "#12ab34", width: 900 })).toContain('width="900"');
    expect(renderModel(spec, { accent: "#abc" })).toContain("<svg");
    expect(renderPoster([spec], { theme: "dark", width: 100_000 })).toContain('width="100000"');
  });
});

describe("absurdly large specs are refused", () => {
  const spec = llama3 as RenderableSpec;
  it("refuses a spec with more than 64 definitions in use", () => {
    const s = structuredClone(spec);
    const first = s.architecture.layers[0] as { mixer?: string; ffn?: string };
    const mixer = s.architecture.mixers[first.mixer!]!;
    const layers = [];
    for (let i = 0; i < 100; i++) {
      s.architecture.mixers[`m${i}`] = mixer;
      layers.push({ mixer: `m${i}`, ffn: first.ffn });
    }
    s.architecture.numLayers = 100;
    (s.architecture as { layers: unknown }).layers = layers;
    expect(() => renderModel(s)).toThrow("over 64 definitions");
  });
});
