// Builds @archgal/components:
//   dist/             ESM modules + .d.ts, one per source file (tsc), so class modules stay free of side effects;
//   custom-elements.json  the Custom Elements Manifest (@custom-elements-manifest/analyzer, Lit plugin);
//   cdn/llm-arch.js   the one script a page includes (esbuild): lit, the lean renderer and <llm-arch>/<llm-arch-facts>,
//                     registering every tag; its default loader fetches ./models/<id>.json. Code a plain
//                     <llm-arch model> does not need is split into cdn/chunks/, loaded on demand: the zoom panels
//                     (full renderer), the validator (only for .spec/src), <llm-arch-compare> and <llm-arch-gallery>;
//   cdn/models/       every model's JSON (minified) and index.json (the light index).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import * as esbuild from "esbuild";
import { reportSizes } from "./sizes.mjs";
import { minifyTemplatesPlugin } from "./minify-templates.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

rmSync(join(root, "dist"), { recursive: true, force: true });
rmSync(join(root, "cdn"), { recursive: true, force: true });

// 1. npm build.
run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"]);

// 2. Custom Elements Manifest.
run(process.execPath, [join(dirname(require.resolve("@custom-elements-manifest/analyzer/package.json")), "cem.js"), "analyze", "--quiet"]);

// 3. CDN bundle.
const swapDefaultLoader = {
  name: "cdn-default-loader",
  setup(build) {
    build.onResolve({ filter: /^\.\/default-loader\.js$/ }, (args) => ({ path: join(args.resolveDir, "cdn-default-loader.ts") }));
  },
};
// Every lazily loaded module also imports cdn-core.ts, the module holding all that the entry runs at once. esbuild
// puts the modules reached from the same set of entry points into one chunk, so the critical path becomes the entry
// and a single chunk (compressed as one file, 1.6 KiB smaller than as seven); the lazy chunks load after it anyway.
const oneCriticalChunk = {
  name: "one-critical-chunk",
  setup(build) {
    const core = join(root, "src/cdn-core.ts");
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== "dynamic-import" || args.pluginData?.wrapped) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { wrapped: true },
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      return { path: resolved.path, namespace: "after-core" };
    });
    build.onLoad({ filter: /.*/, namespace: "after-core" }, (args) => ({
      contents: `import ${JSON.stringify(core)};\nexport * from ${JSON.stringify(args.path)};\n`,
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};
const banner = "/*! @archgal/components CDN build (MIT); bundles lit (BSD-3-Clause) and zod (MIT) */";
const result = await esbuild.build({
  entryPoints: { "llm-arch": join(root, "src/cdn.ts") },
  outdir: join(root, "cdn"),
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  metafile: true,
  plugins: [swapDefaultLoader, oneCriticalChunk, minifyTemplatesPlugin],
  banner: { js: banner },
  logLevel: "warning",
});
// The notice stays on the entry and on the chunks that hold lit or zod; the other chunks (loaded only by the
// entry) do not repeat it, which keeps it off the critical path six times over.
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith(".js") || file.endsWith("cdn/llm-arch.js")) continue;
  if (Object.keys(output.inputs).some((i) => /node_modules\/.*\/(lit|lit-html|lit-element|@lit\/reactive-element|zod)\//.test(i))) continue;
  const path = join(root, "cdn", file.replace(/^.*?cdn\//, ""));
  const text = readFileSync(path, "utf8");
  if (text.startsWith(banner)) writeFileSync(path, text.slice(banner.length).replace(/^\n/, ""));
}
// Everything on the critical path runs as soon as it arrives: V8's explicit compile hint makes it compile those
// files' functions eagerly, on a background thread while they stream, instead of one by one on the first draw
// (about half the cost of the first renderModel in a fresh page).
const compileHint = "//# allFunctionsCalledOnLoad\n";
const critical = new Set();
const visit = (file) => {
  if (critical.has(file) || !result.metafile.outputs[file]) return;
  critical.add(file);
  for (const i of result.metafile.outputs[file].imports) if (i.kind === "import-statement") visit(i.path);
};
visit(Object.keys(result.metafile.outputs).find((f) => f.endsWith("cdn/llm-arch.js")));
for (const file of critical) {
  const path = join(root, "cdn", file.replace(/^.*?cdn\//, ""));
  writeFileSync(path, compileHint + readFileSync(path, "utf8"));
}
// The metafile feeds the size tests; package.json's "files" leaves it out of the tarball.
writeFileSync(join(root, "cdn/meta.json"), JSON.stringify(result.metafile));
const bundled = Object.keys(result.metafile.inputs);
const forbidden = bundled.filter((p) => /zod\/v4\/classic|zod\/v3|@archgal\/data|packages\/data\//.test(p));
if (forbidden.length) throw new Error(`the CDN build must not contain classic zod or @archgal/data:\n${forbidden.join("\n")}`);

// 4. Model data: one minified JSON per model of the light index, its new mechanisms in `new-mechanisms/<id>.json`
//    (the diagram's accent outlines: `newMechanismsOf(id)`, `[]` when nothing is new), and the light index.
const data = await import(pathToFileURL(require.resolve("@archgal/data")).href);
const modelsDir = join(dirname(require.resolve("@archgal/data/package.json")), "models");
mkdirSync(join(root, "cdn/models/new-mechanisms"), { recursive: true });
for (const { id } of data.models) {
  const spec = JSON.parse(readFileSync(join(modelsDir, `${id}.json`), "utf8"));
  writeFileSync(join(root, `cdn/models/${id}.json`), JSON.stringify(spec));
  writeFileSync(join(root, `cdn/models/new-mechanisms/${id}.json`), JSON.stringify(await data.newMechanismsOf(id)));
}
writeFileSync(join(root, "cdn/models/index.json"), JSON.stringify(data.models));

reportSizes(root);
