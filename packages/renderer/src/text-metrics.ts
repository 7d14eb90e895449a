/**
 * The text-width model: advance widths of DejaVu Sans / DejaVu Sans Mono (the fonts the SVG declares first),
 * used to size boxes and wrap labels so that no text overflows. Kerning is ignored, which only ever
 * over-estimates widths a little.
 */
import { mono, sansBold, sansRegular, type WidthTable } from "./font-widths.js";

/** Font weight of a text run. Numeric weights of 600 and more count as bold. */
export type FontWeight = "normal" | "bold" | number;

/** Font family class of a text run. */
export type FontFamily = "sans" | "mono";

/** The `font-family` list for sans text; the width model is DejaVu Sans. */
export const SANS_FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif";
/** The `font-family` list for monospaced text; the width model is DejaVu Sans Mono. */
export const MONO_FONT_STACK = "'DejaVu Sans Mono', 'Bitstream Vera Sans Mono', Menlo, Consolas, monospace";

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;

const isBold = (w: FontWeight | undefined) => w === "bold" || (typeof w === "number" && w >= 600);

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

const isZeroWidth = (cp: number) =>
  (cp >= 0x0300 && cp <= 0x036f) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfe0f || cp === 0xfeff;

/** A decoded width table. */
interface Widths {
  ascii: number[];
  extra: Map<string, number>;
  fallback: number;
}

const decode = (s: string) => Array.from({ length: s.length / 2 }, (_, i) => parseInt(s.slice(2 * i, 2 * i + 2), 36));
const cache = new Map<WidthTable, Widths>();
function widths(table: WidthTable): Widths {
  let w = cache.get(table);
  if (!w) {
    let ascii = decode(table.ascii);
    if (ascii.length === 1) ascii = new Array<number>(95).fill(ascii[0]!);
    const extra = new Map<string, number>();
    const ew = decode(table.extra);
    [...table.chars].forEach((ch, i) => extra.set(ch, ew[i]!));
    w = { ascii, extra, fallback: table.fallback };
    cache.set(table, w);
  }
  return w;
}

function charWidth(ch: string, table: Widths): number {
  const cp = ch.codePointAt(0) ?? 32;
  if (cp >= 32 && cp < 127) return table.ascii[cp - 32] ?? table.fallback;
  const known = table.extra.get(ch);
  if (known !== undefined) return known;
  if (table.ascii[0] === table.ascii[33] && !isWide(cp)) return table.ascii[0]!; // monospaced
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return Math.max(1000, table.fallback);
  return table.fallback;
}

/**
 * Width in user units of `text` set in `fontSize` (DejaVu Sans, or DejaVu Sans Mono for `family: "mono"`).
 *
 * @example
 * ```ts
 * textWidth("Linear output layer", 15); // ≈ 148
 * ```
 */
export function textWidth(text: string, fontSize: number, weight: FontWeight = "normal", family: FontFamily = "sans"): number {
  const kind = family === "mono" ? 2 : isBold(weight) ? 1 : 0;
  const key = kind + text;
  let units = measured.get(key);
  if (units === undefined) {
    const table = widths(kind === 2 ? mono : kind === 1 ? sansBold : sansRegular);
    units = 0;
    for (const ch of text) units += charWidth(ch, table);
    if (measured.size > 20000) measured.clear();
    measured.set(key, units);
  }
  return (units / 1000) * fontSize;
}

/** Widths already measured, in thousandths of an em, by weight/family and text. */
const measured = new Map<string, number>();

/** One styled run of text inside a line. */
export interface Span {
  /** The text. */
  text: string;
  /** Drawn in the accent colour. */
  accent?: boolean;
  /** Bold. */
  bold?: boolean;
}

/** A line of styled runs. */
export type Line = Span[];

/** Width of a line of spans. */
export function lineWidth(line: readonly Span[], fontSize: number, weight: FontWeight = "normal", family: FontFamily = "sans"): number {
  let w = 0;
  for (const s of line) w += textWidth(s.text, fontSize, s.bold || isBold(weight) ? "bold" : "normal", family);
  return w;
}

/** Splits a string into plain spans on `**…**` marks (used for the renderer's own wording, never for spec text). */
export function marked(text: string): Line {
  const out: Line = [];
  text.split("**").forEach((part, i) => {
    if (part) out.push(i % 2 === 1 ? { text: part, accent: true } : { text: part });
  });
  return out;
}

/**
 * Greedy word wrap of styled runs into lines no wider than `maxWidth`. Words longer than a line are broken
 * between characters. Explicit line breaks are given as separate lines by the caller.
 */
export function wrapLine(
  line: readonly Span[],
  maxWidth: number,
  fontSize: number,
  weight: FontWeight = "normal",
  family: FontFamily = "sans",
): Line[] {
  // Tokens: words (with their styles) and whether a space precedes them. A hyphen ends a token too, so that
  // "manifold-constrained" can break after "manifold-".
  type Token = { spans: Span[]; space: boolean };
  const tokens: Token[] = [];
  let current: Token | undefined;
  let space = false;
  for (const span of line) {
    for (const part of span.text.split(/( +|(?<=[^\s-]-)(?=[^\s-]))/)) {
      if (!part) continue;
      if (/^ +$/.test(part)) {
        space = true;
        current = undefined;
        continue;
      }
      const style: Span = { text: part };
      if (span.accent) style.accent = true;
      if (span.bold) style.bold = true;
      if (!current || space) {
        current = { spans: [style], space: space && tokens.length > 0 };
        tokens.push(current);
      } else current.spans.push(style);
      space = false;
      if (part.endsWith("-")) current = undefined;
    }
  }
  const width = (spans: readonly Span[]) => lineWidth(spans, fontSize, weight, family);
  const spaceW = textWidth(" ", fontSize, weight, family);
  const lines: Line[] = [];
  let cur: Span[] = [];
  let curW = 0;
  const push = (spans: Span[]) => {
    for (const s of spans) {
      const last = cur[cur.length - 1];
      if (last && Boolean(last.accent) === Boolean(s.accent) && Boolean(last.bold) === Boolean(s.bold)) last.text += s.text;
      else cur.push({ ...s });
    }
  };
  const flush = () => {
    if (cur.length) lines.push(cur);
    cur = [];
    curW = 0;
  };
  for (const tok of tokens) {
    const w = width(tok.spans);
    const gap = tok.space ? spaceW : 0;
    if (cur.length && curW + gap + w > maxWidth) flush();
    if (cur.length && tok.space) {
      push([{ ...cur[cur.length - 1]!, text: " " }]);
      curW += spaceW;
    }
    if (w <= maxWidth) {
      push(tok.spans);
      curW += w;
      continue;
    }
    // A single word wider than the line: break it between characters.
    for (const s of tok.spans) {
      for (const ch of s.text) {
        const cw = textWidth(ch, fontSize, s.bold || isBold(weight) ? "bold" : "normal", family);
        if (cur.length && curW + cw > maxWidth) flush();
        push([{ ...s, text: ch }]);
        curW += cw;
      }
    }
  }
  flush();
  return lines.length ? lines : [[{ text: "" }]];
}

/** Wraps a plain string into lines of at most `maxWidth`. */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: FontWeight = "normal",
  family: FontFamily = "sans",
): string[] {
  return wrapLine([{ text }], maxWidth, fontSize, weight, family).map((l) => l.map((s) => s.text).join(""));
}
