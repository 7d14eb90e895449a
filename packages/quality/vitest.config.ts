import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/lib/setup.ts"],
    // Two workers even on a two-core machine: the CLI tests mostly wait for the processes they spawn.
    maxWorkers: 2,
    // Property tests scale with QUALITY_RUNS (the `fuzz` script); the default run stays far below this.
    testTimeout: 60_000 * Math.max(1, Number(process.env.QUALITY_RUNS ?? 1)),
    hookTimeout: 120_000,
    reporters: ["default", "junit"],
    outputFile: { junit: "reports/junit-quality.xml" },
  },
});
