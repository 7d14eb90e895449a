/**
 * Size budgets, enforced on every test run (gzip level 9, as the components' own size report measures): the CDN
 * element and each model's data as the CDN serves it within the budgets of that report (its `budgets`, the one
 * place they are set; measured here independently of it), and @archgal/schema's browser entry
 * free of classic zod (whose locales alone cost ~90 KB gzip) — checked from esbuild's metafile, not guessed.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { datasetIds, packagesDir } from "@archgal/test-kit/dataset";

const KiB = 1024;
const report = (await import(pathToFileURL(`${packagesDir}components/scripts/sizes.mjs`).href)) as {
  budgets: { criticalPath: number; model: number };
};
export const BUDGETS = { cdnElement: report.budgets.criticalPath, modelData: report.budgets.model } as const;

const cdnDir = `${packagesDir}components/cdn/`;
const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kib = (n: number) => `${(n / KiB).toFixed(2)} KiB`;
const CLASSIC_ZOD = /zod\/(v4\/classic|v4\/locales|v3\/|lib\/|dist\/)|zod\/v4\/core\/.*locales/;

function needBuilt(path: string) {
  if (!existsSync(path))
    throw new Error(`${path} is missing: build @archgal/components first (turbo builds it before this package's tests)`);
}

type Metafile = { inputs: Record<string, unknown>; outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };

/** Input files that contribute code to the output (esbuild lists tree-shaken files too, with 0 bytes). */
const contributing = (meta: Metafile): string[] =>
  Object.values(meta.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([p]) => p),
  );

type CdnMeta = { outputs: Record<string, { imports?: { path: string; kind: string }[] }> };

/**
 * What `<script type="module" src=".../llm-arch.js">` downloads before the element can run: the entry and every
 * chunk it imports statically (transitively), each compressed on its own as a CDN serves it. Lazy chunks
 * (`import()`: zoom panels, validator, compare, gallery) are not on this path.
 */
export function criticalPath(): { files: string[]; gzip: number } {
  needBuilt(`${cdnDir}meta.json`);
  const meta = JSON.parse(readFileSync(`${cdnDir}meta.json`, "utf8")) as CdnMeta;
  const rel = (f: string) => f.replace(/^.*?cdn\//, "");
  const outputs = new Map(
    Object.entries(meta.outputs)
      .filter(([f]) => f.endsWith(".js"))
      .map(([f, o]) => [rel(f), o]),
  );
  if (!outputs.has("llm-arch.js")) throw new Error("cdn/meta.json has no llm-arch.js output");
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file) || !outputs.has(file)) return;
    seen.push(file);
    for (const i of outputs.get(file)!.imports ?? []) if (i.kind === "import-statement") visit(rel(i.path));
  };
  visit("llm-arch.js");
  for (const f of seen) needBuilt(`${cdnDir}${f}`);
  // Cross-check with the file itself: every static import in the entry's code is on the path.
  const code = readFileSync(`${cdnDir}llm-arch.js`, "utf8");
  for (const [, spec] of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+)"/g)) {
    if (!seen.includes(spec!.slice(2))) throw new Error(`static import ${spec} of llm-arch.js missing from the metafile's closure`);
  }
  return { files: seen, gzip: seen.reduce((n, f) => n + gzip(readFileSync(`${cdnDir}${f}`)), 0) };
}

/** Bundles a module for the browser and returns the inputs that end up in it and the gzip size of the output. */
async function browserBundle(source: string, from = "quality"): Promise<{ inputs: string[]; gzip: number; raw: number }> {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: packagesDir + from, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    conditions: ["browser", "import"],
  });
  const out = result.outputFiles[0]!.contents;
  return { inputs: contributing(result.metafile as Metafile), gzip: gzip(out), raw: out.length };
}

describe("size budgets", () => {
  it(`the CDN element (cdn/llm-arch.js and every chunk it imports statically) is at most ${kib(BUDGETS.cdnElement)} gzip`, () => {
    const { files, gzip: size } = criticalPath();
    expect(files[0]).toBe("llm-arch.js");
    expect(size, `cdn/${files.join(" + cdn/")} = ${kib(size)} gzip, budget ${kib(BUDGETS.cdnElement)}`).toBeLessThanOrEqual(
      BUDGETS.cdnElement,
    );
  });

  it(`every model's data as the CDN serves it (cdn/models/<id>.json) is at most ${kib(BUDGETS.modelData)} gzip`, () => {
    needBuilt(`${cdnDir}models`);
    const served = new Set(
      readdirSync(`${cdnDir}models`)
        .filter((f) => f.endsWith(".json") && f !== "index.json")
        .map((f) => f.slice(0, -5)),
    );
    expect(
      [...datasetIds].filter((id) => !served.has(id)),
      "dataset models missing from cdn/models",
    ).toEqual([]);
    const over = [...served]
      .map((id) => [id, gzip(readFileSync(`${cdnDir}models/${id}.json`))] as const)
      .filter(([, n]) => n > BUDGETS.modelData)
      .map(([id, n]) => `${id}: ${kib(n)}`);
    expect(over, `models over ${kib(BUDGETS.modelData)} gzip`).toEqual([]);
  });

  it("the CDN element contains neither classic zod, zod locales nor @archgal/data (esbuild metafile of the build)", () => {
    needBuilt(`${cdnDir}meta.json`);
    const inputs = contributing(JSON.parse(readFileSync(`${cdnDir}meta.json`, "utf8")) as Metafile);
    expect(inputs.filter((p) => CLASSIC_ZOD.test(p))).toEqual([]);
    expect(inputs.filter((p) => /packages\/data\/|@archgal\/data/.test(p))).toEqual([]);
  });

  it("@archgal/schema's browser entry has no classic zod or zod locales inside (esbuild metafile)", async () => {
    const b = await browserBundle(`export * from "@archgal/schema";`);
    expect(
      b.inputs.some((p) => /zod\//.test(p)),
      "zod/mini is expected in the bundle",
    ).toBe(true);
    expect(b.inputs.filter((p) => CLASSIC_ZOD.test(p))).toEqual([]);
    // zod/mini keeps the whole schema module well under the cost of classic zod's locales alone (~90 KB gzip).
    expect(b.gzip, `@archgal/schema browser bundle is ${kib(b.gzip)} gzip`).toBeLessThan(40 * KiB);
  });

  it("@archgal/schema/metrics (what the web component imports) and @archgal/renderer/lean bundle without any zod", async () => {
    for (const entry of ["@archgal/schema/metrics", "@archgal/renderer/lean"]) {
      const b = await browserBundle(`export * from "${entry}";`);
      expect(
        b.inputs.filter((p) => /zod\//.test(p)),
        entry,
      ).toEqual([]);
    }
  });

  it("the detector is live: classic zod imported from @archgal/schema's own dependency shows up with its locales", async () => {
    const b = await browserBundle(
      `import { z } from "zod"; export const s = z.object({ a: z.string() }); z.config(z.locales.de());`,
      "schema",
    );
    expect(b.inputs.filter((p) => CLASSIC_ZOD.test(p)).length).toBeGreaterThan(10);
  });

  it("what a page needs to draw a diagram (validateSpec + renderModel) bundles for the browser without Node built-ins or classic zod", async () => {
    const b = await browserBundle(`export { validateSpec } from "@archgal/schema"; export { renderModel } from "@archgal/renderer";`);
    expect(b.inputs.filter((p) => /^node:|zod\/v4\/classic|zod\/v4\/locales/.test(p))).toEqual([]);
  });
});
