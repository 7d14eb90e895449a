// Renders fixtures and/or dataset models to PNG (resvg with the DejaVu fonts) for looking at them.
// Usage: node scripts/preview.mjs [--dark] [--out DIR] [--no-panels] [--compact [--px 360]] [fixture-or-model-id ...]   (default out: /tmp/archgal-preview)
// --compact draws the narrow-column figure, rasterised --px pixels wide (default 360, as in a phone's blog column).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { Resvg } from "@resvg/resvg-js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (f) => {
  const i = args.indexOf(f);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const opt = (f, d) => {
  const i = args.indexOf(f);
  if (i < 0) return d;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const dark = flag("--dark");
const noPanels = flag("--no-panels");
const compact = flag("--compact");
const px = Number(opt("--px", "360"));
const out = opt("--out", "/tmp/archgal-preview");
mkdirSync(out, { recursive: true });

const bundle = resolve(out, "preview-bundle.mjs");
await esbuild.build({
  stdin: {
    contents: `export * from "./src/index.ts"; export * as fx from "../test-kit/src/fixtures/specs.ts"; export { renderCompare } from "./src/compare.ts"; export { renderPoster } from "./src/poster.ts";`,
    resolveDir: resolve(here, ".."),
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  outfile: bundle,
  logLevel: "error",
});
const r = await import(pathToFileURL(bundle).href + `?t=${Date.now()}`);
const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"].map((f) => `/usr/share/fonts/truetype/dejavu/${f}`);
const toPng = (svg, file, width) => {
  const png = new Resvg(r.inlineColors(svg), {
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    fitTo: width ? { mode: "width", value: width } : { mode: "original" },
  })
    .render()
    .asPng();
  writeFileSync(file, png);
  console.log(file);
};

const modelsDir = resolve(here, "../../data/models");
const models = existsSync(modelsDir)
  ? Object.fromEntries(
      readdirSync(modelsDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(resolve(modelsDir, f), "utf8"))]),
    )
  : {};
const fixtures = Object.fromEntries(r.fx.fixtures.map((s) => [s.id, s]));
const want = args.length ? args : Object.keys(fixtures);
for (const id of want) {
  if (id === "poster") {
    const specs = Object.values(models).length ? Object.values(models) : Object.values(fixtures);
    const svg = r.renderPoster(specs, { theme: dark ? "dark" : "light" });
    writeFileSync(resolve(out, "poster.svg"), svg);
    toPng(svg, resolve(out, "poster.png"), 4000);
    continue;
  }
  if (id.includes("+")) {
    const specs = id.split("+").map((x) => models[x] ?? fixtures[x]);
    const svg = r.renderCompare(specs, { theme: dark ? "dark" : "light" });
    writeFileSync(resolve(out, `compare-${id}.svg`), svg);
    toPng(svg, resolve(out, `compare-${id}.png`));
    continue;
  }
  const spec = models[id] ?? fixtures[id];
  if (!spec) {
    console.error(`unknown: ${id}`);
    continue;
  }
  const svg = r.renderModel(spec, { theme: dark ? "dark" : "light", panels: !noPanels, compact });
  const name = `${id}${compact ? "-compact" : ""}${dark ? "-dark" : ""}`;
  writeFileSync(resolve(out, `${name}.svg`), svg);
  toPng(svg, resolve(out, `${name}.png`), compact ? px : undefined);
}
