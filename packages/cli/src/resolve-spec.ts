/**
 * Turns a command-line argument (a dataset id or a path to a spec JSON file) into a validated spec.
 */
import { describeClosedModel, findClosedModel, getModel, loadModel, modelIds } from "@archgal/data";
import { formatIssues, validateSpec, type ModelSpec } from "@archgal/schema";
import { CliError } from "./cli-error.js";
import { readInputFile } from "./input-file.js";

const looksLikePath = (arg: string) => arg.endsWith(".json") || arg.includes("/") || arg.includes("\\");

/** Reads and parses a JSON file, with errors that name the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readInputFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Validates parsed JSON as a spec, or throws a CliError listing every problem by field path. */
export function specFromJson(json: unknown, label: string): ModelSpec {
  const result = validateSpec(json);
  if (!result.success) throw new CliError(`${label}: invalid spec\n${formatIssues(result.issues)}`);
  return result.data;
}

/** A dataset id or a spec file path → spec. */
export async function resolveSpec(arg: string): Promise<ModelSpec> {
  if (getModel(arg)) return loadModel(arg);
  if (looksLikePath(arg)) return specFromJson(await readJsonFile(arg), arg);
  const closed = findClosedModel(arg);
  if (closed) throw new CliError(`unknown model "${arg}": ${describeClosedModel(closed)}`);
  const close = modelIds.filter((id) => id.includes(arg) || arg.includes(id.split("-")[0] ?? id)).slice(0, 6);
  throw new CliError(
    `unknown model "${arg}"${close.length ? ` (did you mean ${close.join(", ")}?)` : ""}; run \`archgal list\` for the ids, or pass a path to a spec .json file`,
  );
}
