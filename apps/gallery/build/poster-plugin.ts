/**
 * The poster, rendered once at build time: every model's figure on one sheet, in both orders and both themes,
 * as static SVG files (`poster/<order>.<theme>.svg`). The poster page shows the file as an image, so the
 * browser neither downloads every spec nor runs `renderPoster` nor builds a DOM of tens of thousands of
 * nodes; the page reads without JavaScript. The dev server renders them on request.
 */
import { loadAllModels } from "@archgal/data";
import { renderPoster } from "@archgal/renderer";
import type { Plugin } from "vite";
import { posterOrders, posterPath, type PosterOrder, type PosterTheme } from "../src/site/poster-files.js";

const themes: readonly PosterTheme[] = ["light", "dark"];

async function renderPosterFile(order: PosterOrder, theme: PosterTheme): Promise<string> {
  // the model modules load once: later calls get them from the module cache
  return renderPoster(await loadAllModels(), { order, theme });
}

export function posterPlugin(): Plugin {
  return {
    name: "archgal-poster",
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const m = /\/poster\/(date|type)\.(light|dark)\.svg$/.exec(req.url ?? "");
        if (!m) return next();
        try {
          res.setHeader("Content-Type", "image/svg+xml");
          res.end(await renderPosterFile(m[1] as PosterOrder, m[2] as PosterTheme));
        } catch (error) {
          next(error);
        }
      });
    },
    async generateBundle() {
      for (const order of Object.keys(posterOrders) as PosterOrder[]) {
        for (const theme of themes) {
          this.emitFile({ type: "asset", fileName: posterPath(order, theme), source: await renderPosterFile(order, theme) });
        }
      }
    },
  };
}
