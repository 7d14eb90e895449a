/** `changeset status` (offline): every published package has a pending release with a sane next version. */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_PACKAGES, packageNames, packagesDir, reportsDir, workspaceRoot, type PackageName } from "../src/env.js";
import { describeRun, run } from "../src/run.js";
import { compareVersions, parseVersion } from "../src/semver.js";

interface Status {
  changesets: { id: string; summary: string; releases: { name: string; type: string }[] }[];
  releases: { name: string; type: string; oldVersion: string; newVersion: string; changesets: string[] }[];
}

let status: Status | undefined;
let failure = "";
beforeAll(async () => {
  // --output is resolved against the workspace root; keep it inside this package's reports folder.
  const out = join(reportsDir, "changeset-status.json");
  const r = await run("pnpm", ["exec", "changeset", "status", "--output", relative(workspaceRoot, out)], {
    cwd: workspaceRoot,
    timeoutMs: 60_000,
  });
  if (r.code !== 0 || !existsSync(out)) failure = describeRun(r);
  else status = JSON.parse(readFileSync(out, "utf8")) as Status;
});

const workspaceManifest = (name: PackageName) =>
  JSON.parse(readFileSync(join(packagesDir, EXPECTED_PACKAGES[name], "package.json"), "utf8")) as { version: string; private?: boolean };

describe.each(packageNames)("changesets: %s", (name: PackageName) => {
  it("has a pending release of its own with a sane next version", () => {
    if (!status) throw new Error(`changeset status failed:\n${failure}`);
    if (!existsSync(join(packagesDir, EXPECTED_PACKAGES[name], "package.json")))
      throw new Error(`packages/${EXPECTED_PACKAGES[name]} does not exist yet`);
    const release = status.releases.find((r) => r.name === name);
    expect(release, `no release planned for ${name}: write .changeset/<name>.md`).toBeTruthy();
    const own = status.changesets.filter((c) => c.releases.some((r) => r.name === name && r.type !== "none"));
    expect(
      own.map((c) => c.id),
      `${name} is only bumped as a dependent (${release!.type} → ${release!.newVersion}), with no changeset describing it: add .changeset/<name>.md`,
    ).not.toEqual([]);
    expect(["major", "minor", "patch"]).toContain(release!.type);
    expect(parseVersion(release!.newVersion), `newVersion ${release!.newVersion}`).toBeTruthy();
    expect(release!.oldVersion).toBe(workspaceManifest(name).version);
    expect(compareVersions(release!.newVersion, release!.oldVersion)).toBeGreaterThan(0);
    // Never published (no CHANGELOG.md yet): the first version must be 0.1.0 or 1.0.0, not skip one.
    if (!existsSync(join(packagesDir, EXPECTED_PACKAGES[name], "CHANGELOG.md"))) {
      expect(
        ["0.1.0", "1.0.0"],
        `${name}'s first release would be ${release!.newVersion} (from ${release!.oldVersion}, ${release!.type})`,
      ).toContain(release!.newVersion);
    }
  });
});

it("changesets: private workspace packages are never released", () => {
  if (!status) throw new Error(`changeset status failed:\n${failure}`);
  const published = new Set<string>(packageNames);
  const wrong = status.releases.filter((r) => !published.has(r.name) && r.type !== "none");
  expect(wrong.map((r) => `${r.name}: ${r.type} → ${r.newVersion}`)).toEqual([]);
});
