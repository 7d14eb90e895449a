/**
 * `period` (the layer-pattern search behind the pattern panel): linear time via the KMP failure function, and
 * the same answers as the quadratic search it replaced (fuzz finding F8).
 */
import { describe, expect, it } from "vitest";
import { period } from "./analysis.js";

/** The former O(n²) search: the least p ≤ n/2 with seq[i] === seq[i - p] for every i ≥ p, else n. */
function naivePeriod<T>(seq: readonly T[]): number {
  for (let p = 1; p <= seq.length / 2; p++) {
    let ok = true;
    for (let i = p; i < seq.length && ok; i++) if (seq[i] !== seq[i - p]) ok = false;
    if (ok) return p;
  }
  return seq.length;
}

/** A small deterministic PRNG (LCG), so that failures replay. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("period", () => {
  it("handles the edge cases like the former search", () => {
    expect(period([])).toBe(0);
    expect(period(["a"])).toBe(1);
    expect(period(["a", "a"])).toBe(1);
    expect(period(["a", "b"])).toBe(2);
    expect(period(["a", "b", "a"])).toBe(3); // period 2 is more than half of 3
    expect(period(["a", "b", "a", "b", "a"])).toBe(2); // a partial last period counts
    expect(period(["a", "a", "b", "a", "a", "b", "a", "a"])).toBe(3);
    expect(period(["a", "a", "a", "b"])).toBe(4);
    // Strings compare by value, as before.
    expect(period(["x y", `${"x"} ${"y"}`])).toBe(1);
  });

  it("from an offset, as the period of the suffix", () => {
    const seq = ["p", "q", "a", "b", "a", "b", "a", "b"];
    expect(period(seq, 2)).toBe(2);
    expect(period(seq, 1)).toBe(naivePeriod(seq.slice(1)));
    expect(period(seq, 8)).toBe(0);
    expect(period(seq, 7)).toBe(1);
  });

  it("agrees with the quadratic search on random and planted-period sequences", () => {
    const r = rng(42);
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = 1 + Math.floor(r() * 4);
      const sym = () => String.fromCharCode(97 + Math.floor(r() * alphabet));
      let seq: string[];
      if (r() < 0.5) {
        seq = Array.from({ length: Math.floor(r() * 40) }, sym);
      } else {
        // A random block repeated (with a partial tail), sometimes after a prefix or with one symbol changed.
        const block = Array.from({ length: 1 + Math.floor(r() * 6) }, sym);
        const n = Math.floor(r() * 50);
        seq = Array.from({ length: n }, (_, i) => block[i % block.length]!);
        if (r() < 0.3) seq.unshift(...Array.from({ length: 1 + Math.floor(r() * 3) }, sym));
        if (r() < 0.3 && seq.length) seq[Math.floor(r() * seq.length)] = sym();
      }
      const from = r() < 0.3 ? Math.floor(r() * 5) : 0;
      expect(period(seq, from), `${seq.join("")} from ${from}`).toBe(naivePeriod(seq.slice(from)));
    }
  });

  it("is linear: reads of the sequence stay within a small multiple of its length", () => {
    const n = 20_000;
    const seq: string[] = new Array<string>(n).fill("GQA → FFN");
    seq.push("Mamba-2 → FFN");
    let reads = 0;
    const counted = new Proxy(seq, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    for (let s = 0; s <= 8; s++) expect(period(counted, s)).toBe(n + 1 - s);
    // Knuth–Morris–Pratt reads each position a bounded number of times; the former search read ~n² / 2.
    expect(reads).toBeLessThan(9 * 4 * (n + 1));
  });
});
