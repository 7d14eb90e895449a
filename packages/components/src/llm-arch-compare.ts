/**
 * `<llm-arch-compare>`: two to four models side by side, differences highlighted, and the list of differences
 * as a table.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { layoutCompare, renderCheckedLayout, type Theme } from "@archgal/renderer";
import { compareRows, formatCompareValue, type ModelSpec } from "@archgal/schema/metrics";
import { ArchError, errorDetail, type ArchErrorDetail } from "./errors.js";
import { LlmArchErrorEvent, LlmArchLoadEvent } from "./events.js";
import { errorBox } from "./spec-element.js";
import { loadFacts, type SpecFacts } from "./spec-facts.js";
import { themeStyles } from "./styles.js";
import { ThemedElement } from "./themed-element.js";


let instances = 0;

/**
 * Two to four models side by side with their differences highlighted, and a table of every difference.
 *
 * @example
 * ```html
 * <llm-arch-compare a="llama-3-8b" b="qwen3-8b"></llm-arch-compare>
 * ```
 *
 * @tagname llm-arch-compare
 * @summary Side-by-side architecture comparison with a table of differences.
 *
 * @csspart diagram - The side-by-side figure.
 * @csspart facts - The differences `<table>`.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --llm-arch-diff - Colour of highlighted differences.
 * @cssprop --llm-arch-diff-fill - Background of highlighted differences.
 *
 * @fires {LlmArchLoadEvent} llm-arch-load - Every model loaded and the comparison rendered.
 * @fires {LlmArchErrorEvent} llm-arch-error - A model could not be loaded or is invalid.
 */
export class LlmArchCompare extends ThemedElement {
  /** @internal */
  static override styles = [
    themeStyles,
    css`
      figure {
        margin: 0 0 1rem;
        overflow-x: auto;
        border-radius: 10px;
        background: var(--_background);
      }
      .side {
        display: grid;
        gap: 0.5rem;
        min-width: 44rem;
      }
      .side svg {
        display: block;
        width: 100%;
        height: auto;
      }
      td.changed {
        background: var(--_diff-fill);
        box-shadow: inset 3px 0 0 var(--_diff);
      }
      thead th {
        color: var(--_text);
      }
      .facts-wrap {
        overflow-x: auto;
      }
    `,
  ];

  /** @internal */
  static override properties: PropertyDeclarations = {
    a: { reflect: true },
    b: { reflect: true },
    c: { reflect: true },
    d: { reflect: true },
    specs: { attribute: false },
    view: { reflect: true },
    _facts: { state: true },
    _error: { state: true },
  };

  /** First model id (the reference the others are compared with). */
  declare a: string | undefined;
  /** Second model id. */
  declare b: string | undefined;
  /** Optional third model id. */
  declare c: string | undefined;
  /** Optional fourth model id. */
  declare d: string | undefined;
  /** Two to four spec objects; when set they are shown instead of `a`–`d`. */
  declare specs: unknown[] | undefined;
  /** What to show: `diagram` (the figures), `facts` (the differences table) or `both` (default). */
  declare view: "diagram" | "facts" | "both";

  constructor() {
    super();
    this.view = "both";
  }

  declare private _facts: SpecFacts[] | undefined;
  declare private _error: ArchErrorDetail | undefined;
  #token = 0;
  #prefix = `llm-arch-compare-${++instances}`;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (["a", "b", "c", "d", "specs"].some((k) => changed.has(k as keyof LlmArchCompare))) void this.#load();
  }

  async #load(): Promise<void> {
    const token = ++this.#token;
    this._error = undefined;
    this._facts = undefined;
    const base = this.dataset.base;
    const sources = this.specs?.length ? this.specs.map((spec) => ({ spec })) : [this.a, this.b, this.c, this.d].filter((m): m is string => Boolean(m)).map((model) => ({ model, base }));
    if (sources.length === 0) return;
    try {
      if (sources.length < 2 || sources.length > 4) {
        throw new ArchError({ kind: "usage", message: `a comparison needs two to four models, got ${sources.length}` });
      }
      const facts = await Promise.all(sources.map((s) => loadFacts(s)));
      if (token !== this.#token) return;
      this._facts = facts;
      await this.updateComplete;
      const specs = facts.map((f) => f.spec);
      this.dispatchEvent(new LlmArchLoadEvent({ id: specs[0]!.id, spec: specs[0]!, specs }));
    } catch (error) {
      if (token !== this.#token) return;
      const detail = errorDetail(error, !this._facts);
      this._error = detail;
      await this.updateComplete;
      this.dispatchEvent(new LlmArchErrorEvent(detail));
    }
  }

  #figure(specs: ModelSpec[]): TemplateResult {
    const theme: Theme = this.effectiveTheme;
    // The renderer's comparison geometry outlines the components that differ from the first model; each figure
    // is drawn on its own (the differences are listed in the HTML table below, not in the SVG).
    const { figures } = layoutCompare(specs);
    const columns = figures.map((f) => `${f.layout.width}fr`).join(" ");
    return html`<figure part="diagram" tabindex="0" aria-label=${`${specs.map((s) => s.name).join(", ")} side by side; components that differ from ${specs[0]!.name} are outlined`}>
      <div class="side" style=${`grid-template-columns:${columns}`}>
        ${figures.map((f, i) => unsafeHTML(renderCheckedLayout(f.layout, { theme, id: f.id, idPrefix: `${this.#prefix}-${i}` })))}
      </div>
    </figure>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this._error) return errorBox(this._error);
    const facts = this._facts;
    if (!facts) return this.a || this.specs ? html`<p class="loading" role="status">Loading…</p>` : nothing;
    const specs = facts.map((f) => f.spec);
    const view = this.view === "diagram" || this.view === "facts" ? this.view : "both";
    if (view === "diagram") return this.#figure(specs);
    const rows = compareRows(specs);
    return html`${view === "both" ? this.#figure(specs) : nothing}
      <div class="facts-wrap" role="region" tabindex="0" aria-label="Differences">
        <table part="facts">
          <caption>
            ${rows.length ? `${rows.length} difference${rows.length === 1 ? "" : "s"}` : "No differences"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              ${specs.map((s) => html`<th scope="col">${s.name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr>
                <th scope="row">${r.label}</th>
                ${r.values.map((v, i) => html`<td class=${i > 0 && formatCompareValue(r.path, v) !== formatCompareValue(r.path, r.values[0]) ? "changed" : ""}>${formatCompareValue(r.path, v)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}
