/**
 * Compressing a per-layer list of blocks into the spec's run-length pattern of runs and repeated groups,
 * e.g. Gemma 3 27B's 62 layers into `10×[5×local, 1×global] + 2×local`.
 */
import type { LayerEntry, LayerSpec } from "../spec-types.js";

/** One block of the stack, by definition names. */
export interface Slot {
  mixer?: string;
  ffn?: string;
}

interface Run {
  slot: Slot;
  count: number;
}

const sameSlot = (a: Slot, b: Slot): boolean => a.mixer === b.mixer && a.ffn === b.ffn;
const sameRun = (a: Run, b: Run): boolean => a.count === b.count && sameSlot(a.slot, b.slot);

function runsOf(slots: readonly Slot[]): Run[] {
  const runs: Run[] = [];
  for (const slot of slots) {
    const last = runs[runs.length - 1];
    if (last && sameSlot(last.slot, slot)) last.count++;
    else runs.push({ slot, count: 1 });
  }
  return runs;
}

function entryOf(run: Run): LayerSpec {
  const entry: LayerSpec = {};
  if (run.slot.mixer !== undefined) entry.mixer = run.slot.mixer;
  if (run.slot.ffn !== undefined) entry.ffn = run.slot.ffn;
  if (run.count > 1) entry.count = run.count;
  return entry;
}

/** How often the `period` runs starting at `start` repeat back to back. */
function repeats(runs: readonly Run[], start: number, period: number): number {
  let k = 1;
  for (;;) {
    const from = start + k * period;
    if (from + period > runs.length) return k;
    for (let j = 0; j < period; j++) {
      if (!sameRun(runs[start + j] as Run, runs[from + j] as Run)) return k;
    }
    k++;
  }
}

interface Repeat {
  period: number;
  times: number;
}

/** The repeated block covering the most runs from `start` (ties: the shortest period). */
function bestRepeat(runs: readonly Run[], start: number): Repeat | undefined {
  let best: Repeat | undefined;
  for (let period = 2; start + 2 * period <= runs.length; period++) {
    const times = repeats(runs, start, period);
    if (times >= 2 && (!best || period * times > best.period * best.times)) best = { period, times };
  }
  return best;
}

function compressRuns(runs: readonly Run[]): LayerEntry[] {
  const out: LayerEntry[] = [];
  const first = runs[0]?.slot;
  let i = 0;
  while (i < runs.length) {
    const best = bestRepeat(runs, i);
    // Keep repeated blocks in phase with the first block of the list: when this run is not the first kind and
    // a block starting one run later (with the first kind) covers as much, emit this run alone and group from
    // there: `E, 4×[M,E]` rather than `4×[E,M], E` in a stack that starts with M.
    const next = best && first && !sameSlot((runs[i] as Run).slot, first) ? bestRepeat(runs, i + 1) : undefined;
    const deferred =
      next &&
      sameSlot((runs[i + 1] as Run).slot, first as Slot) &&
      next.period * next.times >= (best as Repeat).period * (best as Repeat).times;
    if (best && !deferred) {
      out.push({ repeat: best.times, layers: compressRuns(runs.slice(i, i + best.period)) });
      i += best.period * best.times;
    } else {
      out.push(entryOf(runs[i] as Run));
      i++;
    }
  }
  return out;
}

/**
 * The layer pattern of a stack: consecutive identical blocks become runs, and a block of runs that repeats
 * back to back becomes a group (nested groups where the repeated block itself repeats inside).
 */
export function compressLayers(slots: readonly Slot[]): LayerEntry[] {
  return compressRuns(runsOf(slots));
}
