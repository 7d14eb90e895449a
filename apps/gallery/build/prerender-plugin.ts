/**
 * Pre-rendered pages: at build time the content of the home page (headline numbers and every model's card),
 * the concepts index, one page per model (`model-<id>.html`: heading, the figure inline as SVG, fact sheet,
 * links, sources), one page per concept (`concept-<tag>.html`) and the poster page (the poster file as an image) is written into the HTML, built with the same
 * view code the browser runs over a server-side DOM (linkedom). The pages read without JavaScript; with it,
 * each page script replaces the static content with the interactive page.
 */
import { parseHTML } from "linkedom";
import { loadAllModels, models, newMechanismsOf } from "@archgal/data";
import { conceptCatalogue } from "@archgal/schema/concepts";
import type { DatasetEntry } from "@archgal/schema/metrics";
import { queryModels } from "@archgal/schema/model-list";
import type { NewMechanism } from "@archgal/schema/family";
import type { Plugin } from "vite";
import { modelsWithConcept, usageDetail } from "../src/concepts/concept-usage.js";
import { h, withDocument } from "../src/site/dom-builder.js";
import { emptyQuery } from "../src/site/model-query.js";
import { conceptPageFile, hasPageFile, modelPageFile } from "../src/site/site-links.js";
import { conceptIndex } from "../src/views/concept-index.js";
import { conceptPage } from "../src/views/concept-page.js";
import { heroStats } from "../src/views/hero-stats.js";
import { cardGrid } from "../src/views/model-card.js";
import { modelOverview } from "../src/views/model-overview.js";
import { posterStatic } from "../src/views/poster-view.js";
import { withPageMeta } from "./page-chrome.js";

type Content = Node | null | readonly (Node | null)[];

/** Serialises nodes built by `build` in a fresh server-side document. */
export function renderToHtml(build: () => Content): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const doc = document as unknown as Document;
  return withDocument(doc, () => {
    const holder = doc.createElement("div");
    const content = build();
    for (const node of Array.isArray(content) ? content : [content]) if (node) holder.appendChild(node);
    return holder.innerHTML;
  });
}

/** Replaces the content of the element with `id` (empty, or holding the "Loading…" status and its `<noscript>` note). */
export function fillElement(html: string, id: string, content: string): string {
  const open = new RegExp(`(<(div|dl) [^>]*id="${id}"[^>]*>)(?:<noscript>[\\s\\S]*?</noscript>)?(?:<p class="status">[^<]*</p>)?(</\\2>)`);
  if (!open.test(html)) throw new Error(`prerender: no element #${id} to fill`);
  return html.replace(open, (_m, start: string, _tag: string, end: string) => `${start}${content}${end}`);
}

/** What the pages that work from their address (any id, a comparison, an import) say to a reader without JavaScript. */
const noScriptNotes: Record<string, { id: string; text: string }> = {
  "model.html": {
    id: "model-app",
    text: "This page draws any model from its address and needs JavaScript; every model of the gallery also has a page of its own that reads without it.",
  },
  "concept.html": {
    id: "concept-app",
    text: "This page explains any concept from its address and needs JavaScript; every concept also has a page of its own that reads without it.",
  },
  "compare.html": {
    id: "compare-app",
    text: "Comparisons are computed in your browser and need JavaScript. Each model's own page reads without it.",
  },
  "your-model.html": {
    id: "your-model-app",
    text: "Your config.json is imported in your browser, which needs JavaScript (nothing is uploaded anywhere).",
  },
};

/** Adds a `<noscript>` note in front of the page's "Loading…" status (which the stylesheet hides without scripts). */
export function addNoScriptNote(html: string, id: string, text: string): string {
  const at = `<div id="${id}">`;
  if (!html.includes(at)) throw new Error(`prerender: no element #${id} for the note`);
  const note = renderToHtml(() => h("p", { class: "lede" }, text, " ", h("a", { href: "./" }, "Browse the models")));
  return html.replace(at, `${at}<noscript>${note}</noscript>`);
}

/** The home page's pre-rendered parts. */
function prerenderHome(html: string): string {
  const hits = queryModels(models, emptyQuery());
  const withHero = fillElement(
    html,
    "hero-stats",
    renderToHtml(() => heroStats(models)),
  );
  const grid = renderToHtml(() => cardGrid(hits, { selected: false }));
  return fillElement(
    withHero,
    "home-app",
    `<section aria-labelledby="models-title"><h2 id="models-title" class="visually-hidden">Models</h2>${grid}</section>`,
  );
}

function prerenderModel(template: string, spec: DatasetEntry, highlight: readonly NewMechanism[] | undefined): string {
  const page = withPageMeta(template, { title: `${spec.name} architecture — archgal`, description: `${spec.name}: ${spec.summary}` });
  return fillElement(
    page,
    "model-app",
    renderToHtml(() => modelOverview(spec, highlight)),
  );
}

function prerenderConcept(template: string, tag: string, specs: ReadonlyMap<string, DatasetEntry>): string {
  const info = conceptCatalogue.find((c) => c.tag === tag)!;
  const users = modelsWithConcept(models, tag);
  const usage = (id: string) => {
    const spec = specs.get(id);
    return spec ? usageDetail(info.tag, spec) : undefined;
  };
  const page = withPageMeta(template, { title: `${info.name} — archgal`, description: info.summary });
  return fillElement(
    page,
    "concept-app",
    renderToHtml(() => conceptPage(info, users, usage)),
  );
}

/** The dev server answers `model-<id>.html` / `concept-<tag>.html` with the page that renders any id. */
function pageFilesInDev(): Plugin {
  return {
    name: "archgal-page-files-dev",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const m = /^(.*\/)(model|concept)-[^/?]+\.html(\?.*)?$/.exec(req.url ?? "");
        if (m) req.url = `${m[1]}${m[2]}.html${m[3] ?? ""}`;
        next();
      });
    },
  };
}

/**
 * The Vite plugins: pre-rendering at build time, and the page files' addresses on the dev server. With
 * `pageFiles: false` (a build pass without model.html and concept.html) only the built pages are filled in and no
 * per-model or per-concept page is written.
 */
export function prerenderPlugin({ pageFiles = true }: { pageFiles?: boolean } = {}): Plugin[] {
  return [pageFilesInDev(), prerenderBuild(pageFiles)];
}

function prerenderBuild(pageFiles: boolean): Plugin {
  return {
    name: "archgal-prerender",
    apply: "build",
    enforce: "post",
    transformIndexHtml(html, ctx) {
      const file = ctx.filename.split(/[\\/]/).pop();
      if (file === "index.html") return prerenderHome(html);
      const note = file ? noScriptNotes[file] : undefined;
      if (note) return addNoScriptNote(html, note.id, note.text);
      if (file === "poster.html")
        return fillElement(
          html,
          "poster-app",
          renderToHtml(() => posterStatic(models.length)),
        );
      if (file === "concepts.html")
        return fillElement(
          html,
          "concepts-app",
          renderToHtml(() => conceptIndex(models)),
        );
      return html;
    },
    async generateBundle(_options, bundle) {
      if (!pageFiles) return;
      const source = (name: string) => {
        const asset = bundle[name];
        if (!asset || asset.type !== "asset") throw new Error(`prerender: ${name} is not in the bundle`);
        return String(asset.source);
      };
      const modelTemplate = source("model.html");
      const conceptTemplate = source("concept.html");
      const specs = new Map((await loadAllModels()).map((s) => [s.id, s]));
      for (const spec of specs.values()) {
        if (!hasPageFile(spec.id)) continue;
        this.emitFile({
          type: "asset",
          fileName: modelPageFile(spec.id),
          source: prerenderModel(modelTemplate, spec, await newMechanismsOf(spec.id)),
        });
      }
      for (const c of conceptCatalogue) {
        if (!hasPageFile(c.tag)) continue;
        this.emitFile({ type: "asset", fileName: conceptPageFile(c.tag), source: prerenderConcept(conceptTemplate, c.tag, specs) });
      }
    },
  };
}
