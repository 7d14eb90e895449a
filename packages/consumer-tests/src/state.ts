/**
 * What the global setup prepared (packed tarballs, the temporary consumer project) and helpers that make a test
 * fail with a clear message when a package it needs is not there.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { PackageName } from "./env.js";
import { manifestTargets, matchTarget, type Manifest } from "./manifest.js";

export interface PackedFile {
  path: string;
  bytes: number;
}

export interface PackedPackage {
  name: PackageName;
  version: string;
  workspaceDir: string;
  tarball: string;
  tarballBytes: number;
  unpackedBytes: number;
  files: PackedFile[];
  /** The tarball's contents, extracted (`…/package`). */
  extractedDir: string;
  /** package.json as packed (workspace: ranges rewritten). */
  manifest: Manifest;
}

export interface ConsumerState {
  tmpRoot: string;
  tarballDir: string;
  projectDir: string;
  packed: Partial<Record<PackageName, PackedPackage>>;
  /** Why an expected package is not available (no folder, private, pack failed). */
  problems: Partial<Record<PackageName, string>>;
  /** Non-private workspace packages this suite does not know (they should be added to EXPECTED_PACKAGES). */
  unknownPublishable: string[];
  install: { ok: boolean; ms: number; command: string; output: string };
  installed: Partial<Record<PackageName, string>>;
  /** Extra packages the consumer project installed from the registry, with versions. */
  thirdParty: Record<string, string>;
  timings: Record<string, number>;
  fatal?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    consumer: ConsumerState;
  }
}

export function consumer(): ConsumerState {
  const state = inject("consumer");
  if (!state) throw new Error("the consumer-tests global setup did not run (vitest.config.ts globalSetup)");
  if (state.fatal) throw new Error(`consumer setup failed: ${state.fatal}`);
  return state;
}

/** The packed package, or an Error saying why it is missing. */
export function packed(name: PackageName): PackedPackage {
  const state = consumer();
  const p = state.packed[name];
  if (!p) throw new Error(`${name} is not available to consumers: ${state.problems[name] ?? "not packed"}`);
  return p;
}

/** Targets of the packed manifest that are not in the tarball ("exports entry that points nowhere"). */
export function missingTargets(p: PackedPackage): string[] {
  const files = p.files.map((f) => f.path);
  return manifestTargets(p.manifest)
    .filter(({ target }) => matchTarget(target, files).length === 0)
    .map(({ field, target }) => `${field} → ${target}`);
}

/**
 * Throws unless every named package was packed, installed into the consumer project, and ships the files its
 * package.json points at. Tests call this first so that a package that does not exist yet, or was not built,
 * FAILS with a message that says which and why (never a silent skip).
 */
export function requireInstalled(...names: PackageName[]): ConsumerState {
  const state = consumer();
  for (const name of names) {
    const p = packed(name);
    if (!state.install.ok)
      throw new Error(`npm install of the packed tarballs failed, so ${name} cannot be tested:\n${state.install.output.slice(-3000)}`);
    if (!state.installed[name] || !existsSync(join(state.projectDir, "node_modules", name, "package.json"))) {
      throw new Error(`${name} is not in the consumer project's node_modules after npm install`);
    }
    const missing = missingTargets(p);
    if (missing.length) {
      throw new Error(
        `${name}@${p.version}: its tarball lacks files its package.json points at (was it built before packing? does \`files\` include them?):\n  ${missing.join("\n  ")}`,
      );
    }
  }
  return state;
}
