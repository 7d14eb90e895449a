/**
 * Packs every publishable package once (pnpm pack rewrites workspace: ranges), installs the tarballs with npm into
 * a fresh project under os.tmpdir() — outside the workspace, so no workspace node_modules can be reached — and
 * records the size of each tarball to reports/tarballs.json. Every test file reuses that project.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { TestProject } from "vitest/node";
import { EXPECTED_PACKAGES, packagesDir, packageNames, reportsDir, type PackageName } from "./env.js";
import type { Manifest } from "./manifest.js";
import { describeRun, run } from "./run.js";
import type { ConsumerState, PackedFile, PackedPackage } from "./state.js";
import { tarballReport, printTarballSummary } from "./tarball-report.js";

/** Registry packages the consumer project adds next to the tarballs (what a real app would have). */
export const THIRD_PARTY = { vite: "8.3.8", typescript: "5.9.3" } as const;

function listFiles(dir: string, base = dir): PackedFile[] {
  const out: PackedFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push({ path: relative(base, full).split("\\").join("/"), bytes: statSync(full).size });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

async function pack(name: PackageName, workspaceDir: string, tarballDir: string, extractRoot: string): Promise<PackedPackage | string> {
  const r = await run("pnpm", ["pack", "--pack-destination", tarballDir, "--json"], { cwd: workspaceDir, timeoutMs: 120_000 });
  if (r.code !== 0) return `pnpm pack failed in ${relative(packagesDir, workspaceDir)}:\n${describeRun(r)}`;
  let info: { filename?: string };
  try {
    info = JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))) as { filename?: string };
  } catch {
    return `pnpm pack printed no JSON:\n${describeRun(r)}`;
  }
  const tarball = info.filename && existsSync(info.filename) ? info.filename : join(tarballDir, info.filename ?? "");
  if (!existsSync(tarball)) return `pnpm pack reported ${info.filename}, which does not exist`;
  const extractDir = join(extractRoot, name.replace("/", "+"));
  mkdirSync(extractDir, { recursive: true });
  const x = await run("tar", ["-xzf", tarball, "-C", extractDir], { cwd: extractDir });
  if (x.code !== 0) return `cannot extract ${tarball}:\n${describeRun(x)}`;
  const extractedDir = join(extractDir, "package");
  const files = listFiles(extractedDir);
  const manifest = JSON.parse(readFileSync(join(extractedDir, "package.json"), "utf8")) as Manifest;
  return {
    name,
    version: manifest.version ?? "?",
    workspaceDir,
    tarball,
    tarballBytes: statSync(tarball).size,
    unpackedBytes: files.reduce((s, f) => s + f.bytes, 0),
    files,
    extractedDir,
    manifest,
  };
}

async function prepare(): Promise<ConsumerState> {
  const t0 = performance.now();
  const tmpRoot = await mkdtemp(join(tmpdir(), "archgal-consumer-"));
  const tarballDir = join(tmpRoot, "tarballs");
  const projectDir = join(tmpRoot, "project");
  const extractRoot = join(tmpRoot, "extracted");
  for (const d of [tarballDir, projectDir, extractRoot]) mkdirSync(d, { recursive: true });

  const state: ConsumerState = {
    tmpRoot,
    tarballDir,
    projectDir,
    packed: {},
    problems: {},
    unknownPublishable: [],
    install: { ok: false, ms: 0, command: "", output: "" },
    installed: {},
    thirdParty: {},
    timings: {},
  };

  // Which workspace packages are publishable (not private)?
  for (const dir of readdirSync(packagesDir)) {
    const file = join(packagesDir, dir, "package.json");
    if (!existsSync(file)) continue;
    const m = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    if (!m.private && m.name && !(m.name in EXPECTED_PACKAGES)) state.unknownPublishable.push(m.name);
  }
  const toPack: [PackageName, string][] = [];
  for (const name of packageNames) {
    const dir = join(packagesDir, EXPECTED_PACKAGES[name]);
    const file = join(dir, "package.json");
    if (!existsSync(file)) {
      state.problems[name] = `packages/${EXPECTED_PACKAGES[name]} does not exist yet (no package.json)`;
      continue;
    }
    const m = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    if (m.name !== name) state.problems[name] = `packages/${EXPECTED_PACKAGES[name]}/package.json is named ${m.name}, expected ${name}`;
    else if (m.private) state.problems[name] = `${name} is marked "private": true, so it cannot be published`;
    else toPack.push([name, dir]);
  }

  const tPack = performance.now();
  const results = await Promise.all(toPack.map(([name, dir]) => pack(name, dir, tarballDir, extractRoot)));
  toPack.forEach(([name], i) => {
    const r = results[i]!;
    if (typeof r === "string") state.problems[name] = r;
    else state.packed[name] = r;
  });
  state.timings.packMs = Math.round(performance.now() - tPack);

  // Install the tarballs (and what a real app adds) into a fresh project outside the workspace.
  const packedList = Object.values(state.packed);
  const schemaZod = state.packed["@archgal/schema"]?.manifest.dependencies?.zod;
  const extras = { ...THIRD_PARTY, ...(schemaZod ? { zod: schemaZod } : {}) };
  writeFileSync(
    join(projectDir, "package.json"),
    `${JSON.stringify({ name: "archgal-consumer-app", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  // @archgal/* must come from our tarballs only: a range the tarballs do not satisfy fails loudly instead of
  // fetching whatever the public registry has under that name.
  writeFileSync(
    join(projectDir, ".npmrc"),
    [
      "@archgal:registry=http://127.0.0.1:9/",
      "fund=false",
      "audit=false",
      "update-notifier=false",
      "fetch-retries=1",
      "fetch-retry-mintimeout=1000",
      "fetch-retry-maxtimeout=2000",
      "",
    ].join("\n"),
  );
  const args = [
    "install",
    "--no-audit",
    "--no-fund",
    "--prefer-offline",
    "--loglevel=warn",
    ...packedList.map((p) => p.tarball),
    ...Object.entries(extras).map(([n, v]) => `${n}@${v}`),
  ];
  const tInstall = performance.now();
  if (packedList.length) {
    const r = await run("npm", args, { cwd: projectDir, timeoutMs: 240_000 });
    state.install = { ok: r.code === 0, ms: r.ms, command: `npm ${args.join(" ")}`, output: describeRun(r, 8000) };
  } else {
    state.install = { ok: false, ms: 0, command: "", output: "no package could be packed" };
  }
  state.timings.installMs = Math.round(performance.now() - tInstall);
  for (const p of packedList) {
    const file = join(projectDir, "node_modules", p.name, "package.json");
    if (existsSync(file)) state.installed[p.name] = (JSON.parse(readFileSync(file, "utf8")) as Manifest).version ?? "?";
  }
  for (const n of Object.keys(extras)) {
    const file = join(projectDir, "node_modules", n, "package.json");
    if (existsSync(file)) state.thirdParty[n] = (JSON.parse(readFileSync(file, "utf8")) as Manifest).version ?? "?";
  }
  state.timings.setupMs = Math.round(performance.now() - t0);
  return state;
}

export default async function setup(project: TestProject) {
  let state: ConsumerState;
  try {
    state = await prepare();
  } catch (error) {
    state = {
      tmpRoot: "",
      tarballDir: "",
      projectDir: "",
      packed: {},
      problems: {},
      unknownPublishable: [],
      install: { ok: false, ms: 0, command: "", output: "" },
      installed: {},
      thirdParty: {},
      timings: {},
      fatal: (error as Error).stack ?? String(error),
    };
  }
  mkdirSync(reportsDir, { recursive: true });
  if (!state.fatal) {
    const report = tarballReport(state);
    writeFileSync(join(reportsDir, "tarballs.json"), `${JSON.stringify(report, null, 2)}\n`);
    printTarballSummary(report, state);
  } else {
    console.error(`consumer-tests setup failed:\n${state.fatal}`);
  }
  project.provide("consumer", state);
  return async () => {
    if (process.env.ARCHGAL_KEEP_CONSUMER) console.log(`consumer-tests: kept ${state.tmpRoot}`);
    else if (state.tmpRoot) await rm(state.tmpRoot, { recursive: true, force: true });
  };
}
