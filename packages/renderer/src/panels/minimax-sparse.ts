/**
 * The MiniMax Sparse Attention panel: a block indexer in front of grouped-query attention.
 */
import type { MiniMaxSparseMixer } from "@archgal/schema/metrics";
import { start, finish, node, arrow, up, n, t, type Panel } from "./kit.js";

/** MiniMax Sparse Attention: the indexer scores earlier tokens, keeps the best key blocks, attention reads only those. */
export function minimaxSparsePanel(m: MiniMaxSparseMixer, id: string): Panel {
  const ix = m.indexer;
  const p = start(id, [t("MiniMax Sparse Attention (block top-k)")]);
  const y0 = p.titleBottom + 14;
  const [ca, ci] = [135, 375];
  const out = node(p, ca, y0, "Linear (output)", { w: 140 });
  const sdpa = node(p, ca, out.y + out.h + 24, [[t("Attention on selected blocks")]], { w: 230, kind: "core", fill: "core" });
  const qkv = node(p, ca, sdpa.y + sdpa.h + 34, [[t("Q, K, V ("), n(m.heads), t(" / "), n(m.kvHeads), t(" heads)")]], { w: 200 });
  const pick = node(p, ci, sdpa.y, [[t("Top "), n(ix.topKBlocks), t(" blocks")]], { w: 150, kind: "core", fill: "positional" });
  const pool = node(p, ci, pick.y + pick.h + 24, [[t("Max per block of "), n(ix.blockSize)]], { w: 170 });
  const score = node(p, ci, pool.y + pool.h + 24, [[t("Indexer "), n(ix.heads), t(" × "), n(ix.headDim)], [t("(keys cached)")]], {
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
  const caption = [
    [t("Each query reads "), n(ix.topKBlocks * ix.blockSize), t(" of the earlier tokens (the "), n(ix.topKBlocks), t(" best blocks)")],
    [t("KV cache as for GQA, plus one indexer key of "), n(ix.headDim), t(" per token")],
  ];
  if (ix.localBlocks) caption.push([t("The query's own block"), t(ix.localBlocks > 1 ? "s are" : " is"), t(" always kept")]);
  return finish(id, p, bottom + 20, caption, { zoomFrom: "mixer" });
}
