/**
 * The facets of the causal encoder–decoder split that the figure's first paint does not need: presence, concept
 * tags, relation checks and the prefill count.
 */
import type { BlockFeatureDetails, RelationIssue } from "../mixer-kind.js";
import type { Architecture, ArchitectureInput, LayerSpec } from "../../spec-types.js";
import type { CausalEncoderDecoder } from "./causal-encoder-decoder.js";
import { expandLayers, layerRuns } from "../../layers.js";
import { countParams, normParams } from "../../params.js";
import { resolveKinds, type KindOptions } from "../registry.js";

export const causalEncoderDecoderDetails = {
  present: (arch) => !!arch.encoderDecoder,
  concepts: (arch) => (arch.encoderDecoder ? ["causal-encoder-decoder"] : []),
  lookupParams: () => 0,
} satisfies BlockFeatureDetails;

/**
 * Relations of `arch.encoderDecoder` the object schema cannot express: both halves have layers, the stack is a plain
 * pattern (a shortcut group's layer holds several blocks, so no block index marks the cut), and looped depth (which
 * runs the whole stack again) is not combined with it.
 */
export function causalEncoderDecoderRelations(arch: Architecture): RelationIssue[] {
  const split = arch.encoderDecoder;
  if (!split) return [];
  const at = (...p: string[]) => ["architecture", "encoderDecoder", ...p];
  const issues: RelationIssue[] = [];
  if (split.encoderLayers >= arch.numLayers)
    issues.push({
      path: at("encoderLayers"),
      message: `must leave the decoder at least one of the ${arch.numLayers} layers, got ${split.encoderLayers}`,
    });
  const hasShortcut = (entries: Architecture["layers"]): boolean =>
    entries.some((e) => "repeat" in e && (e.shortcut === true || hasShortcut(e.layers)));
  if (hasShortcut(arch.layers))
    issues.push({ path: at(), message: "splits a plain layer pattern; a shortcut group's layer holds several blocks" });
  if (arch.loop) issues.push({ path: at(), message: "cannot be combined with looped depth (`loop`), which runs the whole stack again" });
  return issues;
}

/**
 * The part of the stack a prompt token runs at prefill, as an architecture of its own: the encoder's layers, its
 * Engram modules, no MTP modules and no split. Throws a RangeError for a pattern validation refuses.
 */
export function encoderArchitecture(arch: Architecture, split: CausalEncoderDecoder): Architecture {
  const cut = split.encoderLayers;
  const layers: LayerSpec[] = [];
  for (const run of layerRuns(arch.layers)) {
    if (run.start >= cut) break;
    const layer: LayerSpec = { count: Math.min(run.count, cut - run.start) };
    if (run.mixer !== undefined) layer.mixer = run.mixer;
    if (run.ffn !== undefined) layer.ffn = run.ffn;
    layers.push(layer);
  }
  const { mtp: _mtp, encoderDecoder: _split, engram, ...rest } = arch;
  const encoder: Architecture = { ...rest, numLayers: cut, layers };
  if (engram) {
    const kept = engram.layers.flatMap((layer, i) => (layer < cut ? [i] : []));
    if (kept.length) encoder.engram = { ...engram, layers: kept.map((i) => engram.layers[i]!), rows: kept.map((i) => engram.rows[i]!) };
  }
  return encoder;
}

/**
 * Weights the decoder's layers run for every prompt token all the same: the cache writers of their mixers (the
 * compressor of the decoder's KV source, which reads the encoder's output), through each kind's `cacheWriterParams`.
 */
export function decoderWriterParams(arch: Architecture, split: CausalEncoderDecoder, writerParams: (mixer: string) => number): number {
  let n = 0;
  for (const layer of expandLayers(arch.layers))
    if (layer.index >= split.encoderLayers && layer.mixer !== undefined) n += writerParams(layer.mixer);
  return n;
}

/**
 * Active parameters per prompt token at prefill, in the headline convention: what every prompt token multiplies
 * through before the last one. The head and the final norm run for the last prompt token only and are left out.
 * With a causal encoder–decoder (`encoderDecoder`) only the encoder and the decoder's cache writers run for every
 * prompt token: the decoder layers run on the few prompt tokens their sliding windows hold, and on generated tokens.
 */
export function activePrefillParams(spec: { architecture: ArchitectureInput }, options?: KindOptions): number {
  const arch = spec.architecture as Architecture;
  const split = arch.encoderDecoder;
  if (!split) {
    const p = countParams(spec, options);
    return p.active - p.activeBreakdown.head - normParams(arch.norm, arch.dModel);
  }
  // The encoder counted as a model of its own, plus the decoder's cache writers (its KV source's compressor).
  const kinds = resolveKinds(options);
  const writer = (name: string) => {
    const mixer = Object.hasOwn(arch.mixers, name) ? arch.mixers[name] : undefined;
    const kind = mixer ? kinds.of(mixer) : undefined;
    return mixer && kind?.cacheWriterParams ? kind.cacheWriterParams(mixer, arch) : 0;
  };
  return activePrefillParams({ architecture: encoderArchitecture(arch, split) }, options) + decoderWriterParams(arch, split, writer);
}
