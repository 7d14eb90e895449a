/** The component-id contract: what the renderer writes into `data-component` is what `parseComponentId` reads. */
import { describe, expect, it } from "vitest";
import { fixtures, llama3, qwen3Next } from "@archgal/test-kit/fixtures";
import { renderCompare } from "./compare.js";
import { formatComponentId, parseComponentId } from "./component-id.js";
import { renderModel } from "./model-layout.js";
import { renderPoster } from "./poster.js";

const componentsOf = (svg: string) => [...new Set([...svg.matchAll(/data-component="([^"]*)"/g)].map((m) => m[1]!))];

describe("component ids", () => {
  it("formats and parses prefixed ids (only the first colon separates the prefix)", () => {
    expect(formatComponentId({ kind: "mixer", name: "attn" })).toBe("mixer:attn");
    expect(formatComponentId({ kind: "panel", id: "mla" })).toBe("panel:mla");
    expect(parseComponentId("mixer:attn")).toEqual({ kind: "mixer", name: "attn" });
    expect(parseComponentId("ffn:a:b")).toEqual({ kind: "ffn", name: "a:b" });
    expect(parseComponentId("mixer")).toEqual({ kind: "mixer" });
    expect(parseComponentId("panel:moe")).toEqual({ kind: "panel", name: "moe" });
    expect(parseComponentId("norm-2")).toEqual({ kind: "sublayer", part: "norm", sublayer: 2, name: "norm-2" });
    expect(parseComponentId("post-norm-1")).toEqual({ kind: "sublayer", part: "post-norm", sublayer: 1, name: "post-norm-1" });
    expect(parseComponentId("final-norm")).toEqual({ kind: "part", name: "final-norm" });
  });

  it.each(["constructor", "toString", "__proto__", "x:y", ":x", "norm-0", ""])("%s is not a component this renderer writes", (id) => {
    expect(parseComponentId(id).kind).toBe("unknown");
  });

  it("every data-component of the figures, a comparison and a poster parses to a known component", () => {
    const svgs = [
      ...fixtures.map((s) => renderModel(s)),
      ...fixtures.map((s) => renderModel(s, { compact: true })),
      renderCompare([llama3, qwen3Next]),
      renderPoster(fixtures.slice(0, 4)),
    ];
    const ids = new Set(svgs.flatMap(componentsOf));
    const unknown = [...ids].filter((id) => parseComponentId(id).kind === "unknown");
    expect(unknown).toEqual([]);
    for (const k of ["mixer", "ffn", "panel", "sublayer", "part", "group"])
      expect(
        [...ids].some((id) => parseComponentId(id).kind === k),
        k,
      ).toBe(true);
  });
});
