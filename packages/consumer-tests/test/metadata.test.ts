/**
 * The packed package.json of every published package, as the registry would serve it, and the files it points at.
 * A tarball is what users get: these checks read the tarball's contents, not the workspace folder.
 */
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPECTED_PACKAGES, packageNames, type PackageName } from "../src/env.js";
import { importedSpecifiers } from "../src/imports.js";
import { bareName, exportTargets, matchTarget, normalizeTarget } from "../src/manifest.js";
import { satisfies } from "../src/semver.js";
import { consumer, missingTargets, packed } from "../src/state.js";

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that run in Node (engines.node is relevant); components is browser-only. */
const runsInNode: PackageName[] = ["@archgal/schema", "@archgal/data", "@archgal/renderer", "@archgal/cli"];

it("every non-private workspace package is covered by these tests", () => {
  expect(consumer().unknownPublishable, "add them to EXPECTED_PACKAGES in src/env.ts").toEqual([]);
});

describe.each(packageNames)("%s package.json", (name: PackageName) => {
  it("exists and packs", () => {
    packed(name);
  });

  it("has license, repository (with its directory), description, keywords", () => {
    const m = packed(name).manifest;
    expect(m.license, "license").toBe("MIT");
    expect(m.repository, "repository").toMatchObject({
      type: "git",
      url: "git+https://github.com/archgal/archgal.git",
      directory: `packages/${EXPECTED_PACKAGES[name]}`,
    });
    expect(typeof m.description === "string" && m.description.length > 10, "description").toBe(true);
    expect(Array.isArray(m.keywords) && (m.keywords as unknown[]).length > 0, "keywords").toBe(true);
  });

  it("ships the licence text (LICENSE): MIT requires the notice to travel with every copy", () => {
    const files = packed(name).files.map((f) => f.path);
    expect(
      files.filter((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f)),
      "npm always packs a LICENSE file found in the package folder",
    ).not.toEqual([]);
  });

  it("has `files`, and the tarball has a README and no sources, tests, configs or build artefacts", () => {
    const p = packed(name);
    expect(Array.isArray(p.manifest.files) && p.manifest.files.length > 0, "files").toBe(true);
    const files = p.files.map((f) => f.path);
    expect(files, "README.md").toContain("README.md");
    const stray = files.filter((f) =>
      /(^|\/)(src|test|tests|__tests__|scripts|bench|node_modules|reports)\/|\.test\.|tsconfig|vitest\.config|tsup\.config|\.tgz$/.test(f),
    );
    expect(stray, "sources, tests or configs in the tarball").toEqual([]);
    // Build artefacts (esbuild metafiles, tsbuildinfo) carry local paths and are served by CDNs as if they were API.
    const artefacts = files.filter((f) => /(^|\/)meta\.json$|metafile|\.tsbuildinfo$/.test(f));
    expect(artefacts, "build artefacts in the tarball").toEqual([]);
  });

  it("points only at files the tarball has (exports, main, module, types, bin, customElements)", () => {
    expect(missingTargets(packed(name))).toEqual([]);
  });

  it("has `exports` with types for every code entry point, types first", () => {
    const m = packed(name).manifest;
    expect(m.exports, "exports").toBeTruthy();
    const problems: string[] = [];
    const bySubpath = new Map<string, ReturnType<typeof exportTargets>>();
    for (const t of exportTargets(m.exports)) bySubpath.set(t.subpath, [...(bySubpath.get(t.subpath) ?? []), t]);
    for (const [subpath, leaves] of bySubpath) {
      const code = leaves.filter((l) => /\.(c|m)?js$/.test(l.target));
      if (!code.length) continue; // JSON, package.json, wildcards of data files
      for (const leaf of code) {
        // The leaf's sibling conditions must include "types" (placed before it) or the subpath must be typed.
        const siblings = leaves.filter((l) => l.conditions.slice(0, -1).join("/") === leaf.conditions.slice(0, -1).join("/"));
        const types = siblings.find((l) => l.conditions.at(-1) === "types");
        if (!types)
          problems.push(
            `exports[${JSON.stringify(subpath)}]${leaf.conditions.map((c) => `.${c}`).join("")} → ${leaf.target} has no "types" condition beside it`,
          );
        else if (siblings.indexOf(types) > siblings.indexOf(leaf))
          problems.push(`exports[${JSON.stringify(subpath)}]: "types" must come before ${leaf.conditions.at(-1)}`);
        else if (leaf.conditions.includes("require") && !/\.d\.cts$/.test(types.target))
          problems.push(`exports[${JSON.stringify(subpath)}].require: types should be a .d.cts file, got ${types.target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("declares `sideEffects`, and it covers every module that registers elements (else bundlers drop the import)", () => {
    const p = packed(name);
    const se = p.manifest.sideEffects;
    expect(se === true || se === false || Array.isArray(se), "sideEffects must be declared (true, false or a list)").toBe(true);
    const files = p.files.map((f) => f.path);
    const patterns = Array.isArray(se) ? se.map((x) => (x.startsWith("./") || !x.includes("/") ? x : `./${x}`)) : [];
    const covered = (file: string) =>
      se === true ||
      (Array.isArray(se) &&
        patterns.some((pat) =>
          pat.includes("/") ? matchTarget(pat, [file]).length > 0 : matchTarget(`./${pat}`, [file.split("/").at(-1)!]).length > 0,
        ));
    // Modules imported only for their effect: define.js, *.define.js, the CDN entry.
    const registering = exportTargets(p.manifest.exports)
      .filter((t) => /(^|[./])define\.js$|^\.\/cdn\/[^/]+\.js$/.test(t.subpath) && /\.m?js$/.test(t.target))
      .map((t) => normalizeTarget(t.target))
      .filter((f) => files.includes(f));
    expect(
      registering.filter((f) => !covered(f)),
      "registering modules not covered by sideEffects",
    ).toEqual([]);
    // Patterns under a shipped folder that match nothing are probably typos (patterns for unshipped src/ are harmless).
    const shippedRoots = new Set(files.map((f) => f.split("/")[0]));
    const dead = patterns.filter(
      (pat) => pat.includes("/") && shippedRoots.has(normalizeTarget(pat).split("/")[0]!) && matchTarget(pat, files).length === 0,
    );
    if (dead.length) console.log(`${name}: sideEffects patterns that match no shipped file: ${dead.join(", ")}`);
  });

  it("declares engines.node where it runs in Node, and this Node satisfies it", () => {
    const m = packed(name).manifest;
    if (!runsInNode.includes(name)) return;
    const range = m.engines?.node;
    expect(range, `${name} runs in Node: add "engines": { "node": ">=20.11" } (the version CI tests)`).toBeTruthy();
    expect(satisfies(process.versions.node, range!), `node ${process.versions.node} vs engines ${range}`).toBe(true);
  });

  it("has no workspace: ranges, and its @archgal dependencies are satisfied by the versions packed with it", () => {
    const state = consumer();
    const m = packed(name).manifest;
    const problems: string[] = [];
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
      for (const [dep, range] of Object.entries(m[field] ?? {})) {
        if (range.startsWith("workspace:") || range.startsWith("link:") || range.startsWith("file:"))
          problems.push(`${field}.${dep}: ${range}`);
        if (dep.startsWith("@archgal/")) {
          const other = state.packed[dep as PackageName];
          if (!other) problems.push(`${field}.${dep}: not a published package`);
          else if (!satisfies(other.version, range)) problems.push(`${field}.${dep}: ${range} does not include ${other.version}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("declares every package its shipped code and types import (a devDependency is not enough)", () => {
    const p = packed(name);
    const declared = new Set([
      ...Object.keys(p.manifest.dependencies ?? {}),
      ...Object.keys(p.manifest.peerDependencies ?? {}),
      ...Object.keys(p.manifest.optionalDependencies ?? {}),
    ]);
    const undeclared: string[] = [];
    for (const f of p.files) {
      if (!/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f.path) || f.path.startsWith("cdn/")) continue;
      for (const spec of importedSpecifiers(readFileSync(join(p.extractedDir, f.path), "utf8"))) {
        const bare = bareName(spec);
        if (!bare || builtins.has(spec) || builtins.has(bare) || bare === name) continue;
        if (!declared.has(bare))
          undeclared.push(`${f.path}: "${spec}"${p.manifest.devDependencies?.[bare] ? " (only a devDependency)" : ""}`);
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it("ships browser/CDN files without bare imports (a browser cannot resolve them)", () => {
    const p = packed(name);
    const bad: string[] = [];
    for (const f of p.files.filter((f) => f.path.startsWith("cdn/") && /\.m?js$/.test(f.path))) {
      for (const spec of importedSpecifiers(readFileSync(join(p.extractedDir, f.path), "utf8")))
        if (bareName(spec)) bad.push(`${f.path}: "${spec}"`);
    }
    expect(bad).toEqual([]);
  });
});
