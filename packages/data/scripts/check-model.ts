// Checks model entries against the schema, the official parameter figures and the gallery's KV figure.
// Usage: pnpm --filter @archgal/data check [id ...]   (no ids: every model)
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  validateSpec,
  checkDatasetEntry,
  formatIssues,
  compareWithOfficial,
  officialChecks,
  activePrefillParams,
  countParams,
  kvCacheBytesPerToken,
  decoderLabel,
  formatLayerMix,
  attentionLabel,
} from "@archgal/schema";
import type { DatasetEntry, OfficialCheck } from "@archgal/schema";
import { galleryById, galleryKvBytes } from "./gallery-facts.js";

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = resolve(here, "../models");
const ids = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(modelsDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5));
const gallery = galleryById();
let bad = 0;
for (const id of ids) {
  const file = resolve(modelsDir, `${id}.json`);
  if (!existsSync(file)) {
    console.log(`${id}: no file ${file}`);
    bad++;
    continue;
  }
  const json = JSON.parse(readFileSync(file, "utf8"));
  const v = validateSpec(json);
  const missing = v.success ? checkDatasetEntry(v.data) : [];
  if (missing.length) {
    console.log(`${id}: INCOMPLETE\n${formatIssues(missing).replace(/^/gm, "    ")}`);
    bad++;
    continue;
  }
  if (!v.success) {
    console.log(`${id}: INVALID\n${formatIssues(v.issues).replace(/^/gm, "    ")}`);
    bad++;
    continue;
  }
  // checkDatasetEntry found nothing missing: the dataset's required metadata is there.
  const spec = v.data as DatasetEntry;
  const p = countParams(spec);
  const cmp = compareWithOfficial(spec);
  const fmt = (c: OfficialCheck | undefined) =>
    !c
      ? "-"
      : c.sizeClass
        ? `${(c.computed / 1e9).toFixed(3)}B vs size class ${(c.official / 1e9).toFixed(3)}B (${(c.computed / c.official).toFixed(2)} x, band 0.5-2 x) ${c.ok ? "OK (size class, not a count)" : "FAIL (outside the size class)"}`
        : `${(c.computed / 1e9).toFixed(3)}B vs ${(c.official / 1e9).toFixed(3)}B (${(c.relativeError * 100).toFixed(2)}%, tol ±${(c.tolerance / 1e9).toFixed(3)}B) ${c.ok ? "OK" : c.deviation ? "DEVIATION (explained)" : "FAIL"}`;
  const kv = kvCacheBytesPerToken(spec);
  const g = gallery.get(id);
  const gkv = g ? galleryKvBytes(g) : undefined;
  const kvDiff =
    gkv === undefined ? "no gallery KV figure" : gkv === 0 ? (kv === 0 ? "OK" : "FAIL") : `${(((kv - gkv) / gkv) * 100).toFixed(2)}%`;
  const kvOk = gkv === undefined || (gkv === 0 ? kv === 0 : Math.abs(kv - gkv) / gkv <= 0.02);
  const kvExplained = (spec.galleryDifferences ?? []).some((d) => d.metric === "kvCacheBytesPerToken");
  const unexplained = (c: OfficialCheck) => !c.ok && (c.sizeClass || !c.deviation);
  if (officialChecks(cmp).some(([, c]) => unexplained(c))) bad++;
  else if (!kvOk && !kvExplained) bad++;
  const further = officialChecks(cmp)
    .filter(([figure]) => figure !== "total" && figure !== "active")
    .map(([figure, c]) => `\n    ${figure} ${fmt(c)}`)
    .join("");
  console.log(
    `${id}: ${decoderLabel(spec)} | ${attentionLabel(spec)} | ${formatLayerMix(spec)}\n` +
      `    total  ${fmt(cmp.total)}\n    active ${fmt(cmp.active)}${further}\n` +
      `    computed total ${p.total} active ${p.active} prefill ${activePrefillParams(spec)} (mtp ${p.breakdown.mtp})\n` +
      `    KV ${(kv / 1024).toFixed(2)} KiB/token vs gallery ${gkv === undefined ? "-" : (gkv / 1024).toFixed(2) + " KiB"} → ${kvDiff}${!kvOk ? (kvExplained ? " (explained in galleryDifferences)" : " FAIL") : ""}` +
      (g ? `\n    gallery: ${g.decoderType} | ${g.attention} | ${g.layerMix}` : ""),
  );
}
console.log(`\n${ids.length} checked, ${bad} with problems`);
process.exit(bad ? 1 : 0);
