// `pnpm start`: builds the gallery when the build is missing or older than its sources (or than a workspace
// package it uses), then serves dist/ on http://localhost:4173/ (or the next free port) and prints the URL.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./static-server.mjs";

const app = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(app, "../..");
const dist = join(app, "dist");
const stamp = join(dist, "index.html");

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path)) if (e !== "node_modules") t = Math.max(t, newest(join(path, e)));
  return t;
}

const deps = ["schema", "data", "renderer", "components"].map((p) => join(root, "packages", p));
const depsBuilt = deps.every((d) => existsSync(join(d, "dist")));
const sources = [
  join(app, "src"),
  join(app, "build"),
  join(app, "public"),
  join(app, "vite.config.ts"),
  ...readdirSync(app)
    .filter((f) => f.endsWith(".html"))
    .map((f) => join(app, f)),
  ...deps.map((d) => join(d, "dist")),
  join(root, "packages/data/models"),
];
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const stale = !depsBuilt || built === 0 || sources.some((s) => newest(s) > built);

if (stale) {
  console.log(built === 0 ? "Building the gallery…" : "Sources changed since the last build; rebuilding the gallery…");
  const run = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@archgal/gallery...", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) {
    console.error("The build failed; see the output above.");
    process.exit(run.status ?? 1);
  }
}

const port = Number(process.env.PORT ?? 4173);
const { url } = await serveStatic(dist, { port, host: process.env.HOST ?? "127.0.0.1" });
console.log(`\narchgal gallery: ${url}\n(serving ${dist}; press Ctrl+C to stop)`);
