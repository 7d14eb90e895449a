/**
 * Comparing two architectures by content: layer by layer, by what each layer's mixer and FFN are, not by
 * what their definitions are called or how the pattern is grouped.
 */
import { layerRuns } from "../layers.js";
import type { Architecture, Ffn, Mixer } from "../spec-types.js";
import { ffnKindDetails, mixerKindDetails } from "../kinds/details.js";

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Fills in the values the spec documents for absent optional fields (each kind's `withDefaults`), so that an
 * absent field and its documented default compare equal (e.g. `qkvBias` absent = false, `convBias` absent = true).
 */
const normaliseMixer = (mixer: Mixer): Plain => (mixerKindDetails(mixer)?.withDefaults(mixer) ?? mixer) as unknown as Plain;

const normaliseFfn = (ffn: Ffn): Plain => (ffnKindDetails(ffn)?.withDefaults(ffn) ?? ffn) as unknown as Plain;

function normaliseTop(arch: Architecture): Record<string, Plain> {
  const norm = { ...arch.norm } as Record<string, Plain>;
  if (arch.norm.kind === "layernorm") norm.bias = arch.norm.bias ?? true;
  else delete norm.bias;
  norm.zeroCentered = arch.norm.zeroCentered ?? false;
  return {
    vocabSize: arch.vocabSize,
    contextLength: arch.contextLength,
    dModel: arch.dModel,
    numLayers: arch.numLayers,
    embedding: { norm: false, headBias: false, ...(arch.embedding as unknown as Record<string, Plain>) },
    positional: arch.positional as unknown as Plain,
    norm,
    finalLogitSoftcap: arch.finalLogitSoftcap ?? null,
  };
}

/** Leaf paths where two plain values differ. */
function diff(a: Plain | undefined, b: Plain | undefined, path: string, out: string[]): void {
  if (a === b) return;
  const isObj = (v: Plain | undefined): v is { [key: string]: Plain } => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[key], b[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((v, i) => diff(v, b[i], `${path}.${i}`, out));
    return;
  }
  out.push(path);
}

/** Differences of one layer, relative to `mixer` / `ffn`. */
function layerDiff(
  a: { mixer: Plain | undefined; ffn: Plain | undefined },
  b: { mixer: Plain | undefined; ffn: Plain | undefined },
): string[] {
  const out: string[] = [];
  diff(a.mixer ?? null, b.mixer ?? null, "mixer", out);
  diff(a.ffn ?? null, b.ffn ?? null, "ffn", out);
  return out;
}

/**
 * The architecture paths at which `a` and `b` differ, ignoring the names of mixer and FFN definitions and the
 * way the layer pattern is grouped: layers are compared, run by run, by the content of their mixer and FFN
 * (with documented defaults filled in, so an absent `qkvBias` equals `false`). Layer differences are reported
 * per run of layers, e.g. `layers.0-2.ffn.hidden`; MTP modules as `mtp.layers`, `mtp.mixer.…`, `mtp.ffn.…`.
 * An empty list means the two describe the same model.
 *
 * @example
 * ```ts
 * const { spec } = importHuggingFaceConfig(config);
 * expect(compareArchitectures(spec.architecture, datasetSpec.architecture)).toEqual([]);
 * ```
 */
export function compareArchitectures(a: Architecture, b: Architecture): string[] {
  const out: string[] = [];
  diff(normaliseTop(a), normaliseTop(b), "", out);

  const resolve = (arch: Architecture, mixer?: string, ffn?: string) => ({
    mixer: mixer !== undefined && arch.mixers[mixer] ? normaliseMixer(arch.mixers[mixer]) : undefined,
    ffn: ffn !== undefined && arch.ffns[ffn] ? normaliseFfn(arch.ffns[ffn]) : undefined,
  });
  // Compared run against run, never layer by layer: each stretch where both sides keep the same mixer and FFN
  // is diffed once, so a pattern of 10^12 blocks in a few runs costs a few diffs.
  const ra = layerRuns(a.layers);
  const rb = layerRuns(b.layers);
  const length = (runs: typeof ra) => runs.reduce((n, r) => n + r.count, 0);
  if (length(ra) !== length(rb)) out.push("layers.length");
  const stretches: { start: number; end: number; paths: string[] }[] = [];
  const diffs = new Map<string, string[]>();
  for (let i = 0, j = 0, at = 0; i < ra.length && j < rb.length;) {
    const x = ra[i]!;
    const y = rb[j]!;
    const end = Math.min(x.start + x.count, y.start + y.count);
    const key = JSON.stringify([x.mixer, x.ffn, y.mixer, y.ffn]);
    let paths = diffs.get(key);
    if (!paths) diffs.set(key, (paths = layerDiff(resolve(a, x.mixer, x.ffn), resolve(b, y.mixer, y.ffn))));
    if (end > at) stretches.push({ start: at, end, paths });
    at = Math.max(at, end);
    if (end >= x.start + x.count) i++;
    if (end >= y.start + y.count) j++;
  }
  // Group each path over consecutive layers: "layers.3-5.mixer.window".
  for (const path of new Set(stretches.flatMap((s) => s.paths))) {
    let start = -1;
    let end = 0;
    for (const s of [...stretches, undefined]) {
      const hit = s !== undefined && s.paths.includes(path);
      if (hit && start < 0) start = s.start;
      if (hit) end = s.end;
      if (!hit && start >= 0) {
        out.push(`layers.${start === end - 1 ? start : `${start}-${end - 1}`}.${path}`);
        start = -1;
      }
    }
  }

  if (a.mtp || b.mtp) {
    if (!a.mtp || !b.mtp) out.push("mtp");
    else {
      if (a.mtp.layers !== b.mtp.layers) out.push("mtp.layers");
      for (const path of layerDiff(resolve(a, a.mtp.mixer, a.mtp.ffn), resolve(b, b.mtp.mixer, b.mtp.ffn))) out.push(`mtp.${path}`);
    }
  }
  return out;
}
