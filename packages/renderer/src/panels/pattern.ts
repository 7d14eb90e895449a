/**
 * The layer-pattern panel: the listing of the stack's layer kinds and the layer map (one cell per layer).
 */
import { countLayerPattern } from "@archgal/schema/metrics";
import type { LayerEntry } from "@archgal/schema/metrics";
import { layerKey, period, type Facts } from "../analysis.js";
import { Canvas, labelRect } from "../canvas.js";
import { layerStrip } from "../layer-strip.js";
import type { Line } from "../text-metrics.js";
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
  if (f.densePrefix > 0 && new Set(keys.slice(0, f.densePrefix)).size === 1 && new Set(keys.slice(f.densePrefix)).size === 1)
    return undefined;
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
      text.push(
        `… layers ${offset + 1}–${offset + per} repeat ${reps}× (${end === keys.length ? `${keys.length} layers` : `to layer ${end}`})`,
      );
      text.push(...tail.map(row));
      const counts = new Map<string, number>();
      for (let i = offset; i < offset + per && counts.size <= 2; i++) counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
      if (counts.size === 2) heading = `${[...counts.values()].join(":")} pattern`;
    }
  } else {
    text = entryLines(f, PATTERN_LINES + 1);
  }
  const c = new Canvas("pattern");
  const h = c.label({
    id: "pattern-title",
    component: "pattern",
    kind: "listing-title",
    x: 18,
    y: 0,
    lines: [[t(heading)]],
    fontSize: 18,
    family: "mono",
  });
  const hr = labelRect(h);
  c.edge(
    "pattern-rule",
    [
      [18, hr.h + 4],
      [PW - 18, hr.h + 4],
    ],
    { component: "pattern", kind: "rule", arrow: false, width: 1.2 },
  );
  const lines: Line[] = text.slice(0, PATTERN_LINES).map((x) => [t(x)]);
  if (text.length > PATTERN_LINES) lines.push([t("…")]);
  if (f.arch.layers.some((e) => "repeat" in e && e.shortcut)) lines.push([t("(MoE runs beside the group: shortcut-connected)")]);
  const l = c.label({
    id: "pattern-lines",
    component: "pattern",
    kind: "listing",
    x: 18,
    y: hr.h + 12,
    lines,
    maxW: PW - 36,
    fontSize: 14,
    family: "mono",
  });
  const r = labelRect(l);
  // The legend says how many layers each kind takes (Nemotron 3 Super: Mamba-2 (40), MoE (40), GQA (8)).
  const bottom = layerStrip(f, c, { x: 18, y: r.y + r.h + 16, width: PW - 36, component: "pattern", counts: true });
  return { id: "pattern", canvas: c, w: PW, h: bottom };
}
