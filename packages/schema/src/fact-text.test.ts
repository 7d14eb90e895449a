import { describe, expect, it } from "vitest";
import { formatContext, formatKvPerToken, formatPercent, formatScale } from "./fact-text.js";

const moe = { total: 671.03e9, active: 36.63e9, activeWithLookups: 37.56e9, mtp: 11.5e9 };
const dense = { total: 8.03e9, active: 7.5e9, activeWithLookups: 8.03e9 };

describe("headline wording", () => {
  it("percent: two significant digits below 10 %, whole numbers above", () => {
    expect([0.0546, 0.0035, 0.123, 1.25, 1].map(formatPercent)).toEqual(["5.5%", "0.35%", "12%", "125%", "100%"]);
    expect(formatPercent(Number.NaN)).toBe("NaN%");
  });
  it("scale, short and full, names the scope of the active count", () => {
    expect(formatScale(moe)).toBe("671B · 36.6B active (5.5%)");
    expect(formatScale(moe, "full")).toBe("671B total · 36.6B active (5.5%; embedding look-ups not counted, 37.6B with them) + 11.5B MTP");
    expect(formatScale(dense)).toBe("8.03B");
    expect(formatScale(dense, "full")).toBe("8.03B total (dense)");
  });
  it("KV cache per token and context", () => {
    expect(formatKvPerToken(70246)).toBe("68.6 KiB · Low");
    expect(formatKvPerToken(0)).toBe("none (fixed-size state only)");
    expect(formatContext(131072)).toBe("128k tokens");
    expect(formatContext(202752)).toBe("202,752 tokens");
    expect(formatContext(null)).toBe("no explicit limit");
  });
});
