/**
 * Entry of the CDN build (`cdn/llm-arch.js`): registers `<llm-arch>` and `<llm-arch-facts>` at once, and
 * `<llm-arch-compare>` / `<llm-arch-gallery>` / `<llm-arch-fit>` as soon as one appears in the document (their code is a separate
 * chunk under `cdn/chunks/`). Model data is fetched from the `models/` folder next to this script, or the
 * script tag's `data-base`.
 */
import { setEntryUrl } from "./cdn-core.js";

// The models/ folder is found next to this script.
setEntryUrl(import.meta.url);

export {
  loadAll,
  LlmArch,
  LlmArchFacts,
  setModelLoader,
  setDataBase,
  LlmArchLoadEvent,
  LlmArchErrorEvent,
  LlmArchSelectEvent,
  LlmArchOpenEvent,
} from "./cdn-core.js";
