import { validateSpec, type SpecIssue } from "@archgal/schema";
import { CliError } from "../cli-error.js";
import { readJsonFile } from "../resolve-spec.js";

/** `archgal validate <spec.json>…`: one line per problem (`file: path: message`); throws when any file is invalid. */
export async function validateCommand(files: string[]): Promise<string> {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = await readJsonFile(file);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const result = validateSpec(json);
    if (result.success) {
      const first = seen.get(result.data.id);
      if (first) problems.push(`${file}: id: duplicate id "${result.data.id}" (also in ${first})`);
      else seen.set(result.data.id, file);
    } else problems.push(...result.issues.map((i: SpecIssue) => `${file}: ${i.path ? `${i.path}: ` : ""}${i.message}`));
  }
  if (problems.length) throw new CliError(problems.join("\n"));
  return `${files.length} spec${files.length === 1 ? "" : "s"} valid`;
}
