/** The facets of the causal encoder–decoder split that the figure's first paint does not need: presence, concept tags, relation checks. */
import type { BlockFeatureDetails, RelationIssue } from "../mixer-kind.js";
import type { Architecture } from "../../spec-types.js";

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
