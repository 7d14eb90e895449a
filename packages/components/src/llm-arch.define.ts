/**
 * Registers `<llm-arch>` (unless the tag is taken, e.g. by a second copy of the script) and re-exports its class.
 *
 * @example
 * ```ts
 * import "@archgal/components/llm-arch.define.js";
 * ```
 */
import { LlmArch } from "./llm-arch.js";

if (!customElements.get("llm-arch")) customElements.define("llm-arch", LlmArch);

declare global {
  interface HTMLElementTagNameMap {
    "llm-arch": LlmArch;
  }
}

export { LlmArch };
