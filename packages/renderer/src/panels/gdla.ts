/**
 * The grouped differential latent attention panel (Motif 3): MLA-style query and key/value latents, keys and values
 * expanded for a few shared KV heads, the signal-minus-noise combination with its per-token weight, and the output
 * gate from the query latent.
 */
import type { GdlaMixer } from "@archgal/schema/metrics";
import type { Line } from "../text-metrics.js";
import { SMALL, start, finish, node, circle, arrow, up, cyOf, n, t, type Panel, queryInto, queryKvInput } from "./kit.js";
import { latentKvDown } from "./mla.js";

/**
 * Grouped differential latent attention. `rotary` false (the model has no RoPE, or the mixer switches it off)
 * draws the shared key without a RoPE box.
 */
export function gdlaPanel(m: GdlaMixer, id: string, rotary = true): Panel {
  const signal = m.heads - m.noiseHeads;
  const latentCache = m.cachedAs === "latent";
  const p = start(id, [t("Grouped Differential Latent Attention (GDLA)")]);
  const y0 = p.titleBottom + 14;
  const [cq, ckv, cr] = [85, 250, 395];
  const out = node(p, ckv, y0, "Linear (output)", { w: 130 });
  let below = out;
  if (m.outputGate) {
    // The sigmoid gate, projected from the query latent, multiplies every value channel of the signal heads.
    const mul = circle(p, ckv, out.y + out.h + 30, "times");
    up(p, mul, out);
    const gate = node(p, cq, cyOf(mul) - 15, "Linear → σ gate", { w: 130 });
    arrow(p, [
      [gate.x + gate.w, cyOf(mul)],
      [mul.x, cyOf(mul)],
    ]);
    below = mul;
  }
  const diff = node(p, ckv, below.y + below.h + 22, "signal − σ(λ) · noise", { w: 170, kind: "core", fill: "core" });
  up(p, diff, below, ckv);
  const lambda = node(p, cr, diff.y, "Linear → λ", { w: 110 });
  arrow(p, [
    [lambda.x, cyOf(diff)],
    [diff.x + diff.w, cyOf(diff)],
  ]);
  const sdpa = node(p, 240, diff.y + diff.h + 24, [[n(signal), t(" signal + "), n(m.noiseHeads), t(" noise heads")]], {
    w: 400,
    kind: "core",
    fill: "core",
    fontSize: SMALL,
  });
  up(p, sdpa, diff, ckv);
  const rowUp = sdpa.y + sdpa.h + 30;
  const kvUp = node(p, ckv, rowUp, [[t("Linear (up) → "), n(m.kvHeads), t(" K, V heads")], ...(latentCache ? [] : [[t("(cached)")]])], {
    w: 170,
  });
  const rope = rotary ? node(p, cr, rowUp, "RoPE", { w: 100, kind: "positional", fill: "positional" }) : undefined;
  const rowLatent = Math.max(kvUp.y + kvUp.h, rope ? rope.y + rope.h : 0) + 26;
  const kvLat = node(p, ckv, rowLatent, [[t("KV latent "), n(m.kvLoraRank)], ...(latentCache ? [[t("(cached)")]] : [])], {
    w: 150,
    kind: "latent",
    fill: "core",
  });
  const ropeKey = node(
    p,
    cr,
    rowLatent,
    [[t(rotary ? "RoPE key " : "Shared key "), n(m.qkRopeHeadDim)], ...(latentCache ? [[t("(cached)")]] : [])],
    {
      w: 130,
      kind: "latent",
      fill: "core",
    },
  );
  const qLat = node(p, cq, rowLatent, [[t("Query latent")], [n(m.qLoraRank)]], { w: 140, kind: "latent", fill: "box" });
  const latH = Math.max(kvLat.h, ropeKey.h, qLat.h);
  for (const b of [kvLat, ropeKey, qLat]) b.h = latH;
  const rowDown = rowLatent + latH + 26;
  const kvDown = latentKvDown(p, ckv, cr, rowDown, { kvLat, ropeKey, kvUp, rope, into: sdpa, core: sdpa });
  const qUp = node(p, cq, rowUp, "Linear (up)", { w: 110 });
  const qDown = node(p, cq, rowDown, "Linear (down)", { w: 110 });
  up(p, qDown, qLat);
  up(p, qLat, qUp);
  queryInto(p, cq, qUp, sdpa);
  const busY = queryKvInput(p, rowDown, { x: cq, to: qDown }, { x: ckv, to: kvDown });
  const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
  const caption: Line[] = [
    [
      n(m.noiseHeads),
      t(" groups of "),
      n(signal / m.noiseHeads),
      t(" signal heads and one noise head; "),
      n(m.kvHeads),
      t(" KV heads; q/k head dim "),
      n(m.qkNopeHeadDim),
      t(" + "),
      n(m.qkRopeHeadDim),
      t(rotary ? " (RoPE), v head dim " : " (shared, no RoPE), v head dim "),
      n(m.vHeadDim),
    ],
    latentCache
      ? [
          t("KV cache per token and layer: "),
          n(m.kvLoraRank),
          t(" + "),
          n(m.qkRopeHeadDim),
          t(" = "),
          n(m.kvLoraRank + m.qkRopeHeadDim),
          t(" values"),
        ]
      : [
          t("KV cache per token and layer: "),
          n(m.kvHeads),
          t(" × ("),
          n(qk),
          t(" + "),
          n(m.vHeadDim),
          t(") = "),
          n(m.kvHeads * (qk + m.vHeadDim)),
          t(" values"),
        ],
  ];
  if (m.outputGate) caption.push([t("Output gated per value channel from the query latent")]);
  if (m.window) caption.push([t("Sliding window of "), n(m.window), t(" tokens")]);
  return finish(id, p, busY + 30, caption, { zoomFrom: "mixer" });
}
