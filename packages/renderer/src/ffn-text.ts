/**
 * Callout and caption text of the dense feed-forward layers, shared by the FFN panel and the main callouts.
 */
import { formatInt, type MlpFfn } from "@archgal/schema/lean";
import type { Facts } from "./analysis.js";
import type { Line } from "./text-metrics.js";

/** Layers whose FFN is this definition, counted over runs (never per layer). */
function layersUsing(f: Facts, ffn: MlpFfn): number {
  let layers = 0;
  for (const run of f.runs) if (run.ffn !== undefined && f.arch.ffns[run.ffn] === ffn) layers += run.count;
  return layers;
}

/**
 * The hidden size of one dense FFN definition. When dense FFNs of different widths share the stack (Gemma 4 E2B's
 * double-wide KV-shared layers), each line says how many layers use it, so two widths never read as one.
 */
export function denseHiddenLine(f: Facts, m: MlpFfn): Line {
  const line: Line = [
    { text: f.moes.length ? "Dense FFN hidden size " : "Hidden layer dimension of " },
    { text: formatInt(m.hidden), accent: true },
  ];
  const widths = new Set(f.mlps.map((x) => x.hidden));
  if (widths.size > 1) {
    const layers = layersUsing(f, m);
    line.push({ text: " in " }, { text: formatInt(layers), accent: true }, { text: layers === 1 ? " layer" : " layers" });
  }
  return line;
}
