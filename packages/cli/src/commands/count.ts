import { countParams, formatCount, formatInt, type ModelSpec, type ParamComponent } from "@archgal/schema";
import type { SafetensorsCount, SafetensorsInput } from "@archgal/schema/hf";
import { CliError } from "../cli-error.js";

/** One row of the spec check: the checkpoint's count and the spec's, for one component. */
export interface CountDifference {
  component: string;
  checkpoint: number;
  spec: number;
  difference: number;
}

/** What `archgal count --json` prints. */
export interface CountReport extends SafetensorsCount {
  path: string;
  /** With `--spec`: the spec's id, its computed count (MTP included, as checkpoints ship it) and the rows that differ. */
  spec?: { id: string; totalWithMtp: number; matches: boolean; differences: CountDifference[] };
}

const pad = (s: string, n: number) => s.padEnd(n);
const padStart = (s: string, n: number) => s.padStart(n);

/** Compares a checkpoint's counts with a spec's `countParams` breakdown, component by component. */
export function compareWithSpec(count: SafetensorsCount, spec: ModelSpec): NonNullable<CountReport["spec"]> {
  const computed = countParams(spec);
  const components = new Set<string>([...Object.keys(computed.breakdown), ...Object.keys(count.byComponent)]);
  const rows: CountDifference[] = [];
  for (const component of components) {
    if (component === "quantization" || component === "buffer") continue;
    const checkpoint = count.byComponent[component as keyof SafetensorsCount["byComponent"]] ?? 0;
    const fromSpec = Object.prototype.hasOwnProperty.call(computed.breakdown, component)
      ? computed.breakdown[component as ParamComponent]
      : 0;
    if (checkpoint !== fromSpec) rows.push({ component, checkpoint, spec: fromSpec, difference: checkpoint - fromSpec });
  }
  return {
    id: spec.id,
    totalWithMtp: computed.totalWithMtp,
    matches: rows.length === 0 && computed.totalWithMtp === count.total,
    differences: rows,
  };
}

function table(rows: [string, string, string][]): string[] {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b, c]) => `  ${pad(a, w0)}  ${padStart(b, w1)}  ${c}`.trimEnd());
}

/** Text report of a count (and of the spec check, when there is one). */
export function formatCountReport(report: CountReport): string {
  const lines = [
    `${report.path}: ${formatInt(report.total)} parameters (${formatCount(report.total)}) in ${formatInt(report.tensors)} tensors${report.files > 1 ? `, ${report.files} files` : ""}`,
    "by dtype",
    ...table(
      Object.entries(report.byDtype)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, formatInt(v), `${formatInt(report.bytesByDtype[k] ?? 0)} bytes`]),
    ),
    "by component",
    ...table(
      Object.entries(report.byComponent)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, formatInt(v), k === "quantization" || k === "buffer" ? "(not counted as parameters)" : formatCount(v)]),
    ),
  ];
  const families = Object.entries(report.byFamily).filter(([k]) => k.includes("."));
  if (families.length)
    lines.push("by family", ...table(families.sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, formatInt(v), formatCount(v)])));
  if (report.unclassified.length)
    lines.push(`unclassified tensors (first ${report.unclassified.length}): ${report.unclassified.join(", ")}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  if (report.spec) {
    const s = report.spec;
    if (s.matches) lines.push(`spec ${s.id}: ${formatInt(s.totalWithMtp)} parameters, the same in every component`);
    else {
      lines.push(
        `spec ${s.id}: ${formatInt(s.totalWithMtp)} parameters computed, checkpoint ${formatInt(report.total)} (difference ${signed(report.total - s.totalWithMtp)})`,
      );
      lines.push(
        ...table([
          ["component", "checkpoint", "spec   difference"],
          ...s.differences.map((d): [string, string, string] => [
            d.component,
            formatInt(d.checkpoint),
            `${formatInt(d.spec)}   ${signed(d.difference)}`,
          ]),
        ]),
      );
    }
  }
  return lines.join("\n");
}

const signed = (n: number) => (n > 0 ? `+${formatInt(n)}` : n < 0 ? `−${formatInt(-n)}` : "0");

/** `archgal count <path> [--json] [--spec <id | spec.json>]`. */
export async function countCommand(
  path: string,
  read: SafetensorsInput,
  options: { json?: boolean; spec?: ModelSpec },
): Promise<{ text: string; matches: boolean }> {
  const { countSafetensors, SafetensorsError } = await import("@archgal/schema/hf");
  let count: SafetensorsCount;
  try {
    const mainLayers = options.spec?.architecture.mtp ? options.spec.architecture.numLayers : undefined;
    count = countSafetensors(read, mainLayers !== undefined ? { mainLayers } : {});
  } catch (error) {
    if (error instanceof SafetensorsError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
  const report: CountReport = { path, ...count, ...(options.spec ? { spec: compareWithSpec(count, options.spec) } : {}) };
  return { text: options.json ? JSON.stringify(report, null, 2) : formatCountReport(report), matches: report.spec?.matches ?? true };
}
