// Reads the gallery's fact table (../shared/reference/gallery-2026-05-27.tsv beside the repository) and maps it to our ids.
import { readFileSync, existsSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const referenceDir = resolve(here, "../../../../shared/reference");

/** Parses one TSV file with quoted fields into rows of objects. */
export function parseTsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === "\t") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

/** Gallery rows keyed by our model id (via model-ids.tsv titles). */
export function readGalleryTable(dir = referenceDir) {
  const tablePath = resolve(dir, "gallery-2026-05-27.tsv");
  const idsPath = resolve(dir, "model-ids.tsv");
  if (!existsSync(tablePath) || !existsSync(idsPath)) {
    throw new Error(`gallery reference not found at ${dir} (expected shared/reference beside the repository)`);
  }
  const table = parseTsv(readFileSync(tablePath, "utf8"));
  const ids = parseTsv(readFileSync(idsPath, "utf8"));
  const byTitle = new Map(table.map((r) => [r.title, r]));
  const out = new Map();
  for (const { id, title } of ids) {
    const row = byTitle.get(title);
    if (row) out.set(id, row);
  }
  return out;
}

/** The gallery's KV cache per token in bytes ("68.6 KiB · Low" → 70246; "0 B · No cache" → 0). */
export function galleryKvBytes(row) {
  const m = /^([\d.]+)\s*(B|KiB|MiB)/.exec(row["KV cache / token (bf16) info"] ?? "");
  if (!m) return undefined;
  const factor = { B: 1, KiB: 1024, MiB: 1024 * 1024 }[m[2]];
  return Number(m[1]) * factor;
}

/** The gallery's KV label ("68.6 KiB · Low" → "Low"). */
export function galleryKvLabel(row) {
  return (row["KV cache / token (bf16) info"] ?? "").split("·")[1]?.trim();
}
