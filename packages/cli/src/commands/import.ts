import { CliError } from "../cli-error.js";
import { readJsonFile } from "../resolve-spec.js";

/** `archgal import <config.json> [--id ID] [--name NAME] [--source URL]`: a Hugging Face config.json → spec JSON. */
export async function importCommand(
  file: string,
  options: { id?: string; name?: string; source?: string },
): Promise<{ json: string; warnings: string[] }> {
  const config = await readJsonFile(file);
  const { importHuggingFaceConfig, HfImportError } = await import("@archgal/schema/hf");
  try {
    const { spec, warnings } = importHuggingFaceConfig(config, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.source ? { sourceUrl: options.source } : {}),
    });
    return { json: JSON.stringify(spec, null, 2), warnings };
  } catch (error) {
    if (error instanceof HfImportError) throw new CliError(`${file}: cannot import\n${error.message}`);
    throw error;
  }
}
