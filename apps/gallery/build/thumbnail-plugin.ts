/**
 * Card thumbnails: every model's figure (main column only, no zoom panels, no text) rendered once at build time
 * in light and dark, so the home page shows 70+ diagrams as cheap lazy images instead of loading and
 * rendering every spec in the browser. The dev server renders them on request.
 */
import { loadAllModels, loadModel, hasModel } from "@archgal/data";
import { renderModel } from "@archgal/renderer";
import { modelStats } from "@archgal/schema";
import type { Plugin } from "vite";

const themes = ["light", "dark"] as const;

/** URL path of a thumbnail, relative to the site root. */
export function thumbnailPath(id: string, theme: "light" | "dark"): string {
  return `thumbs/${id}.${theme}.svg`;
}

/**
 * A card's picture: the main column without its text. Shown about 200 px wide, the figure's text is 2–3 px high
 * and cannot be read, yet laying out and painting it is most of what a thumbnail costs the page (a home page's
 * longest task on a desktop was mostly the visible thumbnails' paint). Our renderer writes each text run as one
 * `<text>` element with no nested `<text>`, so the pattern removes exactly those.
 */
function renderThumbnail(spec: Parameters<typeof renderModel>[0], theme: "light" | "dark"): string {
  return renderModel(spec, { theme, panels: false, title: false, idPrefix: `t-${spec.id}-` }).replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, "");
}

export function thumbnailPlugin(): Plugin {
  return {
    name: "archgal-thumbnails",
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const m = /\/thumbs\/([a-z0-9.-]+)\.(light|dark)\.svg$/.exec(req.url ?? "");
        if (!m || !hasModel(m[1]!)) return next();
        try {
          const svg = renderThumbnail(await loadModel(m[1]!), m[2] as "light" | "dark");
          res.setHeader("Content-Type", "image/svg+xml");
          res.end(svg);
        } catch (error) {
          next(error);
        }
      });
    },
    async generateBundle() {
      const specs = await loadAllModels();
      for (const spec of specs) {
        for (const theme of themes) {
          this.emitFile({ type: "asset", fileName: thumbnailPath(spec.id, theme), source: renderThumbnail(spec, theme) });
        }
      }
      // The whole dataset as one download: every spec with its computed numbers (linked from the footer).
      const dataset = specs.map((spec) => {
        const { id: _id, name: _name, ...stats } = modelStats(spec);
        return { ...spec, computed: stats };
      });
      this.emitFile({ type: "asset", fileName: "data/models.json", source: `${JSON.stringify(dataset, null, 1)}\n` });
    },
  };
}
