import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coreKinds, MixerSchema } from "@archgal/schema";
import { mixerArbitraries } from "./lib/arbitraries.js";

describe("the spec arbitraries cover the kind registry", () => {
  it("has an arbitrary for every registered mixer kind, and none for an unknown one", () => {
    expect(Object.keys(mixerArbitraries).sort()).toEqual([...coreKinds.mixerKinds].sort());
  });

  for (const [kind, arb] of Object.entries(mixerArbitraries)) {
    it(`generates valid "${kind}" mixers`, () => {
      fc.assert(
        fc.property(arb(131072), (m) => {
          expect(m.kind).toBe(kind);
          expect(MixerSchema.safeParse(m).success).toBe(true);
        }),
        { numRuns: 30 },
      );
    });
  }
});
