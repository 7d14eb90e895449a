/** The facets of the looped-depth feature that the figure's first paint does not need: presence, concept tags, looked-up weights. */
import type { BlockFeatureDetails } from "../mixer-kind.js";

export const loopedDepthDetails = {
  present: (arch) => (arch.loop?.passes ?? 1) > 1,
  concepts: (arch) => ((arch.loop?.passes ?? 1) > 1 ? ["looped-depth"] : []),
  lookupParams: () => 0,
} satisfies BlockFeatureDetails;
