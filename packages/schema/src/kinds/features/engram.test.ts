import { describe, expect, it } from "vitest";
import { engramProjectionParams, engramTableParams, engramRowsPerToken } from "./engram.js";
import { engramRelations } from "./engram.details.js";
import type { Architecture } from "../../spec-types.js";

// DeepSeek V4.1-Flash's text_config: Engram at layers 1 and 14, tables of 384,006,168 and 384,016,682 rows of
// 256, n-grams up to 4 over 8 hash heads, 4 hyper-connection streams of 5120 (NeMo Automodel DeepseekV41Engram).
const e = { layers: [1, 14], rows: [384_006_168, 384_016_682], maxNgram: 4, heads: 8, dim: 256 };

describe("Engram memory", () => {
  it("counts the tables apart from the projections a token multiplies through", () => {
    expect(engramRowsPerToken(e)).toBe(24);
    expect(engramTableParams(e)).toBe(768_022_850 * 256);
    // wkv: 24 rows × 256 = 6144 → (4 + 1) × 5120 = 25600; q_weight and k_weight: 4 × 5120 each.
    expect(engramProjectionParams(e, { dModel: 5120, hyperConnections: { streams: 4 } })).toBe(6144 * 25600 + 2 * 4 * 5120);
  });

  it("checks one table per layer, layers inside the stack and in order", () => {
    const arch = (engram: typeof e) => ({ numLayers: 40, engram }) as unknown as Architecture;
    expect(engramRelations(arch(e))).toEqual([]);
    expect(engramRelations(arch({ ...e, rows: [1] })).map((i) => i.message)).toEqual(["needs one table size per Engram layer (2), got 1"]);
    expect(engramRelations(arch({ ...e, layers: [14, 1] })).map((i) => i.message)).toEqual(["must come after layer 14, got 1"]);
    expect(engramRelations(arch({ ...e, layers: [1, 40] })).map((i) => i.message)).toEqual(["must be a layer of the stack (0–39), got 40"]);
  });
});
