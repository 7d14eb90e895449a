/**
 * Breaking one relation between fields of a valid spec (the checks of `checkSpecRelations`), keeping its structure
 * valid, and saying at which path the problem must be reported.
 */
import type { LayerEntry, LayerSpec, Mixer, ModelSpec, MoeFfn } from "@archgal/schema";

export interface Broken {
  doc: ModelSpec;
  what: string;
  /** The dotted path validateSpec must report. */
  path: string;
}

/** Names that exist on every object's prototype chain and match the definition-name pattern. */
export const PROTOTYPE_NAMES = [
  "toString",
  "constructor",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
];

/** Every layer spec (not group) of a pattern with its path below `architecture.layers`. */
function layerSpecs(
  entries: LayerEntry[],
  path: (string | number)[] = ["architecture", "layers"],
): { entry: LayerSpec; path: (string | number)[] }[] {
  return entries.flatMap((e, i) =>
    "repeat" in e ? layerSpecs(e.layers, [...path, i, "layers"]) : [{ entry: e as LayerSpec, path: [...path, i] }],
  );
}

type Breaker = (s: ModelSpec, pick: number) => Omit<Broken, "doc"> | undefined;

const mixersOf = <K extends Mixer["kind"]>(s: ModelSpec, kind: K) =>
  Object.entries(s.architecture.mixers).filter((e): e is [string, Extract<Mixer, { kind: K }>] => e[1].kind === kind);
const moesOf = (s: ModelSpec) => Object.entries(s.architecture.ffns).filter((e): e is [string, MoeFfn] => e[1].kind === "moe");
const nth = <T>(xs: readonly T[], pick: number): T | undefined => (xs.length ? xs[pick % xs.length] : undefined);
const freshName = (taken: Record<string, unknown>, pick: number) => {
  const candidates = [...PROTOTYPE_NAMES, "nope", "Undefined-definition"].filter((n) => !Object.hasOwn(taken, n));
  return candidates[pick % candidates.length]!;
};

const breakers: Breaker[] = [
  (s, pick) => {
    const hit = nth(mixersOf(s, "attention"), pick);
    if (!hit) return undefined;
    const [name, m] = hit;
    const nonDivisors = Array.from({ length: Math.min(m.heads, 64) }, (_, i) => i + 1).filter((k) => m.heads % k !== 0);
    m.kvHeads = nonDivisors.length && pick % 2 ? nonDivisors[pick % nonDivisors.length]! : m.heads + 1 + (pick % 7);
    return { what: `attention ${name}: kvHeads ${m.kvHeads} with ${m.heads} heads`, path: `architecture.mixers.${name}.kvHeads` };
  },
  (s, pick) => {
    const a = s.architecture;
    const delta = pick % 2 || a.numLayers === 1 ? 1 + (pick % 5) : -1;
    a.numLayers += delta;
    return { what: `numLayers off by ${delta}`, path: "architecture.layers" };
  },
  (s, pick) => {
    const hit = nth(
      layerSpecs(s.architecture.layers).filter((l) => l.entry.mixer !== undefined),
      pick,
    );
    if (!hit) return undefined;
    hit.entry.mixer = freshName(s.architecture.mixers, pick);
    return { what: `layer refers to undefined mixer "${hit.entry.mixer}"`, path: [...hit.path, "mixer"].join(".") };
  },
  (s, pick) => {
    const hit = nth(
      layerSpecs(s.architecture.layers).filter((l) => l.entry.ffn !== undefined),
      pick,
    );
    if (!hit) return undefined;
    hit.entry.ffn = freshName(s.architecture.ffns, pick);
    return { what: `layer refers to undefined ffn "${hit.entry.ffn}"`, path: [...hit.path, "ffn"].join(".") };
  },
  (s, pick) => {
    const mtp = s.architecture.mtp;
    if (!mtp) return undefined;
    if (pick % 2) {
      mtp.mixer = freshName(s.architecture.mixers, pick);
      return { what: `mtp refers to undefined mixer "${mtp.mixer}"`, path: "architecture.mtp.mixer" };
    }
    mtp.ffn = freshName(s.architecture.ffns, pick);
    return { what: `mtp refers to undefined ffn "${mtp.ffn}"`, path: "architecture.mtp.ffn" };
  },
  (s, pick) => {
    const ctx = s.architecture.contextLength;
    const hit = nth([...mixersOf(s, "attention").filter(([, m]) => m.chunk === undefined), ...mixersOf(s, "mla")], pick);
    if (!hit || ctx === null || ctx >= Number.MAX_SAFE_INTEGER - 10) return undefined;
    const [name, m] = hit;
    m.window = ctx + 1 + (pick % 3);
    return { what: `${m.kind} ${name}: window ${m.window} beyond context ${ctx}`, path: `architecture.mixers.${name}.window` };
  },
  (s, pick) => {
    const hit = nth(mixersOf(s, "attention"), pick);
    if (!hit) return undefined;
    const [name, m] = hit;
    const ctx = s.architecture.contextLength;
    m.window = ctx === null ? 4 : Math.min(ctx, 4);
    m.chunk = 8;
    return { what: `attention ${name}: both window and chunk`, path: `architecture.mixers.${name}.chunk` };
  },
  (s, pick) => {
    const hit = nth(mixersOf(s, "attention"), pick);
    if (!hit) return undefined;
    const [name, m] = hit;
    m.sharedKV = true;
    m.reusesKV = true;
    return { what: `attention ${name}: sharedKV and reusesKV`, path: `architecture.mixers.${name}.reusesKV` };
  },
  (s, pick) => {
    const hit = nth(mixersOf(s, "gated-deltanet"), pick);
    if (!hit) return undefined;
    const [name, m] = hit;
    if (m.keyHeads < 2) m.keyHeads = 2 + (pick % 5);
    m.valueHeads = m.keyHeads * (1 + (pick % 3)) + 1;
    return {
      what: `gated-deltanet ${name}: ${m.valueHeads} value heads for ${m.keyHeads} key heads`,
      path: `architecture.mixers.${name}.valueHeads`,
    };
  },
  (s, pick) => {
    const hit = nth(moesOf(s), pick);
    if (!hit) return undefined;
    const [name, f] = hit;
    f.activeExperts = f.experts + 1 + (pick % 4);
    return { what: `moe ${name}: ${f.activeExperts} active of ${f.experts}`, path: `architecture.ffns.${name}.activeExperts` };
  },
  (s, pick) => {
    const hit = nth(moesOf(s), pick);
    if (!hit) return undefined;
    const [name, f] = hit;
    f.router = { ...f.router, groups: f.experts + 1 + (pick % 3) };
    delete f.router.topkGroups;
    return { what: `moe ${name}: ${f.router.groups} groups for ${f.experts} experts`, path: `architecture.ffns.${name}.router.groups` };
  },
  (s, pick) => {
    const hit = nth(moesOf(s), pick);
    if (!hit) return undefined;
    const [name, f] = hit;
    const router = { ...f.router };
    if (pick % 2) {
      delete router.groups;
      router.topkGroups = 1 + (pick % 4);
    } else {
      router.groups = 1;
      router.topkGroups = 2 + (pick % 4);
      f.experts = Math.max(f.experts, f.activeExperts);
    }
    f.router = router;
    return {
      what: `moe ${name}: topkGroups ${router.topkGroups} with groups ${router.groups}`,
      path: `architecture.ffns.${name}.router.topkGroups`,
    };
  },
  (s, pick) => {
    const hit = nth(moesOf(s), pick);
    if (!hit) return undefined;
    const [name, f] = hit;
    f.sharedHidden = 1 + (pick % 100);
    if (pick % 2) delete f.sharedExperts;
    else f.sharedExperts = 0;
    return { what: `moe ${name}: sharedHidden without shared experts`, path: `architecture.ffns.${name}.sharedHidden` };
  },
  (s) => {
    s.architecture.norm = { ...s.architecture.norm, kind: "rmsnorm", bias: true };
    return { what: "rmsnorm with a bias", path: "architecture.norm.bias" };
  },
  (s, pick) => {
    const kind = (["learned", "alibi", "none"] as const)[pick % 3]!;
    if (kind === "learned" && s.architecture.contextLength === null) s.architecture.contextLength = 4096;
    const key = (["theta", "fraction", "scaling"] as const)[Math.floor(pick / 3) % 3]!;
    const value = key === "theta" ? 10000 : key === "fraction" ? 0.5 : { type: "linear" as const, factor: 2 };
    s.architecture.positional = { kind, [key]: value };
    return { what: `positional ${kind} with ${key}`, path: `architecture.positional.${key}` };
  },
  (s, pick) => {
    if (!s.officialParams) s.officialParams = { total: 1000, asWritten: "1K", source: "https://example.org" };
    const o = s.officialParams;
    if (o.total >= Number.MAX_SAFE_INTEGER - 10) o.total = 1000;
    o.active = o.total + 1 + (pick % 5);
    return { what: `official active ${o.active} > total ${o.total}`, path: "officialParams.active" };
  },
  (s, pick) => {
    const hit = nth(layerSpecs(s.architecture.layers), pick);
    if (!hit) return undefined;
    delete hit.entry.mixer;
    delete hit.entry.ffn;
    return { what: "a layer with neither mixer nor ffn", path: hit.path.join(".") };
  },
  (s) => {
    s.architecture.positional = { kind: "learned" };
    s.architecture.contextLength = null;
    return { what: "learned positions without a context length", path: "architecture.contextLength" };
  },
  (s, pick) => {
    const hit = nth(layerSpecs(s.architecture.layers), pick);
    if (!hit) return undefined;
    const before = hit.entry.count ?? 1;
    hit.entry.count = 10_001 + (pick % 1000);
    s.architecture.numLayers += hit.entry.count - before;
    return { what: `a run of ${hit.entry.count} layers (the schema allows 10,000)`, path: [...hit.path, "count"].join(".") };
  },
  (s, pick) => {
    // Wrap the pattern in 9 + k groups of one repetition: the count stays right, the nesting does not.
    let layers = s.architecture.layers;
    const depth = 9 + (pick % 4);
    for (let i = 0; i < depth; i++) layers = [{ repeat: 1, layers }];
    s.architecture.layers = layers;
    return { what: `groups nested ${depth} deep (the schema allows 8)`, path: `architecture.layers${".0.layers".repeat(9)}` };
  },
];

/** Breaks relation number `which` (modulo the number of relations) in a copy of `spec`; undefined when it does not apply. */
export function breakRelation(spec: ModelSpec, which: number, pick: number): Broken | undefined {
  const doc = structuredClone(spec);
  const r = breakers[which % breakers.length]!(doc, pick);
  return r && { doc, ...r };
}

export const relationCount = breakers.length;
