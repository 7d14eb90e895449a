// Runs every test of @archgal/components and exits non-zero when any fails:
//   1. browser tests in Chromium (@web/test-runner) → reports/junit-wtr.xml
//   2. node tests of the build output: CDN size budgets, the package's exports and manifest → reports/junit-node.xml
// Both need the build (cdn/, dist/, custom-elements.json); it is run first when missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const node = (args, env = {}) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

if (!["cdn/llm-arch.js", "dist/index.js", "custom-elements.json"].every((f) => existsSync(join(root, f)))) {
  console.log("components: build output missing, building first");
  if (node(["scripts/build.mjs"]) !== 0) process.exit(1);
}
mkdirSync(join(root, "reports"), { recursive: true });

const wtrBin = join(root, "node_modules/@web/test-runner/dist/bin.js");
const only = process.argv.slice(2);
const wtr = node([wtrBin, "--config", "web-test-runner.config.mjs", ...(only.length ? ["--files", ...only] : [])]);

let nodeTests = 0;
if (!only.length) {
  const files = readdirSync(join(root, "test"))
    .filter((f) => f.endsWith(".node.test.mjs"))
    .map((f) => join("test", f));
  nodeTests = node([
    "--test",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=junit",
    "--test-reporter-destination=reports/junit-node.xml",
    ...files,
  ]);
}
process.exit(wtr !== 0 || nodeTests !== 0 ? 1 : 0);
