/**
 * Validating specs: results with one message per problem, each naming the field path.
 */
import type * as z from "zod/mini";
import { maxGroupDepth, ModelSpecSchema, patterns } from "./spec-schema.js";
import type { DatasetEntry, DatasetMetadataField, ModelSpec } from "./spec-types.js";

/** One validation problem. */
export interface SpecIssue {
  /** Dotted path of the offending field, e.g. `architecture.mixers.attn.kvHeads`; empty for the root. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/** Result of {@link validateSpec}. */
export type SpecValidation<S = ModelSpec> = { success: true; data: S; issues: [] } | { success: false; issues: SpecIssue[] };

/** Formats a path array as `a.b[0].c`-free dotted text: `architecture.layers.3.mixer`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly SpecIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("\n");
}

/** Thrown by {@link parseSpec}; `issues` lists every problem. */
export class SpecValidationError extends Error {
  /** Every problem found. */
  readonly issues: SpecIssue[];
  constructor(issues: SpecIssue[], label = "spec") {
    super(`invalid ${label}:\n${formatIssues(issues)}`);
    this.name = "SpecValidationError";
    this.issues = issues;
  }
}

/** Flattens zod issues (including those nested in unions) into path + message pairs. */
export function toSpecIssues(error: z.core.$ZodError): SpecIssue[] {
  const out: SpecIssue[] = [];
  const seen = new Set<string>();
  const push = (path: readonly PropertyKey[], message: string) => {
    const issue = { path: formatPath(path), message };
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(issue);
    }
  };
  const depth = (issues: readonly z.core.$ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      // A union (layer or group) whose options all failed: report the option that got furthest into the input,
      // at its own paths, rather than one message at the union.
      const branches = issue.code === "invalid_union" ? (issue as z.core.$ZodIssueInvalidUnion).errors : [];
      const best = branches.reduce<readonly z.core.$ZodIssue[] | undefined>(
        (a, b) => (a === undefined || depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a),
        undefined,
      );
      if (best && depth(best) > 0) visit(best, path);
      else push(path, issue.message);
    }
  };
  visit(error.issues, []);
  return out;
}

/**
 * Validates unknown input against a spec schema (by default the core {@link ModelSpecSchema}).
 * Never throws for bad input.
 *
 * @example
 * ```ts
 * const result = validateSpec(JSON.parse(text));
 * if (!result.success) console.error(formatIssues(result.issues));
 * ```
 */
export function validateSpec<S = ModelSpec>(input: unknown, schema: z.ZodMiniType<S> = ModelSpecSchema as never): SpecValidation<S> {
  const early = preflightIssues(input);
  if (early.length) return { success: false, issues: early };
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } catch (error) {
    // Guard the promise never to throw for bad input (e.g. a stack overflow on pathological nesting).
    return { success: false, issues: [{ path: "", message: `cannot validate: ${(error as Error).message}` }] };
  }
  if (result.success) return { success: true, data: result.data, issues: [] };
  return { success: false, issues: toSpecIssues(result.error) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks zod cannot be trusted with: layer groups nested deeper than {@link maxGroupDepth} (checked iteratively,
 * so no input can overflow the stack) and definition names that are not own, well-formed keys (`__proto__`).
 */
function preflightIssues(input: unknown): SpecIssue[] {
  if (!isObject(input) || !isObject(input.architecture)) return [];
  const arch = input.architecture;
  const issues: SpecIssue[] = [];
  for (const record of ["mixers", "ffns"] as const) {
    const defs = arch[record];
    if (!isObject(defs)) continue;
    for (const key of Object.keys(defs)) {
      if (!patterns.definitionName.test(key)) {
        issues.push({ path: `architecture.${record}.${key}`, message: `expected a name of letters, digits, "_" or "-", got ${JSON.stringify(key)}` });
      }
    }
  }
  const stack: { entries: unknown; path: string; depth: number }[] = [{ entries: arch.layers, path: "architecture.layers", depth: 0 }];
  while (stack.length) {
    const { entries, path, depth } = stack.pop()!;
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (!isObject(entry) || !("layers" in entry)) return;
      const childPath = `${path}.${i}.layers`;
      if (depth + 1 > maxGroupDepth) issues.push({ path: childPath, message: `layer groups nest at most ${maxGroupDepth} deep` });
      else stack.push({ entries: entry.layers, path: childPath, depth: depth + 1 });
    });
  }
  return issues;
}

/** Validates and returns the spec, or throws a {@link SpecValidationError} listing every problem. */
export function parseSpec<S = ModelSpec>(input: unknown, schema?: z.ZodMiniType<S>): S {
  const result = validateSpec(input, schema);
  if (!result.success) {
    const id = typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id : undefined;
    throw new SpecValidationError(result.issues, id ? `spec "${id}"` : "spec");
  }
  return result.data;
}

/** Checks a set of specs together: ids unique, `derivedFrom` pointing at a member. */
export function checkDataset(specs: readonly Pick<ModelSpec, "id" | "derivedFrom">[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const ids = new Set<string>();
  specs.forEach((spec, i) => {
    if (ids.has(spec.id)) issues.push({ path: `${i}.id`, message: `duplicate id "${spec.id}"` });
    ids.add(spec.id);
  });
  specs.forEach((spec, i) => {
    if (spec.derivedFrom !== undefined && !ids.has(spec.derivedFrom)) {
      issues.push({ path: `${i}.derivedFrom`, message: `unknown model "${spec.derivedFrom}"` });
    }
    if (spec.derivedFrom === spec.id) issues.push({ path: `${i}.derivedFrom`, message: "a model cannot derive from itself" });
  });
  return issues;
}

/** Metadata fields the dataset requires of every entry. */
export const datasetMetadataFields: readonly DatasetMetadataField[] = [
  "org",
  "releaseDate",
  "license",
  "links",
  "officialParams",
  "summary",
  "keyDetail",
  "sources",
];

/** Problems that keep a valid spec from being a dataset entry: missing metadata, empty texts. */
export function checkDatasetEntry(spec: ModelSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const field of datasetMetadataFields) {
    if (spec[field] === undefined) issues.push({ path: field, message: "is required for dataset entries" });
  }
  for (const field of ["summary", "keyDetail"] as const) {
    if (spec[field] !== undefined && spec[field].trim() === "") issues.push({ path: field, message: "must not be empty" });
  }
  return issues;
}

/** Narrows a spec to a dataset entry. */
export function isDatasetEntry(spec: ModelSpec): spec is DatasetEntry {
  return checkDatasetEntry(spec).length === 0;
}
