import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { openGraphTags, pageSection, siteFooter, siteHeader, themeBootScript } from "./build/page-chrome.js";
import { compileHintPlugin } from "./build/compile-hint-plugin.js";
import { precompressPlugin } from "./build/precompress-plugin.js";
import { posterPlugin } from "./build/poster-plugin.js";
import { prerenderPlugin } from "./build/prerender-plugin.js";
import { thumbnailPlugin } from "./build/thumbnail-plugin.js";

const pages = Object.keys(pageSection);

/** Fills the shared header, footer and theme boot script into every page. */
function pageChrome(): Plugin {
  return {
    name: "archgal-page-chrome",
    transformIndexHtml(html, ctx) {
      const file = ctx.filename.split(/[\\/]/).pop() ?? "index.html";
      return html
        .replace("<!--theme-boot-->", `${openGraphTags(html)}\n    ${themeBootScript}`)
        .replace("<!--site-header-->", siteHeader(pageSection[file]))
        .replace("<!--site-footer-->", siteFooter());
    },
  };
}

/**
 * Pages built in a second pass of their own (`vite build --mode separate`, into the same dist/): the importer of
 * "Your model" is the site's largest library, and in one build its modules would be split into chunks shared with
 * the other pages, which would then load more (see e2e/page-sizes.e2e.test.ts).
 */
const separatePages = ["your-model.html"];

export default defineConfig(({ mode }) => {
  const separate = mode === "separate";
  const built = pages.filter((p) => separatePages.includes(p) === separate);
  return {
    base: "./",
    plugins: separate
      ? [pageChrome(), compileHintPlugin(), prerenderPlugin({ pageFiles: false }), precompressPlugin()]
      : [pageChrome(), compileHintPlugin(), thumbnailPlugin(), posterPlugin(), prerenderPlugin(), precompressPlugin()],
    build: {
      target: "es2022",
      outDir: "dist",
      emptyOutDir: !separate,
      copyPublicDir: !separate,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: Object.fromEntries(built.map((p) => [p.replace(/\.html$/, ""), resolve(import.meta.dirname, p)])),
      },
    },
    preview: { port: 4173, strictPort: false },
  };
});
