/**
 * Registers `<llm-arch-facts>` (unless the tag is taken, e.g. by a second copy of the script) and re-exports its class.
 *
 * @example
 * ```ts
 * import "@archgal/components/llm-arch-facts.define.js";
 * ```
 */
import { LlmArchFacts } from "./llm-arch-facts.js";

if (!customElements.get("llm-arch-facts")) customElements.define("llm-arch-facts", LlmArchFacts);

declare global {
  interface HTMLElementTagNameMap {
    "llm-arch-facts": LlmArchFacts;
  }
}

export { LlmArchFacts };
