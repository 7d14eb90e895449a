/** Reading package.json fields the way Node, bundlers and TypeScript do. */

export type Manifest = Record<string, unknown> & {
  name?: string;
  version?: string;
  private?: boolean;
  exports?: unknown;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  bin?: string | Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  engines?: Record<string, string>;
  sideEffects?: boolean | string[];
  license?: string;
  repository?: string | { type?: string; url?: string; directory?: string };
  customElements?: string;
};

/** One leaf of an `exports` map: the subpath, the condition chain that leads to it, and the target. */
export interface ExportTarget {
  subpath: string;
  conditions: string[];
  target: string;
}

/** Every leaf of `exports` (null targets, which block a subpath, are left out). */
export function exportTargets(exportsField: unknown): ExportTarget[] {
  const out: ExportTarget[] = [];
  const walk = (subpath: string, value: unknown, conditions: string[]) => {
    if (typeof value === "string") out.push({ subpath, conditions, target: value });
    else if (Array.isArray(value)) for (const v of value) walk(subpath, v, conditions);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(subpath, v, [...conditions, k]);
  };
  if (typeof exportsField === "string" || Array.isArray(exportsField)) walk(".", exportsField, []);
  else if (exportsField && typeof exportsField === "object") {
    const entries = Object.entries(exportsField);
    if (entries.every(([k]) => k.startsWith("."))) for (const [k, v] of entries) walk(k, v, []);
    else walk(".", exportsField, []);
  }
  return out;
}

/** Every file a manifest points at: exports leaves, main, module, types, bin, customElements. */
export function manifestTargets(m: Manifest): { field: string; target: string }[] {
  const out = exportTargets(m.exports).map((t) => ({
    field: `exports[${JSON.stringify(t.subpath)}]${t.conditions.map((c) => `.${c}`).join("")}`,
    target: t.target,
  }));
  for (const field of ["main", "module", "types", "typings", "customElements"] as const) {
    const v = m[field];
    if (typeof v === "string") out.push({ field, target: v });
  }
  if (typeof m.bin === "string") out.push({ field: "bin", target: m.bin });
  else if (m.bin) for (const [k, v] of Object.entries(m.bin)) out.push({ field: `bin.${k}`, target: v });
  return out;
}

/** A tarball-relative path ("dist/index.js") from a manifest target ("./dist/index.js"). */
export function normalizeTarget(target: string): string {
  return target.replace(/^\.\//, "").replace(/^\//, "");
}

/** The files of `files` that a target (possibly with a `*` pattern) matches. */
export function matchTarget(target: string, files: readonly string[]): string[] {
  const t = normalizeTarget(target);
  if (!t.includes("*")) return files.includes(t) ? [t] : [];
  const re = new RegExp(
    `^${t
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+")}$`,
  );
  return files.filter((f) => re.test(f));
}

/** Bare package name of a module specifier ("@scope/pkg/sub" → "@scope/pkg"), or undefined for relative/URL/builtin. */
export function bareName(specifier: string): string | undefined {
  if (/^(\.|\/|[a-z]+:)/i.test(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
