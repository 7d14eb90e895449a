/**
 * `<llm-arch-compare>`: two to four models side by side, differences highlighted, and the list of differences
 * as a table.
 */
import { css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult, type PropertyDeclarations } from "lit";
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

/** Width (CSS px) of one figure below which the comparison draws the compact figures (as `<llm-arch>` does). */
export const COMPARE_FULL_MIN_WIDTH = 740;
/** Narrowest column (CSS px) of a compact figure; narrower containers stack the figures, one per row. */
const COMPACT_CELL = 320;
/** Models from which the comparison offers its enlarged view. */
export const ENLARGE_MIN_MODELS = 3;
/** Scale of the enlarged view: CSS px per figure unit (15-unit box text is then 13.5 px). */
const ENLARGED_SCALE = 0.9;

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
 * The figures fit their container: each model gets its full figure when it can be drawn at least 740 px wide,
 * else its compact figure (notes listed, a layer strip), in as many columns of at least 320 px as fit (one per
 * row on a phone). From three models on, an Enlarge button opens every full figure at a legible scale in a
 * modal dialog (Escape or Close returns).
 *
 * @csspart diagram - The side-by-side figure.
 * @csspart enlarge - The Enlarge button (three or four models).
 * @csspart enlarged - The dialog with the enlarged figures.
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
      :host {
        display: block;
        max-width: 100%;
      }
      figure {
        margin: 0 0 1rem;
        border-radius: 10px;
        background: var(--_background);
      }
      .side {
        display: grid;
        gap: 0.5rem;
        align-items: start;
      }
      .side.compact {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, ${unsafeCSS(COMPACT_CELL)}px), 1fr));
      }
      .side svg {
        display: block;
        width: 100%;
        height: auto;
      }
      .tools {
        display: flex;
        justify-content: flex-end;
        margin-bottom: 0.25rem;
      }
      button {
        font: inherit;
        color: var(--_text);
        background: var(--_background);
        border: 1px solid currentColor;
        border-radius: 6px;
        padding: 0.2rem 0.6rem;
        cursor: pointer;
      }
      button:focus-visible {
        outline: 2px solid var(--_diff);
        outline-offset: 2px;
      }
      dialog {
        box-sizing: border-box;
        width: 100vw;
        height: 100vh;
        max-width: none;
        max-height: none;
        margin: 0;
        padding: 0.75rem;
        border: 0;
        background: var(--_background);
        color: var(--_text);
      }
      dialog .tools {
        position: sticky;
        left: 0;
        top: 0;
      }
      dialog .side {
        width: max-content;
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
    _width: { state: true },
    _enlarged: { state: true },
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
    this._width = 0;
    this._enlarged = false;
  }

  declare private _facts: SpecFacts[] | undefined;
  declare private _error: ArchErrorDetail | undefined;
  /** The element's content width (CSS px), 0 before it is measured. */
  declare private _width: number;
  declare private _enlarged: boolean;
  #token = 0;
  #prefix = `llm-arch-compare-${++instances}`;
  #resize?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this._width = this.getBoundingClientRect().width;
    if (typeof ResizeObserver === "function") {
      // Applied in the next frame: a redraw changes the element's height, which the observer would otherwise
      // have to report again in the same frame.
      this.#resize ??= new ResizeObserver(([e]) => {
        const w = e?.contentRect.width ?? 0;
        requestAnimationFrame(() => {
          if (w > 0) this._width = w;
        });
      });
      this.#resize.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  /** Opens the enlarged view (three or four models). */
  async enlarge(): Promise<void> {
    this._enlarged = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector("dialog");
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>("dialog button")?.focus();
  }

  #closed = () => {
    this._enlarged = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>("[part=enlarge]")?.focus());
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (["a", "b", "c", "d", "specs"].some((k) => changed.has(k as keyof LlmArchCompare))) void this.#load();
  }

  async #load(): Promise<void> {
    const token = ++this.#token;
    this._error = undefined;
    this._facts = undefined;
    const base = this.dataset.base;
    const sources = this.specs?.length
      ? this.specs.map((spec) => ({ spec }))
      : [this.a, this.b, this.c, this.d].filter((m): m is string => Boolean(m)).map((model) => ({ model, base }));
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

  /** The figures side by side (full), or in columns of compact figures; `scale` fixes CSS px per unit. */
  #figures(specs: ModelSpec[], compact: boolean, idPrefix: string, scale?: number): TemplateResult {
    const theme: Theme = this.effectiveTheme;
    // The renderer's comparison geometry outlines the components that differ from the first model; each figure
    // is drawn on its own (the differences are listed in the HTML table below, not in the SVG).
    const { figures } = layoutCompare(specs, { compact });
    const columns = figures.map((f) => (scale ? `${Math.round(f.layout.width * scale)}px` : `${f.layout.width}fr`)).join(" ");
    return html`<div class=${compact ? "side compact" : "side"} style=${compact ? "" : `grid-template-columns:${columns}`}>
      ${figures.map((f, i) => unsafeHTML(renderCheckedLayout(f.layout, { theme, id: f.id, idPrefix: `${idPrefix}-${i}` })))}
    </div>`;
  }

  #figure(specs: ModelSpec[]): TemplateResult {
    const names = specs.map((s) => s.name).join(", ");
    // Full figures only where each can be drawn 740 px wide (an unmeasured element draws the compact ones).
    const compact = !(this._width / specs.length >= COMPARE_FULL_MIN_WIDTH);
    const enlargeable = specs.length >= ENLARGE_MIN_MODELS;
    return html`<figure part="diagram" tabindex="0" aria-label=${`${names} side by side; components that differ from ${specs[0]!.name} are outlined`}>
      ${enlargeable ? html`<div class="tools"><button part="enlarge" type="button" aria-haspopup="dialog" @click=${() => void this.enlarge()}>Enlarge</button></div>` : nothing}
      ${this.#figures(specs, compact, this.#prefix)}
    </figure>
    ${
      enlargeable && this._enlarged
        ? html`<dialog part="enlarged" aria-label=${`${names}, enlarged`} @close=${this.#closed}>
          <div class="tools"><button type="button" @click=${(e: Event) => (e.target as HTMLElement).closest("dialog")?.close()}>Close</button></div>
          ${this.#figures(specs, false, `${this.#prefix}-enlarged`, ENLARGED_SCALE)}
        </dialog>`
        : nothing
    }`;
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
