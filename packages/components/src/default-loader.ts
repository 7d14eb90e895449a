/**
 * The npm/bundler build's default loader: `@archgal/data`, imported on first use. Each model is its own JSON
 * module there, so bundlers split one chunk per model. (The CDN build swaps this module for
 * `cdn-default-loader.ts`.)
 */
import { ArchError } from "./errors.js";
import type { ModelLoader } from "./loaders.js";

const data = () =>
  import("@archgal/data").catch((cause) => {
    throw new ArchError({ kind: "network", message: `could not load @archgal/data (${(cause as Error).message})` }, { cause });
  });

/** The npm build's data is the bundled dataset, validated when it was built. */
export const trustedData = true;

/** The npm build has no entry URL to remember (the CDN build's variant of this module does). */
export function setEntryUrl(_url: string): void {}

/** Loads from `@archgal/data`. */
export const defaultLoader: ModelLoader = {
  async load(id) {
    const { hasModel, loadModel } = await data();
    if (!hasModel(id)) throw new ArchError({ kind: "unknown-model", id, message: `unknown model "${id}"` });
    return loadModel(id).catch((cause) => {
      throw new ArchError({ kind: "network", id, message: `could not load the data of "${id}" (${(cause as Error).message})` }, { cause });
    });
  },
  async index() {
    return (await data()).models;
  },
  async newMechanisms(id) {
    return (await data()).newMechanismsOf(id);
  },
};
