/**
 * Open findings of the fuzzers, each with its minimal counterexample.
 *
 * `findings.test.ts` turns each into a regular test that fails while the counterexample still reproduces and
 * passes once the owning package is fixed. While a finding is open, the properties skip the inputs it explains
 * (`hits`, `explains`) so that each open problem fails exactly one test; once fixed, `reproduce()` returns
 * undefined, the skip switches itself off and the properties cover that ground again. Nothing here can hide a
 * problem that is not reproduced by its counterexample.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { countParams, modelStats, validateSpec, type LayerEntry, type ModelSpec } from "@archgal/schema";
import { layoutModel, renderModel } from "@archgal/renderer";
import { minimalSpec } from "@archgal/test-kit/fixtures";
import { checkLayout } from "./geometry-checks.js";
import { checkSvg } from "@archgal/test-kit/svg";

export interface Finding {
  /** Stable id, as in fuzz-findings.md. */
  id: string;
  /** One line: what is wrong. */
  title: string;
  /** The package whose owner fixes it. */
  owner: "@archgal/schema" | "@archgal/renderer" | "@archgal/cli" | "@archgal/components";
  /** Runs the minimal counterexample: a description of the failure, or undefined when it no longer fails. */
  reproduce: () => string | undefined;
  /** Inputs of the properties (specs, or mutated documents) that run into this finding (skipped while it is open). */
  hits?: (doc: any) => boolean;
  /** Problems reported by checkSvg/checkLayout that this finding explains (ignored while it is open). */
  explains?: (problem: string) => boolean;
}

const thrown = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

/** A minimal MoE spec with `experts` routed and `shared` shared experts. */
function moeSpec(experts: number, shared: number): ModelSpec {
  const s = minimalSpec();
  s.architecture.ffns = {
    a: { kind: "moe", experts, activeExperts: 1, expertHidden: 1, sharedExperts: shared, activation: "silu", gated: false },
  };
  return s;
}

export const findings: Finding[] = [
  {
    id: "F1",
    title:
      "a valid spec with learned positions and contextLength null makes countParams/modelStats throw (archgal stats: 'unexpected error' and a stack)",
    owner: "@archgal/schema",
    reproduce: () => {
      const s = minimalSpec();
      s.architecture.positional = { kind: "learned" };
      s.architecture.contextLength = null;
      if (!validateSpec(s).success) return undefined; // fixed by rejecting it
      return thrown(() => modelStats(s)) ?? thrown(() => countParams(s)) ?? thrown(() => renderModel(s));
      // (The renderer now catches this itself and draws the figure; the schema's metrics still throw.)
    },
    hits: (s) => s?.architecture?.positional?.kind === "learned" && s.architecture.contextLength === null,
  },
  {
    id: "F2",
    title: "MoE panel: the badge with the expert count overlaps the 'Shared expert' box",
    owner: "@archgal/renderer",
    reproduce: () => {
      const problems = checkLayout(layoutModel(moeSpec(256, 1))).filter((p) => /badge .*badge-n overlaps 2 boxes/.test(p));
      return problems.length ? problems.join("; ") : undefined;
    },
    explains: (p) => /^badge \S*badge-n overlaps 2 boxes/.test(p),
  },
  {
    id: "F3",
    title: "FFN panel: a two-line activation name ('GELU (tanh) activation') overflows its fixed 34-unit-high box",
    owner: "@archgal/renderer",
    reproduce: () => {
      const s = minimalSpec();
      s.architecture.ffns = { a: { kind: "mlp", hidden: 1, activation: "gelu-tanh", gated: false } };
      const problems = checkLayout(layoutModel(s)).filter((p) => p.includes("panel:ffn/activation is"));
      return problems.length ? problems.join("; ") : undefined;
    },
    explains: (p) => /^text of \S*ffn\/activation is [\d.]+ tall/.test(p),
  },
  {
    id: "F4",
    title: "learned position embeddings together with per-layer embeddings: their two boxes overlap",
    owner: "@archgal/renderer",
    reproduce: () => {
      const s = minimalSpec();
      s.architecture.positional = { kind: "learned" };
      s.architecture.embedding = { tied: false, perLayer: { vocabSize: 1, dim: 1 } };
      const problems = checkLayout(layoutModel(s)).filter((p) => p.includes("position-embedding") && p.includes("per-layer-embedding"));
      return problems.length ? problems.join("; ") : undefined;
    },
    hits: (s) => s?.architecture?.positional?.kind === "learned" && s.architecture.embedding?.perLayer !== undefined,
  },
  {
    id: "F5",
    title:
      "a layer (or mtp) naming an undefined mixer/ffn called toString, constructor, valueOf, … passes validateSpec; metrics become NaN",
    owner: "@archgal/schema",
    reproduce: () => {
      const s = minimalSpec();
      s.architecture.layers = [{ mixer: "a", ffn: "toString" }];
      const r = validateSpec(s);
      if (!r.success) return undefined;
      return `accepted; modelStats total = ${String(thrown(() => modelStats(s)) ?? modelStats(s).params.total)}`;
    },
    hits: (doc) => refersThroughPrototype(doc),
  },
  {
    id: "F6",
    title:
      'a "__proto__" entry in architecture.mixers / ffns (as JSON.parse makes it) is silently dropped instead of reported; schema.json rejects it',
    owner: "@archgal/schema",
    reproduce: () => {
      const s = minimalSpec() as unknown as { architecture: { mixers: Record<string, unknown> } };
      const text = JSON.stringify(s).replace('"mixers":{', '"mixers":{"__proto__":{"kind":"attention"},');
      const r = validateSpec(JSON.parse(text));
      return r.success ? "accepted" : undefined;
    },
    hits: (doc) =>
      ["mixers", "ffns"].some((k) => {
        const rec = doc?.architecture?.[k];
        return rec !== null && typeof rec === "object" && Object.hasOwn(rec, "__proto__");
      }),
  },
  {
    id: "F7",
    title:
      "validateSpec throws RangeError (stack overflow) for a layer pattern of groups nested ~2,000 deep (24 KB of JSON) instead of returning issues",
    owner: "@archgal/schema",
    reproduce: () => {
      const s = minimalSpec();
      let entry: LayerEntry = { mixer: "a", ffn: "a" };
      for (let i = 0; i < 10_000; i++) entry = { repeat: 1, layers: [entry] };
      s.architecture.layers = [entry];
      return thrown(() => validateSpec(s));
    },
    hits: (doc) => nestingDepth(doc?.architecture?.layers) >= 500,
  },
  {
    id: "F8",
    title:
      "renderModel took time quadratic in the number of layers (the layer-pattern panel's period search): a stack at the schema's cap of 10,000 layers must draw a sound figure (its time is benchmarked, not asserted: the renderer bench's `scaling`)",
    owner: "@archgal/renderer",
    reproduce: () => {
      // No clock here (a busy machine must not fail a test): the quadratic case is drawn once at the cap, and the
      // renderer bench reports how its time grows from 2,001 to 8,001 layers.
      const svg = renderModel(twoKindStack(9_999));
      const problems = checkSvg(svg).problems;
      return problems.length ? `renderModel of 10,000 layers: ${problems.slice(0, 3).join("; ")}` : undefined;
    },
  },
  {
    id: "F9",
    title:
      "numLayers / count have no upper bound and modelStats materialises every layer (layerMix → expandLayers): a 395-byte valid spec with 100,000,000 layers runs the process out of memory",
    owner: "@archgal/schema",
    reproduce: () => {
      const code =
        'import { validateSpec, modelStats } from "@archgal/schema";' +
        "const n = 1e8;" +
        'const s = { id: "a", name: "a", architecture: { vocabSize: 1, contextLength: 1, dModel: 1, numLayers: n, embedding: { tied: false }, positional: { kind: "rope" }, norm: { kind: "rmsnorm", placement: "pre" }, mixers: { a: { kind: "attention", heads: 1, kvHeads: 1, headDim: 1 } }, ffns: { f: { kind: "mlp", hidden: 1, activation: "silu", gated: false } }, layers: [{ mixer: "a", ffn: "f", count: n }] } };' +
        "if (validateSpec(s).success) modelStats(s);";
      const r = spawnSync(process.execPath, ["--max-old-space-size=256", "--input-type=module", "-e", code], {
        cwd: qualityDir,
        encoding: "utf8",
        timeout: 60_000,
      });
      if (r.status === 0) return undefined;
      return `child exited ${r.status ?? r.signal}: ${(r.stderr ?? "").split("\n").find((l) => /heap|memory|Error/i.test(l)) ?? "crashed"}`;
    },
  },
  {
    id: "F10",
    title:
      "a bad field inside a layer group is reported at the group as 'expected a layer {mixer, ffn, count} or a group {repeat, layers}, got a object', not at the field",
    owner: "@archgal/schema",
    reproduce: () => {
      const s = minimalSpec();
      s.architecture.layers = [{ repeat: 1, layers: [{ mixer: "a", ffn: "a", count: 10_001 }] }];
      const r = validateSpec(s);
      const paths = r.issues.map((i) => i.path);
      return paths.includes("architecture.layers.0.layers.0.count") ? undefined : `issues: ${JSON.stringify(r.issues)}`;
    },
    hits: (doc) => {
      // A structurally bad field below a group (the relations property breaks `count` there).
      const nested = (entries: unknown, depth: number): boolean =>
        Array.isArray(entries) &&
        entries.some(
          (e) =>
            e &&
            typeof e === "object" &&
            ("layers" in e ? nested(e.layers, depth + 1) : depth > 0 && typeof e.count === "number" && e.count > 10_000),
        );
      return nested(doc?.architecture?.layers, 0);
    },
  },
];

/** A stack of `n` layers of one kind followed by one of another: the worst case for a period search. */
function twoKindStack(n: number): ModelSpec {
  const s = minimalSpec();
  s.architecture.mixers.b = { kind: "mamba2", heads: 1, headDim: 1, stateSize: 1, groups: 1, convKernel: 1 };
  s.architecture.layers = [
    { mixer: "a", ffn: "a", count: n },
    { mixer: "b", ffn: "a" },
  ];
  s.architecture.numLayers = n + 1;
  return s;
}

const qualityDir = fileURLToPath(new URL("../../", import.meta.url));

/** Depth of nested objects and arrays, computed without recursion. */
export function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    max = Math.max(max, d);
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

/** True when a layer or the mtp of a document names a definition that exists only on Object.prototype. */
function refersThroughPrototype(doc: any): boolean {
  const arch = doc?.architecture;
  if (!arch || typeof arch !== "object") return false;
  const missing = (rec: unknown, name: unknown) =>
    typeof name === "string" && rec !== null && typeof rec === "object" && !Object.hasOwn(rec, name) && name in (rec as object);
  const visit = (entries: unknown): boolean =>
    Array.isArray(entries) &&
    entries.some(
      (e) => e && typeof e === "object" && ("layers" in e ? visit(e.layers) : missing(arch.mixers, e.mixer) || missing(arch.ffns, e.ffn)),
    );
  return visit(arch.layers) || missing(arch.mixers, arch.mtp?.mixer) || missing(arch.ffns, arch.mtp?.ffn);
}

let openCache: Finding[] | undefined;
/** Findings whose counterexample still fails (computed once per test file). */
export function openFindings(): Finding[] {
  openCache ??= findings.filter((f) => {
    try {
      return f.reproduce() !== undefined;
    } catch {
      return true; // the counterexample fails in another way: still open (findings.test.ts shows how)
    }
  });
  return openCache;
}

/** True when an open finding explains a failure on this spec: the properties skip it. */
export const hitsOpenFinding = (doc: unknown): boolean =>
  openFindings().some((f) => {
    try {
      return f.hits?.(doc) ?? false;
    } catch {
      return false;
    }
  });

/** Problems not explained by an open finding. */
export const unexplained = (problems: readonly string[]): string[] => problems.filter((p) => !openFindings().some((f) => f.explains?.(p)));

/** checkSvg + checkLayout for one spec, without the problems of open findings. */
export function figureProblems(spec: ModelSpec, textJunk: boolean): string[] {
  return unexplained([...checkSvg(renderModel(spec), { textJunk }).problems, ...checkLayout(layoutModel(spec))]);
}
