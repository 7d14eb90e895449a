/** The facets of the mtp feature that the figure's first paint does not need: presence, concept tags, looked-up weights. */
import type { BlockFeatureDetails } from "../mixer-kind.js";

export const mtpDetails = {
  present: (arch) => !!arch.mtp,
  concepts: (arch) => (arch.mtp ? ["MTP"] : []),
  lookupParams: () => 0,
} satisfies BlockFeatureDetails;
