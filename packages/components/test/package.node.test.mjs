// Node tests of the build output: CDN size budgets, what the CDN bundle contains, the package's exports and
// side-effect declarations, and the Custom Elements Manifest. Needs `pnpm build` first (scripts/test.mjs does it).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { budgets, measure } from "../scripts/sizes.mjs";
import { models, newMechanismsOf } from "@archgal/data";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => readFileSync(join(root, p), "utf8");
/** A module's code without comments. */
const code = (p) =>
  read(p)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
const pkg = JSON.parse(read("package.json"));
const sizes = measure(root);
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;

describe("CDN size budgets (gzip -9, per file as served)", () => {
  it(`each model's data is at most ${kib(budgets.model)}`, () => {
    const over = Object.entries(sizes.models).filter(([, n]) => n > budgets.model);
    assert.deepEqual(over, []);
    assert.ok(Object.keys(sizes.models).length >= 60);
  });

  it(`the critical path of <llm-arch model> (cdn/llm-arch.js + the chunks it imports statically) is at most ${kib(budgets.criticalPath)}`, () => {
    assert.equal(sizes.criticalPath.files[0], "cdn/llm-arch.js");
    assert.ok(
      sizes.criticalPath.gzip <= budgets.criticalPath,
      `critical path ${kib(sizes.criticalPath.gzip)}: ${sizes.criticalPath.files.join(", ")}`,
    );
  });

  it("keeps the zoom panels, the validator, the popover details, <llm-arch-compare> and <llm-arch-gallery> off the critical path", () => {
    for (const name of ["panels", "validator", "details", "compare", "gallery"]) {
      const lazy = sizes.lazy[name];
      assert.ok(lazy && lazy.gzip > 0, `${name} is a lazy chunk`);
      for (const f of lazy.files) assert.ok(!sizes.criticalPath.files.includes(f), `${name}: ${f} is not on the critical path`);
    }
  });
});

describe("CDN bundle contents", () => {
  const meta = JSON.parse(read("cdn/meta.json"));
  const outputs = Object.fromEntries(Object.entries(meta.outputs).filter(([f]) => f.endsWith(".js")));
  const inputsOf = (pred) =>
    Object.entries(outputs)
      .filter(([f]) => pred(f))
      .flatMap(([, o]) => Object.keys(o.inputs));
  const critical = new Set(sizes.criticalPath.files);
  const rel = (f) => f.replace(/^.*?cdn\//, "cdn/");

  it("is one script tag's worth: cdn/llm-arch.js, the rest under cdn/chunks/, nothing imported from outside", () => {
    assert.ok(outputs["cdn/llm-arch.js"]);
    for (const [f, o] of Object.entries(outputs)) {
      assert.ok(f === "cdn/llm-arch.js" || f.startsWith("cdn/chunks/"), f);
      for (const i of o.imports ?? []) assert.ok(i.path.startsWith("cdn/"), `${f} imports ${i.path}`);
    }
  });

  it("registers every tag: <llm-arch> and <llm-arch-facts> on the critical path, compare and gallery in their chunks", () => {
    const code = (files) => files.map((f) => read(f)).join("\n");
    const eager = code([...critical]);
    for (const tag of ["llm-arch", "llm-arch-facts"]) assert.ok(eager.includes(`customElements.define("${tag}"`), tag);
    const all = code(Object.keys(outputs).map(rel));
    for (const tag of ["llm-arch-compare", "llm-arch-gallery"]) {
      assert.ok(!eager.includes(`customElements.define("${tag}"`), `${tag} is lazy`);
      assert.ok(all.includes(`customElements.define("${tag}"`), tag);
    }
  });

  it("loads the zoom panels from @archgal/renderer/panels: that chunk carries no compare, poster or layout-check code", () => {
    const files = new Set(sizes.lazy.panels.files);
    const inputs = inputsOf((f) => files.has(rel(f)));
    assert.ok(
      inputs.some((p) => /renderer\/dist\/panels\.js$/.test(p)),
      "the panels entry",
    );
    assert.deepEqual(
      inputs.filter((p) => /renderer\/dist\/index\.js$/.test(p)),
      [],
      "not the renderer's main entry",
    );
    const text = [...files].map((f) => read(f)).join("\n");
    for (const s of ["Differences (", "group-heading", "covers the text of"]) assert.ok(!text.includes(s), s);
    assert.ok(sizes.lazy.panels.gzip < sizes.lazy.compare.gzip, "panels cost less than compare");
  });

  it("bundles zod/mini only in the validator chunk, never classic zod, never @archgal/data", () => {
    const all = inputsOf(() => true);
    assert.ok(all.some((p) => /zod\/v4\/mini/.test(p)));
    assert.deepEqual(
      all.filter((p) => /zod\/v4\/classic|zod\/v3|locales|packages\/data\/|@archgal\/data/.test(p)),
      [],
    );
    assert.deepEqual(
      inputsOf((f) => critical.has(rel(f))).filter((p) => /zod/.test(p)),
      [],
      "no zod on the critical path",
    );
  });

  it("ships every model of the index, its new mechanisms, and the index", async () => {
    const index = JSON.parse(read("cdn/models/index.json"));
    const files = readdirSync(join(root, "cdn/models")).filter((f) => f !== "index.json" && f !== "new-mechanisms");
    assert.deepEqual(files.map((f) => f.replace(/\.json$/, "")).sort(), index.map((e) => e.id).sort());
    for (const e of index) assert.ok(e.name && e.org && e.releaseDate && e.decoderType && e.params, e.id);
    // Each model's new mechanisms beside it (the index, which the gallery loads, leaves them out).
    for (const e of models) assert.deepEqual(JSON.parse(read(`cdn/models/new-mechanisms/${e.id}.json`)), await newMechanismsOf(e.id), e.id);
    assert.ok(models.some((e) => JSON.parse(read(`cdn/models/new-mechanisms/${e.id}.json`)).length > 0));
    assert.ok(index.every((e) => !("newMechanisms" in e)));
  });

  it("leaves the metafile out of the published files", () => {
    assert.ok(pkg.files.includes("!cdn/meta.json"));
  });
});

describe("npm package", () => {
  it("every export resolves to a built file", () => {
    for (const [key, target] of Object.entries(pkg.exports)) {
      const files = typeof target === "string" ? [target] : Object.values(target);
      for (const f of files) {
        if (f.includes("*")) continue;
        assert.ok(existsSync(join(root, f)), `${key} → ${f}`);
      }
    }
    assert.ok(existsSync(join(root, pkg.types)));
    assert.ok(existsSync(join(root, pkg.customElements)));
  });

  it("declares side effects only for the registering modules", () => {
    assert.deepEqual(pkg.sideEffects, [
      "./dist/define.js",
      "./dist/*.define.js",
      "./dist/cdn.js",
      "./dist/cdn-core.js",
      "./cdn/llm-arch.js",
      "./cdn/chunks/*.js",
      "./src/define.ts",
      "./src/*.define.ts",
      "./src/cdn.ts",
      "./src/cdn-core.ts",
    ]);
    for (const f of readdirSync(join(root, "dist")).filter((f) => f.endsWith(".js"))) {
      const c = code(`dist/${f}`);
      const registers = /customElements\.define\(/.test(c) || /^import (?:[^;]* from )?"\.\/(?:[\w.-]*define|cdn-core)\.js";/m.test(c);
      const declared = f === "define.js" || f.endsWith(".define.js") || f === "cdn.js" || f === "cdn-core.js";
      if (f === "registry.js" || f === "define-element.js") continue; // define only when their function is called
      assert.equal(registers, declared, `${f}: registers=${registers}, declared as side effect=${declared}`);
    }
  });

  it("class modules do not import the registering modules", () => {
    for (const f of ["index.js", "llm-arch.js", "llm-arch-compare.js", "llm-arch-gallery.js", "llm-arch-facts.js"]) {
      assert.equal(/define\.js/.test(code(`dist/${f}`)), false, f);
    }
  });

  it("has a README with plain HTML, React, Vue, Svelte, theming, events and SSR sections", () => {
    const readme = read("README.md");
    for (const heading of ["Plain HTML", "React", "Vue", "Svelte", "Theming", "Events", "SSR"])
      assert.match(readme, new RegExp(`^#+ .*${heading}`, "m"), heading);
  });
});

describe("Custom Elements Manifest", () => {
  const manifest = JSON.parse(read("custom-elements.json"));
  const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path })));
  const element = (tag) => declarations.find((d) => d.tagName === tag);

  it("describes the four elements, with their modules in dist/", () => {
    for (const tag of ["llm-arch", "llm-arch-compare", "llm-arch-gallery", "llm-arch-facts"]) {
      const d = element(tag);
      assert.ok(d, tag);
      assert.match(d.module, /^dist\/.*\.js$/);
    }
    assert.ok(manifest.modules.some((m) => (m.exports ?? []).some((e) => e.kind === "custom-element-definition" && e.name === "llm-arch")));
  });

  it("lists the attributes, events, parts and custom properties of <llm-arch>", () => {
    const d = element("llm-arch");
    const attrs = (d.attributes ?? []).map((a) => a.name);
    for (const a of ["model", "src", "view", "theme", "compact", "panels"]) assert.ok(attrs.includes(a), `attribute ${a} in ${attrs}`);
    const events = (d.events ?? []).map((e) => e.name);
    for (const e of ["llm-arch-load", "llm-arch-error", "llm-arch-select"]) assert.ok(events.includes(e), `event ${e} in ${events}`);
    const parts = (d.cssParts ?? []).map((p) => p.name);
    for (const p of ["diagram", "facts", "legend", "popover", "error"]) assert.ok(parts.includes(p), `part ${p}`);
    assert.ok((d.cssProperties ?? []).some((p) => p.name.startsWith("--llm-arch-")));
  });

  it("lists the gallery's filter attributes and its open event", () => {
    const d = element("llm-arch-gallery");
    const attrs = (d.attributes ?? []).map((a) => a.name);
    for (const a of ["href-template", "query", "decoder-type", "org", "attention", "concept", "sort"])
      assert.ok(attrs.includes(a), `attribute ${a} in ${attrs}`);
    assert.ok((d.events ?? []).some((e) => e.name === "llm-arch-open"));
  });
});
