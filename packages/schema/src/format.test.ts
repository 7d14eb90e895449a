import { describe, expect, it } from "vitest";
import { formatCount, formatInt, trimNumber } from "./format.js";

describe("formatInt", () => {
  it("groups thousands with commas", () => {
    expect(formatInt(0)).toBe("0");
    expect(formatInt(999)).toBe("999");
    expect(formatInt(1000)).toBe("1,000");
    expect(formatInt(7168)).toBe("7,168");
    expect(formatInt(124439808)).toBe("124,439,808");
    expect(formatInt(-1234567)).toBe("-1,234,567");
  });

  it("rounds like Math.round", () => {
    expect(formatInt(1234.5)).toBe("1,235");
    expect(formatInt(-1234.5)).toBe("-1,234");
    expect(formatInt(0.4)).toBe("0");
  });

  it("prints non-finite values as String() does", () => {
    expect(formatInt(Number.NaN)).toBe("NaN");
    expect(formatInt(Infinity)).toBe("Infinity");
    expect(formatInt(-Infinity)).toBe("-Infinity");
  });

  it("writes numbers beyond 1e21 in full", () => {
    expect(formatInt(1e21)).toBe("1,000,000,000,000,000,000,000");
  });

  it("agrees with toLocaleString('en-US') on integers and fractions", () => {
    // A fixed pseudo-random sequence (xorshift) over magnitudes from 1 to 1e18, both signs, with fractions.
    let x = 0x9e3779b9;
    const next = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 2 ** 32;
    };
    for (let i = 0; i < 2000; i++) {
      const n = (next() < 0.5 ? -1 : 1) * 10 ** (next() * 18) * (1 + next());
      const expected = Math.round(n).toLocaleString("en-US");
      expect(formatInt(n)).toBe(expected === "-0" ? "0" : expected);
    }
  });
});

describe("trimNumber and formatCount", () => {
  it("keep three significant digits", () => {
    expect(trimNumber(1234.5678)).toBe("1,230");
    expect(formatCount(671026419200)).toBe("671B");
    expect(formatCount(1.6e12)).toBe("1.6T");
  });
});
