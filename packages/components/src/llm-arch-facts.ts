/**
 * `<llm-arch-facts>`: a model's fact sheet alone.
 */
import { factSheet } from "./fact-sheet.js";
import { SpecElement } from "./spec-element.js";
import { themeStyles } from "./styles.js";

/**
 * A model's fact sheet as a `<table>`: scale, context, licence, date, decoder type, attention, layer mix, KV
 * cache per token, key detail and links.
 *
 * @example
 * ```html
 * <llm-arch-facts model="qwen3-8b"></llm-arch-facts>
 * ```
 *
 * @tagname llm-arch-facts
 * @summary A model's fact sheet.
 *
 * @slot - Shown while the model loads.
 *
 * @csspart facts - The fact sheet `<table>`.
 * @csspart error - The error box (`role="alert"`).
 *
 * @fires {LlmArchLoadEvent} llm-arch-load - The model loaded and validated.
 * @fires {LlmArchErrorEvent} llm-arch-error - Loading or validation failed; the message is also shown.
 */
export class LlmArchFacts extends SpecElement {
  /** @internal */
  static override styles = themeStyles;

  protected override render(): unknown {
    return this.status() ?? factSheet(this._facts!);
  }
}
