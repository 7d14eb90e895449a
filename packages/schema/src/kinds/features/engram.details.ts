/** The facets of the Engram feature that the figure's first paint does not need: presence, concept tags, looked-up weights. */
import type { BlockFeatureDetails, RelationIssue } from "../mixer-kind.js";
import type { Architecture } from "../../spec-types.js";
import { engramTableParams } from "./engram.js";

export const engramDetails = {
  present: (arch) => !!arch.engram,
  concepts: (arch) => (arch.engram ? ["engram"] : []),
  lookupParams: (arch) => (arch.engram ? engramTableParams(arch.engram) : 0),
} satisfies BlockFeatureDetails;

/** Relations of `arch.engram` the object schema cannot express: one table per layer, layers in the stack, in order. */
export function engramRelations(arch: Architecture): RelationIssue[] {
  const e = arch.engram;
  if (!e) return [];
  const at = (...p: (string | number)[]) => ["architecture", "engram", ...p];
  const issues: RelationIssue[] = [];
  if (e.rows.length !== e.layers.length)
    issues.push({ path: at("rows"), message: `needs one table size per Engram layer (${e.layers.length}), got ${e.rows.length}` });
  e.layers.forEach((layer, i) => {
    if (layer >= arch.numLayers)
      issues.push({ path: at("layers", i), message: `must be a layer of the stack (0–${arch.numLayers - 1}), got ${layer}` });
    else if (i > 0 && layer <= e.layers[i - 1]!)
      issues.push({ path: at("layers", i), message: `must come after layer ${e.layers[i - 1]}, got ${layer}` });
  });
  if (e.maxNgram < 2)
    issues.push({ path: at("maxNgram"), message: `hashes the orders 2 … maxNgram, so it is at least 2, got ${e.maxNgram}` });
  return issues;
}
