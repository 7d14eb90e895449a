/**
 * The DeepSeek Sparse Attention (DSA) branch of an attention panel: a lightning indexer that scores the cached
 * tokens for each query and a top-k selection, drawn as one box on the key/value paths between the cache and the
 * attention, so that the attention visibly reads only the selected tokens.
 */
import type { Box } from "../layout-types.js";
import { SMALL, n, t, type PanelStart } from "./kit.js";

/** The indexer fields the branch draws. */
export interface TokenIndexer {
  heads: number;
  topK: number;
}

/**
 * Draws the indexer and top-k box from x `left` to `right`, its top at `y`, and the arrows from it into the
 * attention box `into` at each x of `columns`. Returns the box (the key/value paths below end at its bottom).
 */
export function drawTokenIndexer(
  p: PanelStart,
  ix: TokenIndexer,
  y: number,
  left: number,
  right: number,
  into: Box,
  columns: readonly number[],
): Box {
  const box = p.c.box({
    id: `${p.comp}/indexer`,
    component: p.comp,
    kind: "indexer",
    left,
    y,
    w: right - left,
    minH: 30,
    lines: [
      [t("Lightning indexer ("), n(ix.heads), t(" heads)")],
      [t("keeps the top "), n(ix.topK), t(" tokens")],
    ],
    fontSize: SMALL,
    fill: "box",
    stroke: "accent",
    padX: 6,
    padY: 5,
  });
  for (const x of columns)
    p.c.edge(
      `${p.comp}/e${p.c.edges.length}`,
      [
        [x, box.y],
        [x, into.y + into.h],
      ],
      { component: p.comp, arrow: true, width: 2.5 },
    );
  return box;
}
