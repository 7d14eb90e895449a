/**
 * Colours: a semantic palette whose every entry is drawn as `var(--llm-arch-<name>, <default>)`, with light and
 * dark defaults, and a per-model accent derived from the model id.
 */

/** Theme of the default colours. */
export type Theme = "light" | "dark";

/** Names of the palette entries; each becomes the custom property `--llm-arch-<name>`. */
export const colorNames = [
  "background",
  "text",
  "text-muted",
  "line",
  "frame",
  "frame-stroke",
  "box",
  "box-stroke",
  "embedding",
  "norm",
  "positional",
  "attention",
  "attention-text",
  "linear-mixer",
  "linear-mixer-text",
  "ssm",
  "ssm-text",
  "mixer",
  "mixer-text",
  "ffn",
  "moe",
  "core",
  "conv",
  "strip-a",
  "strip-b",
  "strip-c",
  "strip-d",
  "strip-e",
  "strip-f",
  "badge",
  "badge-text",
  "diff",
  "diff-fill",
  "accent",
  "accent-highlight",
  "accent-text",
  "block",
] as const;

/** A palette entry name. */
export type ColorName = (typeof colorNames)[number];

/** A complete set of colours. */
export type Palette = Record<ColorName, string>;

/** The colours that do not depend on the model (accent, accent-highlight, accent-text and block are filled in per model). */
export type BasePalette = Omit<Palette, "accent" | "accent-highlight" | "accent-text" | "block">;

const light: BasePalette = {
  background: "#ffffff",
  text: "#1b1d21",
  "text-muted": "#545a63",
  line: "#1b1d21",
  frame: "#e9eaec",
  "frame-stroke": "#1b1d21",
  box: "#ffffff",
  "box-stroke": "#1b1d21",
  embedding: "#dcebfb",
  norm: "#ffffff",
  positional: "#fce8e3",
  attention: "#3a3f47",
  "attention-text": "#ffffff",
  "linear-mixer": "#1d5753",
  "linear-mixer-text": "#ffffff",
  ssm: "#3b5622",
  "ssm-text": "#ffffff",
  mixer: "#4a3f5c",
  "mixer-text": "#ffffff",
  ffn: "#e1e2e5",
  moe: "#f6e6c4",
  core: "#fbf3c4",
  conv: "#f9dbd6",
  "strip-a": "#3f6fc4",
  "strip-b": "#e08a2c",
  "strip-c": "#3f9a52",
  "strip-d": "#9b62c9",
  "strip-e": "#d2504f",
  "strip-f": "#a08414",
  badge: "#1b1d21",
  "badge-text": "#ffffff",
  diff: "#b3006b",
  "diff-fill": "#ffe3f2",
};

const dark: BasePalette = {
  background: "#15171b",
  text: "#eceef2",
  "text-muted": "#aeb4bd",
  line: "#d5d9df",
  frame: "#22252b",
  "frame-stroke": "#8d949e",
  box: "#2c3038",
  "box-stroke": "#aeb4bd",
  embedding: "#213a57",
  norm: "#2c3038",
  positional: "#4d2e29",
  attention: "#596273",
  "attention-text": "#ffffff",
  "linear-mixer": "#1f6a65",
  "linear-mixer-text": "#ffffff",
  ssm: "#4a6b2a",
  "ssm-text": "#ffffff",
  mixer: "#5e4f78",
  "mixer-text": "#ffffff",
  ffn: "#3a3f48",
  moe: "#4d4123",
  core: "#4a4420",
  conv: "#5c2f2f",
  "strip-a": "#6f9be8",
  "strip-b": "#f2a65a",
  "strip-c": "#6cc27c",
  "strip-d": "#bb8ee6",
  "strip-e": "#ef7f7e",
  "strip-f": "#d8bd48",
  badge: "#eceef2",
  "badge-text": "#15171b",
  diff: "#ff7ac8",
  "diff-fill": "#4a1835",
};

/** The model-independent default colours of each theme. */
export const basePalettes: Readonly<Record<Theme, Readonly<BasePalette>>> = { light, dark };

// ---------------------------------------------------------------------------------------------------------------
// Colour arithmetic (sRGB, WCAG 2.x relative luminance).

/** Parses `#rgb` or `#rrggbb` into 0–255 channels; `undefined` for anything else. */
export function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  let hex = m[1]!;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

const toHex = (rgb: readonly number[]) =>
  "#" +
  rgb
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("");

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(color: string): number {
  const rgb = parseHex(color);
  if (!rgb) throw new Error(`not a hex colour: ${color}`);
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Mixes two hex colours: `t` = 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) throw new Error("mix needs hex colours");
  return toHex(x.map((v, i) => v + (y[i]! - v) * t));
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return toHex([f(0) * 255, f(8) * 255, f(4) * 255]);
}

function hexToHsl(color: string): [number, number, number] {
  const [r, g, b] = parseHex(color)!.map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Minimum contrast for text (WCAG AA, normal text). */
export const MIN_CONTRAST = 4.5;

/** Moves the lightness of (h, s) from `start` in `step`s until `ok` holds; deterministic. */
function searchLightness(h: number, s: number, start: number, step: number, ok: (c: string) => boolean): string {
  for (let l = start; l >= 0 && l <= 1; l += step) {
    const c = hslToHex(h, s, l);
    if (ok(c)) return c;
  }
  return step < 0 ? "#000000" : "#ffffff";
}

const minContrast = (c: string, against: readonly string[]) => Math.min(...against.map((b) => contrastRatio(c, b)));

/** The accent-dependent colours of a palette. */
export interface AccentColors {
  /** Accent for text and lines on the background and on the frame. */
  accent: string;
  /** Accent for highlighted words on the dark mixer boxes. */
  "accent-highlight": string;
  /** Text drawn on an accent-filled badge. */
  "accent-text": string;
  /** The repeated block's shading. */
  block: string;
}

/**
 * The accent colours of a hue or a given colour, adjusted until text contrast is at least 4.5:1 against the
 * surfaces it is drawn on in `theme`.
 */
export function accentColors(theme: Theme, hueOrColor: number | string): AccentColors {
  const base = basePalettes[theme];
  let h: number;
  let s: number;
  let l0: number;
  if (typeof hueOrColor === "string") {
    [h, s, l0] = hexToHsl(hueOrColor);
  } else {
    h = ((hueOrColor % 360) + 360) % 360;
    s = 0.72;
    l0 = theme === "light" ? 0.46 : 0.66;
  }
  // Accent text is drawn on the page, the frame and inside light boxes (numbers in panel boxes).
  const surfaces = [
    base.background,
    base.frame,
    base.box,
    base.norm,
    base.embedding,
    base.positional,
    base.ffn,
    base.moe,
    base.core,
    base.conv,
  ];
  const mixers = [base.attention, base["linear-mixer"], base.ssm, base.mixer];
  const accent =
    theme === "light"
      ? searchLightness(h, s, l0, -0.01, (c) => minContrast(c, surfaces) >= MIN_CONTRAST + 0.05)
      : searchLightness(h, s, l0, 0.01, (c) => minContrast(c, surfaces) >= MIN_CONTRAST + 0.05);
  const highlight = searchLightness(
    h,
    Math.min(s, 0.9),
    theme === "light" ? 0.72 : 0.8,
    0.01,
    (c) => minContrast(c, mixers) >= MIN_CONTRAST + 0.05,
  );
  const accentText = contrastRatio(accent, "#ffffff") >= contrastRatio(accent, "#000000") ? "#ffffff" : "#000000";
  const block = theme === "light" ? mix(hslToHex(h, s, 0.55), base.background, 0.7) : mix(hslToHex(h, s, 0.4), base.background, 0.6);
  return { accent, "accent-highlight": highlight, "accent-text": accentText, block };
}

/** The hue (0–359) a model id maps to. */
export function accentHue(id: string): number {
  return hashString(id) % 360;
}

/** The full default palette for a theme and a model id (or an explicit `#rrggbb` accent). */
export function paletteFor(theme: Theme, id: string, accent?: string): Palette {
  const given = accent !== undefined && parseHex(accent) ? accent : undefined;
  const source = given ?? accentHue(id);
  const key = `${theme}|${source}`;
  let accents = accentCache.get(key);
  if (!accents) {
    accents = accentColors(theme, source);
    accentCache.set(key, accents);
  }
  return { ...basePalettes[theme], ...accents };
}

/** Accent colours by theme and hue or colour (at most 2 × 360 hues plus given colours). */
const accentCache = new Map<string, AccentColors>();

/**
 * The light and dark default palettes with a neutral accent (hue 210), e.g. to document or override the theme.
 */
export const palette: Readonly<Record<Theme, Readonly<Palette>>> = {
  light: paletteFor("light", "", "#1f5fa8"),
  dark: paletteFor("dark", "", "#6fa8e8"),
};

/**
 * CSS custom-property declarations of a theme's defaults, e.g. to put in a stylesheet:
 * `:root { ${cssVariables("dark")} }`. Pass a model id to include its accent colours.
 */
export function cssVariables(theme: Theme = "light", id?: string): string {
  const p = id === undefined ? palette[theme] : paletteFor(theme, id);
  return colorNames.map((n) => `--llm-arch-${n}: ${p[n]};`).join("\n");
}

/** `var(--llm-arch-<name>, <default>)` for an SVG attribute. */
export function colorVar(p: Palette, name: ColorName): string {
  return `var(--llm-arch-${name}, ${p[name]})`;
}
