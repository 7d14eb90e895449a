/**
 * The layer-pattern panel: the listing of the stack's layer kinds and the layer map (one cell per layer).
 */
import { countLayerPattern } from "@archgal/schema/metrics";
import type { LayerEntry } from "@archgal/schema/metrics";
import { layerKey, period, type Facts } from "../analysis.js";
import { Canvas, labelRect } from "../canvas.js";
import { mixerCategory, mixerShortName } from "../naming.js";
import type { ColorName } from "../palette.js";
import { textWidth, type Line } from "../text-metrics.js";
import { PW, t, type Panel } from "./kit.js";

/** Lines of the layer-pattern listing (more end in "…"). */
const PATTERN_LINES = 16;
/** About how much of a layer group's contents the listing writes out. */
const ENTRY_CHARS = 240;

/**
 * Lines describing the spec's own run-length pattern, e.g. `Layers 1–35 : 5 × [Mamba-2, MoE, …]`: the first `max`
 * entries, each group's contents written out up to about ENTRY_CHARS characters and then "…".
 */
function entryLines(f: Facts, max: number): string[] {
  const arch = f.arch;
  const contents = (layers: readonly LayerEntry[], room: number): string => {
    let out = "";
    for (const [i, e] of layers.entries()) {
      if (out.length > room) return `${out}, …`;
      out += (i ? ", " : "") + describe(e, room - out.length);
    }
    return out;
  };
  const describe = (e: LayerEntry, room: number): string => {
    if ("repeat" in e) return `${e.repeat}×[${contents(e.layers, room)}]`;
    const k = layerKey(arch, e.mixer, e.ffn, f.kinds);
    return (e.count ?? 1) > 1 ? `${e.count}× ${k}` : k;
  };
  let start = 0;
  return arch.layers.slice(0, max).map((e) => {
    const count = countLayerPattern([e]);
    const range = count === 1 ? `Layer ${start + 1}` : `Layers ${start + 1}–${start + count}`;
    start += count;
    return `${range} : ${"repeat" in e ? `${e.repeat} × [${contents(e.layers, ENTRY_CHARS)}]` : layerKey(arch, e.mixer, e.ffn, f.kinds)}`;
  });
}

/** The layer-pattern listing, for stacks with more than one kind of layer. */
export function patternPanel(f: Facts): Panel | undefined {
  const keys = f.layerKeys;
  const distinct = new Set(keys);
  if (distinct.size < 2) return undefined;
  // A dense prefix alone is told by a callout.
  if (f.densePrefix > 0 && new Set(keys.slice(0, f.densePrefix)).size === 1 && new Set(keys.slice(f.densePrefix)).size === 1) return undefined;
  // Find a short prefix after which the pattern repeats (each try is linear in the number of layers).
  let offset = -1;
  let per = keys.length;
  for (let s = 0; s <= Math.min(8, keys.length / 2); s++) {
    const p = period(keys, s);
    if (p <= (keys.length - s) / 2) {
      offset = s;
      per = p;
      break;
    }
  }
  const label = (a: number, b: number) => (a === b ? `Layer ${a + 1}` : `Layers ${a + 1}–${b + 1}`);
  let text: string[];
  let heading = "Layer pattern";
  if (offset >= 0) {
    // The runs of the prefix and the first period; only those the listing shows (one more tells it to end in "…").
    const runs: { start: number; end: number; key: string }[] = [];
    const shown = per === 1 ? keys.length : offset + per;
    for (let i = 0; i < shown; i++) {
      const last = runs[runs.length - 1];
      if (last && last.key === keys[i]) last.end = i;
      else if (runs.length > PATTERN_LINES) break;
      else runs.push({ start: i, end: i, key: keys[i]! });
    }
    // The partial period after the last whole repeat, so that every layer is listed (Gemma 3: 10 × 6 + 2).
    const reps = per > 1 ? Math.floor((keys.length - offset) / per) : 0;
    const tail: typeof runs = [];
    for (let i = offset + reps * per; per > 1 && i < keys.length; i++) {
      const last = tail[tail.length - 1];
      if (last && last.key === keys[i]) last.end = i;
      else tail.push({ start: i, end: i, key: keys[i]! });
    }
    const width = Math.max(...[...runs, ...tail].map((r) => label(r.start, r.end).length));
    const row = (r: (typeof runs)[number]) => `${label(r.start, r.end).padEnd(width)} : ${r.key}`;
    text = runs.map(row);
    if (per > 1) {
      const end = offset + reps * per;
      text.push(`… layers ${offset + 1}–${offset + per} repeat ${reps}× (${end === keys.length ? `${keys.length} layers` : `to layer ${end}`})`);
      text.push(...tail.map(row));
      const counts = new Map<string, number>();
      for (let i = offset; i < offset + per && counts.size <= 2; i++) counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
      if (counts.size === 2) heading = `${[...counts.values()].join(":")} pattern`;
    }
  } else {
    text = entryLines(f, PATTERN_LINES + 1);
  }
  const c = new Canvas("pattern");
  const h = c.label({ id: "pattern-title", component: "pattern", kind: "listing-title", x: 18, y: 0, lines: [[t(heading)]], fontSize: 18, family: "mono" });
  const hr = labelRect(h);
  c.edge("pattern-rule", [[18, hr.h + 4], [PW - 18, hr.h + 4]], { component: "pattern", kind: "rule", arrow: false, width: 1.2 });
  const lines: Line[] = text.slice(0, PATTERN_LINES).map((x) => [t(x)]);
  if (text.length > PATTERN_LINES) lines.push([t("…")]);
  if (f.arch.layers.some((e) => "repeat" in e && e.shortcut)) lines.push([t("(MoE runs beside the group: shortcut-connected)")]);
  const l = c.label({ id: "pattern-lines", component: "pattern", kind: "listing", x: 18, y: hr.h + 12, lines, maxW: PW - 36, fontSize: 14, family: "mono" });
  const r = labelRect(l);
  const bottom = layerMap(f, c, r.y + r.h + 16);
  return { id: "pattern", canvas: c, w: PW, h: bottom };
}

/**
 * The whole stack at a glance: one cell per layer, its mixer above and its FFN below, coloured by kind, with a
 * legend. Runs of equal cells are drawn as one rectangle.
 */
function layerMap(f: Facts, c: Canvas, y0: number): number {
  const n = f.layers.length;
  const x0 = 18;
  const width = PW - 36;
  const cell = width / n;
  // Mixer kinds get the strip colours (distinct hues in both themes: sliding vs global, HCA vs CSA, Mamba-2 vs
  // attention), each category its own first choice; FFN kinds keep their box fills (a row of their own).
  const fills: ColorName[] = ["strip-a", "strip-b", "strip-c", "strip-d", "strip-e", "strip-f", "core", "conv", "positional", "embedding"];
  const stripOf: Partial<Record<ColorName, ColorName>> = { attention: "strip-a", "linear-mixer": "strip-c", ssm: "strip-b", mixer: "strip-d" };
  const legend = new Map<string, ColorName>();
  const colourOf = (key: string, preferred: ColorName): ColorName => {
    let col = legend.get(key);
    if (!col) {
      const used = new Set(legend.values());
      col = used.has(preferred) ? (fills.find((x) => !used.has(x)) ?? preferred) : preferred;
      legend.set(key, col);
    }
    return col;
  };
  const rowH = 18;
  // Keyed by definition name, looked up once per definition (there may be many layers).
  const mixerKeys = new Map<string | undefined, [string, ColorName] | undefined>();
  const mixerKey = (i: number): [string, ColorName] | undefined => {
    const name = f.layers[i]!.mixer;
    if (mixerKeys.has(name)) return mixerKeys.get(name);
    const m = name !== undefined ? f.arch.mixers[name] : undefined;
    const cat = m ? mixerCategory(m.kind, f.kinds) : undefined;
    const key: [string, ColorName] | undefined = m && cat ? [mixerShortName(m, f.kinds), colourOf(mixerShortName(m, f.kinds), stripOf[cat] ?? "strip-e")] : undefined;
    mixerKeys.set(name, key);
    return key;
  };
  const ffnKeys = new Map<string | undefined, [string, ColorName] | undefined>();
  const ffnKey = (i: number): [string, ColorName] | undefined => {
    const name = f.layers[i]!.ffn;
    if (ffnKeys.has(name)) return ffnKeys.get(name);
    const ff = name !== undefined ? f.arch.ffns[name] : undefined;
    const key: [string, ColorName] | undefined = ff ? (ff.kind === "moe" ? ["MoE", colourOf("MoE", "moe")] : ["dense FFN", colourOf("dense FFN", "ffn")]) : undefined;
    ffnKeys.set(name, key);
    return key;
  };
  // One row when every layer has a single sublayer (a mixer or an FFN), else mixers above FFNs.
  const rows: { y: number; key: (i: number) => [string, ColorName] | undefined }[] = f.layers.every((l) => (l.mixer === undefined) !== (l.ffn === undefined))
    ? [{ y: y0, key: (i) => mixerKey(i) ?? ffnKey(i) }]
    : [
        { y: y0, key: mixerKey },
        { y: y0 + rowH + 3, key: ffnKey },
      ];
  for (const [ri, row] of rows.entries()) {
    c.box({ id: `map-row-${ri}`, component: "pattern", kind: "layer-map", left: x0, y: row.y, w: width, h: rowH, lines: [], fill: "background", stroke: "frame-stroke", strokeWidth: 0.8, rx: 0, container: true });
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const a = row.key(start);
      const b = i < n ? row.key(i) : undefined;
      if (i < n && a?.[0] === b?.[0]) continue;
      if (a) c.box({ id: `map-${ri}-${start}`, component: "pattern", kind: "layer-cell", left: x0 + start * cell, y: row.y, w: (i - start) * cell, h: rowH, lines: [], fill: a[1], stroke: a[1], strokeWidth: 0.5, rx: 0 });
      start = i;
    }
  }
  let y = y0 + rows.length * (rowH + 3) + 3;
  c.label({ id: "map-axis", component: "pattern", kind: "tag", x: x0, y, lines: [[t("layer 1")]], fontSize: 12, color: "text-muted" });
  c.label({ id: "map-axis-end", component: "pattern", kind: "tag", x: x0 + width, y, anchor: "end", lines: [[t(`layer ${n}`)]], fontSize: 12, color: "text-muted" });
  y += 20;
  // Legend, flowing left to right.
  let x = x0;
  let i = 0;
  for (const [name, col] of legend) {
    const w = 14 + 6 + textWidth(name, 13);
    if (x + w > x0 + width) {
      x = x0;
      y += 22;
    }
    c.box({ id: `map-key-${i}`, component: "pattern", kind: "legend", left: x, y: y + 2, w: 14, h: 14, lines: [], fill: col, stroke: "frame-stroke", strokeWidth: 0.8, rx: 2 });
    c.label({ id: `map-key-label-${i}`, component: "pattern", kind: "legend", x: x + 20, y, lines: [[t(name)]], fontSize: 13 });
    x += w + 18;
    i++;
  }
  return y + 22;
}
