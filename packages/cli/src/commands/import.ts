import { stat } from "node:fs/promises";
import { CliError } from "../cli-error.js";
import { readJsonFile } from "../resolve-spec.js";

/**
 * Where `archgal import <arg>` reads from. A file that exists always wins (so `./org/name` or `org/name` naming a
 * local file reads that file); otherwise an argument shaped like a Hub id (`org/name` or `org/name@revision`,
 * not ending in `.json`) is fetched from the Hub; anything else is a local path.
 */
export async function importSource(arg: string): Promise<{ kind: "file" } | { kind: "hub"; repo: string; revision?: string }> {
  const exists = await stat(arg).then(
    (s) => s.isFile(),
    () => false,
  );
  if (exists) return { kind: "file" };
  const { parseHubId } = await import("@archgal/schema/hf");
  const id = parseHubId(arg);
  return id ? { kind: "hub", ...id } : { kind: "file" };
}

/**
 * `archgal import <config.json | org/name[@revision]> [--id ID] [--name NAME] [--source URL] [--revision REV] [--guess]`:
 * a Hugging Face config.json (a local file, or fetched from the Hub) → spec JSON. An unknown model_type is refused
 * unless `--guess` is given; a guessed spec says so in its name and notes, and the first warning says it was guessed.
 */
export async function importCommand(
  arg: string,
  options: { id?: string; name?: string; source?: string; revision?: string; timeout?: string; guess?: boolean },
): Promise<{ json: string; warnings: string[] }> {
  const { importHuggingFaceConfig, HfImportError, fetchHubConfig, HubError, slugId } = await import("@archgal/schema/hf");
  const source = await importSource(arg);
  let config: unknown;
  let sourceUrl = options.source;
  let defaultName: string | undefined;
  if (source.kind === "hub") {
    let timeoutMs: number | undefined;
    if (options.timeout !== undefined) {
      timeoutMs = Number(options.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
        throw new CliError(`--timeout: expected a positive number of seconds, got "${options.timeout}"`);
    }
    try {
      const fetched = await fetchHubConfig(source.repo, {
        ...((options.revision ?? source.revision) ? { revision: options.revision ?? source.revision } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      config = fetched.config;
      sourceUrl ??= fetched.sourceUrl;
      defaultName = source.repo.split("/")[1];
    } catch (error) {
      if (error instanceof HubError) throw new CliError(error.message);
      throw error;
    }
  } else {
    config = await readJsonFile(arg);
  }
  try {
    const { spec, warnings, guessed } = importHuggingFaceConfig(config, {
      ...(options.id ? { id: options.id } : defaultName ? { id: slugId(defaultName) } : {}),
      ...(options.name ? { name: options.name } : defaultName ? { name: defaultName } : {}),
      ...(sourceUrl ? { sourceUrl } : {}),
      ...(options.guess ? { guess: true } : {}),
    });
    const notice = guessed ? [`guessed: ${spec.notes?.[0] ?? "read by Llama's conventions"}`] : [];
    return { json: JSON.stringify(spec, null, 2), warnings: [...notice, ...warnings] };
  } catch (error) {
    if (error instanceof HfImportError) throw new CliError(`${arg}: cannot import\n${error.message}`);
    throw error;
  }
}
