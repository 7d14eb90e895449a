/**
 * Validating specs: results with one message per problem, each naming the field path.
 */
import type * as z from "zod/mini";
import { maxDefinitions } from "./layers.js";
import { formatCount } from "./format.js";
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

/** Most issues a validation reports; the rest are summed up in one last issue ("… and 9,990 more problems"). */
export const maxIssues = 100;
/** Longest path or message of an issue: input echoed in it (a 10 MB key) is cut to this many characters. */
export const maxIssueText = 200;
/** Most values (objects, arrays, strings, numbers …) an input may hold: real specs hold a few hundred. */
export const maxInputValues = 200_000;
/** Longest array an input may hold: the layer list's bound (no real spec has a longer list). */
export const maxArrayLength = 10_000;
/** Deepest nesting of objects and arrays an input may have: real specs nest about 8 deep. */
export const maxInputDepth = 64;

const clip = (text: string) => (text.length > maxIssueText ? `${text.slice(0, maxIssueText - 1)}…` : text);

/** Formats a path array as `a.b[0].c`-free dotted text: `architecture.layers.3.mixer`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** At most {@link maxIssues} issues, each path and message cut to {@link maxIssueText} characters. */
function capIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  const out = issues.slice(0, maxIssues).map((i) => ({ path: clip(i.path), message: clip(i.message) }));
  const more = issues.length - out.length;
  if (more > 0) out.push({ path: "", message: `… and ${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"}` });
  return out;
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
  const depth = (issues: readonly z.core.$ZodIssue[]) => issues.reduce((d, i) => Math.max(d, i.path.length), 0);
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
  // A non-object is left to the schema, which rejects it at the root.
  const copied = isObject(input) ? plainCopy(input) : { value: input };
  if ("issue" in copied) return { success: false, issues: capIssues([copied.issue]) };
  const early = preflightIssues(copied.value);
  if (early.length) return { success: false, issues: capIssues(early) };
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(copied.value);
  } catch (error) {
    // Guard the promise never to throw for bad input.
    return { success: false, issues: capIssues([{ path: "", message: `cannot validate: ${String((error as Error)?.message ?? error)}` }]) };
  }
  if (result.success) return { success: true, data: result.data, issues: [] };
  return { success: false, issues: capIssues(toSpecIssues(result.error)) };
}

/**
 * A plain-data copy of the input, made iteratively with bounded work: own enumerable properties of objects and
 * the elements of arrays, at most {@link maxInputValues} values and {@link maxInputDepth} levels. A throwing
 * getter or Proxy trap, a sparse or huge array, a cycle or a non-JSON value gives one issue naming its path
 * instead of an exception, a hang or a stack overflow.
 */
function plainCopy(input: unknown): { value: unknown } | { issue: SpecIssue } {
  const root: { value?: unknown } = {};
  const stack: { source: unknown; holder: Record<string, unknown> | unknown[]; key: string | number; path: string; depth: number }[] = [
    { source: input, holder: root as Record<string, unknown>, key: "value", path: "", depth: 0 },
  ];
  let values = 0;
  const fail = (path: string, message: string) => ({ issue: { path, message } });
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  try {
    while (stack.length) {
      const { source, holder, key, path, depth } = stack.pop()!;
      // Also what ends a cycle (an object that contains itself is copied until the budget runs out).
      if (++values > maxInputValues) return fail(path, `the input holds more than ${maxInputValues} values (or refers to itself)`);
      const type = typeof source;
      if (source === null || type === "string" || type === "number" || type === "boolean" || type === "undefined") {
        (holder as Record<string | number, unknown>)[key] = source;
        continue;
      }
      if (type !== "object") return fail(path, `expected JSON data, got a ${type}`);
      if (depth >= maxInputDepth) return fail(path, `nested more than ${maxInputDepth} levels deep`);
      const obj = source as object;
      if (Array.isArray(obj)) {
        const length = (obj as unknown[]).length;
        if (length > maxArrayLength) return fail(path, `an array of ${length} elements is longer than the ${maxArrayLength} allowed`);
        const copy: unknown[] = new Array<unknown>(length);
        (holder as Record<string | number, unknown>)[key] = copy;
        for (let i = length - 1; i >= 0; i--) {
          if (!Object.hasOwn(obj, i)) return fail(join(path, i), "is a hole in a sparse array");
          let value: unknown;
          try {
            value = (obj as unknown[])[i];
          } catch (error) {
            return fail(join(path, i), `cannot be read: ${String((error as Error)?.message ?? error)}`);
          }
          stack.push({ source: value, holder: copy, key: i, path: join(path, i), depth: depth + 1 });
        }
      } else {
        const copy: Record<string, unknown> = {};
        (holder as Record<string | number, unknown>)[key] = copy;
        let keys: string[];
        try {
          keys = Object.keys(obj);
        } catch (error) {
          return fail(path, `cannot be read: ${String((error as Error)?.message ?? error)}`);
        }
        if (keys.length > maxInputValues)
          return fail(path, `an object of ${keys.length} keys is larger than the ${maxInputValues} allowed`);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i]!;
          let value: unknown;
          try {
            value = (obj as Record<string, unknown>)[k];
          } catch (error) {
            return fail(join(path, k), `cannot be read: ${String((error as Error)?.message ?? error)}`);
          }
          // Own data properties only: "__proto__" as a key stays a plain key of the copy.
          Object.defineProperty(copy, k, { value: undefined, writable: true, enumerable: true, configurable: true });
          stack.push({ source: value, holder: copy, key: k, path: join(path, k), depth: depth + 1 });
        }
      }
    }
  } catch (error) {
    return fail("", `cannot be read: ${String((error as Error)?.message ?? error)}`);
  }
  return { value: root.value };
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
    const n = Object.keys(defs).length;
    if (n > maxDefinitions) {
      issues.push({ path: `architecture.${record}`, message: `${n} definitions; at most ${maxDefinitions} are allowed` });
      continue;
    }
    for (const key of Object.keys(defs)) {
      if (!patterns.definitionName.test(key)) {
        issues.push({
          path: `architecture.${record}.${key}`,
          message: `expected a name of letters, digits, "_" or "-", got ${JSON.stringify(key)}`,
        });
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
    const id =
      typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string"
        ? (input as { id: string }).id
        : undefined;
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
  const official = spec.officialParams;
  if (official?.sizeClass) {
    // A size class is the one the name carries: "1B" in "Antares 1B".
    const name = spec.name.toUpperCase().replace(/\s+/g, "");
    for (const figure of ["total", "active"] as const) {
      const value = official[figure];
      if (value === undefined) continue;
      const label = formatCount(value);
      if (!name.includes(label.toUpperCase())) {
        issues.push({
          path: `officialParams.${figure}`,
          message: `a size class must be the one the model's name carries: "${label}" is not in "${spec.name}"`,
        });
      }
    }
  }
  return issues;
}

/** Narrows a spec to a dataset entry. */
export function isDatasetEntry(spec: ModelSpec): spec is DatasetEntry {
  return checkDatasetEntry(spec).length === 0;
}
