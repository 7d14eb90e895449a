/** The facets of the hyper-connections feature that the figure's first paint does not need: presence, concept tags, looked-up weights. */
import type { BlockFeatureDetails } from "../mixer-kind.js";

export const hyperConnectionsDetails = {
  present: (arch) => !!arch.hyperConnections,
  concepts: (arch) => (arch.hyperConnections ? ["hyper-connections"] : []),
  lookupParams: () => 0,
} satisfies BlockFeatureDetails;
