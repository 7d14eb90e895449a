/**
 * Property: invalid input — mutations of valid specs (wrong types, non-finite and negative numbers, fractional
 * counts, missing fields, unknown fields, deep garbage, broken relations) and arbitrary values — always yields
 * `validateSpec` issues naming field paths, and validateSpec never throws, never mutates its input and never
 * pollutes Object.prototype. Where the JSON Schema (schema.json) rejects a document, validateSpec rejects it too.
 */
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateSpec, type ModelSpec, type SpecIssue } from "@archgal/schema";
import { validSpec } from "./lib/arbitraries.js";
import { packagesDir } from "@archgal/test-kit/dataset";
import { deep, mutate, nodes, seed, type Mutated } from "./lib/mutations.js";
import { breakRelation } from "./lib/relations.js";
import { hitsOpenFinding, nestingDepth } from "./lib/findings.js";

const RUNS = Number(process.env.QUALITY_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * RUNS)) });

const ajv = new Ajv({ allErrors: false, strict: false });
const jsonSchemaValid = ajv.compile(JSON.parse(readFileSync(`${packagesDir}schema/schema.json`, "utf8")) as object);

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).join(",");
const PROTO = protoKeys();

/** validateSpec, turning a throw into a failure that says what input made it throw. */
function validateOrExplain(doc: unknown, what: string) {
  try {
    return validateSpec(doc);
  } catch (e) {
    throw new Error(`validateSpec threw ${(e as Error).name}: ${(e as Error).message} for ${what}`, { cause: e });
  }
}

/** The issue list is well formed: dotted string paths, non-empty messages without leaked internals. */
function expectWellFormedIssues(issues: readonly SpecIssue[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(typeof i.path).toBe("string");
    expect(typeof i.message).toBe("string");
    expect(i.message.trim()).not.toBe("");
    expect(i.message).not.toMatch(/\[object [A-Z]/);
  }
}

/** One issue points at the mutated field, at something inside it, or at an enclosing object or union. */
const related = (issuePath: string, mutated: string) =>
  issuePath === mutated || mutated.startsWith(`${issuePath}.`) || issuePath.startsWith(`${mutated}.`) || issuePath === "" || mutated === "";

describe("invalid specs (generated)", () => {
  it("mutations of valid specs: issues with field paths, never a throw, input untouched, JSON Schema agrees", () => {
    fc.assert(
      fc.property(validSpec({ maxLayers: 64 }), fc.array(seed(), { minLength: 1, maxLength: 3 }), (spec, seeds) => {
        let current: unknown = spec;
        const applied: Mutated[] = [];
        for (const s of seeds) {
          const m = mutate(current as ModelSpec, s);
          if (m) {
            applied.push(m);
            current = m.doc;
            // Deep garbage is validated as it stands (copying it again would test structuredClone, not validateSpec).
            if (typeof current !== "object" || current === null || s.op === "deepGarbage") break;
          }
        }
        fc.pre(applied.length > 0 && !hitsOpenFinding(current));
        const what = applied.map((m) => `${m.path}: ${m.what}`).join("; ");
        // Input untouched: compared as JSON text (plain JSON documents, shallow enough to serialise).
        const allJson = applied.every((m) => m.json);
        const before = allJson && nestingDepth(current) < 500 ? JSON.stringify(current) : undefined;
        const r = validateOrExplain(current, what);
        expect(protoKeys()).toBe(PROTO);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (before !== undefined) expect(JSON.stringify(current)).toBe(before);
        // A mutation certainly invalidates unless a later one touched the same field, an enclosing or an enclosed one.
        const certain = applied.some((m, i) => m.invalid && applied.slice(i + 1).every((later) => !related(later.path, m.path)));
        const mustFail = certain || (allJson && !jsonSchemaValid(current));
        if (mustFail) {
          expect(r.success, `accepted after ${what}${certain ? "" : " (rejected by schema.json)"}`).toBe(false);
          expectWellFormedIssues(r.issues);
          if (applied.length === 1 && applied[0]!.invalid) {
            const m = applied[0]!;
            expect(
              r.issues.some((i) => related(i.path, m.path)),
              `no issue near ${m.path} after ${m.what}: ${JSON.stringify(r.issues)}`,
            ).toBe(true);
          }
        } else if (!r.success) {
          expectWellFormedIssues(r.issues);
        }
      }),
      runs(500),
    );
  });

  it("broken relations (kv heads, layer counts, unknown names, windows, experts, groups, norms): the issue names the field", () => {
    fc.assert(
      fc.property(validSpec({ maxLayers: 64 }), fc.nat(), fc.nat(), (spec, which, pick) => {
        const broken = breakRelation(spec, which, pick);
        fc.pre(broken !== undefined && !hitsOpenFinding(broken.doc));
        const r = validateOrExplain(broken!.doc, broken!.what);
        expect(r.success, `accepted: ${broken!.what}`).toBe(false);
        expectWellFormedIssues(r.issues);
        expect(
          r.issues.map((i) => i.path),
          broken!.what,
        ).toContain(broken!.path);
      }),
      runs(500),
    );
  });

  it("any JSON value or JS value at all: never a throw, and a non-object is rejected at the root", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.anything({
            withBigInt: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            withTypedArray: true,
            withDate: true,
            withBoxedValues: true,
          }),
        ),
        (value) => {
          const r = validateOrExplain(value, safe(value));
          expect(r.success).toBe(false);
          expectWellFormedIssues(r.issues);
          if (value === null || typeof value !== "object" || Array.isArray(value)) expect(r.issues.map((i) => i.path)).toContain("");
        },
      ),
      runs(500),
    );
  });

  it("JSON text with __proto__, constructor and prototype keys anywhere: rejected as unknown fields, prototype untouched", () => {
    fc.assert(
      fc.property(validSpec({ maxLayers: 16 }), fc.nat(), fc.constantFrom("__proto__", "constructor", "prototype"), (spec, at, key) => {
        const copy = structuredClone(spec) as unknown;
        const objects = nodes(copy).filter((n) => n.value !== null && typeof n.value === "object" && !Array.isArray(n.value));
        const target = objects[at % objects.length]!;
        fc.pre(!Object.hasOwn(target.value as object, key));
        Object.defineProperty(target.value, key, {
          value: { polluted: 1, kind: "attention" },
          enumerable: true,
          writable: true,
          configurable: true,
        });
        const text = JSON.stringify(copy);
        const doc = JSON.parse(text) as unknown;
        fc.pre(!hitsOpenFinding(doc));
        const r = validateOrExplain(doc, `${key} in ${target.path.join(".")}`);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(protoKeys()).toBe(PROTO);
        expect(r.success, `accepted "${key}" added to ${target.path.join(".") || "the root"}`).toBe(false);
        expectWellFormedIssues(r.issues);
      }),
      runs(150),
    );
  });

  it("deeply nested input (arrays, objects, layer groups; depth up to 10,000): issues, never a stack overflow", () => {
    const base = validSpec({ maxLayers: 8 });
    fc.assert(
      fc.property(
        base,
        fc.constantFrom(10, 100, 1000, 3000, 10000),
        fc.constantFrom("array", "object", "group"),
        fc.constantFrom("root", "layers", "mixers", "extra", "notes"),
        (spec, depth, shape, where) => {
          const doc = structuredClone(spec) as unknown as Record<string, any>;
          const leaf = shape === "group" ? { mixer: "1nope" } : 1;
          const v = deep(depth, shape, leaf);
          let input: unknown = doc;
          if (where === "root") input = v;
          else if (where === "layers") doc.architecture.layers = [v];
          else if (where === "mixers") doc.architecture.mixers = { x: v };
          else if (where === "extra") doc.extra = v;
          else doc.notes = [v];
          fc.pre(!hitsOpenFinding(input));
          const r = validateOrExplain(input, `${shape} nested ${depth} deep at ${where}`);
          expect(r.success).toBe(false);
          expectWellFormedIssues(r.issues);
        },
      ),
      runs(30),
    );
  });
});

function safe(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
