/**
 * The test kit's checkers bound to this renderer: layout geometry by the renderer's own text model, SVG safety
 * with the strict defaults (and NaN/Infinity/undefined looked for in text too: the fixtures' text has none).
 */
import { checkSvg, layoutChecker } from "@archgal/test-kit";
import { expect } from "vitest";
import { LINE_HEIGHT, lineWidth } from "../src/text-metrics.js";

/** Problems of a layout; empty when it is sound. */
export const checkLayout = layoutChecker({ lineWidth, LINE_HEIGHT });

/** Fails the test unless the SVG passes every safety check. */
export function assertSafeSvg(svg: string): void {
  expect(checkSvg(svg, { textJunk: true }).problems.slice(0, 10)).toEqual([]);
}
