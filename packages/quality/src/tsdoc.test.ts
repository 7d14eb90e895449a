/**
 * Every public export of the published packages is documented: each entry point's type declarations (what a
 * user's editor shows, `dist/*.d.ts` as packed) are read with the TypeScript compiler, and every exported name must
 * resolve to a declaration with a TSDoc comment (or be marked `@deprecated`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { packagesDir } from "@archgal/test-kit/dataset";

type ExportEntry = string | { import?: { types?: string }; types?: string } | null;

/** The declaration file of every concrete entry point of a package (`./models/*.json`-style patterns have none). */
function typeEntries(pkg: string): [entry: string, file: string][] {
  const manifest = JSON.parse(readFileSync(join(packagesDir, pkg, "package.json"), "utf8")) as { exports: Record<string, ExportEntry> };
  const out: [string, string][] = [];
  for (const [entry, target] of Object.entries(manifest.exports)) {
    const types = typeof target === "object" && target ? (target.import?.types ?? target.types) : undefined;
    if (typeof types === "string" && !types.includes("*")) out.push([`@archgal/${pkg}${entry.slice(1)}`, join(packagesDir, pkg, types)]);
  }
  return out;
}

/** Exported names of each entry whose declaration carries no documentation. */
function undocumented(pkg: string): Map<string, string[]> {
  const entries = typeEntries(pkg);
  for (const [, file] of entries) if (!existsSync(file)) throw new Error(`${file} is missing: build @archgal/${pkg} first`);
  const program = ts.createProgram(
    entries.map(([, f]) => f),
    { strict: true, skipLibCheck: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  );
  const checker = program.getTypeChecker();
  const result = new Map<string, string[]>();
  for (const [entry, file] of entries) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${entry}: ${file} declares no module`);
    const exports = checker.getExportsOfModule(module);
    expect(exports.length, `${entry} exports something`).toBeGreaterThan(0);
    const missing = exports
      .filter((sym) => {
        const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
        const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
        return doc === "" && !target.getJsDocTags(checker).some((t) => t.name === "deprecated");
      })
      .map((sym) => sym.name);
    result.set(entry, missing);
  }
  return result;
}

describe("public API documentation", () => {
  it.each(["schema", "data", "renderer", "components"])("every export of @archgal/%s has a TSDoc comment", (pkg) => {
    const missing = [...undocumented(pkg)].filter(([, names]) => names.length > 0).map(([entry, names]) => `${entry}: ${names.join(", ")}`);
    expect(missing).toEqual([]);
  });
});
