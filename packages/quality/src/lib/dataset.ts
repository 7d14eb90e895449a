/** The dataset's model files, read straight from packages/data/models (what the CDN and the CLI ship). */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ModelSpec } from "@archgal/schema";

/** packages/ of the monorepo. */
export const packagesDir = fileURLToPath(new URL("../../../", import.meta.url));
export const modelsDir = `${packagesDir}data/models/`;

/** Every model id in the dataset, sorted. */
export const datasetIds: string[] = readdirSync(modelsDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();

/** The raw text of a model file. */
export const modelText = (id: string): string => readFileSync(`${modelsDir}${id}.json`, "utf8");

/** A model's spec, parsed fresh (callers may mutate it). */
export const loadSpec = (id: string): ModelSpec => JSON.parse(modelText(id)) as ModelSpec;
