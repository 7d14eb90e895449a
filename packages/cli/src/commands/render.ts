import { extname } from "node:path";
import { loadAllModels } from "@archgal/data";
import type { ModelSpec, NewMechanism } from "@archgal/schema";
import { CliError } from "../cli-error.js";
import { svgToPng } from "../png.js";

/** Output options shared by render, compare and poster. */
export interface DrawOptions {
  output?: string;
  theme?: string;
  width?: string;
}

function theme(value: string | undefined): "light" | "dark" {
  if (value === undefined || value === "light" || value === "dark") return value ?? "light";
  throw new CliError(`--theme: expected light or dark, got "${value}"`);
}

function width(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 100_000) throw new CliError(`--width: expected an integer from 100 to 100000, got "${value}"`);
  return n;
}

/** The format a path asks for. */
export function formatOf(path: string | undefined): "svg" | "png" {
  if (!path) return "svg";
  const ext = extname(path).toLowerCase();
  if (ext === ".svg") return "svg";
  if (ext === ".png") return "png";
  throw new CliError(`${path}: output must end in .svg or .png`);
}

/** Renders the requested drawing to SVG or PNG bytes. */
async function finish(svg: string, options: DrawOptions): Promise<string | Uint8Array> {
  return formatOf(options.output) === "png" ? svgToPng(svg, width(options.width)) : svg;
}

/**
 * `archgal render <id | spec.json> [--compact]`. `--compact` draws the narrow-column figure (no zoom panels, the
 * notes listed below the stack, a mini layer strip), meant to be shown 320–700 px wide. `highlight`: the
 * mechanisms to outline (a dataset model's `newMechanisms`; the command passes them unless `--no-highlight`).
 */
export async function renderCommand(
  spec: ModelSpec,
  options: DrawOptions & { compact?: boolean; highlight?: readonly NewMechanism[] },
): Promise<string | Uint8Array> {
  formatOf(options.output);
  const w = width(options.width);
  const { renderModel } = await import("@archgal/renderer");
  return finish(
    renderModel(spec, {
      theme: theme(options.theme),
      ...(options.compact ? { compact: true } : {}),
      ...(w ? { width: w } : {}),
      ...(options.highlight?.length ? { highlight: options.highlight } : {}),
    }),
    options,
  );
}

/** `archgal compare <a> <b> [c] [d]`. */
export async function compareCommand(specs: ModelSpec[], options: DrawOptions): Promise<string | Uint8Array> {
  formatOf(options.output);
  if (specs.length < 2 || specs.length > 4) throw new CliError(`compare takes 2 to 4 models, got ${specs.length}`);
  const w = width(options.width);
  const { renderCompare } = await import("@archgal/renderer");
  return finish(renderCompare(specs, { theme: theme(options.theme), ...(w ? { width: w } : {}) }), options);
}

/** `archgal poster`. */
export async function posterCommand(options: DrawOptions & { order?: string; cells?: string }): Promise<string | Uint8Array> {
  formatOf(options.output);
  const order = options.order ?? "date";
  if (order !== "date" && order !== "type") throw new CliError(`--order: expected date or type, got "${order}"`);
  const cells = options.cells ?? "compact";
  if (cells !== "compact" && cells !== "full") throw new CliError(`--cells: expected compact or full, got "${cells}"`);
  const { renderPoster } = await import("@archgal/renderer");
  return finish(renderPoster(await loadAllModels(), { order, cells, theme: theme(options.theme) }), options);
}
