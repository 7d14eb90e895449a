import { describe, expect, it } from "vitest";
import { expandLayers, formatLayerPattern } from "../layers.js";
import { compressLayers, type Slot } from "./pattern.js";

const slots = (text: string, names: Record<string, Slot>): Slot[] => [...text].map((c) => names[c] as Slot);
const hybrid = { M: { mixer: "mamba" }, E: { ffn: "moe" }, "*": { mixer: "attn" }, "-": { ffn: "mlp" } };
const local = { L: { mixer: "local", ffn: "mlp" }, G: { mixer: "global", ffn: "mlp" } };

describe("compressLayers", () => {
  it("merges identical neighbours into runs", () => {
    const stack = slots("LLLGG", local);
    expect(compressLayers(stack)).toEqual([
      { mixer: "local", ffn: "mlp", count: 3 },
      { mixer: "global", ffn: "mlp", count: 2 },
    ]);
  });

  it("groups a repeated block of runs and leaves the remainder", () => {
    const stack = slots(`${"LLLLLG".repeat(10)}LL`, local);
    expect(formatLayerPattern(compressLayers(stack))).toBe("10×[5×(local, mlp) + 1×(global, mlp)] + 2×(local, mlp)");
  });

  it("nests groups and keeps them in phase with the first block", () => {
    const pattern = "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME";
    const entries = compressLayers(slots(pattern, hybrid));
    expect(formatLayerPattern(entries)).toBe(
      "5×[2×[1×(mamba) + 1×(moe)] + 1×(mamba) + 1×(attn) + 1×(moe)] + 3×[1×(mamba) + 1×(moe)] + 1×(mamba) + 1×(attn) + 1×(moe) + 4×[1×(mamba) + 1×(moe)]",
    );
  });

  it("always expands back to the same stack", () => {
    for (const pattern of ["M-M-M-MM-M-M*-M-M*-M-M-M*-M-M-MM*-MMM-M-M-", "MEME", "M", "*-*-*-*", "MM**MM**M"]) {
      const stack = slots(pattern, hybrid);
      const expanded = expandLayers(compressLayers(stack)).map(({ mixer, ffn }) => ({
        ...(mixer ? { mixer } : {}),
        ...(ffn ? { ffn } : {}),
      }));
      expect(expanded, pattern).toEqual(stack);
    }
  });
});
