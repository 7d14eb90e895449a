// Writes the dataset table into README.md between the markers, generated from models/*.json.
// `pnpm --filter @archgal/data readme --check` exits 1 when the README is out of date.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  countParams,
  kvCacheBytesPerToken,
  kvLabel,
  decoderLabel,
  attentionLabel,
  formatCount,
  formatBytes,
  hasUnvisitedWeights,
} from "@archgal/schema";
import type { ModelSpec } from "@archgal/schema";

const here = dirname(fileURLToPath(import.meta.url));
const readmePath = resolve(here, "../README.md");
const start = "<!-- dataset-table:start -->";
const end = "<!-- dataset-table:end -->";

/** The dataset table (Markdown) with its introductory sentence. */
export function datasetTable(): string {
  const dir = resolve(here, "../models");
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), "utf8")) as ModelSpec & { releaseDate: string })
    .sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || a.id.localeCompare(b.id));
  const rows = specs.map((s) => {
    const p = countParams(s);
    const scale = !hasUnvisitedWeights(p) ? formatCount(p.total) : `${formatCount(p.total)} (${formatCount(p.active)} active)`;
    const kv = kvCacheBytesPerToken(s);
    return `| \`${s.id}\` | ${s.name.replace(/\|/g, "\\|")} | ${s.releaseDate} | ${scale} | ${decoderLabel(s)} | ${attentionLabel(s)} | ${formatBytes(kv)} · ${kvLabel(kv)} |`;
  });
  return [
    `${specs.length} models. Scale and KV cache are computed from each spec: scale is the total without MTP modules, and for sparse models the active count per token in the creators' convention (weights multiplied; embedding look-ups not counted, head counted); KV is bf16 per token, every attention layer at full size, as the gallery counts it (see Conventions).`,
    "",
    "| id | model | released | scale | decoder type | attention | KV cache / token |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** The README text with the table between the markers replaced by the current one. */
export function renderReadme(text: string): string {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md needs the markers ${start} … ${end}`);
  return `${text.slice(0, i + start.length)}\n${datasetTable()}\n${text.slice(j)}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const current = readFileSync(readmePath, "utf8");
  const next = renderReadme(current);
  if (process.argv.includes("--check")) {
    if (next !== current) {
      console.error("packages/data/README.md is out of date: run `pnpm --filter @archgal/data readme`");
      process.exit(1);
    }
  } else {
    writeFileSync(readmePath, next);
    console.log("README.md table updated");
  }
}
