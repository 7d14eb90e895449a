/**
 * A strict TypeScript consumer type-checked against the installed tarballs, once with moduleResolution "bundler"
 * and once with "node16" (which also checks a CommonJS .cts file against the "require" types). skipLibCheck is
 * off, so broken .d.ts files in our packages fail too.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PackageName } from "../src/env.js";
import { stage } from "../src/project.js";
import { describeRun, run, type RunResult } from "../src/run.js";
import { consumer, requireInstalled } from "../src/state.js";

interface Diagnostic {
  file: string;
  text: string;
}

function parseDiagnostics(output: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const m = /^(.+?)\(\d+,\d+\): error TS\d+:/.exec(line) ?? /^error TS\d+:/.exec(line);
    if (m) out.push({ file: m[1] ?? "", text: line });
    else if (line.startsWith(" ") && out.length) out[out.length - 1]!.text += `\n${line}`;
  }
  return out;
}

const modes = ["bundler", "node16"] as const;
const results: Partial<Record<(typeof modes)[number], { run: RunResult; diagnostics: Diagnostic[] }>> = {};

beforeAll(async () => {
  const state = consumer();
  if (!state.install.ok) return;
  const dir = stage("ts-consumer", "ts");
  const tsc = join(state.projectDir, "node_modules", "typescript", "bin", "tsc");
  await Promise.all(
    modes.map(async (mode) => {
      const r = await run(process.execPath, [tsc, "-p", `tsconfig.${mode}.json`, "--pretty", "false"], { cwd: dir, timeoutMs: 120_000 });
      results[mode] = { run: r, diagnostics: parseDiagnostics(r.stdout + r.stderr) };
    }),
  );
});

/** Diagnostics that belong to one consumer file or to one package's shipped files. */
function diagnosticsFor(mode: (typeof modes)[number], files: string[], packages: string[]): string[] {
  const r = results[mode];
  if (!r) throw new Error(`tsc (${mode}) did not run`);
  if (r.run.code !== 0 && r.diagnostics.length === 0) throw new Error(`tsc (${mode}) failed without diagnostics:\n${describeRun(r.run)}`);
  return r.diagnostics
    .filter((d) => files.some((f) => d.file === f) || packages.some((p) => d.file.includes(`node_modules/${p}/`)))
    .map((d) => d.text);
}

const cases: { name: string; files: string[]; packages: PackageName[]; also?: string[]; modes?: (typeof modes)[number][] }[] = [
  { name: "data + schema public types", files: ["data-schema.ts"], packages: ["@archgal/schema", "@archgal/data"] },
  {
    name: "schema extension (createSpecSchema / defineMixerKind) with the consumer's zod",
    files: ["extend.ts"],
    packages: ["@archgal/schema", "@archgal/renderer"],
    also: ["zod"],
  },
  { name: "@archgal/schema/hf importer", files: ["hf.ts"], packages: ["@archgal/schema"] },
  { name: "renderer public types", files: ["renderer.ts"], packages: ["@archgal/renderer"] },
  {
    name: "components public types (define.js registers typed tags)",
    files: ["components.ts"],
    packages: ["@archgal/components"],
    also: ["lit", "lit-html", "lit-element", "@lit/reactive-element"],
  },
  {
    name: "CommonJS .cts consumer gets the require (.d.cts) types",
    files: ["require-consumer.cts"],
    packages: ["@archgal/schema", "@archgal/data", "@archgal/renderer"],
    modes: ["node16"],
  },
];

for (const mode of modes) {
  describe(`TypeScript strict, moduleResolution ${mode}`, () => {
    for (const c of cases.filter((c) => !c.modes || c.modes.includes(mode))) {
      it(c.name, () => {
        requireInstalled(...c.packages);
        const errors = diagnosticsFor(mode, c.files, [...c.packages, ...(c.also ?? [])]);
        expect(errors, errors.join("\n")).toEqual([]);
      });
    }
    it("no other diagnostics (third-party .d.ts reached through our packages)", () => {
      consumer();
      const r = results[mode];
      if (!r) throw new Error(`tsc (${mode}) did not run: npm install failed`);
      const known = cases.flatMap((c) => c.files);
      const other = r.diagnostics.filter((d) => !known.includes(d.file) && !/node_modules\/@archgal\//.test(d.file));
      expect(other.map((d) => d.text).join("\n")).toBe("");
    });
  });
}
