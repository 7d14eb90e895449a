import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pack and install once; every test file reuses the temporary consumer project.
    globalSetup: ["./src/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default", "junit"],
    outputFile: { junit: "reports/junit-consumer.xml" },
  },
});
