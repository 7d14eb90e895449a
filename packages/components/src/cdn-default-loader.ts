/**
 * The CDN build's default loader (swapped in for `default-loader.ts` by the build): fetches
 * `models/<id>.json` next to the entry script, or below the `data-base` attribute of the script tag. The entry
 * (`cdn.ts`, always `cdn/llm-arch.js`) tells it its own URL, since this module may land in a shared chunk.
 */
import type { ModelLoader } from "./loaders.js";
import { cdnLoader } from "./loaders.js";

let entryUrl = "";

/** Fetched data is validated like any other: the files next to the script may come from anywhere. */
export const trustedData = false;

/** Called by the CDN entry with its `import.meta.url`. */
export function setEntryUrl(url: string): void {
  entryUrl = url;
}

function scriptBase(): string {
  const tags = [...document.querySelectorAll<HTMLScriptElement>("script[data-base]")];
  // The tag of this very script; else (a CDN redirected to a versioned URL) any llm-arch.js tag.
  const tag = tags.find((s) => s.src === entryUrl) ?? tags.find((s) => /\/llm-arch(\.min)?\.js(\?|#|$)/.test(s.src));
  return new URL(tag ? tag.dataset.base! : "./models/", tag ? document.baseURI : entryUrl || document.baseURI).href;
}

let loader: ModelLoader | undefined;

/** Fetches from the `models/` folder next to the script (created on first use). */
export const defaultLoader: ModelLoader = {
  load: (id) => (loader ??= cdnLoader(scriptBase())).load(id),
  index: () => (loader ??= cdnLoader(scriptBase())).index(),
  newMechanisms: (id) => (loader ??= cdnLoader(scriptBase())).newMechanisms!(id),
};
