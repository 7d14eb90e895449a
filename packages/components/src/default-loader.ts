/**
 * The npm/bundler build's default loader: `@archgal/data`, imported on first use. Each model is its own JSON
 * module there, so bundlers split one chunk per model. (The CDN build swaps this module for
 * `cdn-default-loader.ts`.)
 */
import { ArchError } from "./errors.js";
import type { ModelLoader } from "./loaders.js";

const data = () => import("@archgal/data");

/** Loads from `@archgal/data`. */
export const defaultLoader: ModelLoader = {
  async load(id) {
    const { hasModel, loadModel } = await data();
    if (!hasModel(id)) throw new ArchError({ kind: "unknown-model", id, message: `unknown model "${id}"` });
    return loadModel(id);
  },
  async index() {
    return (await data()).models;
  },
};
