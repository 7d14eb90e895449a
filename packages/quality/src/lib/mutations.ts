/**
 * Mutations that turn a valid spec into an invalid one: wrong types, non-finite and negative numbers, fractional
 * counts, missing required fields, unknown fields (including `__proto__`), deep garbage, and broken relations
 * between fields. Each mutation says where it struck and whether the result is certainly invalid.
 */
import fc from "fast-check";
import type { ModelSpec } from "@archgal/schema";

export type Path = (string | number)[];

export interface Mutated {
  /** The mutated document (a fresh copy; the original is untouched). */
  doc: unknown;
  /** What was done, for the failure message. */
  what: string;
  /** Where (dotted path of the field changed, added or removed). */
  path: string;
  /** True when every validator must reject the result. */
  invalid: boolean;
  /** True when the result is still plain JSON (no NaN, Infinity, undefined or deep cycles): the JSON Schema applies. */
  json: boolean;
}

/** Number fields that accept any finite number, negative ones included. */
const SIGNED = new Set(["lowFreqFactor", "highFreqFactor", "betaFast", "betaSlow", "mscale", "mscaleAllDim"]);
/** Number fields that accept non-integers. */
const REAL = new Set([...SIGNED, "theta", "fraction", "factor", "eps", "scale", "logitSoftcap", "finalLogitSoftcap", "routedScale"]);
/** Number fields that accept 0. */
const ZERO_OK = new Set([...SIGNED, "qkNopeHeadDim", "qkRopeHeadDim", "ropeDim", "sharedExperts", "zeroExperts", "params"]);
/** Keys that are required wherever they occur in a spec. */
const REQUIRED = new Set([
  "id",
  "name",
  "architecture",
  "vocabSize",
  "dModel",
  "numLayers",
  "contextLength",
  "embedding",
  "positional",
  "mixers",
  "ffns",
  "layers",
  "kind",
  "heads",
  "headDim",
  "placement",
  "tied",
  "repeat",
  "hidden",
  "experts",
  "activeExperts",
  "expertHidden",
  "activation",
  "gated",
  "covers",
  "title",
  "asWritten",
  "total",
]);

interface Node {
  path: Path;
  value: unknown;
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number | undefined;
}

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Every node of a JSON-like document (descending into plain objects and arrays), parents before children. */
export function nodes(doc: unknown): Node[] {
  const out: Node[] = [];
  const visit = (value: unknown, path: Path, parent: Node["parent"], key: Node["key"]) => {
    out.push({ path, value, parent, key });
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i], value, i));
    else if (isPlain(value)) for (const [k, v] of Object.entries(value)) visit(v, [...path, k], value, k);
  };
  visit(doc, [], undefined, undefined);
  return out;
}

const dotted = (p: Path) => p.map(String).join(".");

/** Sets an own property, even one named `__proto__` (as JSON.parse would). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deeply nested value of the given depth and shape. */
export function deep(depth: number, shape: "array" | "object" | "group", leaf: unknown = 1): unknown {
  let v: unknown = shape === "group" ? leaf : leaf;
  for (let i = 0; i < depth; i++) {
    v = shape === "array" ? [v] : shape === "object" ? { a: v } : { repeat: 1, layers: [v] };
  }
  return v;
}

/** Values of a type that the field at `value`'s place can never accept. */
function wrongTypeFor(value: unknown): unknown[] {
  if (typeof value === "number") return ["12", true, [1], { n: 1 }, "", "1e3"];
  if (typeof value === "string") return [true, null, ["x"], { s: "x" }, -7, 0];
  if (typeof value === "boolean") return ["true", 1, 0, null, [], { b: true }];
  if (Array.isArray(value)) return [{}, "[]", 3, null, true];
  if (value === null) return ["null", true, -1, [null], { v: null }];
  return ["{}", 42, true, null, [], [value]];
}

/** The operations a mutation seed can choose from. */
export const ops = ["wrongType", "nonFinite", "negative", "fraction", "delete", "extraKey", "deepGarbage", "garbage"] as const;
export type Op = (typeof ops)[number];

export interface Seed {
  op: Op;
  /** Picks the node (modulo the number of candidates). */
  at: number;
  /** Picks among the op's values. */
  pick: number;
  /** Depth of deep garbage. */
  depth: number;
  /** Garbage value for extra keys and replacements. */
  garbage: unknown;
  /** Name of an extra key. */
  key: string;
}

export const seed = (): fc.Arbitrary<Seed> =>
  fc.record({
    op: fc.constantFrom(...ops),
    at: fc.nat(),
    pick: fc.nat(),
    depth: fc.oneof(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 64, max: 4000 })),
    garbage: fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.anything({
        maxDepth: 3,
        withNullPrototype: true,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
        withBoxedValues: true,
      }),
    ),
    key: fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "toString", "extra", "kind", "x-y", ""),
      fc.string({ maxLength: 12 }),
    ),
  });

const isJson = (v: unknown): boolean => {
  try {
    return JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v) && !/"__proto__"/.test(JSON.stringify(v));
  } catch {
    return false;
  }
};

/**
 * Applies one mutation to a copy of `spec`. Returns undefined when the seed's operation has no target in this
 * spec (e.g. `fraction` on a spec without integer fields).
 */
export function mutate(spec: ModelSpec, s: Seed): Mutated | undefined {
  try {
    return mutateUnsafe(spec, s);
  } catch {
    return undefined; // a seed the harness cannot apply (e.g. to exotic garbage left by an earlier mutation)
  }
}

function mutateUnsafe(spec: ModelSpec, s: Seed): Mutated | undefined {
  const doc = structuredClone(spec) as unknown as Record<string, unknown>;
  const all = nodes(doc);
  const pickFrom = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[s.at % xs.length] : undefined);
  const choose = <T>(xs: readonly T[]): T => xs[s.pick % xs.length]!;
  const replace = (n: Node, v: unknown) => {
    if (n.parent === undefined) return v;
    if (Array.isArray(n.parent)) n.parent[n.key as number] = v;
    else setOwn(n.parent, n.key as string, v);
    return doc;
  };
  const keyOf = (n: Node) => (typeof n.key === "string" ? n.key : undefined);
  const inRecord = (n: Node) => {
    const p = n.path;
    return (
      p.length >= 2 &&
      p[p.length - 2] !== undefined &&
      (p[p.length - 2] === "mixers" || p[p.length - 2] === "ffns") &&
      p[p.length - 3] === "architecture"
    );
  };

  switch (s.op) {
    case "wrongType": {
      const n = pickFrom(all.filter((x) => x.path[0] !== "$schema"));
      if (!n) return undefined;
      // `rope: false` also accepts an object; `scale: "sqrt-d"` also accepts a positive number.
      let values = wrongTypeFor(n.value);
      if (keyOf(n) === "rope" && n.value === false) values = values.filter((v) => typeof v !== "object" || v === null || Array.isArray(v));
      if (keyOf(n) === "scale")
        values = values.filter((v) => !(typeof v === "number" && v > 0) && !(typeof v === "object" && v !== null && !Array.isArray(v)));
      if (n.value === null) values = values.filter((v) => !(typeof v === "number" && v > 0));
      // A wrong type in a record slot (a definition) replaces a whole mixer: still invalid. A layer entry replaced by an object is handled by the union.
      const v = choose(values);
      const out = replace(n, v);
      return { doc: out, what: `${safeShow(n.value).slice(0, 40)} → ${safeShow(v)}`, path: dotted(n.path), invalid: true, json: true };
    }
    case "nonFinite": {
      const n = pickFrom(all.filter((x) => typeof x.value === "number"));
      if (!n) return undefined;
      const v = choose([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
      return { doc: replace(n, v), what: `${String(n.value)} → ${v}`, path: dotted(n.path), invalid: true, json: false };
    }
    case "negative": {
      const n = pickFrom(all.filter((x) => typeof x.value === "number" && !SIGNED.has(keyOf(x) ?? "")));
      if (!n) return undefined;
      const v = choose([-1, -Math.abs(n.value as number) - 1, -0.5, ZERO_OK.has(keyOf(n) ?? "") ? -3 : 0, Number.MIN_SAFE_INTEGER]);
      return { doc: replace(n, v), what: `${String(n.value)} → ${v}`, path: dotted(n.path), invalid: true, json: true };
    }
    case "fraction": {
      const n = pickFrom(all.filter((x) => typeof x.value === "number" && typeof x.key === "string" && !REAL.has(x.key)));
      if (!n) return undefined;
      const v = choose([(n.value as number) + 0.5, 1e-9 + (n.value as number) / 3 + 0.25, 2 ** 53 + 2]);
      if (Number.isInteger(v) && v <= Number.MAX_SAFE_INTEGER) return undefined;
      return { doc: replace(n, v), what: `${String(n.value)} → ${v}`, path: dotted(n.path), invalid: true, json: true };
    }
    case "delete": {
      const n = pickFrom(all.filter((x) => x.parent !== undefined && !Array.isArray(x.parent)));
      if (!n) return undefined;
      delete (n.parent as Record<string, unknown>)[n.key as string];
      const key = keyOf(n)!;
      const required = (REQUIRED.has(key) && !inRecord(n)) || dotted(n.path) === "architecture.norm";
      return { doc, what: `delete ${key}`, path: dotted(n.path), invalid: required, json: true };
    }
    case "extraKey": {
      const n = pickFrom(all.filter((x) => isPlain(x.value)));
      if (!n) return undefined;
      const obj = n.value as Record<string, unknown>;
      if (Object.hasOwn(obj, s.key)) return undefined;
      // A new entry of `mixers`/`ffns` is a definition: garbage there is invalid unless it happens to be a valid mixer.
      setOwn(obj, s.key, s.garbage);
      const path = [...n.path, s.key];
      return { doc, what: `add ${JSON.stringify(s.key)}: ${safeShow(s.garbage)}`, path: dotted(path), invalid: true, json: isJson(doc) };
    }
    case "deepGarbage": {
      // At most about 4,000 JSON levels in all (a group step is two: an object and its array), never inside earlier
      // deep garbage: deeper documents overflow the harness's own JSON.stringify before the CLI sees them.
      const n = pickFrom(all.filter((x) => x.path[0] !== "$schema" && x.path.length < 64));
      if (!n) return undefined;
      const shape = choose(["array", "object", "group"] as const);
      const depth = shape === "group" ? Math.ceil(s.depth / 2) : s.depth;
      const v = deep(depth, shape, shape === "group" ? { mixer: "nope", ffn: "nope" } : s.pick % 2 ? "leaf" : 1);
      // Deep groups replacing `layers` or a layer entry may form a structurally valid pattern (with unknown names it is still invalid).
      return { doc: replace(n, v), what: `deep ${shape} × ${depth}`, path: dotted(n.path), invalid: true, json: true };
    }
    case "garbage": {
      const n = pickFrom(all);
      if (!n) return undefined;
      return { doc: replace(n, s.garbage), what: `→ ${safeShow(s.garbage)}`, path: dotted(n.path), invalid: false, json: false };
    }
  }
}

function safeShow(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 60);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
