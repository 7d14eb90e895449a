/**
 * Registers `<llm-arch-fit>` (unless the tag is taken, e.g. by a second copy of the script) and re-exports its class.
 *
 * @example
 * ```ts
 * import "@archgal/components/llm-arch-fit.define.js";
 * ```
 */
import { LlmArchFit } from "./llm-arch-fit.js";

if (!customElements.get("llm-arch-fit")) customElements.define("llm-arch-fit", LlmArchFit);

declare global {
  interface HTMLElementTagNameMap {
    "llm-arch-fit": LlmArchFit;
  }
}

export { LlmArchFit };
