import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", lean: "src/lean.ts", panels: "src/panels-entry.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: "es2022",
});
