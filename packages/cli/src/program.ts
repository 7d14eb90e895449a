/**
 * The `archgal` command: list, stats, validate, import, count, fit, render, compare, poster.
 * Errors go to stderr with exit code 1; outputs are written atomically.
 */
import { Command, CommanderError } from "commander";
import { CliError } from "./cli-error.js";
import { listCommand } from "./commands/list.js";
import { statsCommand } from "./commands/stats.js";
import { validateCommand } from "./commands/validate.js";
import { importCommand } from "./commands/import.js";
import { fitCommand, type FitCliOptions } from "./commands/fit.js";
import { countCommand } from "./commands/count.js";
import { readCheckpoint } from "./safetensors-files.js";
import { compareCommand, formatOf, posterCommand, renderCommand, type DrawOptions } from "./commands/render.js";
import { assertWritable, emit, writeOutput } from "./output.js";
import { resolveSpec } from "./resolve-spec.js";
import { newMechanismsOf } from "@archgal/data";

async function draw(result: string | Uint8Array, output: string | undefined): Promise<void> {
  if (output) await writeOutput(output, result);
  else if (typeof result === "string") process.stdout.write(result.endsWith("\n") ? result : `${result}\n`);
  else throw new CliError("PNG output needs -o <file.png>");
}

/** Checks the output path and format before any rendering work. */
async function preflight(o: DrawOptions): Promise<void> {
  formatOf(o.output);
  if (o.output) await assertWritable(o.output);
}

/** Builds the command tree. */
export function buildProgram(): Command {
  const program = new Command("archgal")
    .description("LLM architectures as data, diagrams and drop-in web components")
    .showHelpAfterError("(run archgal --help for usage)")
    .exitOverride();

  program
    .command("list")
    .description("list the dataset's model ids")
    .option("--json", "JSON: [{id, name, org, releaseDate, …}]")
    .action(async (o: { json?: boolean }) => emit(listCommand(o), undefined));

  program
    .command("stats")
    .description("parameters, KV cache, FLOPs and labels of a model")
    .argument("<model>", "dataset id or path to a spec .json")
    .option("--json", "machine-readable output")
    .action(async (model: string, o: { json?: boolean }) => emit(statsCommand(await resolveSpec(model), o), undefined));

  program
    .command("validate")
    .description("validate spec files; one line per problem, naming the field path")
    .argument("<files...>", "spec .json files")
    .action(async (files: string[]) => emit(await validateCommand(files), undefined));

  program
    .command("import")
    .description("turn a Hugging Face config.json (a file, or a Hub model id) into a spec")
    .argument("<config>", "path to config.json, or a Hub id org/name[@revision] (a file that exists wins)")
    .option("-o, --output <file>", "write the spec here instead of stdout")
    .option("--id <id>", "id for the spec")
    .option("--name <name>", "display name")
    .option(
      "--source <url>",
      "URL of the config, recorded as the spec's source (default for a Hub id: its config.json at the resolved commit)",
    )
    .option("--revision <rev>", "Hub branch, tag or commit (default main, or the id's @revision)")
    .option("--timeout <seconds>", "give up on the Hub after this long (default 30)")
    .option("--guess", "read an unknown model_type by Llama's conventions (the spec is marked as guessed) instead of refusing it")
    .action(
      async (
        config: string,
        o: { output?: string; id?: string; name?: string; source?: string; revision?: string; timeout?: string; guess?: boolean },
      ) => {
        if (o.output) await assertWritable(o.output);
        const { json, warnings } = await importCommand(config, o);
        for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
        await emit(json, o.output);
      },
    );

  program
    .command("fit")
    .description("will it fit, and how fast: memory on accelerators and roofline speed; 2–4 models side by side")
    .argument("<models...>", "dataset ids or spec paths (one model, or 2–4 to compare)")
    .option(
      "--gpu <device>",
      "device preset (h100, h200, b200, gb200, mi300x, mi355x, l40s, a100, rtx4090, rtx5090, m4-max, m3-ultra, tpu-v5e, tpu-v6e) or custom",
    )
    .option("--gpus <n>", "devices available (default: the fewest that fit)")
    .option("--context <tokens>", "tokens per sequence: 8192, 128k (= 131,072), 1M (= 1,048,576)", "8k")
    .option("--batch <n>", "concurrent sequences", "1")
    .option("--dtype <dtype>", "weights: fp32, bf16, fp16, fp8, int8, fp4, int4, int4-weights, fp8-experts, fp4-experts", "bf16")
    .option("--kv-dtype <dtype>", "KV cache: fp32, bf16, fp16, fp8, int8, int4", "bf16")
    .option("--state-dtype <dtype>", "recurrent state: fp32, bf16, fp16, fp8", "fp32")
    .option("--prompt <tokens>", "prompt length for the prefill estimate (default: the context)")
    .option("--overhead <percent>", "runtime overhead per device, e.g. 10%", "10%")
    .option("--memory-gb <GB>", "with --gpu custom: memory per device")
    .option("--bandwidth-gbps <GB/s>", "with --gpu custom: memory bandwidth")
    .option("--tflops <TFLOPS>", "with --gpu custom: dense bf16 throughput")
    .option("--json", "machine-readable output")
    .action(async (models: string[], o: FitCliOptions) => emit(fitCommand(await Promise.all(models.map(resolveSpec)), o), undefined));

  program
    .command("count")
    .description("exact parameter count of a safetensors checkpoint, by dtype and component, from its headers only")
    .argument("<path>", "a .safetensors file (or its header bytes), a model.safetensors.index.json, or a directory holding one")
    .option("--json", "machine-readable output")
    .option("--spec <model>", "check against a spec's computed count (dataset id or spec .json); exit 1 when they differ")
    .action(async (path: string, o: { json?: boolean; spec?: string }) => {
      const spec = o.spec ? await resolveSpec(o.spec) : undefined;
      const { input } = await readCheckpoint(path);
      const { text, matches } = await countCommand(path, input, { ...(o.json ? { json: true } : {}), ...(spec ? { spec } : {}) });
      await emit(text, undefined);
      if (!matches) throw new CliError(`${path}: the checkpoint's count differs from ${spec?.id ?? "the spec"} (see the components above)`);
    });

  const drawing = (c: Command) =>
    c
      .option("-o, --output <file>", "output .svg or .png (default: SVG to stdout)")
      .option("--theme <theme>", "light or dark", "light")
      .option("--width <px>", "output width in pixels");

  drawing(program.command("render").description("draw one model").argument("<model>", "dataset id or path to a spec .json"))
    .option("--compact", "the narrow-column figure (320–700 px wide): no zoom panels, notes listed below, a mini layer strip")
    .option("--no-highlight", "do not outline what is new in a dataset model against its family (drawn by default)")
    .action(async (model: string, o: DrawOptions & { compact?: boolean; highlight?: boolean }) => {
      await preflight(o);
      // A dataset id: its new mechanisms (from the data index) are outlined; a spec file has no family to compare with.
      const { highlight: outline, ...drawOptions } = o;
      const highlight = outline === false ? undefined : await newMechanismsOf(model);
      await draw(await renderCommand(await resolveSpec(model), { ...drawOptions, ...(highlight ? { highlight } : {}) }), o.output);
    });

  drawing(
    program
      .command("compare")
      .description("draw 2–4 models side by side with their differences")
      .argument("<models...>", "dataset ids or spec paths"),
  ).action(async (models: string[], o: DrawOptions) => {
    await preflight(o);
    await draw(await compareCommand(await Promise.all(models.map(resolveSpec)), o), o.output);
  });

  drawing(program.command("poster").description("draw every model on one poster"))
    .option("--order <order>", "date or type", "date")
    .option("--cells <cells>", "compact (each model's compact figure, an upright A-series sheet) or full (full figures)", "compact")
    .action(async (o: DrawOptions & { order?: string; cells?: string }) => {
      await preflight(o);
      await draw(await posterCommand(o), o.output);
    });

  return program;
}

/** Runs the CLI; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof CliError) {
      process.stderr.write(`archgal: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`archgal: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
