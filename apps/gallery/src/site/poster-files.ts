/**
 * The poster's pre-rendered files (written by build/poster-plugin.ts): one per order and theme.
 */

/** The poster's orders, with the label the page shows. */
export const posterOrders = { date: "By release year", type: "By decoder type" } as const;
export type PosterOrder = keyof typeof posterOrders;
export type PosterTheme = "light" | "dark";

/** Path of one poster file, relative to the site root. */
export function posterPath(order: PosterOrder, theme: PosterTheme): string {
  return `poster/${order}.${theme}.svg`;
}

/**
 * Path of one poster's tiles, relative to the site root: a JSON file holding `renderPosterTiles`' result (the
 * headings layer and one standalone SVG per figure), which the page decodes piece by piece.
 */
export function posterTilesPath(order: PosterOrder, theme: PosterTheme): string {
  return `poster/${order}.${theme}.tiles.json`;
}
