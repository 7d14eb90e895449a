import { describe, expect, it } from "vitest";
import { formatCount, formatInt, formatTokens, trimNumber, compareText } from "./format.js";

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

describe("formatTokens", () => {
  it("writes decimal k/M only for exact multiples of 1,000", () => {
    expect(formatTokens(512000)).toBe("512k");
    expect(formatTokens(128000)).toBe("128k");
    expect(formatTokens(10000)).toBe("10k");
    expect(formatTokens(2000000)).toBe("2M");
    expect(formatTokens(1500000)).toBe("1.5M");
    expect(formatTokens(1048000)).toBe("1.048M");
  });

  it("writes binary k/M only for powers of two", () => {
    expect(formatTokens(131072)).toBe("128k");
    expect(formatTokens(16384)).toBe("16k");
    expect(formatTokens(262144)).toBe("256k");
    expect(formatTokens(1048576)).toBe("1M");
    expect(formatTokens(4194304)).toBe("4M");
  });

  it("prints every other count exactly, with separators", () => {
    expect(formatTokens(202752)).toBe("202,752");
    expect(formatTokens(196608)).toBe("196,608");
    expect(formatTokens(163840)).toBe("163,840");
    expect(formatTokens(131073)).toBe("131,073");
    expect(formatTokens(8192)).toBe("8,192");
    expect(formatTokens(1024)).toBe("1,024");
    expect(formatTokens(null)).toBe("no explicit limit");
  });

  it("never rounds: the label read back is the count (over a fixed sequence of counts)", () => {
    let x = 12345;
    for (let i = 0; i < 600; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const n = [x % 3_000_000, (x % 3000) * 1000, 2 ** (10 + (x % 14))][i % 3]!;
      const s = formatTokens(n);
      const m = /^([\d,]+(?:\.\d+)?)(k|M)?$/.exec(s);
      expect(m, `${n} → ${s}`).not.toBeNull();
      const v = Number(m![1]!.replaceAll(",", ""));
      const unit = m![2] === undefined ? 1 : (n % 1000 === 0 ? 1000 : 1024) ** (m![2] === "k" ? 1 : 2);
      expect(Math.round(v * unit), `${n} → ${s}`).toBe(n);
    }
  });
});

describe("compareText", () => {
  it("orders case-insensitively, then exactly, as a total order", () => {
    const names = ["gpt-oss-120b", "GLM-5", "Gemma 3", "gemma 3", "DeepSeek V3", "deepseek-v3.2", "Qwen3-8B", "qwen3-30b-a3b"];
    expect([...names].sort(compareText)).toEqual([
      "DeepSeek V3",
      "deepseek-v3.2",
      "Gemma 3",
      "gemma 3",
      "GLM-5",
      "gpt-oss-120b",
      "qwen3-30b-a3b",
      "Qwen3-8B",
    ]);
    expect(compareText("a", "a")).toBe(0);
    expect(compareText("A", "a")).toBe(-1);
    expect(compareText("b", "A")).toBe(1);
  });
  it("orders ISO dates and years like plain string order", () => {
    const dates = ["2025-01-20", "2024-12-26", "2026-09-10", "2025-01-02"];
    expect([...dates].sort(compareText)).toEqual([...dates].sort());
  });
});
