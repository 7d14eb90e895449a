import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Tests are bounded by their work, not the clock; this only catches a hang, with room for a machine ten times
    // slower than usual (vitest's default, 5 s, is not).
    testTimeout: 60_000,
    reporters: ["default", "junit"],
    outputFile: { junit: "reports/junit-vitest.xml" },
  },
});
