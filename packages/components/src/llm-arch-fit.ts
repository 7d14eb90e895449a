/**
 * `<llm-arch-fit>`: "Will it fit?" for one model — device, count, context, batch and dtypes → memory fit and
 * roofline (upper-bound) speed, with every assumption and the device's datasheet shown. The companion of
 * `<llm-arch-facts>` (a separate element so that the hardware presets and fit maths stay off the CDN element's
 * critical path: the CDN build defines it, and fetches its code, only when the tag appears).
 */
import type { PropertyDeclarations } from "lit";
import { defaultFields, fitPanel, fitStyles, type FitFields } from "./fit-panel.js";
import { SpecElement } from "./spec-element.js";
import { themeStyles } from "./styles.js";

/**
 * The fit calculator of a model. Every field is validated as typed: a bad value shows its error beside the field
 * and is never clamped.
 *
 * @example
 * ```html
 * <llm-arch-fit model="llama-3-8b"></llm-arch-fit>
 * ```
 *
 * @tagname llm-arch-fit
 * @summary Will a model fit on a device, and how fast could it decode.
 *
 * @csspart fit - The panel.
 * @csspart title - The panel's heading (hide it with `::part(title)` when the page gives its own).
 * @csspart error - The error box (`role="alert"`).
 *
 * @fires {LlmArchLoadEvent} llm-arch-load - The model loaded and validated.
 * @fires {LlmArchErrorEvent} llm-arch-error - Loading or validation failed; the message is also shown.
 */
export class LlmArchFit extends SpecElement {
  /** @internal */
  static override styles = [themeStyles, fitStyles];

  /** @internal */
  static override properties: PropertyDeclarations = { ...SpecElement.properties, _fields: { state: true } };

  /** @internal */
  declare protected _fields: FitFields | undefined;

  protected override beforeLoad(): void {
    this._fields = undefined;
  }

  protected override render(): unknown {
    const status = this.status();
    if (status) return status;
    const spec = this._facts!.spec;
    return fitPanel(spec, this._fields ?? defaultFields(spec), (f) => (this._fields = f));
  }
}
