/**
 * The compressed-attention panel (DeepSeek V4's CSA / HCA / window-only layers, and V4.1's CSA2 layers that share
 * their compressed rows across layers).
 */
import type { CompressedAttentionMixer, Csa2Mixer } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import type { Line } from "../text-metrics.js";
import { SMALL, start, finish, node, arrow, up, n, t, tag, type Panel, queryKvInput } from "./kit.js";

/** Compressed attention of one kind: `compressed-attention` (CSA / HCA) or `csa2` (rows shared across layers). */
export function compressedPanel(f: Facts, id: string, kind: "compressed-attention" | "csa2" = "compressed-attention"): Panel {
  const all = f.mixers.filter((m): m is CompressedAttentionMixer | Csa2Mixer => m.kind === kind);
  const m = all.find((x) => x.compressRatio && x.indexer) ?? all.find((x) => x.compressRatio) ?? all[0]!;
  const p = start(id, [t(kind === "csa2" ? "Shared compressed attention (CSA2)" : "Compressed attention (CSA / HCA)")]);
  const y0 = p.titleBottom + 14;
  const [cq, ckv, cix] = [85, 250, 395];
  const out = node(p, 200, y0, [[t("Grouped output ("), n(m.outputGroups), t(" groups)")]], { w: 210 });
  const core = node(p, 220, out.y + out.h + 24, [[t("Attention: window of "), n(m.window), t(" + compressed rows")]], {
    w: 400,
    kind: "core",
    fill: "core",
    fontSize: SMALL,
  });
  up(p, core, out, 200);
  const rowA = core.y + core.h + 30;
  const qUp = node(p, cq, rowA, "Linear (up)", { w: 110 });
  const comp = node(
    p,
    ckv,
    rowA,
    m.compressRatio ? [[t("KV compressor")], [t("1 row / "), n(m.compressRatio), t(" tokens")]] : [[t("Recent tokens only")]],
    { w: 150, kind: "latent", fill: "core" },
  );
  const rowB = rowA + Math.max(qUp.h, comp.h) + 26;
  const qLat = node(p, cq, rowB, [[t("Query latent")], [n(m.qLoraRank)]], { w: 120, kind: "latent", fill: "box" });
  const kv = node(p, ckv, rowB, [[t("Shared K = V head")], [n(m.headDim)]], { w: 150, kind: "linear" });
  const rowC = rowB + Math.max(qLat.h, kv.h) + 26;
  const qDown = node(p, cq, rowC, "Linear (down)", { w: 110 });
  up(p, qDown, qLat);
  up(p, qLat, qUp);
  arrow(p, [
    [cq, qUp.y],
    [cq, core.y + core.h],
  ]);
  up(p, kv, comp);
  arrow(p, [
    [ckv, comp.y],
    [ckv, core.y + core.h],
  ]);
  tag(p, cq + 6, core.y + core.h + 4, "Q");
  tag(p, ckv + 6, core.y + core.h + 4, "K, V");
  if (m.indexer) {
    const ix = node(p, cix, rowA, [[t("Indexer: top "), n(m.indexer.topK)]], { w: 130, kind: "indexer", fill: "box" });
    up(p, kv, ix, cix);
    arrow(p, [
      [cix, ix.y],
      [cix, core.y + core.h],
    ]);
    p.c.edges[p.c.edges.length - 2]!.points = [
      [ckv + 40, kv.y],
      [ckv + 40, rowA + ix.h + 10],
      [cix, rowA + ix.h + 10],
      [cix, ix.y + ix.h],
    ];
  }
  const busY = queryKvInput(p, rowC, { x: cq, to: qDown }, { x: ckv, to: kv });
  const caption: Line[] = [[n(m.heads), t(" query heads × "), n(m.headDim), t(" (RoPE on "), n(m.ropeDim), t("), one key = value head")]];
  for (const [i, x] of all.entries()) {
    const layers = f.layers.filter((l) => l.mixer !== undefined && f.arch.mixers[l.mixer] === x).length;
    const name = f.mixerNames[f.mixers.indexOf(x)] ?? String(i);
    caption.push([
      t(`${name}: `),
      n(layers),
      t(" layers, "),
      ...(x.compressRatio
        ? [
            t("1 KV row per "),
            n(x.compressRatio),
            t(" tokens"),
            ...(x.indexer ? [t(", top "), n(x.indexer.topK)] : []),
            ...(x.kind === "csa2" && x.mode ? [t(`, ${x.mode}`)] : []),
          ]
        : [t("window "), n(x.window), t(" only")]),
    ]);
  }
  return finish(id, p, busY + 30, caption, { zoomFrom: "mixer" });
}
