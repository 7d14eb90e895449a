import { formatBytes, formatContext, formatCount, formatInt, formatPercent, modelStats, type ModelSpec } from "@archgal/schema";

/** `archgal stats <id | spec.json> [--json]`. */
export function statsCommand(spec: ModelSpec, options: { json?: boolean }): string {
  const s = modelStats(spec);
  if (options.json) return JSON.stringify(s, null, 2);
  const b = s.params.breakdown;
  const lines = [
    `${s.name} (${s.id})`,
    `  decoder type     ${s.decoderType}`,
    `  attention        ${s.attention}`,
    `  layers           ${s.numLayers}: ${s.layerMixText}`,
    `  parameters       ${formatCount(s.params.total)} total (${formatInt(s.params.total)})`,
    `  active           ${formatCount(s.params.active)} per token (${formatPercent(s.params.activeFraction)}; weights multiplied, embedding look-ups not counted) · ${formatCount(s.params.activeWithLookups)} with look-up tables`,
    ...(s.params.mtp ? [`  MTP modules      ${formatCount(s.params.mtp)} more (checkpoint ${formatCount(s.params.totalWithMtp)})`] : []),
    `  KV cache/token   ${formatBytes(s.kvCacheBytesPerToken)} (bf16, every attention layer, no window cap) · ${s.kvLabel}`,
    `  context          ${formatContext(s.contextLength)}`,
    `  vocabulary       ${formatInt(s.vocabSize)}`,
    `  width            ${formatInt(s.dModel)}`,
    `  FLOPs/token      ${formatCount(s.flopsPerToken.total)} at full context`,
    `  weights          ${formatBytes(s.weightMemoryBytes.bf16)} bf16 · ${formatBytes(s.weightMemoryBytes.fp8)} fp8 · ${formatBytes(s.weightMemoryBytes.int4)} int4`,
    `  concepts         ${s.concepts.join(", ")}`,
    `  breakdown        ${Object.entries(b)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${formatCount(v)}`)
      .join(" · ")}`,
  ];
  return lines.join("\n");
}
