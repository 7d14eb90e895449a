/**
 * `<llm-arch-facts>`: a model's fact sheet, and with `fit` its "Will it fit?" calculator below it.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from "lit";
import { defineElement } from "./define-element.js";
import { factSheet } from "./fact-sheet.js";
import { SpecElement } from "./spec-element.js";
import { themeStyles } from "./styles.js";

/**
 * A model's fact sheet as a `<table>`: scale, context, licence, date, decoder type, attention, layer mix, KV
 * cache per token, key detail and links. With the `fit` attribute an `<llm-arch-fit>` for the same model follows
 * the table (device, context, batch, dtypes → memory fit and roofline speed); its code loads only then.
 *
 * @example
 * ```html
 * <llm-arch-facts model="qwen3-8b"></llm-arch-facts>
 * <llm-arch-facts model="llama-3-8b" fit></llm-arch-facts>
 * ```
 *
 * @tagname llm-arch-facts
 * @summary A model's fact sheet.
 *
 * @slot - Shown while the model loads.
 *
 * @csspart facts - The fact sheet `<table>`.
 * @csspart fit - The fit calculator (with `fit`; its own parts are exported as `fit-title`, `fit-error`).
 * @csspart error - The error box (`role="alert"`).
 *
 * @fires {LlmArchLoadEvent} llm-arch-load - The model loaded and validated.
 * @fires {LlmArchErrorEvent} llm-arch-error - Loading or validation failed; the message is also shown.
 */
export class LlmArchFacts extends SpecElement {
  /** @internal */
  static override styles = themeStyles;

  /** @internal */
  static override properties: PropertyDeclarations = { ...SpecElement.properties, fit: { type: Boolean, reflect: true } };

  /** Show the "Will it fit?" calculator below the fact sheet (`<llm-arch-fit>`, defined when this is first set). */
  declare fit: boolean;

  constructor() {
    super();
    this.fit = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The class module, not the registering one: this module stays free of side effects until `fit` is set.
    if (this.fit && !customElements.get("llm-arch-fit"))
      void import("./llm-arch-fit.js").then(({ LlmArchFit }) => defineElement("llm-arch-fit", LlmArchFit));
  }

  protected override render(): unknown {
    const status = this.status();
    if (status) return status;
    const f = this._facts!;
    return html`${factSheet(f)}${
      this.fit
        ? html`<llm-arch-fit part="fit" exportparts="title: fit-title, error: fit-error" theme=${this.theme} .spec=${f.spec}></llm-arch-fit>`
        : nothing
    }`;
  }
}
