import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  esbuildOptions(options) {
    options.supported = { ...options.supported, "import-attributes": true };
  },
  // Model files stay separate JSON modules next to dist/, loaded on demand.
  external: [/\.\.\/models\/.*\.json$/],
});
