import { defineConfig } from "tsup";

const common = {
  format: ["esm", "cjs"] as ("esm" | "cjs")[],
  dts: true,
  sourcemap: true,
  treeshake: true,
  target: "es2022" as const,
  clean: false,
};

export default defineConfig([
  {
    ...common,
    entry: {
      index: "src/index.ts",
      metrics: "src/metrics.ts",
      lean: "src/lean.ts",
      concepts: "src/concepts/index.ts",
      "model-list": "src/model-list.ts",
      details: "src/details.ts",
      family: "src/family.ts",
      hf: "src/hf/index.ts",
    },
  },
  // The fit entry is self-contained (its own copy of the counting code): browser bundles that load it lazily then
  // keep the code only it needs (e.g. the true-cache formulas) off their critical path.
  { ...common, entry: { fit: "src/fit-entry.ts" }, splitting: false },
]);
