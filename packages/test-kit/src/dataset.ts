/**
 * The dataset's model files, read straight from packages/data/models (what the CDN and the CLI ship), without
 * depending on @archgal/data. Node only.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateSpec, type ModelSpec } from "@archgal/schema";

/** packages/ of the monorepo. */
export const packagesDir = fileURLToPath(new URL("../../", import.meta.url));
/** The dataset's model folder. */
export const modelsDir = `${packagesDir}data/models/`;

/** Every model id in the dataset, sorted (none when the folder is missing). */
export const datasetIds: string[] = existsSync(modelsDir)
  ? readdirSync(modelsDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5))
      .sort()
  : [];

/** The raw text of a model file. */
export const modelText = (id: string): string => readFileSync(`${modelsDir}${id}.json`, "utf8");

/** A model's spec, parsed fresh (callers may mutate it). */
export const loadSpec = (id: string): ModelSpec => JSON.parse(modelText(id)) as ModelSpec;

/**
 * The dataset specs that validate, sorted by id. A file that is half-written or invalid while the tests run
 * is skipped (the data package's own tests reject it).
 */
export function datasetSpecs(): ModelSpec[] {
  const out: ModelSpec[] = [];
  for (const id of datasetIds) {
    try {
      const v = validateSpec(JSON.parse(modelText(id)));
      if (v.success) out.push(v.data);
    } catch {
      // half-written file: skip
    }
  }
  return out;
}
