/**
 * `<llm-arch>`: one model's architecture diagram and fact sheet.
 */
import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { parseComponentId } from "@archgal/renderer/lean";
import type { ComponentInfo } from "./component-info.js";
import { componentTitle } from "./component-title.js";
import { draw, loadPanels, panelsLoaded, type Drawing, type Hit } from "./diagram.js";
import { LlmArchSelectEvent } from "./events.js";
import { factSheet } from "./fact-sheet.js";
import type { SpecFacts } from "./spec-facts.js";
import type { HighlightOption } from "@archgal/renderer/lean";
import { SpecElement } from "./spec-element.js";
import { themeStyles } from "./styles.js";

/** Which parts `<llm-arch>` shows. */
export type LlmArchView = "diagram" | "facts" | "both";

/** When the zoom panels are drawn. */
export type PanelsSetting = "auto" | "show" | "hide";

/** Host width (CSS px) from which `panels="auto"` draws the zoom panels. */
export const PANELS_MIN_WIDTH = 1100;

/**
 * Host width (CSS px) below which the diagram is the compact figure even without the `compact` attribute (unless
 * `panels="show"`): narrower than this, the regular figure (≈ 1,000 units wide, 15-unit text) would show its
 * text below 11 px, while the compact one keeps it at 11 px or more down to 360 px.
 */
export const COMPACT_MAX_WIDTH = 740;

const legendNames: Record<string, string> = {
  embedding: "Embedding / output",
  norm: "Norm",
  positional: "Positions",
  attention: "Attention",
  "linear-mixer": "Linear attention",
  ssm: "Recurrent / state space",
  mixer: "Mixer",
  ffn: "Feed forward",
  moe: "Mixture of experts",
};

let instances = 0;

/**
 * A model's architecture diagram with its fact sheet.
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/@archgal/components/cdn/llm-arch.js"></script>
 * <llm-arch model="deepseek-v3"></llm-arch>
 * ```
 *
 * @tagname llm-arch
 * @summary An interactive, themeable LLM architecture diagram and fact sheet.
 *
 * @slot - Shown while the model loads, e.g. a server-rendered SVG of the same diagram.
 *
 * @csspart diagram - The figure: the SVG diagram, its component buttons and the legend.
 * @csspart facts - The fact sheet `<table>`.
 * @csspart legend - The colour legend under the diagram.
 * @csspart popover - The details of the selected component.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --llm-arch-background - Figure background; every palette colour of `@archgal/renderer` is a `--llm-arch-<name>` property (text, text-muted, line, frame, box, embedding, norm, positional, attention, linear-mixer, ssm, mixer, ffn, moe, accent, diff, …).
 * @cssprop --llm-arch-accent - Links, focus rings and the selected component.
 *
 * @fires {LlmArchLoadEvent} llm-arch-load - The model loaded, validated and rendered.
 * @fires {LlmArchErrorEvent} llm-arch-error - Loading or validation failed; the message is also shown.
 * @fires {LlmArchSelectEvent} llm-arch-select - A diagram component was selected.
 */
export class LlmArch extends SpecElement {
  /** @internal */
  static override styles = [
    themeStyles,
    css`
      .both {
        display: grid;
        gap: 1rem;
      }
      @container (min-width: 1500px) {
        .both {
          grid-template-columns: minmax(0, 1fr) 22rem;
          align-items: start;
        }
      }
      :host([compact]) .both {
        grid-template-columns: minmax(0, 1fr);
      }
      :host([compact]) {
        font-size: 0.8125rem;
      }
      .compact .svg,
      .compact [part="legend"] {
        max-width: 34rem;
        margin-inline: auto;
      }
      figure {
        margin: 0;
        position: relative;
      }
      .svg {
        position: relative;
        border-radius: 10px;
        overflow: hidden;
        background: var(--_background);
      }
      .svg > svg {
        display: block;
        width: 100%;
        height: auto;
      }
      [role="toolbar"] button {
        position: absolute;
        margin: 0;
        padding: 0;
        border: 0;
        border-radius: 8px;
        background: transparent;
        cursor: pointer;
        font: inherit;
        color: inherit;
      }
      [role="toolbar"] button:hover {
        background: color-mix(in srgb, var(--_accent) 10%, transparent);
      }
      [role="toolbar"] button:focus-visible,
      [role="toolbar"] button[aria-expanded="true"] {
        outline: 3px solid var(--_accent);
        outline-offset: 0;
      }
      [part="legend"] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0.5rem 0 0;
        padding: 0;
        list-style: none;
        color: var(--_text-muted);
        font-size: 0.8125rem;
      }
      [part="legend"] li::before {
        content: "";
        display: inline-block;
        width: 0.8em;
        height: 0.8em;
        margin-inline-end: 0.35em;
        vertical-align: -0.05em;
        border: 1px solid var(--_box-stroke);
        border-radius: 2px;
        background: var(--swatch);
      }
      [part="popover"] {
        position: absolute;
        z-index: 2;
        width: min(24rem, 100%);
        max-height: 32rem;
        overflow: auto;
        background: var(--_background);
        color: var(--_text);
        border: 1px solid var(--_line);
        border-radius: 10px;
        box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
        padding: 0.6rem 0.9rem 0.7rem;
      }
      [part="popover"] h3 {
        margin: 0 1.8rem 0.3rem 0;
        font-size: 1em;
      }
      [part="popover"] table {
        margin: 0.2rem 0 0.4rem;
        font-size: 0.95em;
      }
      [part="popover"] th,
      [part="popover"] td {
        padding: 0.15rem 0.4rem 0.15rem 0;
      }
      [part="popover"] p {
        margin: 0.35rem 0 0;
      }
      .close {
        position: absolute;
        top: 0.35rem;
        right: 0.35rem;
        width: 1.9rem;
        height: 1.9rem;
        border: 0;
        border-radius: 6px;
        background: transparent;
        color: inherit;
        font-size: 1.2rem;
        cursor: pointer;
      }
      .close:hover {
        background: var(--_frame);
      }
    `,
  ];

  /** @internal */
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    compact: { type: Boolean, reflect: true },
    panels: { reflect: true },
    highlight: { reflect: true },
    _selected: { state: true },
    _wide: { state: true },
    _narrow: { state: true },
  };

  /** What to show: `diagram`, `facts` or `both` (default). */
  declare view: LlmArchView;
  /**
   * Narrow layout for small columns: the compact figure (the main column with its notes listed below it, no zoom
   * panels, text at least 11 px high even when the figure is 360 px wide), one column, smaller type in the fact
   * sheet. Elements narrower than 740 px draw the compact figure anyway, unless `panels="show"`.
   */
  declare compact: boolean;
  /** Zoom panels of the diagram: `auto` (default: when the element is at least 1100 px wide), `show` or `hide`. */
  declare panels: PanelsSetting;
  /**
   * `new` (default): a dataset model (`model`) has what is new in it against its family outlined in the accent
   * colour (its `newMechanisms`, which its loader gives with it, drawn by the full renderer: fetched after the first
   * drawing); `none`: no outlines.
   */
  declare highlight: "new" | "none";

  declare private _selected: string | undefined;
  declare private _wide: boolean;
  declare private _narrow: boolean;

  #focus = 0;
  #prefix = `llm-arch-${++instances}`;
  #drawing: { key: string; d: Drawing } | undefined;
  #resize?: ResizeObserver;

  constructor() {
    super();
    this.view = "both";
    this.compact = false;
    this.panels = "auto";
    this.highlight = "new";
    this._wide = true;
    this._narrow = false;
  }

  #measure(w: number): void {
    if (w > 0) {
      this._wide = w >= PANELS_MIN_WIDTH;
      this._narrow = w < COMPACT_MAX_WIDTH;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === "function") {
      // Redrawn in the next frame, not inside the observer's callback: a new figure changes the element's height,
      // which the observer would otherwise have to report again in the same frame (a "ResizeObserver loop").
      this.#resize ??= new ResizeObserver(([e]) => {
        const w = e?.contentRect.width ?? 0;
        requestAnimationFrame(() => this.#measure(w));
      });
      this.#resize.observe(this);
    }
    if (typeof document !== "undefined") document.addEventListener("pointerdown", this.#onOutsidePointer, true);
  }

  /** A press anywhere outside the element closes the popover (as Escape does). */
  #onOutsidePointer = (e: Event) => {
    if (this._selected !== undefined && !e.composedPath().includes(this)) void this.select(undefined);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    if (typeof document !== "undefined") document.removeEventListener("pointerdown", this.#onOutsidePointer, true);
  }

  protected override beforeLoad(): void {
    this._selected = undefined;
    this.#measure(this.getBoundingClientRect().width);
  }

  protected override updated(): void {
    // Fetch the zoom panels alongside the model when they will be drawn; redraw once they are there.
    // The compact figure's layer strip comes with them too.
    if (
      (this.#panelsOn || this.#compactOn) &&
      !panelsLoaded() &&
      this.view !== "facts" &&
      (this._facts || this.model || this.src || this.spec)
    ) {
      void loadPanels().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
  }

  /** Whether the compact figure is drawn now: asked for, or a narrow element that does not insist on panels. */
  get #compactOn(): boolean {
    return this.compact || (this._narrow && this.panels !== "show");
  }

  /** Whether the zoom panels are drawn now. */
  get #panelsOn(): boolean {
    if (this.#compactOn || this.panels === "hide") return false;
    return this.panels === "show" || this._wide;
  }

  #drawingFor(f: SpecFacts): Drawing {
    const theme = this.effectiveTheme;
    const panels = this.#panelsOn && panelsLoaded();
    const compact = this.#compactOn;
    // A dataset model's new mechanisms came with it; the full renderer draws their outlines (fetched if need be).
    const news = this.highlight !== "none" ? (f.newMechanisms as HighlightOption | undefined) : undefined;
    if (news && !panelsLoaded()) void loadPanels().then(() => this.requestUpdate());
    const key = `${theme}|${panels}|${compact}|${compact && panelsLoaded()}|${news && panelsLoaded() ? "new" : ""}`;
    if (this.#drawing?.key !== key || this.#drawingSpec !== f) {
      this.#drawing = { key, d: draw(f.spec, theme, panels, this.#prefix, compact, news) };
      this.#drawingSpec = f;
    }
    return this.#drawing.d;
  }
  #drawingSpec: SpecFacts | undefined;

  /**
   * Selects a diagram component by its `data-component` id: opens its popover and fires `llm-arch-select`
   * (the details are a small chunk loaded on first use). `undefined` closes the popover.
   */
  async select(component: string | undefined): Promise<void> {
    const f = this._facts;
    const hit = component === undefined ? undefined : this.#drawing?.d.hits.find((h) => h.component === component);
    if (!f || !hit) {
      this._selected = undefined;
      return this.updateComplete.then(() => undefined);
    }
    const { componentInfo } = (this.#details ??= await import("./component-info.js"));
    if (f !== this._facts) return;
    this._selected = hit.component;
    const info = componentInfo(f, hit.component, hit.kind);
    await this.updateComplete;
    this.dispatchEvent(new LlmArchSelectEvent({ id: f.spec.id, component: hit.component, kind: hit.kind, info }));
  }

  #details: typeof import("./component-info.js") | undefined;

  #buttons(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button') ?? [])];
  }

  #onKey = (e: KeyboardEvent) => {
    const buttons = this.#buttons();
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (e.key === "Escape") {
      if (this._selected !== undefined) {
        e.stopPropagation();
        void this.select(undefined);
      }
      return;
    }
    if (i < 0) return;
    const next = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const j = (next + buttons.length) % buttons.length;
    this.#focus = j;
    for (const [k, b] of buttons.entries()) b.tabIndex = k === j ? 0 : -1;
    buttons[j]!.focus();
    if (this._selected !== undefined) void this.select(buttons[j]!.dataset.component);
  };

  #onPopoverKey = (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    e.stopPropagation();
    const at = this._selected;
    void this.select(undefined);
    this.#buttons()
      .find((b) => b.dataset.component === at)
      ?.focus();
  };

  #popover(f: SpecFacts, hit: Hit): TemplateResult {
    const info: ComponentInfo = this.#details!.componentInfo(f, hit.component, hit.kind);
    const below = hit.y + hit.h < 62;
    // Starts at the component, but never past the figure's right edge (on a phone the popover is as wide as the figure).
    const left = `clamp(0px, ${Math.max(0, hit.x)}%, calc(100% - min(24rem, 100%)))`;
    const style = below ? `top:calc(${hit.y + hit.h}% + 6px);left:${left}` : `bottom:calc(${100 - hit.y}% + 6px);left:${left}`;
    return html`<div part="popover" id="popover" role="dialog" aria-labelledby="popover-title" style=${style} @keydown=${this.#onPopoverKey}>
      <h3 id="popover-title">${info.title}</h3>
      <button class="close" aria-label="Close details" @click=${() => this.#onPopoverKey(new KeyboardEvent("keydown", { key: "Escape" }))}>×</button>
      ${
        info.rows.length
          ? html`<table>
            <tbody>
              ${info.rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}
            </tbody>
          </table>`
          : nothing
      }
      ${info.concepts.map((c) => html`<p><strong>${c.name}.</strong> ${c.text}</p>`)}
    </div>`;
  }

  #diagram(f: SpecFacts): TemplateResult {
    const d = this.#drawingFor(f);
    const focus = Math.min(this.#focus, d.hits.length - 1);
    const selected = this.#details && d.hits.find((h) => h.component === this._selected);
    const fills = new Set(d.hits.filter((h) => parseComponentId(h.component).kind !== "panel").flatMap((h) => h.fills));
    const legend = Object.keys(legendNames).filter((k) => fills.has(k));
    return html`<figure part="diagram" class=${this.#compactOn ? "compact" : ""}>
      <div class="svg">
        ${unsafeHTML(d.svg)}
        <div role="toolbar" aria-label=${`Components of the ${f.spec.name} diagram`} aria-orientation="vertical" @keydown=${this.#onKey}>
          ${d.hits.map(
            (h, i) =>
              html`<button
                data-component=${h.component}
                tabindex=${i === focus ? 0 : -1}
                aria-label=${componentTitle(f, h.component)}
                aria-haspopup="dialog"
                aria-expanded=${h.component === this._selected ? "true" : "false"}
                aria-controls=${h.component === this._selected ? "popover" : nothing}
                style=${`left:${h.x}%;top:${h.y}%;width:${h.w}%;height:${h.h}%`}
                @focus=${() => (this.#focus = i)}
                @click=${() => void this.select(h.component === this._selected ? undefined : h.component)}
              ></button>`,
          )}
        </div>
      </div>
      ${
        legend.length
          ? html`<ul part="legend" aria-label="Colour legend">
            ${legend.map((k) => html`<li style=${`--swatch:var(--_${k})`}>${legendNames[k]}</li>`)}
          </ul>`
          : nothing
      }
      ${selected ? this.#popover(f, selected) : nothing}
    </figure>`;
  }

  protected override render(): unknown {
    const status = this.status();
    if (status !== undefined) return status;
    const f = this._facts!;
    const view = this.view === "diagram" || this.view === "facts" ? this.view : "both";
    return html`<div class=${view}>
      ${view !== "facts" ? this.#diagram(f) : nothing}
      ${view !== "diagram" ? factSheet(f) : nothing}
    </div>`;
  }
}
