/**
 * The CDN build's default loader (swapped in for `default-loader.ts` by the build): fetches
 * `models/<id>.json` next to the script, or below the `data-base` attribute of the script tag.
 */
import type { ModelLoader } from "./loaders.js";
import { cdnLoader } from "./loaders.js";

function scriptBase(): string {
  const own = import.meta.url;
  for (const s of document.querySelectorAll<HTMLScriptElement>("script[data-base]")) {
    if (s.src === own) return new URL(s.dataset.base!, document.baseURI).href;
  }
  return new URL("./models/", own).href;
}

let loader: ModelLoader | undefined;

/** Fetches from the `models/` folder next to the script (created on first use). */
export const defaultLoader: ModelLoader = {
  load: (id) => (loader ??= cdnLoader(scriptBase())).load(id),
  index: () => (loader ??= cdnLoader(scriptBase())).index(),
};
