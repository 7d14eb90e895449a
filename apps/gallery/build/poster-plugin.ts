/**
 * The poster, rendered once at build time in both orders and both themes: as one SVG file per order and theme
 * (`poster/<order>.<theme>.svg`: the download, and the image readers without JavaScript see) and as tiles
 * (`poster/<order>.<theme>.tiles.json`: the headings layer and one SVG per figure), which the poster page
 * decodes one piece at a time, so that no task parses the whole sheet. The browser neither downloads every
 * spec nor runs the renderer nor builds a DOM of tens of thousands of nodes. The dev server renders them on
 * request. Colours are written out (`inlineColors`): an image never sees the page's custom properties, and the
 * downloads stand alone.
 */
import { loadAllModels } from "@archgal/data";
import { inlineColors, renderPoster, renderPosterTiles } from "@archgal/renderer";
import type { Plugin } from "vite";
import { posterOrders, posterPath, posterTilesPath, type PosterOrder, type PosterTheme } from "../src/site/poster-files.js";

const themes: readonly PosterTheme[] = ["light", "dark"];

// the model modules load once: later calls get them from the module cache
async function posterFile(order: PosterOrder, theme: PosterTheme, tiles: boolean): Promise<string> {
  const specs = await loadAllModels();
  if (!tiles) return inlineColors(renderPoster(specs, { order, theme }));
  const sheet = renderPosterTiles(specs, { order, theme });
  return JSON.stringify({ ...sheet, tiles: sheet.tiles.map((t) => ({ ...t, svg: inlineColors(t.svg) })) });
}

export function posterPlugin(): Plugin {
  return {
    name: "archgal-poster",
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const m = /\/poster\/(date|type)\.(light|dark)\.(svg|tiles\.json)$/.exec(req.url ?? "");
        if (!m) return next();
        try {
          const tiles = m[3] !== "svg";
          res.setHeader("Content-Type", tiles ? "application/json" : "image/svg+xml");
          res.end(await posterFile(m[1] as PosterOrder, m[2] as PosterTheme, tiles));
        } catch (error) {
          next(error);
        }
      });
    },
    async generateBundle() {
      for (const order of Object.keys(posterOrders) as PosterOrder[]) {
        for (const theme of themes) {
          this.emitFile({ type: "asset", fileName: posterPath(order, theme), source: await posterFile(order, theme, false) });
          this.emitFile({ type: "asset", fileName: posterTilesPath(order, theme), source: await posterFile(order, theme, true) });
        }
      }
    },
  };
}
