/**
 * Registering the elements under their tag names, guarded against double definition (two copies of the
 * script on one page, or hot reloading).
 */
import { LlmArch } from "./llm-arch.js";
import { LlmArchCompare } from "./llm-arch-compare.js";
import { LlmArchFacts } from "./llm-arch-facts.js";
import { LlmArchFit } from "./llm-arch-fit.js";
import { LlmArchGallery } from "./llm-arch-gallery.js";
import { defineElement } from "./define-element.js";

/** The tag name of each element class. */
export const tagNames = {
  "llm-arch": LlmArch,
  "llm-arch-compare": LlmArchCompare,
  "llm-arch-gallery": LlmArchGallery,
  "llm-arch-facts": LlmArchFacts,
  "llm-arch-fit": LlmArchFit,
} as const;

export { defineElement } from "./define-element.js";

/** Defines every element (`llm-arch`, `llm-arch-compare`, `llm-arch-gallery`, `llm-arch-facts`, `llm-arch-fit`) that is not defined yet. */
export function defineElements(): void {
  for (const [tag, ctor] of Object.entries(tagNames)) defineElement(tag, ctor);
}
