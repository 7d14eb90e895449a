/**
 * fast-check arbitraries of archgal model specs.
 *
 * `validSpec()` builds architectures that are consistent by construction — every relation that
 * `checkSpecRelations` enforces holds (kv heads divide heads, windows fit the context, active experts ≤ experts,
 * router groups divide experts, names resolve, the layer pattern adds up to numLayers) — across the families the
 * dataset has: dense, MoE, MLA (+ dense prefix, MTP), hybrid linear attention, Mamba hybrids with mixer-only and
 * FFN-only layers, and random mixes of every mixer kind. Strings come from a pluggable text arbitrary so the same
 * generator serves plain random text and hostile text.
 */
import fc from "fast-check";
import type {
  Activation,
  Architecture,
  Embedding,
  Ffn,
  LayerEntry,
  LayerSpec,
  Mixer,
  MlpFfn,
  MoeFfn,
  ModelSpec,
  Norm,
  Positional,
  QkNorm,
  RopeSettings,
} from "@archgal/schema";

type Arb<T> = fc.Arbitrary<T>;

/** Limits the length of a generated string to `max` UTF-16 code units (the unit zod's maxLength counts). */
export const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

/** Words that the NaN/undefined checks look for in rendered text: kept out of ordinary random strings. */
const SUSPICIOUS = /nan|infinity|undefined|null|object/gi;
/** What the renderer removes from text (controls, bidi controls, lone surrogates): a word could form across them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const REMOVED = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\uD800-\uDFFF]/g;
/** True when `s` could put one of the junk words into rendered text. */
export const suspicious = (s: string): boolean => /nan|infinity|undefined|null|object/i.test(s.replace(REMOVED, ""));

/** Random text: any Unicode (graphemes, astral planes, combining marks), never containing the suspicious words. */
export const plainText = (max: number, min = 0): Arb<string> =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 40) }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: Math.min(max, 60) }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: min, maxLength: Math.min(max, 30) }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: Math.max(min, Math.min(max, 80)), maxLength: max }) },
    )
    .map((s) => clip(s.replace(SUSPICIOUS, "x"), max))
    .filter((s) => s.length >= min && !suspicious(s));

/** A generator of text for a field of at most `max` (and at least `min`) UTF-16 units. */
export type TextArb = (max: number, min?: number) => Arb<string>;

/** Positive integer, biased towards small and realistic values but reaching the extremes. */
const pos = (max: number): Arb<number> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.min(max, 64) }) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max }) },
    { weight: 1, arbitrary: fc.constantFrom(1, max) },
  );
const nonNeg = (max: number): Arb<number> => fc.oneof(fc.constant(0), pos(max));
const posNumber = (max = 1e6): Arb<number> => fc.double({ min: Number.MIN_VALUE, max, noNaN: true, noDefaultInfinity: true });
const finite = (): Arb<number> => fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** Model ids: kebab-case with dots, at most 80 characters. */
export const modelId = (): Arb<string> =>
  fc
    .array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 6 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom("-", "."), { minLength: parts.length - 1, maxLength: parts.length - 1 })
        .map((seps) => parts.map((p, i) => (i ? seps[i - 1] + p : p)).join("")),
    )
    .filter((s) => s.length <= 80 && !suspicious(s));

/** Definition names: letters, digits, `_` and `-`, including names that shadow Object.prototype members. */
export const definitionName = (): Arb<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom("attn", "global", "local", "sliding", "mla", "linear", "mamba", "gdn", "moe", "dense", "mlp", "ffn", "x"),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom("constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "then", "length", "prototype"),
    },
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/).filter((s) => !suspicious(s)) },
  );

/** A valid http(s) URL. */
export const url = (): Arb<string> =>
  fc
    .oneof(
      fc.webUrl({ validSchemes: ["http", "https"], withQueryParameters: true, withFragments: true }),
      fc.constantFrom("https://huggingface.co/x/y/blob/main/config.json", "http://a", "https://example.org/a?b=1&c=2#d"),
    )
    .filter((u) => /^https?:\/\/[^\s"'<>]+$/.test(u));

const isoDate = (): Arb<string> =>
  fc
    .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const activation = (): Arb<Activation> => fc.constantFrom("gelu", "gelu-tanh", "silu", "relu", "relu2", "swiglu-oai", "situ", "polynorm");

const ropeSettings = (): Arb<RopeSettings> =>
  fc.record(
    {
      theta: posNumber(1e7),
      fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      scaling: fc.record(
        {
          type: fc.constantFrom("linear", "dynamic", "yarn", "llama3", "longrope", "su", "ntk", "default"),
          factor: posNumber(100),
          originalContext: pos(1 << 20),
          lowFreqFactor: finite(),
          highFreqFactor: finite(),
          betaFast: finite(),
          betaSlow: finite(),
          mscale: finite(),
          mscaleAllDim: finite(),
        },
        { requiredKeys: ["type"] },
      ),
    },
    { requiredKeys: [] },
  );

const qkNorm = (): Arb<QkNorm> =>
  fc.record({ kind: fc.constantFrom("rmsnorm", "layernorm", "l2"), scope: fc.constantFrom("head", "all-heads") });
const indexer = () =>
  fc.record({ heads: pos(128), headDim: pos(256), topK: pos(4096), shared: fc.boolean() }, { requiredKeys: ["heads", "headDim", "topK"] });

/** A window that fits the context (`null` context: anything). */
const windowFor = (ctx: number | null): Arb<number> => pos(ctx ?? 1 << 20);

export const attentionMixer = (ctx: number | null): Arb<Mixer> =>
  fc
    .record({
      kvHeads: pos(32),
      group: fc.oneof(fc.constant(1), pos(16)),
      headDim: pos(512),
      extra: fc.record(
        {
          valueHeadDim: pos(512),
          qkvBias: fc.boolean(),
          outBias: fc.boolean(),
          qkNorm: qkNorm(),
          local: fc.oneof(fc.record({ window: windowFor(ctx) }), fc.record({ chunk: pos(1 << 16) })),
          rope: fc.oneof(fc.constant(false as const), ropeSettings()),
          sinks: fc.boolean(),
          outputGate: fc.constantFrom("elementwise", "headwise"),
          kvShare: fc.oneof(fc.record({ sharedKV: fc.boolean() }), fc.record({ reusesKV: fc.boolean() })),
          logitSoftcap: posNumber(100),
          relativeBias: fc.record({ dim: pos(64), extent: pos(4096) }),
          indexer: fc.record(
            { heads: pos(64), headDim: pos(256), topK: pos(1 << 14), shared: fc.boolean() },
            { requiredKeys: ["heads", "headDim", "topK"] },
          ),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ kvHeads, group, headDim, extra }) => {
      const { local, kvShare, relativeBias, ...rest } = extra;
      // A bias reaches no farther than the sliding window.
      const window = local && "window" in local ? local.window : undefined;
      const bias = relativeBias && window !== undefined ? { ...relativeBias, extent: Math.min(relativeBias.extent, window) } : relativeBias;
      return {
        kind: "attention",
        heads: kvHeads * group,
        kvHeads,
        headDim,
        ...rest,
        ...(local ?? {}),
        ...(kvShare ?? {}),
        ...(bias ? { relativeBias: bias } : {}),
      } as Mixer;
    });

export const mlaMixer = (ctx: number | null): Arb<Mixer> =>
  fc
    .record(
      {
        heads: pos(128),
        qLoraRank: fc.oneof(fc.constant(null), pos(4096)),
        kvLoraRank: pos(2048),
        qkNopeHeadDim: nonNeg(256),
        qkRopeHeadDim: nonNeg(128),
        vHeadDim: pos(256),
        bias: fc.boolean(),
        rope: fc.oneof(fc.constant(false as const), ropeSettings()),
        window: windowFor(ctx),
        indexer: indexer(),
        outputGate: fc.constantFrom("elementwise", "headwise"),
      },
      { requiredKeys: ["heads", "qLoraRank", "kvLoraRank", "qkNopeHeadDim", "qkRopeHeadDim", "vHeadDim"] },
    )
    .map((m) => ({ kind: "mla", ...m }) as Mixer);

/** A GDLA layer whose heads form whole signal/noise groups and whose KV heads divide them, so that it validates. */
export const gdlaMixer = (ctx: number | null): Arb<Mixer> =>
  fc
    .record(
      {
        noiseHeads: pos(32),
        signalPerNoise: pos(8),
        kvHeads: fc.constantFrom("one" as const, "noise" as const, "all" as const),
        qLoraRank: pos(4096),
        kvLoraRank: pos(2048),
        qkNopeHeadDim: nonNeg(256),
        qkRopeHeadDim: nonNeg(128),
        vHeadDim: pos(256),
        outputGate: fc.constant("elementwise" as const),
        rope: fc.oneof(fc.constant(false as const), ropeSettings()),
        window: windowFor(ctx),
        cachedAs: fc.constantFrom("latent" as const, "keys-values" as const),
      },
      {
        requiredKeys: ["noiseHeads", "signalPerNoise", "kvHeads", "qLoraRank", "kvLoraRank", "qkNopeHeadDim", "qkRopeHeadDim", "vHeadDim"],
      },
    )
    .map(({ signalPerNoise, kvHeads, ...m }) => {
      const heads = m.noiseHeads * (signalPerNoise + 1);
      return { kind: "gdla", heads, ...m, kvHeads: kvHeads === "one" ? 1 : kvHeads === "noise" ? m.noiseHeads : heads } as Mixer;
    });

const compressedMixer = (): Arb<Mixer> =>
  fc
    .record(
      {
        heads: pos(128),
        headDim: pos(512),
        ropeDim: nonNeg(128),
        qLoraRank: pos(2048),
        outputGroups: pos(16),
        outputLoraRank: pos(1024),
        window: pos(4096),
        compressRatio: pos(256),
        indexer: indexer(),
      },
      { requiredKeys: ["heads", "headDim", "ropeDim", "qLoraRank", "outputGroups", "outputLoraRank", "window"] },
    )
    .map((m) => ({ kind: "compressed-attention", ...m }) as Mixer);

/** A CSA2 layer that writes its own compressed rows (or a window-only one), so that it validates on its own. */
const csa2Mixer = (): Arb<Mixer> =>
  fc
    .record({
      groups: pos(16),
      perGroup: pos(8),
      headDim: pos(512),
      rope: fc.double({ min: 0, max: 1, noNaN: true }),
      qLoraRank: pos(2048),
      outputLoraRank: pos(1024),
      window: pos(4096),
      compressRatio: fc.option(pos(8), { nil: undefined }),
      indexer: fc.option(fc.record({ heads: pos(64), headDim: pos(256), topK: pos(2048) }), { nil: undefined }),
    })
    .map(
      ({ groups, perGroup, rope, compressRatio, indexer, ...m }) =>
        ({
          kind: "csa2",
          heads: groups * perGroup,
          outputGroups: groups,
          ropeDim: Math.floor(rope * m.headDim),
          ...m,
          ...(compressRatio ? { compressRatio, mode: "full", ...(indexer ? { indexer } : {}) } : {}),
        }) as Mixer,
    );

const ccaMixer = (): Arb<Mixer> =>
  fc
    .record(
      { kvHeads: pos(16), group: pos(8), headDim: pos(256), convKernel: pos(8), groupedConvKernel: pos(8), bias: fc.boolean() },
      { requiredKeys: ["kvHeads", "group", "headDim", "convKernel", "groupedConvKernel"] },
    )
    .map(({ kvHeads, group, ...m }) => ({ kind: "cca", heads: kvHeads * group, kvHeads, ...m }) as Mixer);

const gdnMixer = (): Arb<Mixer> =>
  fc
    .record({ keyHeads: pos(32), mult: pos(4), keyHeadDim: pos(256), valueHeadDim: pos(256), convKernel: pos(8) })
    .map(({ keyHeads, mult, ...m }) => ({ kind: "gated-deltanet", keyHeads, valueHeads: keyHeads * mult, ...m }) as Mixer);

const kimiDeltaMixer = (): Arb<Mixer> =>
  fc
    .record(
      {
        heads: pos(64),
        headDim: pos(256),
        convKernel: pos(8),
        outputGate: fc.constantFrom("low-rank", "full-rank"),
        decayGate: fc.constantFrom("low-rank", "full-rank"),
      },
      { requiredKeys: ["heads", "headDim", "convKernel"] },
    )
    .map((m) => ({ kind: "kimi-delta", ...m }) as Mixer);
const lightningMixer = (): Arb<Mixer> =>
  fc
    .record(
      {
        heads: pos(64),
        headDim: pos(256),
        bias: fc.boolean(),
        qkNorm: qkNorm(),
        rope: fc.oneof(fc.constant(false as const), ropeSettings()),
      },
      { requiredKeys: ["heads", "headDim"] },
    )
    .map((m) => ({ kind: "lightning", ...m }) as Mixer);
const mamba2Mixer = (): Arb<Mixer> =>
  fc
    .record(
      {
        heads: pos(256),
        headDim: pos(128),
        stateSize: pos(256),
        groups: pos(16),
        convKernel: pos(8),
        bias: fc.boolean(),
        convBias: fc.boolean(),
      },
      { requiredKeys: ["heads", "headDim", "stateSize", "groups", "convKernel"] },
    )
    .map((m) => ({ kind: "mamba2", ...m }) as Mixer);
const mlstmMixer = (): Arb<Mixer> =>
  fc.record({ heads: pos(32), qkDim: pos(8192), vDim: pos(8192) }).map((m) => ({ kind: "mlstm", ...m }) as Mixer);
const shortConvMixer = (): Arb<Mixer> =>
  fc
    .record({ convKernel: pos(8), bias: fc.boolean() }, { requiredKeys: ["convKernel"] })
    .map((m) => ({ kind: "short-conv", ...m }) as Mixer);

const minimaxSparseMixer = (): Arb<Mixer> =>
  fc
    .record({
      kvHeads: pos(16),
      group: pos(16),
      headDim: pos(256),
      qkNorm: fc.option(qkNorm(), { nil: undefined }),
      indexer: fc.record({
        heads: pos(16),
        headDim: pos(256),
        blockSize: pos(512),
        topKBlocks: pos(64),
        local: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    })
    .map(({ kvHeads, group, headDim, qkNorm: norm, indexer: { local, ...ix } }) => {
      const indexer = { ...ix, localBlocks: Math.floor(local * ix.topKBlocks) };
      return { kind: "minimax-sparse", heads: kvHeads * group, kvHeads, headDim, ...(norm ? { qkNorm: norm } : {}), indexer } as Mixer;
    });

const qwenSparseMixer = (): Arb<Mixer> =>
  fc
    .record({
      kvHeads: pos(16),
      group: pos(16),
      headDim: pos(256),
      qkNorm: fc.option(qkNorm(), { nil: undefined }),
      outputGate: fc.option(fc.constantFrom("elementwise" as const, "headwise" as const), { nil: undefined }),
      indexer: fc.record({ heads: pos(16), headDim: pos(256), blockSize: pos(64), topKBlocks: pos(1024) }),
    })
    .map(({ kvHeads, group, headDim, qkNorm: norm, outputGate, indexer }) => {
      const options = { ...(norm ? { qkNorm: norm } : {}), ...(outputGate ? { outputGate } : {}) };
      return { kind: "qwen-sparse", heads: kvHeads * group, kvHeads, headDim, ...options, indexer } as Mixer;
    });

const linearMixer = (): Arb<Mixer> => fc.oneof(gdnMixer(), kimiDeltaMixer(), lightningMixer());
/**
 * One arbitrary per core mixer kind, keyed by kind: a kind added to the schema without an arbitrary does not
 * compile here, and `arbitraries.test.ts` checks the keys against the kind registry at run time.
 */
export const mixerArbitraries: { [K in Mixer["kind"]]: (ctx: number | null) => Arb<Mixer> } = {
  attention: attentionMixer,
  mla: mlaMixer,
  gdla: gdlaMixer,
  "compressed-attention": compressedMixer,
  csa2: csa2Mixer,
  cca: ccaMixer,
  "gated-deltanet": gdnMixer,
  "kimi-delta": kimiDeltaMixer,
  lightning: lightningMixer,
  mamba2: mamba2Mixer,
  mlstm: mlstmMixer,
  "short-conv": shortConvMixer,
  "minimax-sparse": minimaxSparseMixer,
  "qwen-sparse": qwenSparseMixer,
};

/** Any mixer of any core kind. */
export const anyMixer = (ctx: number | null): Arb<Mixer> => fc.oneof(...Object.values(mixerArbitraries).map((arb) => arb(ctx)));

export const mlpFfn = (): Arb<MlpFfn> =>
  fc
    .record(
      { hidden: pos(65536), activation: activation(), gated: fc.boolean(), bias: fc.boolean() },
      { requiredKeys: ["hidden", "activation", "gated"] },
    )
    .map((f) => ({ kind: "mlp", ...f }));

export const moeFfn = (): Arb<MoeFfn> =>
  fc
    .record({
      experts: pos(512),
      activeFrac: fc.double({ min: 0, max: 1, noNaN: true }),
      expertHidden: pos(16384),
      activation: activation(),
      gated: fc.boolean(),
      opt: fc.record(
        {
          shared: fc.record({ sharedExperts: pos(4), sharedHidden: fc.option(pos(16384), { nil: undefined }) }),
          zeroShared: fc.constant(0),
          sharedGate: fc.boolean(),
          bias: fc.boolean(),
          latent: fc.record({ width: pos(8192), norm: fc.boolean() }),
          zeroExperts: nonNeg(256),
          router: fc.record(
            {
              scoring: fc.constantFrom("softmax", "sigmoid", "sqrtsoftplus"),
              hash: fc.boolean(),
              mlpHidden: pos(1024),
              bias: fc.boolean(),
              grouping: fc.tuple(
                fc.double({ min: 0, max: 1, noNaN: true }),
                fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
              ),
              routedScale: posNumber(10),
              inputScale: fc.boolean(),
              expertScale: fc.boolean(),
            },
            { requiredKeys: [] },
          ),
          branchNorms: pos(4),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ experts, activeFrac, expertHidden, activation: act, gated, opt }) => {
      const f: MoeFfn = {
        kind: "moe",
        experts,
        activeExperts: Math.max(1, Math.round(activeFrac * experts)),
        expertHidden,
        activation: act,
        gated,
      };
      if (opt.shared) {
        f.sharedExperts = opt.shared.sharedExperts;
        if (opt.shared.sharedHidden !== undefined) f.sharedHidden = opt.shared.sharedHidden;
      } else if (opt.zeroShared !== undefined) f.sharedExperts = 0;
      if (opt.sharedGate !== undefined) f.sharedGate = opt.sharedGate;
      if (opt.bias !== undefined) f.bias = opt.bias;
      if (opt.latent !== undefined) {
        f.latent = opt.latent.width;
        if (opt.latent.norm) f.latentNorm = true;
      }
      if (opt.zeroExperts !== undefined) f.zeroExperts = opt.zeroExperts;
      if (opt.branchNorms !== undefined) f.branchNorms = opt.branchNorms;
      if (opt.router) {
        const { grouping, ...r } = opt.router;
        const router: NonNullable<MoeFfn["router"]> = { ...r };
        if (grouping) {
          const divisors = Array.from({ length: experts }, (_, i) => i + 1).filter((d) => experts % d === 0);
          const groups = divisors[Math.min(divisors.length - 1, Math.floor(grouping[0] * divisors.length))]!;
          router.groups = groups;
          if (grouping[1] !== undefined) router.topkGroups = Math.max(1, Math.ceil(grouping[1] * groups));
        }
        f.router = router;
      }
      return f;
    });

/** Builds a layer pattern over the given definition names whose total count stays at most `maxLayers`. */
export function layerPattern(mixers: readonly string[], ffns: readonly string[], maxLayers = 160): Arb<LayerEntry[]> {
  const run: Arb<LayerSpec> = fc
    .record({
      mixer: mixers.length ? fc.option(fc.constantFrom(...mixers), { nil: undefined, freq: 6 }) : fc.constant(undefined),
      ffn: ffns.length ? fc.option(fc.constantFrom(...ffns), { nil: undefined, freq: 5 }) : fc.constant(undefined),
      count: fc.option(pos(12), { nil: undefined, freq: 3 }),
    })
    .filter((r) => r.mixer !== undefined || r.ffn !== undefined)
    .map((r) => {
      const out: LayerSpec = {};
      if (r.mixer !== undefined) out.mixer = r.mixer;
      if (r.ffn !== undefined) out.ffn = r.ffn;
      if (r.count !== undefined) out.count = r.count;
      return out;
    });
  const { entry } = fc.letrec<{ entry: LayerEntry; group: LayerEntry }>((tie) => ({
    entry: fc.oneof({ depthSize: "small", withCrossShrink: true }, { weight: 3, arbitrary: run }, { weight: 1, arbitrary: tie("group") }),
    group: fc
      .record({
        repeat: pos(16),
        shortcut: fc.option(fc.boolean(), { nil: undefined, freq: 4 }),
        layers: fc.array(tie("entry"), { minLength: 1, maxLength: 4 }),
      })
      .map(({ shortcut, ...g }) => (shortcut === undefined ? g : { ...g, shortcut })),
  }));
  return fc.array(entry, { minLength: 1, maxLength: 5 }).filter((p) => countBlocks(p) <= maxLayers && groupDepth(p) <= 8);
}

/**
 * Layers in a pattern, as `numLayers` counts them (like the schema's `countLayerPattern`, written independently):
 * a shortcut group (LongCat-Flash) counts each repetition as one layer, however many blocks it holds.
 */
export function countLayers(entries: readonly LayerEntry[]): number {
  return entries.reduce((s, e) => s + ("repeat" in e ? e.repeat * (e.shortcut ? 1 : countLayers(e.layers)) : (e.count ?? 1)), 0);
}

/** How deep groups nest in a pattern (the schema allows 8). */
export function groupDepth(entries: readonly LayerEntry[]): number {
  return Math.max(0, ...entries.map((e) => ("repeat" in e ? 1 + groupDepth(e.layers) : 0)));
}

/** Blocks (mixer and/or FFN units) a pattern expands to. */
export function countBlocks(entries: readonly LayerEntry[]): number {
  return entries.reduce((s, e) => s + ("repeat" in e ? e.repeat * countBlocks(e.layers) : (e.count ?? 1)), 0);
}

/** The architecture families the generator draws from. */
export type Family = "dense" | "moe" | "mla" | "hybrid" | "mamba" | "any";

interface Defs {
  mixers: Record<string, Mixer>;
  ffns: Record<string, Ffn>;
  /** A pattern typical of the family, or undefined to use a random one. */
  pattern: Arb<LayerEntry[]> | undefined;
}

const named = <T>(names: readonly string[], arbs: readonly Arb<T>[]): Arb<Record<string, T>> =>
  fc.tuple(...arbs).map((values) => Object.fromEntries(values.map((v, i) => [names[i]!, v])) as Record<string, T>);

const distinctNames = (n: number): Arb<string[]> => fc.uniqueArray(definitionName(), { minLength: n, maxLength: n });

function familyDefs(family: Family, ctx: number | null): Arb<Defs> {
  switch (family) {
    case "dense":
      return fc.tuple(distinctNames(2), distinctNames(1), fc.boolean()).chain(([[g, l], [f], sliding]) =>
        fc
          .tuple(
            sliding ? named([g!, l!], [attentionMixer(ctx), attentionMixer(ctx)]) : named([g!], [attentionMixer(ctx)]),
            named([f!], [mlpFfn()]),
            pos(12),
            pos(8),
            pos(6),
          )
          .map(([mixers, ffns, rep, locals, tail]) => ({
            mixers,
            ffns,
            pattern: fc.constant(
              sliding
                ? [
                    {
                      repeat: rep,
                      layers: [
                        { mixer: l!, ffn: f!, count: locals },
                        { mixer: g!, ffn: f! },
                      ],
                    },
                    { mixer: l!, ffn: f!, count: tail },
                  ]
                : [{ mixer: g!, ffn: f!, count: rep * tail }],
            ),
          })),
      );
    case "moe":
    case "mla":
      return fc.tuple(distinctNames(1), distinctNames(2)).chain(([[m], [d, e]]) =>
        fc
          .tuple(
            named([m!], [family === "mla" ? mlaMixer(ctx) : attentionMixer(ctx)]),
            named<Ffn>([d!, e!], [mlpFfn(), moeFfn()]),
            nonNeg(4),
            pos(60),
          )
          .map(([mixers, ffns, prefix, rest]) => ({
            mixers,
            ffns,
            pattern: fc.constant(
              prefix
                ? [
                    { mixer: m!, ffn: d!, count: prefix },
                    { mixer: m!, ffn: e!, count: rest },
                  ]
                : [{ mixer: m!, ffn: e!, count: rest }],
            ),
          })),
      );
    case "hybrid":
      return fc.tuple(distinctNames(2), distinctNames(1), fc.boolean()).chain(([[lin, att], [f], moe]) =>
        fc
          .tuple(named([lin!, att!], [linearMixer(), attentionMixer(ctx)]), named<Ffn>([f!], [moe ? moeFfn() : mlpFfn()]), pos(16), pos(4))
          .map(([mixers, ffns, rep, k]) => ({
            mixers,
            ffns,
            pattern: fc.constant([
              {
                repeat: rep,
                layers: [
                  { mixer: lin!, ffn: f!, count: k },
                  { mixer: att!, ffn: f! },
                ],
              },
            ]),
          })),
      );
    case "mamba":
      return fc.tuple(distinctNames(2), distinctNames(1), fc.boolean()).chain(([[mb, att], [f], moe]) =>
        fc
          .tuple(named([mb!, att!], [mamba2Mixer(), attentionMixer(ctx)]), named<Ffn>([f!], [moe ? moeFfn() : mlpFfn()]), pos(8))
          .map(([mixers, ffns, rep]) => ({
            mixers,
            ffns,
            pattern: fc.constant([
              { repeat: rep, layers: [{ mixer: mb! }, { ffn: f! }, { mixer: mb! }, { ffn: f! }, { mixer: att! }, { ffn: f! }] },
            ]),
          })),
      );
    case "any":
      return fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })).chain(([nm, nf]) =>
        fc.tuple(distinctNames(nm), distinctNames(nf)).chain(([mn, fn]) =>
          fc
            .tuple(
              named(
                mn,
                mn.map(() => anyMixer(ctx)),
              ),
              named(
                fn,
                fn.map(() => fc.oneof(mlpFfn() as Arb<Ffn>, moeFfn() as Arb<Ffn>)),
              ),
            )
            .map(([mixers, ffns]) => ({ mixers, ffns, pattern: undefined })),
        ),
      );
  }
}

const embedding = (): Arb<Embedding> =>
  fc.record(
    {
      tied: fc.boolean(),
      scale: fc.oneof(fc.constant("sqrt-d" as const), posNumber(100)),
      norm: fc.boolean(),
      headBias: fc.boolean(),
      perLayer: fc.record({ vocabSize: pos(300000), dim: pos(512) }),
      ngram: fc.record({ vocabSize: pos(1 << 24) }),
    },
    { requiredKeys: ["tied"] },
  );

const positional = (): Arb<Positional> =>
  fc.oneof(
    { weight: 4, arbitrary: ropeSettings().map((r) => ({ kind: "rope" as const, ...r })) },
    { weight: 1, arbitrary: fc.constantFrom("learned", "alibi", "none").map((kind) => ({ kind }) as Positional) },
  );

const norm = (): Arb<Norm> =>
  fc
    .record(
      {
        kind: fc.constantFrom("rmsnorm", "layernorm"),
        bias: fc.boolean(),
        placement: fc.constantFrom("pre", "post", "sandwich", "parallel"),
        eps: posNumber(1),
        zeroCentered: fc.boolean(),
      },
      { requiredKeys: ["kind", "placement"] },
    )
    .map((n) => (n.kind === "rmsnorm" && n.bias ? { ...n, bias: false } : n) as Norm);

/** A consistent architecture of the given family (random family by default). */
export function architecture(
  familyArb: Arb<Family> = fc.constantFrom("dense", "moe", "mla", "hybrid", "mamba", "any", "any"),
  maxLayers = 160,
): Arb<Architecture> {
  return fc
    .record({ family: familyArb, positional: positional() })
    .chain(({ family, positional: pe }) =>
      fc.record({
        family: fc.constant(family),
        positional: fc.constant(pe),
        // Learned positions need a context length (one table row per position).
        contextLength:
          pe.kind === "learned"
            ? pos(1 << 22)
            : fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: pos(1 << 22) }),
      }),
    )
    .chain(({ family, positional: pe, contextLength }) =>
      familyDefs(family, contextLength).chain((defs) => {
        const mixerNames = Object.keys(defs.mixers);
        const ffnNames = Object.keys(defs.ffns);
        const pattern = defs.pattern
          ? fc.oneof({ weight: 3, arbitrary: defs.pattern }, { weight: 1, arbitrary: layerPattern(mixerNames, ffnNames, maxLayers) })
          : layerPattern(mixerNames, ffnNames, maxLayers);
        return fc
          .record({
            layers: pattern,
            vocabSize: pos(1 << 18),
            dModel: pos(16384),
            embedding: embedding(),
            positional: fc.constant(pe),
            norm: norm(),
            extra: fc.record(
              {
                mtp:
                  mixerNames.length && ffnNames.length
                    ? fc.record(
                        {
                          layers: pos(3),
                          mixer: fc.constantFrom(...mixerNames),
                          ffn: fc.constantFrom(...ffnNames),
                          hiddenNorm: fc.boolean(),
                          hyperConnections: fc.boolean(),
                        },
                        { requiredKeys: ["layers", "mixer", "ffn"] },
                      )
                    : fc.constant(undefined),
                hyperConnections: fc.oneof(
                  fc.record({ streams: pos(8), form: fc.constant("independent" as const) }),
                  fc.record({ streams: pos(8), form: fc.constant("single-pass" as const) }),
                  fc.record(
                    {
                      streams: pos(8),
                      form: fc.constant("manifold" as const),
                      streamNorm: fc.boolean(),
                      readout: fc.constantFrom("contraction" as const, "mean" as const),
                    },
                    { requiredKeys: ["streams"] },
                  ),
                  fc.record({ streams: pos(8), form: fc.constant("low-rank" as const), rank: pos(1024) }),
                ),
                loop: fc.record({ passes: fc.integer({ min: 2, max: 8 }), normBetweenPasses: fc.boolean() }, { requiredKeys: ["passes"] }),
                finalLogitSoftcap: posNumber(100),
              },
              { requiredKeys: [] },
            ),
          })
          .filter(({ layers }) => countBlocks(layers) <= maxLayers)
          .map(({ layers, extra, ...rest }) => {
            const arch: Architecture = {
              ...rest,
              contextLength,
              numLayers: countLayers(layers),
              mixers: defs.mixers,
              ffns: defs.ffns,
              layers,
            };
            if (extra.mtp) arch.mtp = extra.mtp;
            if (extra.hyperConnections) arch.hyperConnections = extra.hyperConnections;
            if (extra.loop) arch.loop = extra.loop;
            if (extra.finalLogitSoftcap !== undefined) arch.finalLogitSoftcap = extra.finalLogitSoftcap;
            return arch;
          });
      }),
    );
}

/** A complete, valid model spec; `text` generates every free-text field. */
export function validSpec(options: { text?: TextArb; family?: Arb<Family>; maxLayers?: number } = {}): Arb<ModelSpec> {
  const text = options.text ?? plainText;
  return fc
    .record(
      {
        id: modelId(),
        name: text(120, 1),
        org: text(120, 1),
        releaseDate: isoDate(),
        license: fc.record({ name: text(120, 1), url: url() }, { requiredKeys: ["name"] }),
        links: fc.record({ config: url(), paper: url(), modelCard: url(), code: url(), blog: url() }, { requiredKeys: [] }),
        officialParams: fc
          .record(
            {
              total: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
              activeFrac: fc.double({ min: 0, max: 1, noNaN: true }),
              roundedTo: pos(1e12),
              asWritten: text(200, 1),
              source: url(),
              note: text(1000),
              deviations: fc.array(fc.record({ figure: fc.constantFrom("total", "active"), explanation: text(2000, 1) }), { maxLength: 2 }),
            },
            { requiredKeys: ["total", "asWritten", "source"] },
          )
          .map(({ activeFrac, ...o }) => (activeFrac === undefined ? o : { ...o, active: Math.max(1, Math.floor(activeFrac * o.total)) })),
        summary: text(400),
        keyDetail: text(400),
        derivedFrom: modelId(),
        sources: fc.array(
          fc.record(
            {
              url: url(),
              title: text(200, 1),
              covers: fc.array(text(200, 1), { minLength: 1, maxLength: 3 }),
              via: text(500),
              note: text(2000),
            },
            { requiredKeys: ["url", "title", "covers"] },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        galleryDifferences: fc.array(fc.record({ metric: fc.constantFrom("kvCacheBytesPerToken", "params"), explanation: text(2000, 1) }), {
          maxLength: 2,
        }),
        notes: fc.array(text(2000), { maxLength: 3 }),
        architecture: architecture(options.family, options.maxLayers),
      },
      { requiredKeys: ["id", "name", "architecture"] },
    )
    .map((s) => s as ModelSpec);
}

/** Every free-text field of a spec, as [path, value] (for checking where hostile text ended up). */
export function textFields(spec: ModelSpec): [string, string][] {
  const out: [string, string][] = [];
  const visit = (v: unknown, path: string) => {
    if (typeof v === "string") out.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}.${i}`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, path ? `${path}.${k}` : k);
  };
  const { architecture: _a, ...meta } = spec;
  visit(meta, "");
  return out;
}
