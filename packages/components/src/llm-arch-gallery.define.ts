/**
 * Registers `<llm-arch-gallery>` (unless the tag is taken, e.g. by a second copy of the script) and re-exports its class.
 *
 * @example
 * ```ts
 * import "@archgal/components/llm-arch-gallery.define.js";
 * ```
 */
import { LlmArchGallery } from "./llm-arch-gallery.js";

if (!customElements.get("llm-arch-gallery")) customElements.define("llm-arch-gallery", LlmArchGallery);

declare global {
  interface HTMLElementTagNameMap {
    "llm-arch-gallery": LlmArchGallery;
  }
}

export { LlmArchGallery };
