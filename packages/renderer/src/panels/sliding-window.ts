/**
 * The attention-mask panel: global vs sliding-window (or chunked) causal masks.
 */
import { layerMix } from "@archgal/schema/metrics";
import type { AttentionMixer } from "@archgal/schema/metrics";
import type { Facts } from "../analysis.js";
import type { Line } from "../text-metrics.js";
import { start, finish, n, t, type Panel } from "./kit.js";
import { drawSinkColumn, hasSinks, sinkCaption, SINK_COLUMN } from "./attention-sinks.js";

/** Causal masks: global vs sliding window (or chunked), each with its sink column when the attention has learned sinks. */
export function windowPanel(f: Facts, mixers: AttentionMixer[]): Panel | undefined {
  const windowed = mixers.filter((m) => m.window || m.chunk);
  if (windowed.length === 0) return undefined;
  const chunked = windowed.every((m) => !m.window);
  const p = start("window", [t(chunked ? "Chunked attention" : "Sliding-window attention")]);
  const y0 = p.titleBottom + 16;
  const N = 9;
  const cell = 13;
  const hasGlobal = mixers.some((m) => !m.window && !m.chunk);
  const sinks = hasSinks(mixers);
  const masks: { name: string; band: (r: number, c: number) => boolean }[] = [];
  if (hasGlobal) masks.push({ name: "Global (causal)", band: (r, c) => c <= r });
  masks.push(
    chunked
      ? { name: "Chunked", band: (r, c) => c <= r && Math.floor(c / 3) === Math.floor(r / 3) }
      : { name: "Sliding window", band: (r, c) => c <= r && r - c < 3 },
  );
  masks.forEach((mask, i) => {
    const x0 = 30 + i * 220 + (sinks ? SINK_COLUMN : 0);
    p.c.label({
      id: `${p.comp}/mask-${i}-name`,
      component: p.comp,
      kind: "tag",
      x: x0,
      y: y0,
      lines: [[t(mask.name)]],
      fontSize: 14,
      weight: "bold",
    });
    const gy = y0 + 24;
    if (sinks) drawSinkColumn(p, i, x0, gy, N, cell);
    p.c.box({
      id: `${p.comp}/mask-${i}`,
      component: p.comp,
      kind: "mask",
      left: x0,
      y: gy,
      w: N * cell,
      h: N * cell,
      lines: [],
      fill: "box",
      stroke: "box-stroke",
      strokeWidth: 1,
      rx: 0,
      container: true,
    });
    for (let r = 0; r < N; r++) {
      // One run of attended cells per row (the band is contiguous).
      let c0 = -1;
      let c1 = -1;
      for (let c = 0; c < N; c++)
        if (mask.band(r, c)) {
          if (c0 < 0) c0 = c;
          c1 = c;
        }
      if (c0 >= 0)
        p.c.box({
          id: `${p.comp}/mask-${i}-row-${r}`,
          component: p.comp,
          kind: "mask-row",
          left: x0 + c0 * cell,
          y: gy + r * cell,
          w: (c1 - c0 + 1) * cell,
          h: cell,
          lines: [],
          fill: "attention",
          stroke: "box",
          strokeWidth: 1,
          rx: 0,
        });
    }
    p.c.label({
      id: `${p.comp}/mask-${i}-axis`,
      component: p.comp,
      kind: "tag",
      x: x0 + N * cell + 10,
      y: gy + N * cell - 34,
      lines: [[t("query ↓")], [t("key →")]],
      fontSize: 12,
    });
  });
  const caption: Line[] = [];
  const seen = new Set<string>();
  for (const m of windowed) {
    const line: Line = m.window ? [t("Window of "), n(m.window), t(" tokens")] : [t("Chunks of "), n(m.chunk!), t(" tokens")];
    const k = line.map((s) => s.text).join("");
    if (!seen.has(k)) caption.push(line);
    seen.add(k);
  }
  const mix = layerMix(f.spec as never, { kinds: f.kinds }).map((e): Line => [
    n(e.count),
    t(` ${e.label} layer${e.count === 1 ? "" : "s"}`),
  ]);
  if (mix.length > 1) caption.push(mix.flatMap((l, i) => (i ? [t(", "), ...l] : l)));
  if (sinks) caption.push(sinkCaption());
  return finish("window", p, y0 + 24 + N * cell + 18, caption);
}
