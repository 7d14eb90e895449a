/** The Motif importer: Motif 3 Beta's config gives the dataset's structure, and what it cannot read is refused by key. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GdlaMixer } from "../spec-types.js";
import { HfImportError, importHuggingFaceConfig } from "./index.js";

const config = JSON.parse(readFileSync(new URL("./fixtures/motif-3-beta.json", import.meta.url), "utf8")) as Record<string, unknown>;

function problemPaths(c: Record<string, unknown>): string[] {
  try {
    importHuggingFaceConfig(c);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems.map((p) => p.path);
  }
  return [];
}

describe("Motif (Motif 3 Beta)", () => {
  const { spec, warnings } = importHuggingFaceConfig(config);
  const a = spec.architecture;

  it("reads every key without a warning", () => {
    expect(warnings).toEqual([]);
  });

  it("interleaves 14 global and 39 windowed GDLA layers, dense first two, and keeps the MTP and mHC settings", () => {
    expect(a.layers[0]).toEqual({ mixer: "gdla", ffn: "dense" });
    expect(a.layers[1]).toEqual({ mixer: "gdla-swa", ffn: "dense" });
    const g = a.mixers["gdla-swa"] as GdlaMixer;
    expect(g).toMatchObject({ heads: 80, noiseHeads: 16, kvHeads: 16, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128, window: 129 });
    expect(g.rope).toEqual({ theta: 10000, scaling: { type: "default" } });
    expect(a.mtp).toEqual({ layers: 1, mixer: "gdla-swa", ffn: "dense", hiddenNorm: false, hyperConnections: false });
    expect(a.hyperConnections).toEqual({ streams: 4, form: "manifold", streamNorm: true, readout: "mean" });
    expect(a.ffns.dense).toMatchObject({ activation: "polynorm", hidden: 12288 });
  });

  it("makes every layer global without use_sliding_window, and refuses other attention classes and the head-wise gate", () => {
    const global = importHuggingFaceConfig({ ...config, use_sliding_window: false }).spec.architecture;
    expect(Object.keys(global.mixers)).toEqual(["gdla"]);
    expect(problemPaths({ ...config, attention_cls: "basic" })).toEqual(["attention_cls"]);
    expect(problemPaths({ ...config, headwise_attn_output_gate: true })).toEqual(["headwise_attn_output_gate"]);
    expect(problemPaths({ ...config, sliding_window_pattern: "every" })).toEqual(["sliding_window_pattern"]);
  });
});
