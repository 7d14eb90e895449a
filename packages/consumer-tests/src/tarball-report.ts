/** Sizes of the packed tarballs: bytes of each .tgz, and raw/gzip bytes of the files users actually load. */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { manifestTargets, matchTarget, normalizeTarget } from "./manifest.js";
import type { ConsumerState, PackedPackage } from "./state.js";

export interface FileSize {
  bytes: number;
  gzipBytes: number;
}

export interface GroupSize {
  count: number;
  bytes: number;
  gzipBytes: number;
  largest?: { path: string } & FileSize;
}

export interface PackageSizes {
  version: string;
  tarball: string;
  /** Size of the .tgz itself (what the registry stores and npm downloads). */
  bytes: number;
  unpackedBytes: number;
  fileCount: number;
  /** Every file the manifest points at (exports, main, module, types, bin, customElements). */
  keyFiles: Record<string, FileSize>;
  /** Wildcard exports and the CDN folder, summed. */
  groups: Record<string, GroupSize>;
}

export interface TarballReport {
  generatedAt: string;
  node: string;
  packages: Record<string, PackageSizes>;
  notPacked: Record<string, string>;
}

function sizeOf(p: PackedPackage, path: string): FileSize {
  const buf = readFileSync(join(p.extractedDir, path));
  return { bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
}

function group(p: PackedPackage, paths: string[]): GroupSize {
  const g: GroupSize = { count: 0, bytes: 0, gzipBytes: 0 };
  for (const path of paths) {
    const s = sizeOf(p, path);
    g.count++;
    g.bytes += s.bytes;
    g.gzipBytes += s.gzipBytes;
    if (!g.largest || s.gzipBytes > g.largest.gzipBytes) g.largest = { path, ...s };
  }
  return g;
}

export function packageSizes(p: PackedPackage): PackageSizes {
  const files = p.files.map((f) => f.path);
  const keyFiles: Record<string, FileSize> = {};
  const groups: Record<string, GroupSize> = {};
  for (const { target } of manifestTargets(p.manifest)) {
    const t = normalizeTarget(target);
    if (t === "package.json") continue;
    const matched = matchTarget(target, files);
    if (t.includes("*")) {
      if (matched.length) groups[t] = group(p, matched);
    } else if (matched.length && !keyFiles[t]) keyFiles[t] = sizeOf(p, t);
  }
  const cdnJs = files.filter((f) => f.startsWith("cdn/") && /\.m?js$/.test(f) && !f.startsWith("cdn/models/"));
  if (cdnJs.length) groups["cdn/**/*.js (without models)"] = group(p, cdnJs);
  const cdnModels = files.filter((f) => f.startsWith("cdn/models/"));
  if (cdnModels.length) groups["cdn/models/*"] = group(p, cdnModels);
  // Entry files can be thin re-exports of shared chunks: these totals are the real cost of the code.
  const esm = files.filter((f) => f.startsWith("dist/") && /\.m?js$/.test(f));
  if (esm.length) groups["dist/**/*.js (ESM, with chunks)"] = group(p, esm);
  const cjs = files.filter((f) => f.startsWith("dist/") && f.endsWith(".cjs"));
  if (cjs.length) groups["dist/**/*.cjs (CJS, with chunks)"] = group(p, cjs);
  const dts = files.filter((f) => /\.d\.(c|m)?ts$/.test(f));
  if (dts.length) groups["**/*.d.ts"] = group(p, dts);
  const maps = files.filter((f) => f.endsWith(".map"));
  if (maps.length) groups["**/*.map"] = group(p, maps);
  return {
    version: p.version,
    tarball: basename(p.tarball),
    bytes: p.tarballBytes,
    unpackedBytes: p.unpackedBytes,
    fileCount: p.files.length,
    keyFiles,
    groups,
  };
}

export function tarballReport(state: ConsumerState): TarballReport {
  const packages: Record<string, PackageSizes> = {};
  for (const p of Object.values(state.packed)) packages[p.name] = packageSizes(p);
  return { generatedAt: new Date().toISOString(), node: process.version, packages, notPacked: { ...state.problems } };
}

const kib = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);

export function printTarballSummary(report: TarballReport, state: ConsumerState): void {
  const lines = ["", "archgal consumer tests: packed tarballs (reports/tarballs.json)"];
  for (const [name, s] of Object.entries(report.packages)) {
    const main = Object.entries(s.keyFiles).find(([f]) => /\.(m?js|cjs)$/.test(f) && !f.endsWith(".d.ts"));
    lines.push(
      `  ${`${name}@${s.version}`.padEnd(28)} ${kib(s.bytes).padStart(10)} tgz  ${kib(s.unpackedBytes).padStart(10)} unpacked  ${String(s.fileCount).padStart(4)} files` +
        (main ? `  ${main[0]} ${kib(main[1].gzipBytes)} gz` : ""),
    );
  }
  for (const [name, why] of Object.entries(report.notPacked)) lines.push(`  ${name}: NOT PACKED — ${why.split("\n")[0]}`);
  lines.push(
    `  pack ${state.timings.packMs ?? 0} ms, npm install ${state.timings.installMs ?? 0} ms (${state.install.ok ? "ok" : "FAILED"}), setup ${state.timings.setupMs ?? 0} ms`,
    "",
  );
  console.log(lines.join("\n"));
}
