/**
 * `<llm-arch-facts>`: a model's fact sheet alone.
 */
import { html, type PropertyDeclarations } from "lit";
import { factSheet } from "./fact-sheet.js";
import { SpecElement } from "./spec-element.js";
import { themeStyles } from "./styles.js";

/**
 * A model's fact sheet as a `<table>`: scale, context, licence, date, decoder type, attention, layer mix, KV
 * cache per token, key detail and links. With `fit`, a "Will it fit?" panel follows (device, count, context,
 * batch, dtypes → memory fit and roofline speed with its assumptions); `fit="only"` shows the panel alone. The
 * panel's code (`<llm-arch-fit>`, with the hardware presets and fit maths) is loaded on first use.
 *
 * @example
 * ```html
 * <llm-arch-facts model="qwen3-8b"></llm-arch-facts>
 * <llm-arch-facts model="qwen3-8b" fit></llm-arch-facts>
 * ```
 *
 * @tagname llm-arch-facts
 * @summary A model's fact sheet.
 *
 * @slot - Shown while the model loads.
 *
 * @csspart facts - The fact sheet `<table>`.
 * @csspart error - The error box (`role="alert"`).
 * @csspart fit - The "Will it fit?" panel (with `fit`).
 *
 * @fires {LlmArchLoadEvent} llm-arch-load - The model loaded and validated.
 * @fires {LlmArchErrorEvent} llm-arch-error - Loading or validation failed; the message is also shown.
 */
export class LlmArchFacts extends SpecElement {
  /** @internal */
  static override styles = themeStyles;

  /** @internal */
  static override properties: PropertyDeclarations = { ...SpecElement.properties, fit: { reflect: true } };

  /** Show the "Will it fit?" panel (`<llm-arch-fit>`): present (or `""`) below the fact sheet, `"only"` instead of it. */
  declare fit: string | undefined;

  protected override render(): unknown {
    const fit = this.fit;
    if (fit == null) return this.status() ?? factSheet(this._facts!);
    void import("./llm-arch-fit.define.js");
    return this.status() ?? html`${fit == "only" ? "" : factSheet(this._facts!)}<llm-arch-fit .spec=${this.spec} .src=${this.src} .model=${this.model} theme=${this.theme}></llm-arch-fit>`;
  }
}
