/**
 * Entry of the CDN build (`cdn/llm-arch.js`): registers `<llm-arch>` and `<llm-arch-facts>` at once, and
 * `<llm-arch-compare>` / `<llm-arch-gallery>` / `<llm-arch-fit>` as soon as one appears in the document (their code is a separate
 * chunk under `cdn/chunks/`). Model data is fetched from the `models/` folder next to this script, or the
 * script tag's `data-base`.
 */
import { setEntryUrl } from "./default-loader.js";
import { autoload, loadAll as loadAllOf } from "./autoload.js";
import "./llm-arch.define.js";
import "./llm-arch-facts.define.js";

setEntryUrl(import.meta.url);

const lazy = {
  "llm-arch-compare": () => import("./llm-arch-compare.define.js"),
  "llm-arch-gallery": () => import("./llm-arch-gallery.define.js"),
  "llm-arch-fit": () => import("./llm-arch-fit.define.js"),
};
autoload(lazy);

/** Defines the lazily loaded elements now (e.g. before creating them inside a shadow root). */
export const loadAll = (): Promise<unknown[]> => loadAllOf(lazy);

export { LlmArch } from "./llm-arch.js";
export { LlmArchFacts } from "./llm-arch-facts.js";
export { setModelLoader, setDataBase } from "./loaders.js";
export { LlmArchLoadEvent, LlmArchErrorEvent, LlmArchSelectEvent, LlmArchOpenEvent } from "./events.js";
