/**
 * `<llm-arch-facts>`: a model's fact sheet alone.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from "lit";
import { factSheet } from "./fact-sheet.js";
import { SpecElement } from "./spec-element.js";
import { themeStyles } from "./styles.js";

type FitModule = typeof import("./fit-panel.js");
type FitFields = import("./fit-panel.js").FitFields;

/**
 * A model's fact sheet as a `<table>`: scale, context, licence, date, decoder type, attention, layer mix, KV
 * cache per token, key detail and links. With `fit`, a "Will it fit?" panel follows (device, count, context,
 * batch, dtypes → memory fit and roofline speed with its assumptions); `fit="only"` shows the panel alone. The
 * panel's code (hardware presets and fit maths) is loaded on first use.
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
  static override properties: PropertyDeclarations = {
    ...SpecElement.properties,
    fit: { reflect: true },
    _fitModule: { state: true },
    _fitFields: { state: true },
  };

  /** Show the "Will it fit?" panel: present (or `""`) below the fact sheet, `"only"` instead of it. */
  declare fit: string | undefined;
  /** @internal */
  declare protected _fitModule: FitModule | undefined;
  /** @internal */
  declare protected _fitFields: FitFields | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.fit != null && !this._fitModule) {
      void import("./fit-panel.js").then((m) => {
        this._fitModule = m;
      });
    }
  }

  protected override beforeLoad(): void {
    this._fitFields = undefined;
  }

  protected override render(): unknown {
    const status = this.status();
    if (status) return status;
    const facts = this._facts!;
    const sheet = this.fit === "only" ? nothing : factSheet(facts);
    if (this.fit == null) return sheet;
    const m = this._fitModule;
    if (!m) return html`${sheet}<p class="loading" role="status">Loading the fit calculator…</p>`;
    const fields = this._fitFields ?? m.defaultFields(facts.spec);
    return html`${sheet}${m.fitPanel(facts.spec, fields, (f) => (this._fitFields = f))}`;
  }
}
