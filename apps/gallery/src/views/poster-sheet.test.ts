import { describe, expect, it } from "vitest";
import { isPosterTiles } from "./poster-sheet.js";

describe("isPosterTiles", () => {
  const tile = { id: "m", x: 0, y: 10, width: 100, height: 200, svg: "<svg/>" };
  it("takes renderPosterTiles' shape", () => {
    expect(isPosterTiles({ width: 500, height: 800, title: "t", description: "d", tiles: [tile] })).toBe(true);
    expect(isPosterTiles({ width: 500, height: 800, tiles: [] })).toBe(true);
  });
  it("refuses anything else: no tiles, a tile without its SVG, sizes that are not finite or are negative", () => {
    expect(isPosterTiles(null)).toBe(false);
    expect(isPosterTiles("poster")).toBe(false);
    expect(isPosterTiles({ width: 500, height: 800 })).toBe(false);
    expect(isPosterTiles({ width: 500, height: 800, tiles: [{ ...tile, svg: 3 }] })).toBe(false);
    expect(isPosterTiles({ width: 500, height: 800, tiles: [null] })).toBe(false);
    expect(isPosterTiles({ width: Number.POSITIVE_INFINITY, height: 800, tiles: [] })).toBe(false);
    expect(isPosterTiles({ width: 500, height: 800, tiles: [{ ...tile, x: -1 }] })).toBe(false);
    expect(isPosterTiles({ width: 500, height: "800", tiles: [] })).toBe(false);
  });
});
