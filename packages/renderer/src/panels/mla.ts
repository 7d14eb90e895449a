/**
 * The Multi-head Latent Attention panel: low-rank query and KV latents, the decoupled RoPE key, and the sparse
 * indexer with its top-k on the key/value paths (DSA).
 */
import type { MlaMixer } from "@archgal/schema/metrics";
import type { Box } from "../layout-types.js";
import type { Line } from "../text-metrics.js";
import { SMALL, start, finish, node, arrow, up, n, t, tag, type Panel, type PanelStart, queryInto, queryKvInput } from "./kit.js";
import { drawTokenIndexer } from "./dsa-indexer.js";

/**
 * The shared down-projection of a latent attention (MLA, GDLA) under its KV latent and rotary key, at height `y`
 * spanning the two columns, with the arrows up to the latents, on to the up-projection and RoPE, and from those
 * into `to.into` (the attention box `to.core`, or the indexer in front of it), tagged "K, V" under the core.
 */
export function latentKvDown(
  p: PanelStart,
  ckv: number,
  cr: number,
  y: number,
  to: { kvLat: Box; ropeKey: Box; kvUp: Box; rope: Box | undefined; into: Box; core: Box },
): Box {
  const kvDown = p.c.box({
    id: `${p.comp}/kv-down`,
    component: p.comp,
    kind: "linear",
    left: ckv - 80,
    y,
    w: cr + 60 - (ckv - 80),
    minH: 30,
    lines: [[t("Linear (down)")]],
    fontSize: SMALL,
    fill: "ffn",
    padX: 6,
    padY: 5,
  });
  up(p, kvDown, to.kvLat, ckv);
  up(p, kvDown, to.ropeKey, cr);
  up(p, to.kvLat, to.kvUp);
  if (to.rope) up(p, to.ropeKey, to.rope);
  arrow(p, [
    [ckv, to.kvUp.y],
    [ckv, to.into.y + to.into.h],
  ]);
  arrow(p, [
    [cr, (to.rope ?? to.ropeKey).y],
    [cr, to.into.y + to.into.h],
  ]);
  tag(p, ckv + 6, to.core.y + to.core.h + 4, "K, V");
  return kvDown;
}

/**
 * Multi-head Latent Attention. `rotary` false (the model has no RoPE, or the mixer switches it off: NoPE) draws
 * the decoupled key without a RoPE box.
 */
export function mlaPanel(m: MlaMixer, id: string, rotary = true): Panel {
  const p = start(id, [t(m.indexer ? "MLA with DeepSeek Sparse Attention (DSA)" : "Multi-head Latent Attention (MLA)")]);
  const y0 = p.titleBottom + 14;
  const [cq, ckv, cr] = [85, 250, 395];
  const out = node(p, ckv, y0, "Linear (output)", { w: 130 });
  const sdpa = node(p, 240, out.y + out.h + 24, "Scaled dot-product attention", { w: 400, kind: "core", fill: "core", fontSize: SMALL });
  up(p, sdpa, out, ckv);
  // DSA: the indexer and its top-k sit on the key/value paths, between the cache and the attention.
  const sel = m.indexer ? drawTokenIndexer(p, m.indexer, sdpa.y + sdpa.h + 30, ckv - 75, cr + 65, sdpa, [ckv, cr]) : undefined;
  const kvInto = sel ?? sdpa;
  const rowUp = kvInto.y + kvInto.h + 30;
  const kvUp = node(p, ckv, rowUp, "Linear (up) → K, V", { w: 150 });
  const rope = rotary ? node(p, cr, rowUp, "RoPE", { w: 100, kind: "positional", fill: "positional" }) : undefined;
  const rowLatent = rowUp + 30 + 26;
  const kvLat = node(p, ckv, rowLatent, [[t("KV latent "), n(m.kvLoraRank)], [t("(cached)")]], { w: 150, kind: "latent", fill: "core" });
  const ropeKey = node(
    p,
    cr,
    rowLatent,
    [[t(rotary ? "RoPE key " : "Shared key "), n(m.qkRopeHeadDim)], [t(rotary ? "(cached)" : "(cached, NoPE)")]],
    { w: 130, kind: "latent", fill: "core" },
  );
  const qLat =
    m.qLoraRank !== null
      ? node(p, cq, rowLatent, [[t("Query latent")], [n(m.qLoraRank)]], { w: 140, kind: "latent", fill: "box" })
      : undefined;
  // The latents side by side, one height.
  const latH = Math.max(kvLat.h, ropeKey.h, qLat?.h ?? 0);
  for (const b of [kvLat, ropeKey, qLat]) if (b) b.h = latH;
  const rowDown = rowLatent + latH + 26;
  const kvDown = latentKvDown(p, ckv, cr, rowDown, { kvLat, ropeKey, kvUp, rope, into: kvInto, core: sdpa });
  let qTop: Box;
  let qBottom: Box;
  if (qLat) {
    const qUp = node(p, cq, rowUp, "Linear (up)", { w: 110 });
    const qDown = node(p, cq, rowDown, "Linear (down)", { w: 110 });
    up(p, qDown, qLat);
    up(p, qLat, qUp);
    qTop = qUp;
    qBottom = qDown;
  } else {
    const q = node(p, cq, rowDown, "Linear", { w: 110 });
    qTop = q;
    qBottom = q;
  }
  queryInto(p, cq, qTop, sdpa);
  const busY = queryKvInput(p, rowDown, { x: cq, to: qBottom }, { x: ckv, to: kvDown });
  const caption: Line[] = [
    [
      n(m.heads),
      t(" heads; q/k head dim "),
      n(m.qkNopeHeadDim),
      t(" + "),
      n(m.qkRopeHeadDim),
      t(rotary ? " (RoPE), v head dim " : " (shared, no RoPE), v head dim "),
      n(m.vHeadDim),
    ],
    [
      t("KV cache per token and layer: "),
      n(m.kvLoraRank),
      t(" + "),
      n(m.qkRopeHeadDim),
      t(" = "),
      n(m.kvLoraRank + m.qkRopeHeadDim),
      t(" values"),
    ],
  ];
  if (m.indexer)
    caption.push([t("Sparse indexer: "), n(m.indexer.heads), t(" heads pick the top "), n(m.indexer.topK), t(" tokens per query")]);
  if (m.window) caption.push([t("Sliding window of "), n(m.window), t(" tokens")]);
  return finish(id, p, busY + 30, caption, { zoomFrom: "mixer" });
}
