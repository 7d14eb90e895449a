// Runs the formatting check, lint and typecheck over every package (one step), then every test suite of the workspace (unit,
// browser, end-to-end, consumer), and prints one closing line "N passed, N failed" summed from the JUnit reports
// each suite writes to <package>/reports/*.xml; a failed format/lint/typecheck step counts as one failure.
// Exits non-zero when the checks fail, a suite fails, a test fails, or no test ran at all.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

const root = new URL("..", import.meta.url).pathname;
const workspaces = ["packages", "apps"].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(root, d, p)) : [],
);
for (const ws of workspaces) rmSync(join(ws, "reports"), { recursive: true, force: true });

execFileSync(process.execPath, [join(root, "scripts/ensure-chromium.mjs")], { stdio: "inherit" });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
// Formatting (Prettier), lint and typecheck of every package, and lint of the root scripts: one step, whose
// failure fails the run.
const formatCheck = spawnSync("pnpm", ["exec", "prettier", "--check", "."], { cwd: root, stdio: "inherit", env });
const packageChecks = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", "lint", "typecheck", "--continue", "--concurrency=1", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env },
);
const rootLint = spawnSync("pnpm", ["exec", "eslint", "scripts", "eslint.config.js"], { cwd: root, stdio: "inherit", env });
const checksOk = formatCheck.status === 0 && packageChecks.status === 0 && rootLint.status === 0;

const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "test", "--continue", "--concurrency=1", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
const asArray = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
let passed = 0;
let failed = 0;
let skipped = 0;
const perSuite = [];
// Each failed test with the start of its message, printed last so that a log cut to its tail still names them.
const failures = [];
const firstLines = (text, n) =>
  String(text ?? "")
    .split("\n")
    .slice(0, n)
    .join("\n    ");
for (const ws of workspaces) {
  const dir = join(ws, "reports");
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".xml"))) {
    const doc = parser.parse(readFileSync(join(dir, file), "utf8"));
    const suites = asArray(doc.testsuites?.testsuite ?? doc.testsuite);
    let p = 0;
    let f = 0;
    let s = 0;
    for (const suite of suites) {
      for (const tc of asArray(suite.testcase)) {
        if (tc.failure !== undefined || tc.error !== undefined) {
          f++;
          const detail = asArray(tc.failure ?? tc.error)[0];
          const message = typeof detail === "string" ? detail : [detail?.message, detail?.["#text"]].filter(Boolean).join("\n");
          failures.push(`FAILED ${ws.slice(root.length)} ${tc.classname ?? ""} > ${tc.name}\n    ${firstLines(message, 12)}`);
        } else if (tc.skipped !== undefined) s++;
        else p++;
      }
    }
    passed += p;
    failed += f;
    skipped += s;
    perSuite.push(`${ws.slice(root.length)}/reports/${file}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`);
  }
}
if (failures.length > 0)
  console.log(`\n${failures.slice(0, 20).join("\n")}${failures.length > 20 ? `\n… and ${failures.length - 20} more` : ""}`);
console.log(`\n${perSuite.join("\n")}`);
const ok = checksOk && turbo.status === 0 && failed === 0 && passed > 0;
if (!checksOk) console.log("formatting, lint or typecheck failed (see the output above; `pnpm format` fixes formatting)");
if (turbo.status !== 0 && failed === 0) console.log("a test task failed outside the test reports (see the output above)");
if (passed === 0) console.log("no test ran");
const unreported = (checksOk ? 0 : 1) + (turbo.status !== 0 && failed === 0 ? 1 : 0);
console.log(`${passed} passed, ${failed + unreported} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
