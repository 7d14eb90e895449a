/**
 * The layer-pattern panel: the stack drawn as macro blocks (bottom = first layers), each a frame holding its
 * sublayer boxes bottom-up with its repeat count on the left, nested repeats as nested frames, and under it the
 * layer strip (one cell per layer) with its counts legend. Every box is coloured as the strip colours its kind.
 */
import { countLayerPattern, ffnKind } from "@archgal/schema/metrics";
import type { LayerEntry } from "@archgal/schema/metrics";
import { layerKey, period, type Facts } from "../analysis.js";
import { Canvas, labelRect } from "../canvas.js";
import type { Box } from "../layout-types.js";
import { layerStrip, stripColours, type StripColours, type StripKey } from "../layer-strip.js";
import type { ColorName } from "../palette.js";
import { textWidth } from "../text-metrics.js";
import { PW, SMALL, TITLE, t, type Panel } from "./kit.js";

/** At most this many macro blocks are drawn; the rest are told in one line. */
export const MAX_BLOCKS = 12;
/** At most this many entries are drawn in one frame; the rest are told in one box. */
export const MAX_ITEMS = 6;
/** At most this many rows of boxes in the whole drawing (blocks that would pass it are told in the closing line). */
export const MAX_ROWS = 11;
/** Frames nest at most this deep (a block's frame is depth 1); deeper groups are written out in a box. */
export const MAX_DEPTH = 2;
/** About how many characters a summarised group's text runs to before "…". */
const SUMMARY_CHARS = 48;

/** What one frame holds, bottom-up (first layers first). */
export type MacroItem =
  /**
   * One row: a layer's mixer box, then its FFN box (either may be missing), or two layers of one sublayer each,
   * a mixer's then an FFN's (`layers` 2).
   */
  | { kind: "layer"; mixer?: string; ffn?: string; layers: 1 | 2 }
  /** A nested repeat: a group, or an entry with a count, `repeat` times `layers` layers from layer `start` (0-based). */
  | { kind: "frame"; repeat: number; start: number; layers: number; items: MacroItem[] }
  /** What is not drawn, written out: a group nested too deep, or the entries after the first MAX_ITEMS. */
  | { kind: "text"; text: string; start: number; layers: number };

/** A macro block of the stack: `repeat` times the `items` (`per` layers each), from layer `start` (0-based). */
export interface MacroBlock {
  repeat: number;
  start: number;
  per: number;
  items: MacroItem[];
}

/** The macro blocks of a stack: the first drawn blocks and what the closing line tells of the rest. */
export interface MacroBlocks {
  blocks: MacroBlock[];
  /** Blocks not drawn: how many and the layers they span (0-based, inclusive), if any. */
  more?: { blocks: number; start: number; end: number };
}

/** The layer range a text says, e.g. `layer 7`, `layers 7–12` (1-based). */
const range = (start: number, layers: number) => (layers <= 1 ? `layer ${start + 1}` : `layers ${start + 1}–${start + layers}`);

/** A group's contents written out up to about `room` characters, then "…" (bounded however large the group). */
function describeEntries(f: Facts, layers: readonly LayerEntry[], room: number): string {
  let out = "";
  for (const [i, e] of layers.entries()) {
    if (out.length > room) return `${out}, …`;
    out += (i ? ", " : "") + describeEntry(f, e, room - out.length);
  }
  return out;
}

function describeEntry(f: Facts, e: LayerEntry, room: number): string {
  if ("repeat" in e) return `${e.repeat} × [${describeEntries(f, e.layers, room)}]`;
  const k = layerKey(f.arch, e.mixer, e.ffn, f.kinds);
  return (e.count ?? 1) > 1 ? `${e.count} × ${k}` : k;
}

/**
 * The items of a frame at `depth` holding `entries` from layer `start`, `total` layers in all (`entryCount`
 * entries, when `entries` is the first part of them): at most MAX_ITEMS, and rows while the block's `budget`
 * lasts (MAX_ROWS), then one text item for the rest. A mixer-only layer followed by an FFN-only one (Nemotron's
 * Mamba-2, MoE) is one row, "Mamba-2 → MoE". Work is bounded by the entries it looks at (and their subtrees).
 */
function frameItems(
  f: Facts,
  entries: readonly LayerEntry[],
  start: number,
  total: number,
  depth: number,
  entryCount = entries.length,
  budget = { rows: MAX_ROWS },
): MacroItem[] {
  const items: MacroItem[] = [];
  const plain = (e: LayerEntry | undefined): e is Exclude<LayerEntry, { repeat: number }> =>
    e !== undefined && !("repeat" in e) && (e.count ?? 1) === 1;
  let at = start;
  let i = 0;
  while (i < entries.length) {
    if ((items.length === MAX_ITEMS || budget.rows <= 0) && entryCount - i > 1) {
      const layers = start + total - at;
      items.push({ kind: "text", text: `… ${entryCount - i} more entries (${range(at, layers)})`, start: at, layers });
      budget.rows--;
      break;
    }
    const e = entries[i]!;
    const next = entries[i + 1];
    if (plain(e) && e.mixer !== undefined && e.ffn === undefined && plain(next) && next.mixer === undefined && next.ffn !== undefined) {
      items.push({ kind: "layer", mixer: e.mixer, ffn: next.ffn, layers: 2 });
      budget.rows--;
      at += 2;
      i += 2;
      continue;
    }
    const n = countLayerPattern([e]);
    if ("repeat" in e) {
      const per = e.repeat > 0 ? n / e.repeat : 0;
      items.push(
        depth < MAX_DEPTH
          ? {
              kind: "frame",
              repeat: e.repeat,
              start: at,
              layers: per,
              items: frameItems(f, e.layers, at, per, depth + 1, undefined, budget),
            }
          : { kind: "text", text: describeEntry(f, e, SUMMARY_CHARS), start: at, layers: n },
      );
      if (depth >= MAX_DEPTH) budget.rows--;
    } else {
      const layer: MacroItem = { kind: "layer", mixer: e.mixer, ffn: e.ffn, layers: 1 };
      const count = e.count ?? 1;
      if (count === 1) items.push(layer);
      else if (depth < MAX_DEPTH) items.push({ kind: "frame", repeat: count, start: at, layers: 1, items: [layer] });
      else items.push({ kind: "text", text: describeEntry(f, e, SUMMARY_CHARS), start: at, layers: n });
      budget.rows--;
    }
    at += n;
    i++;
  }
  return items;
}

/** Number of rows an item draws. */
function rowCount(item: MacroItem): number {
  return item.kind === "frame" ? item.items.reduce((s, x) => s + rowCount(x), 0) : 1;
}

/**
 * The period of the layer keys after a short prefix, as `period` finds it: `offset` (−1 for none) and `per`.
 * Each try is linear in the number of layers.
 */
function keyPeriod(keys: readonly string[]): { offset: number; per: number } {
  for (let s = 0; s <= Math.min(8, keys.length / 2); s++) {
    const p = period(keys, s);
    if (p <= (keys.length - s) / 2) return { offset: s, per: p };
  }
  return { offset: -1, per: keys.length };
}

/**
 * The entries the blocks are built from: the spec's own run-length pattern when it has repeat groups, else the
 * period of the layer keys (Gemma-like stacks written flat: the prefix's runs, the period as one group repeated,
 * then the partial period's runs), else the runs of equal layers. Linear in the number of layers.
 */
function patternEntries(f: Facts): readonly LayerEntry[] {
  const arch = f.arch;
  if (arch.layers.some((e) => "repeat" in e)) return arch.layers;
  const keys = f.layerKeys;
  const runs = (from: number, to: number): LayerEntry[] => {
    const out: LayerEntry[] = [];
    for (let i = from; i < to;) {
      let j = i + 1;
      while (j < to && keys[j] === keys[i]) j++;
      const l = f.layers[i]!;
      out.push({ mixer: l.mixer, ffn: l.ffn, count: j - i } as LayerEntry);
      i = j;
    }
    return out;
  };
  const { offset, per } = keyPeriod(keys);
  if (offset < 0 || per === 1) return runs(0, keys.length);
  const reps = Math.floor((keys.length - offset) / per);
  const end = offset + reps * per;
  return [...runs(0, offset), { repeat: reps, layers: runs(offset, offset + per) } as LayerEntry, ...runs(end, keys.length)];
}

/**
 * The macro blocks of the stack: each top-level group or counted entry one block, consecutive single layers one
 * block "1 ×"; at most MAX_BLOCKS drawn and MAX_ROWS boxes, the rest told by `more`. Every layer is in a block
 * or in `more`.
 */
export function macroBlocks(f: Facts): MacroBlocks {
  const entries = patternEntries(f);
  const total = countLayerPattern(entries);
  const blocks: MacroBlock[] = [];
  let rows = 0;
  let at = 0;
  let i = 0;
  // The end of a run of counted entries found before (each is its own block; scanned once, not once per entry).
  let countedUntil = 0;
  while (i < entries.length) {
    const e = entries[i]!;
    let run: PlainRun | undefined;
    if (i >= countedUntil) {
      run = plainRun(entries, i);
      if (!run.single) {
        countedUntil = run.end;
        run = undefined;
      }
    }
    let block: MacroBlock;
    let next = i + 1;
    if (run) {
      // Plain entries in a row, some of one layer: one block of one pass, the counted ones nested (its frame
      // looks at the first 2 × MAX_ITEMS + 2 of them).
      next = run.end;
      const part = entries.slice(i, Math.min(next, i + 2 * MAX_ITEMS + 2));
      block = { repeat: 1, start: at, per: run.layers, items: frameItems(f, part, at, run.layers, 1, next - i) };
    } else {
      const n = countLayerPattern([e]);
      const repeat = "repeat" in e ? e.repeat : (e.count ?? 1);
      const per = repeat > 0 ? n / repeat : 0;
      const inner = "repeat" in e ? e.layers : [{ ...e, count: 1 }];
      block = { repeat, start: at, per, items: frameItems(f, inner, at, per, 1) };
    }
    const n = block.items.reduce((s, x) => s + rowCount(x), 0);
    if (blocks.length === MAX_BLOCKS || (blocks.length > 0 && rows + n > MAX_ROWS)) {
      const left = countRemaining(entries, i);
      return { blocks, more: { blocks: left, start: at, end: total - 1 } };
    }
    rows += n;
    blocks.push(block);
    at += block.repeat * block.per;
    i = next;
  }
  return { blocks };
}

/** A run of plain entries (no groups): where it ends, its layers and whether an entry is of one layer. */
interface PlainRun {
  end: number;
  layers: number;
  single: boolean;
}

/**
 * The run of plain entries from `i`. With an entry of one layer it is one block "1 ×"; of counted entries only,
 * each is its own block (DeepSeek V3's "3 ×" dense and "58 ×" MoE layers).
 */
function plainRun(entries: readonly LayerEntry[], i: number): PlainRun {
  let end = i;
  let layers = 0;
  let single = false;
  for (; end < entries.length; end++) {
    const e = entries[end]!;
    if ("repeat" in e) break;
    layers += e.count ?? 1;
    if ((e.count ?? 1) === 1) single = true;
  }
  return { end, layers, single };
}

/** How many blocks the entries from `i` on make (as {@link macroBlocks} makes them). */
function countRemaining(entries: readonly LayerEntry[], i: number): number {
  let n = 0;
  while (i < entries.length) {
    const run = plainRun(entries, i);
    if (run.end === i) {
      n++;
      i++;
    } else {
      n += run.single ? 1 : run.end - i;
      i = run.end;
    }
  }
  return n;
}

/** The make-up of the stack for the title: "5 sliding-window GQA : 1 GQA" or "40 Mamba-2, 40 MoE, 8 GQA". */
export function patternHeadline(f: Facts, mb: MacroBlocks, colours: StripColours): string | undefined {
  // The ratio of the two mixers of the largest repeated block, when every layer has a mixer.
  const main = [...mb.blocks].filter((b) => b.repeat > 1).sort((a, b) => b.repeat * b.per - a.repeat * a.per)[0];
  // Only when that block is most of the stack (LFM2.5's 4 × [conv, GQA] is half of it: no ratio).
  if (main && main.repeat * main.per > 0.6 * f.layers.length && f.layers.every((l) => l.mixer !== undefined)) {
    const counts = new Map<string, number>();
    const walk = (items: readonly MacroItem[], times: number): boolean => {
      for (const it of items) {
        if (it.kind === "text") return false;
        if (it.kind === "frame") {
          if (!walk(it.items, times * it.repeat)) return false;
        } else {
          const k = colours.mixer(it.mixer);
          if (k) counts.set(k[0], (counts.get(k[0]) ?? 0) + times);
        }
      }
      return true;
    };
    if (walk(main.items, 1) && counts.size === 2) {
      const [[a, x], [b, y]] = [...counts].sort((p, q) => q[1] - p[1]) as [[string, number], [string, number]];
      let [p, q] = [x, y];
      while (q > 0 && Number.isSafeInteger(p) && Number.isSafeInteger(q)) [p, q] = [q, p % q];
      // Counts are whole numbers in a valid spec; anything else gets the make-up below.
      if (q === 0) return x === y ? `${a} and ${b} alternate` : `${x / p} ${a} : ${y / p} ${b}`;
    }
  }
  // Otherwise each kind's layer count, as the legend has them (FFN kinds when they tell something).
  const ffnLabels = new Set<string>();
  for (const l of f.runs) {
    const k = colours.ffn(l.ffn);
    if (k) ffnLabels.add(k[0]);
  }
  const withFfn = f.single || ffnLabels.size > 1;
  const entries = [...colours.legend].filter(([k]) => withFfn || !ffnLabels.has(k));
  if (entries.length < 2) return undefined;
  const shown = entries.slice(0, 4).map(([k, v]) => `${v.layers} ${k}`);
  return shown.join(", ") + (entries.length > 4 ? ", …" : "");
}

/** The look of a sublayer box: the strip's colour as a tint (text stays legible in both themes), edged in it. */
function subStyle(key: StripKey | undefined): { fill: ColorName; stroke: ColorName; fillOpacity?: number } {
  if (!key) return { fill: "box", stroke: "box-stroke" };
  const [, col] = key;
  return col.startsWith("strip-") ? { fill: col, stroke: col, fillOpacity: 0.3 } : { fill: col, stroke: "box-stroke" };
}

/** Gaps and paddings of the drawing. */
const PAD = 5;
const GAP = 5;
const ARROW = 26;
const BLOCK_GAP = 20;
const COUNT = 20;
const INNER_COUNT = SMALL;

/** The layer-pattern panel, for stacks with more than one kind of layer. */
export function patternPanel(f: Facts): Panel | undefined {
  const keys = f.layerKeys;
  const distinct = new Set(keys);
  if (distinct.size < 2) return undefined;
  // A dense prefix alone is told by a callout.
  if (f.densePrefix > 0 && new Set(keys.slice(0, f.densePrefix)).size === 1 && new Set(keys.slice(f.densePrefix)).size === 1)
    return undefined;
  const mb = macroBlocks(f);
  const colours = stripColours(f);
  const comp = "pattern";
  const c = new Canvas(comp);
  const frame = c.box({
    id: "pattern-frame",
    component: comp,
    kind: "panel",
    left: 0,
    y: 0,
    w: PW,
    h: 10,
    lines: [],
    fill: "background",
    stroke: "line",
    strokeWidth: 2.5,
    dash: "dotted",
    rx: 18,
    container: true,
  });
  const headline = patternHeadline(f, mb, colours);
  const title = c.label({
    id: "pattern-title",
    component: comp,
    kind: "panel-title",
    x: 18,
    y: 12,
    // On one line when it fits, else the headline on lines of its own.
    lines:
      headline === undefined
        ? [[t("Layer pattern")]]
        : textWidth(`Layer pattern · ${headline}`, TITLE, "bold") <= PW - 36
          ? [[t(`Layer pattern · ${headline}`)]]
          : [[t("Layer pattern:")], [t(headline)]],
    maxW: PW - 36,
    fontSize: TITLE,
    weight: "bold",
  });
  const tr = labelRect(title);
  let y = tr.y + tr.h + 14;

  // Columns: the blocks' counts, their frames, the nested frames' counts, the boxes.
  const countText = (r: number) => `${r} ×`;
  const nested = mb.blocks.flatMap((b) => b.items.filter((x): x is Extract<MacroItem, { kind: "frame" }> => x.kind === "frame"));
  const rangeText = (b: MacroBlock) => (b.repeat * b.per <= 1 ? `${b.start + 1}` : `${b.start + 1}–${b.start + b.repeat * b.per}`);
  const cw1 = Math.max(0, ...mb.blocks.map((b) => Math.max(textWidth(countText(b.repeat), COUNT, "bold"), textWidth(rangeText(b), 13))));
  const cw2 = nested.length ? Math.max(...nested.map((x) => textWidth(countText(x.repeat), INNER_COUNT, "bold"))) : 0;
  const f1Left = 18 + Math.ceil(cw1) + 10;
  const f1Right = PW - 18;
  const colL = f1Left + PAD + (cw2 ? Math.ceil(cw2) + 8 + PAD : 0);
  const colR = f1Right - PAD - (cw2 ? PAD : 0);
  const colW = colR - colL;
  const cx = (colL + colR) / 2;
  let n = 0;
  const id = (what: string) => `pattern-${what}-${n++}`;

  const subBox = (yy: number, left: number, w: number, text: string, key: StripKey | undefined): Box =>
    c.box({
      id: id("box"),
      component: comp,
      kind: "pattern-layer",
      left,
      y: yy,
      w,
      lines: [[t(text)]],
      fontSize: SMALL,
      ...subStyle(key),
      strokeWidth: 2.5,
      padX: 6,
      padY: 3,
      minH: 28,
    });
  // An FFN box says its kind's short name as the layer key does ("FFN", "MoE"), in the strip's colour.
  const ffnBox = (name: string | undefined): StripKey | undefined => {
    const k = colours.ffn(name);
    const def = name !== undefined ? f.arch.ffns[name] : undefined;
    return k && def ? [ffnKind(def.kind)?.shortName ?? k[0], k[1]] : k;
  };
  // A layer with both sublayers is one row, "mixer → FFN" (the layer key). The split of a row between its two
  // boxes is one for the whole drawing (the arrows line up), in proportion to the widest texts (both fit whenever
  // they can), neither below 30 % when one must wrap.
  const want = (k: StripKey) => textWidth(k[0], SMALL) + 2 * 6 + 8;
  const room = colW - ARROW;
  let wm = 0;
  let wf = 0;
  const measure = (items: readonly MacroItem[]) => {
    for (const it of items) {
      if (it.kind === "frame") measure(it.items);
      else if (it.kind === "layer") {
        const mixer = colours.mixer(it.mixer);
        const ffn = ffnBox(it.ffn);
        if (mixer && ffn) {
          wm = Math.max(wm, want(mixer));
          wf = Math.max(wf, want(ffn));
        }
      }
    }
  };
  for (const b of mb.blocks) measure(b.items);
  const share = wm + wf > 0 ? room * (wm / (wm + wf)) : room / 2;
  const mw = Math.round(wm + wf <= room ? share : Math.min(Math.max(share, room * 0.3), room * 0.7));
  const layerRow = (yy: number, mixer: StripKey, ffn: StripKey): number => {
    const m = subBox(yy, colL, mw, mixer[0], mixer);
    const fb = subBox(yy, m.x + m.w + ARROW, colR - (m.x + m.w + ARROW), ffn[0], ffn);
    m.h = fb.h = Math.max(m.h, fb.h);
    c.edge(
      id("arrow"),
      [
        [m.x + m.w, yy + m.h / 2],
        [fb.x, yy + m.h / 2],
      ],
      { component: comp, kind: "flow", arrow: true, width: 2.5 },
    );
    return yy + m.h;
  };

  // Draws an item with its top at yy (the drawing runs top-down, so items come last first); returns its bottom.
  const drawItem = (it: MacroItem, yy: number): number => {
    if (it.kind === "text") {
      const b = c.box({
        id: id("text"),
        component: comp,
        kind: "pattern-summary",
        left: colL,
        y: yy,
        w: colW,
        lines: [[t(it.text)]],
        fontSize: SMALL,
        fill: "box",
        strokeWidth: 2.5,
        dash: "dashed",
        padX: 6,
        padY: 3,
        minH: 28,
      });
      return b.y + b.h;
    }
    if (it.kind === "layer") {
      const mixer = colours.mixer(it.mixer);
      const ffn = ffnBox(it.ffn);
      if (mixer && ffn) return layerRow(yy, mixer, ffn);
      const one = mixer ?? ffn;
      return bottomOf(subBox(yy, colL, colW, one ? one[0] : layerKey(f.arch, it.mixer, it.ffn, f.kinds), one));
    }
    // A nested frame (depth 2) with its count left of it.
    const fr = framed("group", colL - PAD, colW + 2 * PAD, yy, it.items);
    c.label({
      id: id("count"),
      component: comp,
      kind: "pattern-count",
      x: fr.x - 8,
      y: fr.y + fr.h / 2 - (INNER_COUNT * 1.25) / 2,
      anchor: "end",
      lines: [[{ text: countText(it.repeat), accent: true }]],
      fontSize: INNER_COUNT,
      weight: "bold",
    });
    return fr.y + fr.h;
  };
  const drawItems = (items: readonly MacroItem[], yy: number): number => {
    let b = yy - GAP;
    for (let k = items.length - 1; k >= 0; k--) b = drawItem(items[k]!, b + GAP);
    return b;
  };
  // A frame with its top at yy around `items`: a macro block's (frame colours) or a nested group's (box stroke).
  const framed = (what: "block" | "group", left: number, w: number, yy: number, items: readonly MacroItem[]) => {
    const fr = c.box({
      id: id(what),
      component: comp,
      kind: what === "block" ? "pattern-block" : "pattern-group",
      left,
      y: yy,
      w,
      h: 10,
      lines: [],
      fill: "frame",
      stroke: what === "block" ? "frame-stroke" : "box-stroke",
      strokeWidth: 2.5,
      rx: what === "block" ? 12 : 9,
      container: true,
    });
    fr.h = drawItems(items, yy + PAD) + PAD - yy;
    return fr;
  };
  const arrowUp = (from: number, to: number) =>
    c.edge(
      id("arrow"),
      [
        [cx, from],
        [cx, to],
      ],
      { component: comp, kind: "flow", arrow: true, width: 2.5 },
    );

  // The closing line for the blocks not drawn (they are the last layers: at the top).
  if (mb.more) {
    const m = mb.more;
    const l = c.label({
      id: "pattern-more",
      component: comp,
      kind: "listing",
      x: cx,
      y,
      anchor: "middle",
      lines: [[t(`… ${m.blocks} more block${m.blocks === 1 ? "" : "s"} (${range(m.start, m.end - m.start + 1)})`)]],
      maxW: colW,
      fontSize: 15,
      color: "text-muted",
    });
    const r = labelRect(l);
    y = r.y + r.h + BLOCK_GAP;
    arrowUp(y, r.y + r.h + 4);
  }
  for (let k = mb.blocks.length - 1; k >= 0; k--) {
    const b = mb.blocks[k]!;
    const fr = framed("block", f1Left, f1Right - f1Left, y, b.items);
    const countY = fr.y + fr.h / 2 - (COUNT * 1.25 + 13 * 1.25) / 2;
    c.label({
      id: id("count"),
      component: comp,
      kind: "pattern-count",
      x: f1Left - 10,
      y: countY,
      anchor: "end",
      lines: [[{ text: countText(b.repeat), accent: true }]],
      fontSize: COUNT,
      weight: "bold",
    });
    c.label({
      id: id("range"),
      component: comp,
      kind: "pattern-range",
      x: f1Left - 10,
      y: countY + COUNT * 1.25,
      anchor: "end",
      lines: [[t(rangeText(b))]],
      fontSize: 13,
      color: "text-muted",
    });
    y = fr.y + fr.h;
    if (k > 0) {
      arrowUp(y + BLOCK_GAP, y + 2);
      y += BLOCK_GAP;
    }
  }
  y += 16;
  if (f.arch.layers.some((e) => "repeat" in e && e.shortcut)) {
    const l = c.label({
      id: "pattern-note",
      component: comp,
      kind: "caption",
      x: 18,
      y,
      lines: [[t("(MoE runs beside the group: shortcut-connected)")]],
      maxW: PW - 36,
      fontSize: 14,
    });
    const r = labelRect(l);
    y = r.y + r.h + 12;
  }
  // The legend says how many layers each kind takes (Nemotron 3 Super: Mamba-2 (40), MoE (40), GQA (8)).
  const bottom = layerStrip(f, c, { x: 18, y, width: PW - 36, component: comp, counts: true, rowH: 14 });
  frame.h = bottom + 8;
  return { id: "pattern", canvas: c, w: PW, h: frame.h };
}

const bottomOf = (b: Box) => b.y + b.h;
