/**
 * The drawing shared by the block-sparse attention panels (MiniMax, Qwen): a block indexer beside grouped-query
 * attention — indexer keys pooled per block, the top blocks picked, attention reading only those.
 */
import type { Line } from "../text-metrics.js";
import { start, finish, node, arrow, up, n, t, type Panel } from "./kit.js";

/** The indexer fields the panel draws. */
interface BlockIndexer {
  heads: number;
  headDim: number;
  blockSize: number;
  topKBlocks: number;
}

/** What the two panels say differently. */
export interface BlockSparseText {
  title: string;
  /** The output box and its width. */
  output: string;
  outputWidth: number;
  /** How a block's keys are pooled ("Max", "Mean key"), and that box's width. */
  pool: string;
  poolWidth: number;
  /** What the indexer caches, e.g. "(keys cached)". */
  cached: string;
  caption: Line[];
}

/** A block-sparse attention panel for a mixer with `heads`/`kvHeads` and a block indexer. */
export function blockSparsePanel(m: { heads: number; kvHeads: number; indexer: BlockIndexer }, id: string, text: BlockSparseText): Panel {
  const ix = m.indexer;
  const p = start(id, [t(text.title)]);
  const y0 = p.titleBottom + 14;
  const [ca, ci] = [135, 375];
  const out = node(p, ca, y0, text.output, { w: text.outputWidth });
  const sdpa = node(p, ca, out.y + out.h + 24, [[t("Attention on selected blocks")]], { w: 230, kind: "core", fill: "core" });
  const qkv = node(p, ca, sdpa.y + sdpa.h + 34, [[t("Q, K, V ("), n(m.heads), t(" / "), n(m.kvHeads), t(" heads)")]], { w: 200 });
  const pick = node(p, ci, sdpa.y, [[t("Top "), n(ix.topKBlocks), t(" blocks")]], { w: 150, kind: "core", fill: "positional" });
  const pool = node(p, ci, pick.y + pick.h + 24, [[t(`${text.pool} per block of `), n(ix.blockSize)]], { w: text.poolWidth });
  const score = node(p, ci, pool.y + pool.h + 24, [[t("Indexer "), n(ix.heads), t(" × "), n(ix.headDim)], [t(text.cached)]], {
    w: 170,
    kind: "latent",
    fill: "core",
  });
  up(p, sdpa, out);
  up(p, qkv, sdpa);
  up(p, score, pool);
  up(p, pool, pick);
  arrow(p, [
    [pick.x, pick.y + pick.h / 2],
    [sdpa.x + sdpa.w, pick.y + pick.h / 2],
  ]);
  const bottom = Math.max(qkv.y + qkv.h, score.y + score.h) + 16;
  arrow(p, [
    [ca, bottom + 14],
    [ca, qkv.y + qkv.h],
  ]);
  arrow(p, [
    [ci, bottom + 14],
    [ci, score.y + score.h],
  ]);
  return finish(id, p, bottom + 20, text.caption, { zoomFrom: "mixer" });
}
