import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The poster and every-combination tests took up to 14 s on a loaded two-core machine (the 5 s default failed them).
    testTimeout: 60_000,
    reporters: ["default", "junit"],
    outputFile: { junit: "reports/junit-vitest.xml" },
  },
});
