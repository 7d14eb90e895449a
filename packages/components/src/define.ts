/**
 * Registers every archgal element: `<llm-arch>`, `<llm-arch-compare>`, `<llm-arch-gallery>`, `<llm-arch-facts>`, `<llm-arch-fit>`
 * (each unless its tag is taken), and re-exports the package.
 *
 * @example
 * ```ts
 * import "@archgal/components/define.js";
 * ```
 */
import "./llm-arch.define.js";
import "./llm-arch-compare.define.js";
import "./llm-arch-gallery.define.js";
import "./llm-arch-facts.define.js";
import "./llm-arch-fit.define.js";

export * from "./index.js";
