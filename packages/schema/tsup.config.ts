import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", metrics: "src/metrics.ts", fit: "src/fit-entry.ts", concepts: "src/concepts/index.ts", details: "src/details.ts", hf: "src/hf/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: "es2022",
});
