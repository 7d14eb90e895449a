/**
 * The hyper-connections panel: one sublayer's connection to the widened residual stream. Bottom to top: the n
 * residual lanes; the pre-map, which reads the lanes into the sublayer's single input; the sublayer (attention
 * or FFN); the post-map, which writes its output back to every lane; and, where the form has one, the residual
 * map that mixes the lanes with each other. What each form computes is said only as the spec's fields and the
 * schema's `HyperConnections` documentation say it (`form`, `rank`, `streamNorm`, `readout`): mHC's mixing
 * matrix is kept doubly stochastic, Hy4's iHC has none, Qwen3.8-Flash-Next's read weights come from a low-rank
 * bottleneck.
 */
import { formatInt, hyperConnectionsName } from "@archgal/schema/metrics";
import type { HyperConnections } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import type { Line } from "../text-metrics.js";
import { arrow, circle, finish, n, node, start, t, tag, type Panel } from "./kit.js";

/** Lanes drawn at most (the count is written out whatever it is). */
const MAX_LANES = 6;

/** What a form of hyper-connections has around each sublayer, from the schema's documentation of the forms. */
function formOf(hc: HyperConnections) {
  const form = hc.form ?? "manifold";
  const mixes = form === "manifold" || form === "single-pass";
  return { form, mixes };
}

/** The caption: the map sizes and constraints the spec states, then how the streams end. */
function caption(hc: HyperConnections): Line[] {
  const s = hc.streams;
  const { form, mixes } = formOf(hc);
  const lines: Line[] = [];
  lines.push([n(s), t(" copies of the residual stream (each d wide) around every attention and FFN sublayer")]);
  if (mixes) {
    lines.push([
      t("Per token, a learned map of the "),
      n(s),
      t(" · d-wide streams gives "),
      n(s),
      t(" read, "),
      n(s),
      t(" write and "),
      n(s * s),
      t(" mixing weights ("),
      n(2 * s + s * s),
      t(" values)"),
    ]);
    lines.push([t("The residual mixing matrix is kept doubly stochastic")]);
    if (hc.streamNorm) lines.push([t("An RMSNorm with weights over the "), n(s), t(" · d streams comes before each map")]);
    if (form === "single-pass") lines.push([t("Single pass: each map's read weights serve the next sublayer")]);
  } else if (form === "independent") {
    lines.push([t("Per-stream read and write weights only ("), n(s), t(" · d → "), n(2 * s), t("): no mixing matrix")]);
  } else {
    lines.push([
      t("Read weights from a rank-"),
      ...(hc.rank !== undefined ? [n(hc.rank)] : [t("r")]),
      t(" bottleneck over the grouped-normed streams; inject weights ("),
      n(s),
      t(" · d → "),
      n(s),
      t(") write the output"),
    ]);
  }
  if (form === "single-pass") lines.push([t("The last map's read weights collapse the streams before the final norm")]);
  else if (hc.readout === "mean") lines.push([t("The streams are averaged before the final norm")]);
  else if (form !== "low-rank")
    lines.push([t("A learned contraction ("), n(s), t(" · d → "), n(s), t(") joins the streams before the final norm")]);
  return lines;
}

/** The panel, for a model with hyper-connections. */
export function hyperConnectionsPanel(f: Facts): Panel | undefined {
  const hc = f.arch.hyperConnections;
  if (!hc || !(hc.streams >= 1)) return undefined;
  const name = hyperConnectionsName(hc);
  const p = start("hyper-connections", [t(name.charAt(0).toUpperCase() + name.slice(1))]);
  const { mixes } = formOf(hc);
  const s = hc.streams;
  const lanes = Math.max(1, Math.min(MAX_LANES, Math.floor(s)));
  const laneX = (k: number) => 56 + k * 30;
  const lastLane = laneX(lanes - 1);
  const colCx = 340;
  const y0 = p.titleBottom + 22;

  // Right column, top down: post-map, sublayer, pre-map.
  const post = node(p, colCx, y0 + 24, [[t("Post-map: write 1 → "), n(s)]], { w: 220, kind: "hc-map", fill: "core" });
  const sub = node(p, colCx, post.y + post.h + 34, [[t("Sublayer")], [t("(attention or FFN)")]], { w: 220, kind: "sublayer", fill: "box" });
  const pre = node(p, colCx, sub.y + sub.h + 34, [[t("Pre-map: read "), n(s), t(" → 1")]], { w: 220, kind: "hc-map", fill: "core" });
  arrow(p, [
    [colCx, pre.y],
    [colCx, sub.y + sub.h],
  ]);
  arrow(p, [
    [colCx, sub.y],
    [colCx, post.y + post.h],
  ]);

  // The lanes: from the bottom (the streams in) to the top (the streams out), through the residual map.
  const top = y0;
  const writeY = post.y + post.h / 2;
  const tapY = pre.y + pre.h + 26;
  const bottom = tapY + 40;
  // Across the lanes, kept inside the frame when there are few of them.
  const mixW = Math.max(170, lastLane - laneX(0) + 40);
  const mix = mixes
    ? node(
        p,
        Math.max(18 + mixW / 2, (laneX(0) + lastLane) / 2),
        sub.y,
        [[t("Residual map")], [n(s), t(" × "), n(s)], [t("doubly stochastic")]],
        {
          w: mixW,
          kind: "hc-map",
          fill: "core",
        },
      )
    : undefined;
  for (let k = 0; k < lanes; k++) {
    const x = laneX(k);
    const add = circle(p, x, writeY, "plus", 9);
    if (mix) {
      arrow(p, [
        [x, bottom],
        [x, mix.y + mix.h],
      ]);
      arrow(p, [
        [x, mix.y],
        [x, add.y + add.h],
      ]);
    } else
      arrow(p, [
        [x, bottom],
        [x, add.y + add.h],
      ]);
    arrow(p, [
      [x, add.y],
      [x, top],
    ]);
  }
  // Read: every lane tapped into the pre-map.
  arrow(
    p,
    [
      [laneX(0), tapY],
      [colCx, tapY],
      [colCx, pre.y + pre.h],
    ],
    true,
  );
  // Write: the post-map's output added to every lane.
  arrow(p, [
    [post.x, writeY],
    [lastLane + 9, writeY],
  ]);
  tag(p, laneX(0) - 12, bottom + 4, `${lanes < s ? `${formatInt(lanes)} of ` : ""}${formatInt(s)} streams in`);
  tag(p, lastLane + 16, top - 4, `${formatInt(s)} streams out`);
  return { ...finish("hyper-connections", p, bottom + 30, caption(hc)), draws: ["hyper-connections"] };
}
