/**
 * publint and @arethetypeswrong/cli on each packed tarball (what would be published).
 *
 * attw profile, chosen per package from its packed package.json:
 * - dual ESM + CJS packages (an `exports` "require" condition): `node16`. It checks node16-from-ESM,
 *   node16-from-CJS and bundler resolution, and ignores `node10` (TypeScript's legacy `moduleResolution: node`,
 *   which cannot read `exports` subpaths at all; the root entry still works there through `main`/`types`).
 *   node10 problems are printed as notes, not failures.
 * - ESM-only packages (no "require" condition): `esm-only`, which also ignores "CJS resolves to ESM" — they do not
 *   offer require() on purpose.
 * - bin-only packages (no code entry point in `exports`, like the cli): `node16`; attw then reports that the
 *   package has no types, which is correct for a command.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packageNames, reportsDir, type PackageName } from "../src/env.js";
import { exportTargets } from "../src/manifest.js";
import { describeRun, run } from "../src/run.js";
import { packed, type PackedPackage } from "../src/state.js";

const require = createRequire(import.meta.url);
const attwBin = (() => {
  const pkgFile = require.resolve("@arethetypeswrong/cli/package.json");
  const bin = (JSON.parse(readFileSync(pkgFile, "utf8")) as { bin: string | Record<string, string> }).bin;
  return join(dirname(pkgFile), typeof bin === "string" ? bin : bin.attw!);
})();

type Profile = "strict" | "node16" | "esm-only";
function attwProfile(p: PackedPackage): { profile: Profile; why: string; binOnly: boolean } {
  const targets = exportTargets(p.manifest.exports);
  const code = targets.filter((t) => /\.(c|m)?js$/.test(t.target) && !t.subpath.startsWith("./cdn/"));
  if (code.length === 0 && p.manifest.bin)
    return { profile: "node16", binOnly: true, why: "bin-only: no code entry point in exports, so no types to check" };
  if (targets.some((t) => t.conditions.includes("require")))
    return {
      profile: "node16",
      binOnly: false,
      why: "dual ESM+CJS: node16 (ESM and CJS) and bundler must resolve; node10 (legacy moduleResolution) is reported, not failed",
    };
  return { profile: "esm-only", binOnly: false, why: "ESM-only by design: require() is not offered, so CJS-resolves-to-ESM is expected" };
}

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

const ignoredResolutions: Record<Profile, string[]> = { strict: [], node16: ["node10"], "esm-only": ["node10", "node16-cjs"] };
const ignoredKinds: Record<Profile, string[]> = { strict: [], node16: [], "esm-only": ["CJSResolvesToESM"] };

const lintReport: Record<string, unknown> = {};
afterAll(() => {
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(join(reportsDir, "lint.json"), `${JSON.stringify(lintReport, null, 2)}\n`);
});

function tarballBuffer(p: PackedPackage): ArrayBuffer {
  const buf = readFileSync(p.tarball);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

describe.each(packageNames)("%s", (name: PackageName) => {
  it("publint: no errors", async () => {
    const p = packed(name);
    const { messages, pkg } = await publint({ pack: { tarball: tarballBuffer(p) }, level: "suggestion", strict: false });
    const lines = messages.map((m) => `${m.type}: [${m.code}] ${formatMessage(m, pkg, { color: false }) ?? ""}`);
    lintReport[`${name} publint`] = lines;
    if (lines.length) console.log(`publint ${name}@${p.version}:\n  ${lines.join("\n  ")}`);
    expect(
      lines.filter((l) => l.startsWith("error:")),
      lines.join("\n"),
    ).toEqual([]);
  });

  it("attw: no ESM/CJS/types problems for its profile", async () => {
    const p = packed(name);
    const { profile, why, binOnly } = attwProfile(p);
    const r = await run(process.execPath, [attwBin, p.tarball, "--format", "json", "--profile", profile], {
      cwd: dirname(p.tarball),
      timeoutMs: 90_000,
      stdoutFile: `${p.tarball}.attw.json`,
    });
    let json: { analysis: { types: unknown; problems?: unknown }; problems?: unknown };
    try {
      json = JSON.parse(r.stdout) as typeof json;
    } catch {
      throw new Error(`attw printed no JSON\n${describeRun(r)}`);
    }
    const raw = json.problems ?? json.analysis.problems ?? [];
    const all: AttwProblem[] = Array.isArray(raw) ? (raw as AttwProblem[]) : Object.values(raw as Record<string, AttwProblem[]>).flat();
    const counted = all.filter(
      (q) => !ignoredResolutions[profile].includes(q.resolutionKind ?? "") && !ignoredKinds[profile].includes(q.kind),
    );
    const notes = all.filter((q) => !counted.includes(q));
    const fmt = (q: AttwProblem) => `${q.kind} ${q.entrypoint ?? ""} (${q.resolutionKind ?? "all"})`;
    lintReport[`${name} attw`] = { profile, why, problems: counted.map(fmt), notes: notes.map(fmt), types: json.analysis.types };
    console.log(
      `attw ${name}@${p.version} --profile ${profile} (${why}): ${counted.length ? counted.map(fmt).join("; ") : "no problems"}${notes.length ? `; notes: ${notes.map(fmt).join("; ")}` : ""}`,
    );
    if (binOnly) expect(json.analysis.types, "a bin-only package has no types").toBe(false);
    else expect(json.analysis.types, `${name} ships no types`).not.toBe(false);
    expect(counted.map(fmt)).toEqual([]);
  });
});
