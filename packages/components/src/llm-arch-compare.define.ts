/**
 * Registers `<llm-arch-compare>` (unless the tag is taken, e.g. by a second copy of the script) and re-exports its class.
 *
 * @example
 * ```ts
 * import "@archgal/components/llm-arch-compare.define.js";
 * ```
 */
import { LlmArchCompare } from "./llm-arch-compare.js";

if (!customElements.get("llm-arch-compare")) customElements.define("llm-arch-compare", LlmArchCompare);

declare global {
  interface HTMLElementTagNameMap {
    "llm-arch-compare": LlmArchCompare;
  }
}

export { LlmArchCompare };
