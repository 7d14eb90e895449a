/**
 * Property: hostile text in every text field — script tags, quotes, entities, event attributes, `javascript:`
 * URLs, control characters, very long strings, right-to-left text, lone surrogates — comes out escaped and
 * harmless: the SVG stays well-formed and never contains `<script`, `foreignObject`, an `on…=` attribute, an
 * external reference or a raw control character; and the text says what the spec said (escaping is lossless but
 * for the characters XML cannot carry). The same holds for specs that never went through validation (hostile
 * ids, definition names and extension mixer kinds) and for a hostile id prefix. Hostile `theme`, `accent` and
 * `width` options are refused at the entry with a TypeError or RangeError naming the option; good ones render.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateSpec, type ModelSpec } from "@archgal/schema";
import { cleanText, renderCompare, renderModel, renderPoster, type RenderableSpec } from "@archgal/renderer";
import { renderModel as leanRender } from "@archgal/renderer/lean";
import { clip, textFields, validSpec } from "./lib/arbitraries.js";
import { checkSvg } from "@archgal/test-kit/svg";
import { minimalSpec } from "@archgal/test-kit/fixtures";
import { hitsOpenFinding, unexplained } from "./lib/findings.js";

const RUNS = Number(process.env.QUALITY_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * RUNS)) });

/** Payloads that break naive SVG/HTML string building. */
export const PAYLOADS = [
  "<script>alert(1)</script>",
  "</text></svg><script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)' x='",
  '" onclick="alert(1)',
  "<foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject>",
  "javascript:alert(document.domain)",
  '<a href="javascript:alert(1)">x</a>',
  "<image href='https://evil.example/x.png'/>",
  "<use href='https://evil.example/s.svg#x'/>",
  'style="fill:url(https://evil.example/p.svg#x)"',
  "&amp; &lt; &gt; &quot; &#39; &#x3C;script&#x3E; &#0; &#xD800; &nbsp; &e;",
  "]]><!-- --><![CDATA[<script>]]>",
  "<?xml-stylesheet href='https://evil.example/x.css'?>",
  "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
  "\u0000\u0001\u0002\u0007\u0008\u000B\u000C\u000E\u001B\u001F\u007F\u0080\u0085\u009F",
  "\uFFFE\uFFFF\uFEFF",
  "\uD800",
  "\uDFFF",
  "x\uD83D",
  "\uDE00y",
  "\u202Egnp.exe\u202C",
  "\u2066isolated\u2069 \u2067rtl\u2069 \u2068fsi\u2069",
  "مرحبا بالعالم — نموذج لغوي",
  "שלום עולם",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "👩‍👩‍👧‍👦🏳️‍🌈🇺🇳",
  "\t\n\r\n\t",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  '\\"><script>',
  "W".repeat(400),
  "Supercalifragilisticexpialidocious".repeat(20),
];

/** Hostile text for a field of at most `max` (at least `min`) UTF-16 units. */
export const hostileText = (max: number, min = 0): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
      {
        weight: 3,
        arbitrary: fc
          .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ unit: "binary", maxLength: 8 })), { minLength: 1, maxLength: 6 })
          .map((xs) => xs.join("")),
      },
      {
        weight: 1,
        arbitrary: fc.string({
          unit: fc
            .integer({ min: 0, max: 0x10ffff })
            .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp))),
          maxLength: 60,
        }),
      },
      { weight: 1, arbitrary: fc.constantFrom("x", "<", "&").map((c) => c.repeat(max)) },
    )
    .map((s) => clip(s, max))
    .filter((s) => s.length >= min);

/** Decodes the five entities escapeXml writes (and numeric references), for comparing text with the spec. */
const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The markup alone: text content and attribute values blanked (escaped text may mention anything harmlessly). */
const markupOnly = (svg: string) => svg.replace(/"[^"]*"/g, '""').replace(/>[^<]*</g, "><");

function expectHarmless(svg: string) {
  expect(unexplained(checkSvg(svg).problems)).toEqual([]);
  expect(markupOnly(svg)).not.toMatch(/<script|<foreignObject|<iframe|<image|<use\b|<a\b|\shref=|xlink:|\son[a-z]+=|<!|<\?/i);
  // Attribute values never carry a script URL or an outside reference.
  for (const [, name, value] of svg.matchAll(/\s([\w:-]+)="([^"]*)"/g)) {
    if (!/^(data-|aria-|id$)/.test(name!)) expect(value, name).not.toMatch(/javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  }
}

describe("hostile text", () => {
  it("in every text field of a valid spec: validates, renders escaped and harmless, and the title says what the name says", () => {
    fc.assert(
      fc.property(validSpec({ text: hostileText, maxLayers: 32 }), fc.constantFrom("light" as const, "dark" as const), (spec, theme) => {
        fc.pre(!hitsOpenFinding(spec));
        expect(validateSpec(spec).issues).toEqual([]);
        const svg = renderModel(spec, { theme });
        expectHarmless(svg);
        expectHarmless(leanRender(spec, { theme }));
        const title = /<title id="[^"]*">([^<]*)<\/title>/.exec(svg);
        expect(title, "the SVG has a <title>").not.toBeNull();
        expect(decode(title![1]!)).toBe(cleanText(spec.name));
        // Every drawn text is escaped text: no field's raw markup survives unescaped.
        for (const [path, value] of textFields(spec)) {
          if (/[<>]/.test(value) && value.length >= 8) expect(svg.includes(value), `raw ${path} in the SVG`).toBe(false);
        }
      }),
      runs(100),
    );
  });

  it("in compared pairs and on a poster: escaped and harmless", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(validSpec({ text: hostileText, maxLayers: 24 }), { minLength: 2, maxLength: 3, selector: (s) => s.id }),
        (specs) => {
          fc.pre(!specs.some(hitsOpenFinding));
          expectHarmless(renderCompare(specs.slice(0, 2)));
          expectHarmless(renderPoster(specs));
        },
      ),
      runs(10),
    );
  });

  it("in specs that skipped validation (ids, definition names, extension mixer kinds) and in an id prefix: harmless", () => {
    const hostileName = hostileText(200, 1);
    fc.assert(
      fc.property(
        validSpec({ maxLayers: 16 }),
        fc.record({ id: hostileName, mixerName: hostileName, ffnName: hostileName, kind: hostileName, idPrefix: hostileText(100) }),
        (valid, h) => {
          fc.pre(!hitsOpenFinding(valid));
          const spec = structuredClone(valid) as unknown as Omit<ModelSpec, "architecture"> & {
            architecture: Omit<ModelSpec["architecture"], "mixers"> & { mixers: Record<string, unknown> };
          };
          spec.id = h.id;
          const a = spec.architecture;
          const mixer = Object.keys(a.mixers)[0]!;
          const ffn = Object.keys(a.ffns)[0];
          const rename = <T>(rec: Record<string, T>, from: string, to: string) => {
            const v = rec[from]!;
            delete rec[from];
            rec[to] = v;
          };
          rename(a.mixers, mixer, h.mixerName);
          a.mixers[`${h.mixerName}-x`] = { kind: h.kind, heads: 1 };
          if (ffn !== undefined && !(h.ffnName in a.ffns)) rename(a.ffns, ffn, h.ffnName);
          const re = (name: string | undefined, from: string, to: string) => (name === from ? to : name);
          const walk = (entries: ModelSpec["architecture"]["layers"]): ModelSpec["architecture"]["layers"] =>
            entries.map((e) => {
              if ("repeat" in e) return { ...e, layers: walk(e.layers) };
              const out = { ...e };
              if (e.mixer !== undefined) out.mixer = re(e.mixer, mixer, h.mixerName);
              if (e.ffn !== undefined && ffn !== undefined) out.ffn = re(e.ffn, ffn, h.ffnName);
              return out;
            });
          a.layers = [...walk(a.layers), { mixer: `${h.mixerName}-x` }];
          a.numLayers += 1;
          if (a.mtp) a.mtp = { ...a.mtp, mixer: h.mixerName, ...(ffn !== undefined ? { ffn: h.ffnName } : {}) };
          expectHarmless(renderModel(spec as RenderableSpec, { idPrefix: h.idPrefix }));
          expectHarmless(leanRender(spec as RenderableSpec, { idPrefix: h.idPrefix }));
        },
      ),
      runs(60),
    );
  });

  it("in render options: a bad theme, accent or width is refused at the entry naming the option; good ones render harmless", () => {
    const anyValue = fc.oneof(
      hostileText(60),
      fc.double(),
      fc.integer(),
      fc.constantFrom(null, true, {}, [], "toString", "constructor", "__proto__"),
    );
    const option = <T>(good: fc.Arbitrary<T>) =>
      fc.option(fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: anyValue }), { nil: undefined });
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((v) => `#${v.toString(16).padStart(6, "0")}`);
    const options = fc.record(
      {
        theme: option(fc.constantFrom("light", "dark")),
        accent: option(hex),
        width: option(fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1, max: 100_000, noNaN: true }))),
      },
      { requiredKeys: [] },
    );
    const good = {
      theme: (v: unknown) => v === undefined || v === "light" || v === "dark",
      accent: (v: unknown) => v === undefined || (typeof v === "string" && /^\s*#([0-9a-f]{3}|[0-9a-f]{6})\s*$/i.test(v)),
      width: (v: unknown) => v === undefined || (typeof v === "number" && v >= 1 && v <= 100_000),
    };
    const spec = minimalSpec() as RenderableSpec;
    const renderers = [
      (o: object) => renderModel(spec, o),
      (o: object) => leanRender(spec, o),
      (o: object) => renderCompare([spec, { ...spec, id: "other" }], o),
      (o: object) => renderPoster([spec], o),
    ];
    fc.assert(
      fc.property(options, fc.nat(renderers.length - 1), (o, which) => {
        const firstBad = (["theme", "accent", "width"] as const).find((k) => !good[k](o[k]));
        const render = () => renderers[which]!(o);
        if (firstBad === undefined) {
          const svg = render();
          expectHarmless(svg);
          expect(/<svg [^>]*\swidth="([^"]*)"/.exec(svg)?.[1]).toMatch(/^\d+(\.\d+)?$/);
          return;
        }
        let error: unknown;
        try {
          render();
        } catch (e) {
          error = e;
        }
        expect(error, `${firstBad} ${String(o[firstBad])} refused`).toBeInstanceOf(Error);
        expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(true);
        expect((error as Error).message.startsWith(`${firstBad}: expected `), (error as Error).message).toBe(true);
        expect((error as Error).message.length).toBeLessThan(120);
      }),
      runs(200),
    );
  });

  it("very long text in every field at its maximum length: renders, wraps, stays harmless", () => {
    const long = (max: number, min = 0) =>
      fc
        .constantFrom("W", "x ", "مرحبا ", "<&>", "👩‍👩‍👧", "\u0000")
        .map((unit) => clip(unit.repeat(Math.ceil(max / unit.length)), Math.max(min, max)));
    fc.assert(
      fc.property(validSpec({ text: long, maxLayers: 8 }), (spec) => {
        fc.pre(!hitsOpenFinding(spec));
        expectHarmless(renderModel(spec));
      }),
      runs(15),
    );
  });

  it("a minimal spec whose name is each payload: the exact escaped title", () => {
    for (const payload of PAYLOADS) {
      const spec = minimalSpec();
      spec.name = clip(payload, 120);
      const svg = renderModel(spec);
      expectHarmless(svg);
      expect(decode(/<title id="[^"]*">([^<]*)<\/title>/.exec(svg)![1]!)).toBe(cleanText(spec.name));
    }
  });
});
