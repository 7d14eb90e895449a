/**
 * The figure's layout with zoom panels (`@archgal/renderer/panels`), loaded on first use by `diagram.ts`. Only
 * the layout is taken: the SVG is drawn by the lean renderer already in the first script, and a namespace import
 * of the renderer's entry would keep its every export (and their code) in the shared chunks.
 */
export { layoutModel } from "@archgal/renderer/panels";
