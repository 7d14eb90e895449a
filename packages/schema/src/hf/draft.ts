/**
 * What a family importer produces: an architecture with its stack listed block by block, before the
 * stack is compressed into the spec's layer pattern.
 */
import type { Architecture, Ffn, LayerEntry, Mixer } from "../spec-types.js";
import type { ConfigReader } from "./config-reader.js";
import { compressLayers, type Slot } from "./pattern.js";

/** An architecture whose layers are a plain list of blocks. */
export interface ArchitectureDraft extends Omit<Architecture, "numLayers" | "layers"> {
  /** Every block of the main stack, bottom to top (for a `pattern`, each distinct block once). */
  stack: Slot[];
  /**
   * The layer pattern as written, for stacks a plain list of blocks cannot describe (shortcut groups, where one
   * layer holds several blocks); `stack` then only names the definitions used.
   */
  pattern?: { numLayers: number; layers: LayerEntry[] };
}

/** Imports the configs of one or more `model_type`s. */
export interface FamilyImporter {
  /** The transformers configuration class whose defaults fill the fields a config leaves out. */
  readonly configClass: string;
  /** Config keys this family knows to hold no parameters and to change nothing the spec describes. */
  readonly ignores?: readonly string[];
  /** Reads the config into a draft, recording problems and warnings on the reader. */
  readonly build: (r: ConfigReader) => ArchitectureDraft;
}

/**
 * The finished architecture: the stack compressed into runs and groups, definitions no layer uses dropped,
 * and sliding windows that cannot bind (no shorter than the context) removed with a warning.
 */
export function finishArchitecture(draft: ArchitectureDraft, r: ConfigReader): Architecture {
  const { stack, mixers, ffns, ...rest } = draft;
  const usedMixers = new Set<string>();
  const usedFfns = new Set<string>();
  for (const slot of stack) {
    if (slot.mixer) usedMixers.add(slot.mixer);
    if (slot.ffn) usedFfns.add(slot.ffn);
  }
  if (draft.mtp) {
    usedMixers.add(draft.mtp.mixer);
    usedFfns.add(draft.mtp.ffn);
  }
  const keptMixers: Record<string, Mixer> = {};
  for (const [name, mixer] of Object.entries(mixers)) {
    if (!usedMixers.has(name)) continue;
    if (
      (mixer.kind === "attention" || mixer.kind === "mla" || mixer.kind === "gdla") &&
      mixer.window !== undefined &&
      rest.contextLength !== null
    ) {
      if (mixer.window >= rest.contextLength) {
        r.warn(`sliding window ${mixer.window} is not shorter than the context (${rest.contextLength}); treated as global attention`);
        const { window: _dropped, ...global } = mixer;
        keptMixers[name] = global as Mixer;
        continue;
      }
    }
    keptMixers[name] = mixer;
  }
  const keptFfns: Record<string, Ffn> = {};
  for (const [name, ffn] of Object.entries(ffns)) if (usedFfns.has(name)) keptFfns[name] = ffn;
  return {
    vocabSize: rest.vocabSize,
    contextLength: rest.contextLength,
    dModel: rest.dModel,
    numLayers: rest.pattern?.numLayers ?? stack.length,
    embedding: rest.embedding,
    positional: rest.positional,
    norm: rest.norm,
    mixers: keptMixers,
    ffns: keptFfns,
    layers: rest.pattern?.layers ?? compressLayers(stack),
    ...(rest.mtp ? { mtp: rest.mtp } : {}),
    ...(rest.hyperConnections ? { hyperConnections: rest.hyperConnections } : {}),
    ...(rest.finalLogitSoftcap !== undefined ? { finalLogitSoftcap: rest.finalLogitSoftcap } : {}),
  };
}
