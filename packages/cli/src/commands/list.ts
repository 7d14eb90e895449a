import { models } from "@archgal/data";
import { formatBytes, formatCount, hasUnvisitedWeights } from "@archgal/schema";

/**
 * `archgal list [--json]`: the dataset's ids (JSON: id, name, org, releaseDate, and the index figures). The size
 * column is the total, with `-A` and the headline active count (weights multiplied per token) for sparse models.
 */
export function listCommand(options: { json?: boolean }): string {
  if (options.json) {
    return JSON.stringify(
      models.map((m) => ({
        id: m.id,
        name: m.name,
        org: m.org,
        releaseDate: m.releaseDate,
        decoderType: m.decoderType,
        params: m.params,
        kvCacheBytesPerToken: m.kvCacheBytesPerToken,
      })),
      null,
      2,
    );
  }
  const rows = models.map((m) => [
    m.id,
    m.releaseDate,
    m.decoderType,
    !hasUnvisitedWeights(m.params) ? formatCount(m.params.total) : `${formatCount(m.params.total)}-A${formatCount(m.params.active)}`,
    formatBytes(m.kvCacheBytesPerToken),
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
