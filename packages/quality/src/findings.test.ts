/**
 * One test per fuzz finding: its minimal counterexample, failing until the owning package is fixed.
 * (See lib/findings.ts.)
 */
import { describe, expect, it } from "vitest";
import { findings } from "./lib/findings.js";

describe("fuzz findings (minimal counterexamples)", () => {
  for (const f of findings) {
    it(`${f.id} (${f.owner}): ${f.title}`, () => {
      expect(f.reproduce()).toBeUndefined();
    });
  }
});
