import { CliError } from "../cli-error.js";
import { readJsonFile } from "../resolve-spec.js";

/**
 * `archgal import <config.json> [--id ID] [--name NAME] [--source URL] [--guess]`: a Hugging Face config.json →
 * spec JSON. An unknown model_type is refused unless `--guess` is given; a guessed spec says so in its name and
 * notes, and the first warning says it was guessed.
 */
export async function importCommand(
  file: string,
  options: { id?: string; name?: string; source?: string; guess?: boolean },
): Promise<{ json: string; warnings: string[] }> {
  const config = await readJsonFile(file);
  const { importHuggingFaceConfig, HfImportError } = await import("@archgal/schema/hf");
  try {
    const { spec, warnings, guessed } = importHuggingFaceConfig(config, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.source ? { sourceUrl: options.source } : {}),
      ...(options.guess ? { guess: true } : {}),
    });
    const notice = guessed ? [`guessed: ${spec.notes?.[0] ?? "read by Llama's conventions"}`] : [];
    return { json: JSON.stringify(spec, null, 2), warnings: [...notice, ...warnings] };
  } catch (error) {
    if (error instanceof HfImportError) throw new CliError(`${file}: cannot import\n${error.message}`);
    throw error;
  }
}
