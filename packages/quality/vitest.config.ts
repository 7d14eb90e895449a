import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/lib/setup.ts"],
    // Two workers even on a two-core machine: the CLI tests mostly wait for the processes they spawn.
    maxWorkers: 2,
    // Every property is bounded by its number of runs and every spawned process by its own work, never by the
    // clock: the timeout only catches a hang, far above what a machine ten times slower than usual needs (the
    // default run of the largest suite takes under a minute on a loaded two-core machine). It scales with
    // QUALITY_RUNS (the `fuzz` script).
    testTimeout: 20 * 60_000 * Math.max(1, Number(process.env.QUALITY_RUNS ?? 1)),
    hookTimeout: 120_000,
    reporters: ["default", "junit"],
    outputFile: { junit: "reports/junit-quality.xml" },
  },
});
