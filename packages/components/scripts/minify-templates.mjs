// An esbuild plugin for the CDN build: collapses the whitespace of Lit `css` and `html` tagged templates in
// this package's sources (esbuild's minifier leaves template literal text alone). Only runs of whitespace that
// contain a line break are touched, so inline text keeps its single spaces.
import { readFile } from "node:fs/promises";

const collapseCss = (text) =>
  text
    .replace(/\s*\n\s*/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}");

const collapseHtml = (text) => text.replace(/>\s*\n\s*</g, "><").replace(/\s*\n\s*/g, " ");

/** Rewrites the text parts (outside `${…}`) of every css`…` and html`…` template of a source file. */
export function minifyTemplates(source) {
  return source.replace(/\b(css|html)`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g, (whole, tag, body) => {
    const parts = body.split(/(\$\{(?:[^{}]|\{[^{}]*\})*\})/);
    const out = parts.map((p, i) => (i % 2 ? p : tag === "css" ? collapseCss(p) : collapseHtml(p))).join("");
    return `${tag}\`${out}\``;
  });
}

/** The esbuild plugin. */
export const minifyTemplatesPlugin = {
  name: "minify-lit-templates",
  setup(build) {
    build.onLoad({ filter: /\/packages\/components\/src\/.*\.ts$/ }, async (args) => ({
      contents: minifyTemplates(await readFile(args.path, "utf8")),
      loader: "ts",
    }));
  },
};
