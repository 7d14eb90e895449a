/**
 * The dataset models that exist and validate when the tests run (the dataset is written in parallel; files that
 * are missing, half-written or invalid are skipped). Read directly from packages/data/models: the renderer never
 * depends on @archgal/data.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateSpec, type ModelSpec } from "@archgal/schema";

const modelsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../data/models");

/** Valid dataset specs, sorted by file name. */
export function datasetSpecs(): ModelSpec[] {
  if (!existsSync(modelsDir)) return [];
  const out: ModelSpec[] = [];
  for (const f of readdirSync(modelsDir).filter((x) => x.endsWith(".json")).sort()) {
    try {
      const v = validateSpec(JSON.parse(readFileSync(resolve(modelsDir, f), "utf8")));
      if (v.success) out.push(v.data);
    } catch {
      // half-written file: skip
    }
  }
  return out;
}
