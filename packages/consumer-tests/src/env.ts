/**
 * Paths of the workspace and a child-process environment that cannot see it: no workspace bins on PATH, no
 * NODE_PATH, no npm_/pnpm_ variables that pnpm and vitest set for their own scripts.
 */
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const consumerTestsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const workspaceRoot = resolve(consumerTestsDir, "../..");
export const packagesDir = join(workspaceRoot, "packages");
export const reportsDir = join(consumerTestsDir, "reports");
export const fixturesDir = join(consumerTestsDir, "fixtures");

/** The packages a user can install, by workspace folder. A test for a missing one fails and says so. */
export const EXPECTED_PACKAGES = {
  "@archgal/schema": "schema",
  "@archgal/data": "data",
  "@archgal/renderer": "renderer",
  "@archgal/components": "components",
  "@archgal/cli": "cli",
} as const;
export type PackageName = keyof typeof EXPECTED_PACKAGES;
export const packageNames = Object.keys(EXPECTED_PACKAGES) as PackageName[];

const dropped =
  /^(npm_|pnpm_|PNPM_|TURBO_|VITEST|VITE_|NODE_PATH$|NODE_OPTIONS$|NODE_ENV$|INIT_CWD$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$|COREPACK_)/;

/** process.env as an outsider's shell would have it. */
export function outsiderEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || dropped.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((p) => p && !p.startsWith(workspaceRoot) && !p.includes("node_modules") && !p.includes("node-gyp-bin"))
    .join(delimiter);
  env.NO_COLOR = "1";
  env.FORCE_COLOR = "0";
  env.npm_config_update_notifier = "false";
  return { ...env, ...extra };
}

/** Debian's Chromium (or $CHROME_PATH), as scripts/ensure-chromium.mjs finds it. */
export const chromiumCandidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
