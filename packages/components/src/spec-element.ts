/**
 * The base of the elements that show one model: `model`, `src` and `spec`, loading, validation, the error
 * box and the `llm-arch-load` / `llm-arch-error` events.
 */
import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from "lit";
import { errorDetail, type ArchErrorDetail } from "./errors.js";
import { LlmArchErrorEvent, LlmArchLoadEvent } from "./events.js";
import { setDataBase } from "./loaders.js";
import { hasSource, loadFacts, type SpecFacts } from "./spec-facts.js";
import { ThemedElement } from "./themed-element.js";

/** The error box shared by the elements: message and, for an invalid spec, every field path with its problem. */
export function errorBox(e: ArchErrorDetail): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <strong>Could not show ${e.id ? `“${e.id}”` : "this model"}</strong>
    ${e.message}
    ${
      e.issues?.length
        ? html`<ul>
          ${e.issues.map((i) => html`<li>${i.path ? html`<code>${i.path}</code>: ` : nothing}${i.message}</li>`)}
        </ul>`
        : nothing
    }
  </div>`;
}

/** An element that shows one model given by `model`, `src` or `spec`. */
export class SpecElement extends ThemedElement {
  /** @internal */
  static override properties: PropertyDeclarations = {
    model: { reflect: true },
    src: { reflect: true },
    spec: { attribute: false },
    _facts: { state: true },
    _error: { state: true },
  };

  /**
   * Where every element fetches model data: `<url>/<id>.json` (the layout of the CDN build's `models/`
   * folder). Set it before the elements load, e.g. `LlmArch.dataBase = "/static/archgal/models/"`. An element's
   * own `data-base` attribute overrides it.
   */
  static set dataBase(url: string | URL | undefined) {
    setDataBase(url);
  }

  /** Id of a model of the dataset, e.g. `deepseek-v3`; loaded lazily (only that model's data). */
  declare model: string | undefined;
  /** URL of a spec JSON file (used when `model` is not set; `spec` wins over both). */
  declare src: string | undefined;
  /** A spec object, e.g. a custom or extended model; validated with `@archgal/schema`. Wins over `src` and `model`. */
  declare spec: unknown;

  /** @internal */
  declare protected _facts: SpecFacts | undefined;
  /** @internal */
  declare protected _error: ArchErrorDetail | undefined;
  #token = 0;

  /** The validated spec now shown, if any. */
  get loadedSpec() {
    return this._facts?.spec;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("model") || changed.has("src") || changed.has("spec")) void this.#load();
  }

  /** Called before a new source starts loading. */
  protected beforeLoad(): void {}

  async #load(): Promise<void> {
    const token = ++this.#token;
    this._error = undefined;
    this._facts = undefined;
    this.beforeLoad();
    const source = { spec: this.spec, src: this.src, model: this.model, base: this.dataset.base };
    if (!hasSource(source)) return;
    try {
      const facts = await loadFacts(source);
      if (token !== this.#token) return;
      this._facts = facts;
      await this.updateComplete;
      if (token !== this.#token) return;
      this.dispatchEvent(new LlmArchLoadEvent({ id: facts.spec.id, spec: facts.spec, specs: [facts.spec] }));
    } catch (error) {
      if (token !== this.#token) return;
      const detail = errorDetail(error, !this._facts);
      this._error = detail;
      await this.updateComplete;
      this.dispatchEvent(new LlmArchErrorEvent(detail));
    }
  }

  /**
   * The error box, the loading state, or `undefined` when ready. Light-DOM content (a pre-rendered figure) is
   * slotted while loading and stays beside the error box when loading fails, so the picture survives.
   */
  protected status(): TemplateResult | typeof nothing | undefined {
    if (this._error) return html`${errorBox(this._error)}<slot></slot>`;
    if (this._facts) return undefined;
    return hasSource(this) ? html`<slot><p class="loading" role="status">Loading ${this.model ?? "model"}…</p></slot>` : nothing;
  }
}
