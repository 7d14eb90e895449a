// @custom-elements-manifest/analyzer configuration: analyse the element classes (Lit), then point every
// module path at the published dist/*.js files instead of the sources.
const toDist = (p) => (typeof p === "string" ? p.replace(/^src\//, "dist/").replace(/\.ts$/, ".js") : p);

export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/cdn*.ts", "src/default-loader.ts", "src/**/*.test.ts"],
  outdir: ".",
  litelement: true,
  plugins: [
    {
      name: "archgal-dist-paths",
      packageLinkPhase({ customElementsManifest }) {
        const fix = (node) => {
          if (Array.isArray(node)) return node.forEach(fix);
          if (node && typeof node === "object") {
            for (const [k, v] of Object.entries(node)) {
              if ((k === "path" || k === "module") && typeof v === "string") node[k] = toDist(v);
              else fix(v);
            }
          }
        };
        fix(customElementsManifest);
      },
    },
  ],
};
