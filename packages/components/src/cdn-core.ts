/**
 * Everything the CDN entry (`cdn.ts`) runs at once: `<llm-arch>` and `<llm-arch-facts>` registered, the other
 * elements autoloaded when they appear, the public exports. Kept apart from the entry so that the build can make
 * every lazily loaded chunk depend on this module as a whole (see scripts/build.mjs): the critical path is then the
 * entry and one chunk instead of seven.
 */
/** For the entry only: where the script was loaded from. */
export { setEntryUrl } from "./default-loader.js";
import { autoload, loadAll as loadAllOf } from "./autoload.js";
import "./llm-arch.define.js";
import "./llm-arch-facts.define.js";

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
