// The renderer alone, as pages.bench.mjs bundles it to time the first draw in a fresh page.
export { renderModel } from "@archgal/renderer";
