/**
 * The run-length layer pattern: counting, expanding and summarising it.
 */
import type { LayerEntry, LayerSpec } from "./spec-types.js";

/** One concrete layer of the stack. */
export interface ExpandedLayer {
  /** 0-based position in the stack. */
  index: number;
  /** Mixer definition name, if the layer has one. */
  mixer?: string;
  /** FFN definition name, if the layer has one. */
  ffn?: string;
}

/** A run of identical consecutive layers. */
export interface LayerRun {
  /** Mixer definition name, if any. */
  mixer?: string;
  /** FFN definition name, if any. */
  ffn?: string;
  /** Index of the first layer of the run. */
  start: number;
  /** Layers in the run. */
  count: number;
}

/**
 * Upper bound of numLayers, count, repeat and of the blocks a pattern expands to: far above any real stack
 * (~100 layers), low enough that no consumer has to defend itself.
 */
export const maxLayers = 10_000;

/** Most mixer and most FFN definitions a spec may have (real models use 1–4). */
export const maxDefinitions = 64;

/** The error for a pattern of more blocks than {@link maxLayers}; validation reports the same text as an issue. */
export function tooManyBlocks(blocks: number): string {
  return `expands to ${blocks} blocks; at most ${maxLayers} are allowed`;
}

const isGroup = (entry: LayerEntry): entry is Extract<LayerEntry, { repeat: number }> => "repeat" in entry;

/**
 * How many layers a pattern describes, without expanding it: the number `numLayers` must equal. A shortcut
 * group (LongCat-Flash) counts each repetition as one layer, however many blocks it holds.
 */
export function countLayerPattern(entries: readonly LayerEntry[]): number {
  let total = 0;
  for (const entry of entries) {
    if (isGroup(entry)) total += entry.repeat * (entry.shortcut ? 1 : countLayerPattern(entry.layers));
    else total += entry.count ?? 1;
  }
  return total;
}

/** How many blocks (mixer and/or FFN units) a pattern expands to; equals countLayerPattern without shortcut groups. */
export function countBlocks(entries: readonly LayerEntry[]): number {
  let total = 0;
  for (const entry of entries) total += isGroup(entry) ? entry.repeat * countBlocks(entry.layers) : (entry.count ?? 1);
  return total;
}

/**
 * Every layer of the pattern in order. Throws a RangeError for a pattern of more than {@link maxLayers} blocks
 * (validation refuses those), so no input builds millions of objects.
 */
export function expandLayers(entries: readonly LayerEntry[]): ExpandedLayer[] {
  const blocks = countBlocks(entries);
  if (!(blocks <= maxLayers)) throw new RangeError(tooManyBlocks(blocks));
  const out: ExpandedLayer[] = [];
  const visit = (list: readonly LayerEntry[]) => {
    for (const entry of list) {
      if (isGroup(entry)) {
        for (let r = 0; r < entry.repeat; r++) visit(entry.layers);
      } else {
        const spec = entry as LayerSpec;
        for (let c = 0; c < (spec.count ?? 1); c++) {
          const layer: ExpandedLayer = { index: out.length };
          if (spec.mixer !== undefined) layer.mixer = spec.mixer;
          if (spec.ffn !== undefined) layer.ffn = spec.ffn;
          out.push(layer);
        }
      }
    }
  };
  visit(entries);
  return out;
}

/**
 * Consecutive identical layers merged into runs, computed from the pattern without expanding it: a group whose
 * contents form one run costs O(1) however often it repeats. Throws a RangeError when the pattern has more than
 * {@link maxLayers} runs.
 */
export function layerRuns(entries: readonly LayerEntry[]): LayerRun[] {
  type Run = Omit<LayerRun, "start">;
  const runsOf = (list: readonly LayerEntry[]): Run[] => {
    const out: Run[] = [];
    const push = (run: Run) => {
      const last = out[out.length - 1];
      if (last && last.mixer === run.mixer && last.ffn === run.ffn) last.count += run.count;
      else if (out.length >= maxLayers) throw new RangeError(tooManyBlocks(countBlocks(entries)));
      else out.push({ ...run });
    };
    for (const entry of list) {
      if (isGroup(entry)) {
        const body = runsOf(entry.layers);
        if (body.length === 1) push({ ...body[0]!, count: body[0]!.count * entry.repeat });
        else if (body.length > 1) for (let r = 0; r < entry.repeat; r++) for (const run of body) push(run);
      } else {
        const run: Run = { count: entry.count ?? 1 };
        if (entry.mixer !== undefined) run.mixer = entry.mixer;
        if (entry.ffn !== undefined) run.ffn = entry.ffn;
        push(run);
      }
    }
    return out;
  };
  let start = 0;
  return runsOf(entries).map((run) => {
    const out: LayerRun = { start, count: run.count };
    if (run.mixer !== undefined) out.mixer = run.mixer;
    if (run.ffn !== undefined) out.ffn = run.ffn;
    start += run.count;
    return out;
  });
}

/** How many layers use each mixer and each FFN definition. */
export function definitionCounts(entries: readonly LayerEntry[]): {
  mixers: Map<string, number>;
  ffns: Map<string, number>;
} {
  const mixers = new Map<string, number>();
  const ffns = new Map<string, number>();
  const visit = (list: readonly LayerEntry[], times: number) => {
    for (const entry of list) {
      if (isGroup(entry)) {
        visit(entry.layers, times * entry.repeat);
      } else {
        const n = times * (entry.count ?? 1);
        if (entry.mixer !== undefined) mixers.set(entry.mixer, (mixers.get(entry.mixer) ?? 0) + n);
        if (entry.ffn !== undefined) ffns.set(entry.ffn, (ffns.get(entry.ffn) ?? 0) + n);
      }
    }
  };
  visit(entries, 1);
  return { mixers, ffns };
}

/**
 * The pattern written compactly, e.g. `3×(mla, dense) + 58×(mla, moe)` or
 * `10×[5×(sliding, mlp), 1×(global, mlp)] + 2×(sliding, mlp)`.
 */
export function formatLayerPattern(entries: readonly LayerEntry[]): string {
  return entries
    .map((entry) => {
      if (isGroup(entry)) return `${entry.repeat}×[${formatLayerPattern(entry.layers)}]`;
      const parts = [entry.mixer, entry.ffn].filter((p): p is string => p !== undefined);
      return `${entry.count ?? 1}×(${parts.join(", ")})`;
    })
    .join(" + ");
}

/** A kind of block: its mixer and FFN definition names. */
export interface BlockKind {
  mixer?: string;
  ffn?: string;
  /** Inside a shortcut group (LongCat): an FFN-only block there shares the group's norm. */
  shortcut: boolean;
}

/**
 * How many blocks of each (mixer, ffn) combination the pattern has, in order of first use, without expanding it
 * (cost proportional to the pattern's size, not to the number of layers).
 */
export function blockCounts(entries: readonly LayerEntry[]): { kind: BlockKind; count: number }[] {
  const byKey = new Map<string, { kind: BlockKind; count: number }>();
  const visit = (list: readonly LayerEntry[], times: number, shortcut: boolean) => {
    for (const entry of list) {
      if (isGroup(entry)) {
        visit(entry.layers, times * entry.repeat, shortcut || entry.shortcut === true);
        continue;
      }
      const key = `${entry.mixer ?? ""}\u0000${entry.ffn ?? ""}\u0000${shortcut}`;
      const found = byKey.get(key);
      if (found) found.count += times * (entry.count ?? 1);
      else {
        const kind: BlockKind = { shortcut };
        if (entry.mixer !== undefined) kind.mixer = entry.mixer;
        if (entry.ffn !== undefined) kind.ffn = entry.ffn;
        byKey.set(key, { kind, count: times * (entry.count ?? 1) });
      }
    }
  };
  visit(entries, 1, false);
  return [...byKey.values()];
}
