/** The GDLA panel (Motif 3 Beta): the differential combination, the gate, the expanded K/V heads and what is cached. */
import { describe, expect, it } from "vitest";
import type { GdlaMixer } from "@archgal/schema/metrics";
import { loadSpec } from "@archgal/test-kit/dataset";
import { layoutModel } from "../model-layout.js";
import { gdlaPanel } from "./gdla.js";

const texts = (lines: readonly (readonly { text: string }[])[]) => lines.map((l) => l.map((s) => s.text).join("")).join(" ");

describe("GDLA panel", () => {
  const layout = layoutModel(loadSpec("motif-3-beta"));
  const boxes = layout.boxes.filter((b) => b.component === "panel:gdla").map((b) => texts(b.lines));
  const labels = layout.labels.filter((l) => l.component === "panel:gdla").map((l) => texts(l.lines));

  it("is drawn once for Motif 3 Beta's two GDLA definitions", () => {
    expect(boxes.filter((b) => b === "Linear (output)")).toHaveLength(1);
  });

  it("draws the signal/noise heads, the differential combination, λ and the gate from the query latent", () => {
    expect(boxes).toEqual(
      expect.arrayContaining([
        "64 signal + 16 noise heads",
        "signal − σ(λ) · noise",
        "Linear → λ",
        "Linear → σ gate",
        "Query latent 1,024",
        "KV latent 512",
        "RoPE key 64",
        "Linear (up) → 16 K, V heads (cached)",
      ]),
    );
    expect(labels.join(" ")).toContain("KV cache per token and layer: 16 × (192 + 128) = 5,120 values");
  });

  it("marks the latent as cached, and drops the gate, when the mixer says so", () => {
    const m = loadSpec("motif-3-beta").architecture.mixers.gdla as GdlaMixer;
    const { outputGate: _g, ...ungated } = m;
    const p = gdlaPanel({ ...ungated, cachedAs: "latent" }, "g");
    const all = [...p.canvas.boxes.map((b) => texts(b.lines)), ...p.canvas.labels.map((l) => texts(l.lines))];
    expect(all).toContain("KV latent 512 (cached)");
    expect(all).toContain("Linear (up) → 16 K, V heads");
    expect(all).not.toContain("Linear → σ gate");
    expect(all.join(" ")).toContain("= 576 values");
  });
});
