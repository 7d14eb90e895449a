import { describe, expect, it } from "vitest";
import { fixtures } from "@archgal/test-kit/fixtures";
import {
  accentColors,
  basePalettes,
  contrastRatio,
  cssVariables,
  MIN_CONTRAST,
  paletteFor,
  palette,
  type ColorName,
  type Palette,
  type Theme,
} from "./palette.js";
import { datasetSpecs } from "@archgal/test-kit/dataset";

/** Every (text colour, surface) pair the renderer draws. */
const textOn: [ColorName, ColorName[]][] = [
  ["text", ["background", "frame", "box", "norm", "embedding", "positional", "ffn", "moe", "core", "conv", "block", "diff-fill"]],
  ["text-muted", ["background", "frame"]],
  ["attention-text", ["attention"]],
  ["linear-mixer-text", ["linear-mixer"]],
  ["ssm-text", ["ssm"]],
  ["mixer-text", ["mixer"]],
  ["accent", ["background", "frame", "box", "norm", "embedding", "positional", "ffn", "moe", "core", "conv"]],
  ["accent-highlight", ["attention", "linear-mixer", "ssm", "mixer"]],
  ["accent-text", ["accent"]],
  ["badge-text", ["badge"]],
  ["diff", ["background", "frame"]],
];

function check(p: Palette, label: string): string[] {
  const bad: string[] = [];
  for (const [fg, bgs] of textOn) {
    for (const bg of bgs) {
      const r = contrastRatio(p[fg], p[bg]);
      if (r < MIN_CONTRAST) bad.push(`${label}: ${fg} ${p[fg]} on ${bg} ${p[bg]} = ${r.toFixed(2)}`);
    }
  }
  return bad;
}

const themes: Theme[] = ["light", "dark"];

describe("palette contrast (WCAG AA, 4.5:1)", () => {
  it.each(themes)("%s default palette", (theme) => {
    expect(check(palette[theme] as Palette, theme)).toEqual([]);
  });
  it.each(themes)("%s: every accent hue 0–359", (theme) => {
    const bad: string[] = [];
    for (let h = 0; h < 360; h++) bad.push(...check({ ...basePalettes[theme], ...accentColors(theme, h) } as Palette, `${theme} hue ${h}`));
    expect(bad).toEqual([]);
  });
  it.each(themes)("%s: accents of every fixture and dataset model", (theme) => {
    const bad: string[] = [];
    for (const s of [...fixtures, ...datasetSpecs()]) bad.push(...check(paletteFor(theme, s.id), `${theme} ${s.id}`));
    expect(bad).toEqual([]);
  });
  it.each(themes)("%s: explicit accents are adjusted until they contrast", (theme) => {
    for (const c of ["#ffff00", "#000000", "#ffffff", "#00ff00", "#ff0000", "#777777"])
      expect(check(paletteFor(theme, "x", c), `${theme} ${c}`)).toEqual([]);
  });
  it("accents are deterministic and differ between models", () => {
    expect(paletteFor("light", "deepseek-v3").accent).toBe(paletteFor("light", "deepseek-v3").accent);
    const accents = new Set(fixtures.map((s) => paletteFor("light", s.id).accent));
    expect(accents.size).toBeGreaterThan(fixtures.length / 2);
  });
  it("cssVariables lists every colour as a custom property", () => {
    const css = cssVariables("dark");
    expect(css).toContain("--llm-arch-background: #15171b;");
    expect(css.split("\n").every((l) => /^--llm-arch-[a-z-]+: #[0-9a-f]{6};$/.test(l))).toBe(true);
  });
});
