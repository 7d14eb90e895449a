/**
 * `<llm-arch-gallery>`: a filterable, sortable grid of every model, from the light index only.
 */
import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from "lit";
import { compareText, formatBytes, formatCount, hasUnvisitedWeights } from "@archgal/schema/metrics";
import { compareModels, facetValues, matchesFacets, matchesSearch, type ModelSortKey } from "@archgal/schema/model-list";
import { ArchError, errorDetail, type ArchErrorDetail } from "./errors.js";
import { LlmArchErrorEvent, LlmArchOpenEvent } from "./events.js";
import { errorBox } from "./spec-element.js";
import { loaderFor, type GalleryEntry } from "./loaders.js";
import { themeStyles } from "./styles.js";
import { ThemedElement } from "./themed-element.js";

/** Sort orders of the gallery. */
export type GallerySort = "newest" | "oldest" | "largest" | "smallest" | "active" | "name";

const sorts: Record<GallerySort, [label: string, key: ModelSortKey, direction: "asc" | "desc"]> = {
  newest: ["Newest first", "date", "desc"],
  oldest: ["Oldest first", "date", "asc"],
  largest: ["Largest first", "total", "desc"],
  smallest: ["Smallest first", "total", "asc"],
  active: ["Most active parameters", "active", "desc"],
  name: ["Name", "name", "asc"],
};

/** The gallery's filters: one value per facet at most, and a search over every text of an entry. */
export interface GalleryFilters {
  /** Search text: every word must occur (or nearly, for longer words) in the entry's texts. */
  query?: string | undefined;
  /** Decoder type, e.g. `Sparse MoE`. */
  decoderType?: string | undefined;
  /** Organisation. */
  org?: string | undefined;
  /** One part of the attention label, e.g. `MLA`. */
  attention?: string | undefined;
  /** Concept tag, e.g. `SWA`. */
  concept?: string | undefined;
}

/** Whether an entry passes the gallery's filters (`@archgal/schema`'s model-list rules, search over all texts). */
export function matches(e: GalleryEntry, f: GalleryFilters): boolean {
  const one = (v: string | undefined) => (v ? [v] : []);
  const facets = { decoder: one(f.decoderType), org: one(f.org), attention: one(f.attention), concept: one(f.concept) };
  return matchesFacets(e, facets) && matchesSearch(e, f.query ?? "", "all");
}

/** Most entries an index may list. */
const MAX_ENTRIES = 10_000;

/**
 * The entries of a model index, checked for what the gallery reads (text fields, parameter counts, concept tags);
 * throws a `not-json` {@link ArchError} naming the first bad entry.
 */
export function checkIndex(value: unknown): GalleryEntry[] {
  const fail = (why: string) => {
    throw new ArchError({ kind: "not-json", message: `the model index is not a list of models: ${why}` });
  };
  if (!Array.isArray(value)) return fail("not a list");
  if (value.length > MAX_ENTRIES) fail(`${value.length} entries, at most ${MAX_ENTRIES}`);
  value.forEach((e: Record<string, unknown> | null, i) => {
    const bad = (field: string) => fail(`entry ${i}: ${field}`);
    if (typeof e !== "object" || e === null) return bad("not an object");
    for (const k of ["id", "name", "org", "releaseDate", "decoderType", "attention"]) if (typeof e[k] !== "string") bad(`${k} is not text`);
    const p = e.params as Record<string, unknown> | null;
    for (const k of ["total", "active", "activeWithLookups"])
      if (typeof p !== "object" || p === null || typeof p[k] !== "number") bad(`params.${k} is not a number`);
    if (typeof e.kvCacheBytesPerToken !== "number") bad("kvCacheBytesPerToken is not a number");
    if (!Array.isArray(e.concepts) || !e.concepts.every((c) => typeof c === "string")) bad("concepts is not a list of text");
  });
  return value as GalleryEntry[];
}

const uniq = (values: string[]) => [...new Set(values)].sort((a, b) => compareText(a, b));

/**
 * A filterable, sortable grid of every model of the dataset. Only the light index is loaded; opening a model
 * fires `llm-arch-open` and, with `href-template`, follows a link.
 *
 * @example
 * ```html
 * <llm-arch-gallery href-template="/model/{id}" sort="newest"></llm-arch-gallery>
 * ```
 *
 * @tagname llm-arch-gallery
 * @summary Filterable, sortable grid of LLM architectures.
 *
 * @csspart controls - The search, filter and sort controls.
 * @csspart grid - The list of models.
 * @csspart card - One model's card (a link with `href-template`, else a button).
 * @csspart error - The error box (`role="alert"`).
 *
 * @fires {LlmArchOpenEvent} llm-arch-open - A model was opened (click or Enter). Cancel it to stop the navigation.
 * @fires {LlmArchErrorEvent} llm-arch-error - The index could not be loaded.
 */
export class LlmArchGallery extends ThemedElement {
  /** @internal */
  static override styles = [
    themeStyles,
    css`
      [part="controls"] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: end;
        margin-bottom: 0.75rem;
      }
      label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.8125rem;
        color: var(--_text-muted);
      }
      input,
      select {
        font: inherit;
        font-size: 0.875rem;
        color: var(--_text);
        background: var(--_background);
        border: 1px solid var(--_box-stroke);
        border-radius: 6px;
        padding: 0.3rem 0.45rem;
        min-width: 8rem;
      }
      [part="grid"] {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.75rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      [part="card"] {
        display: grid;
        gap: 0.2rem;
        align-content: start;
        width: 100%;
        height: 100%;
        text-align: start;
        font: inherit;
        color: var(--_text);
        text-decoration: none;
        background: var(--_background);
        border: 1px solid color-mix(in srgb, var(--_line) 30%, transparent);
        border-left: 4px solid var(--_accent);
        border-radius: 8px;
        padding: 0.6rem 0.75rem;
        cursor: pointer;
      }
      [part="card"]:hover {
        border-color: var(--_accent);
      }
      .name {
        font-weight: 700;
        font-size: 1rem;
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      .tag {
        font-size: 0.75rem;
        border-radius: 4px;
        padding: 0 0.35rem;
        background: var(--_frame);
      }
      [role="status"] {
        margin: 0 0 0.5rem;
        color: var(--_text-muted);
      }
    `,
  ];

  /** @internal */
  static override properties: PropertyDeclarations = {
    hrefTemplate: { attribute: "href-template", reflect: true },
    query: { reflect: true },
    decoderType: { attribute: "decoder-type", reflect: true },
    org: { reflect: true },
    attention: { reflect: true },
    concept: { reflect: true },
    sort: { reflect: true },
    _entries: { state: true },
    _error: { state: true },
  };

  /** Link of each card, with `{id}` replaced by the model id, e.g. `/model/{id}`. Without it, cards are buttons that only fire `llm-arch-open`. */
  declare hrefTemplate: string | undefined;
  /** Text search over id, name, org, decoder type, attention and concepts (all words must match). */
  declare query: string | undefined;
  /** Show only this decoder type, e.g. `Sparse MoE`. */
  declare decoderType: string | undefined;
  /** Show only models of this organisation. */
  declare org: string | undefined;
  /** Show only models using this attention kind, e.g. `MLA`, `GQA`, `Gated DeltaNet`. */
  declare attention: string | undefined;
  /** Show only models with this concept tag, e.g. `SWA`, `MoE`, `QK-Norm`. */
  declare concept: string | undefined;
  /** Order: `newest` (default), `oldest`, `largest`, `smallest`, `active`, `name`. */
  declare sort: GallerySort;

  declare private _entries: readonly GalleryEntry[] | undefined;
  declare private _error: ArchErrorDetail | undefined;

  constructor() {
    super();
    this.sort = "newest";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._entries && !this._error) void this.#load();
  }

  protected override willUpdate(): void {
    if (!Object.hasOwn(sorts, this.sort)) this.sort = "newest";
  }

  async #load(): Promise<void> {
    try {
      this._entries = checkIndex(await loaderFor(this.dataset.base).index());
    } catch (error) {
      this._error = errorDetail(error, true);
      await this.updateComplete;
      this.dispatchEvent(new LlmArchErrorEvent(this._error));
    }
  }

  /** The entries shown now, filtered and sorted. */
  get visibleEntries(): GalleryEntry[] {
    const [, key, direction] = Object.hasOwn(sorts, this.sort) ? sorts[this.sort] : sorts.newest;
    return (this._entries ?? []).filter((e) => matches(e, this)).sort(compareModels(key, direction));
  }

  /** The link of a model, from `href-template`. */
  hrefFor(id: string): string | undefined {
    return this.hrefTemplate ? this.hrefTemplate.replaceAll("{id}", encodeURIComponent(id)) : undefined;
  }

  #open(e: Event, entry: GalleryEntry): void {
    const href = this.hrefFor(entry.id);
    const event = new LlmArchOpenEvent({ id: entry.id, entry, ...(href ? { href } : {}) });
    this.dispatchEvent(event);
    if (event.defaultPrevented) e.preventDefault();
  }

  #select(label: string, prop: "decoderType" | "org" | "attention" | "concept" | "sort", options: [string, string][]): TemplateResult {
    return html`<label
      >${label}
      <select @change=${(e: Event) => ((this as Record<typeof prop, string>)[prop] = (e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${(this[prop] ?? "") === v}>${text}</option>`)}
      </select></label
    >`;
  }

  #card(e: GalleryEntry): TemplateResult {
    const body = html`<span class="name">${e.name}</span>
      <span class="muted">${e.org} · <time datetime=${e.releaseDate}>${e.releaseDate}</time></span>
      <span>${formatCount(e.params.total)}${hasUnvisitedWeights(e.params) ? ` (${formatCount(e.params.active)} active)` : ""} · ${e.decoderType}</span>
      <span class="tags"><span class="tag">${e.attention}</span><span class="tag">${e.kvCacheBytesPerToken ? `KV ${formatBytes(e.kvCacheBytesPerToken)}/token` : "no KV cache"}</span></span>`;
    const href = this.hrefFor(e.id);
    return href
      ? html`<a part="card" href=${href} data-id=${e.id} @click=${(ev: Event) => this.#open(ev, e)}>${body}</a>`
      : html`<button part="card" type="button" data-id=${e.id} @click=${(ev: Event) => this.#open(ev, e)}>${body}</button>`;
  }

  protected override render(): TemplateResult {
    if (this._error) return errorBox(this._error);
    const all = this._entries;
    if (!all) return html`<p class="loading" role="status">Loading models…</p>`;
    const any = (label: string, values: string[]): [string, string][] => [["", label], ...values.map((v): [string, string] => [v, v])];
    const shown = this.visibleEntries;
    return html`<div part="controls">
        <label
          >Search
          <input type="search" .value=${this.query ?? ""} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} placeholder="name, org, concept…" />
        </label>
        ${this.#select("Decoder type", "decoderType", any("All types", uniq(all.map((e) => e.decoderType))))}
        ${this.#select("Organisation", "org", any("All organisations", uniq(all.map((e) => e.org))))}
        ${this.#select("Attention", "attention", any("All attention kinds", uniq(all.flatMap((e) => facetValues(e, "attention")))))}
        ${this.#select("Concept", "concept", any("All concepts", uniq(all.flatMap((e) => e.concepts))))}
        ${this.#select(
          "Sort",
          "sort",
          Object.entries(sorts).map(([k, [label]]) => [k, label]),
        )}
      </div>
      <p role="status">${shown.length} of ${all.length} models</p>
      <ul part="grid">
        ${shown.map((e) => html`<li>${this.#card(e)}</li>`)}
      </ul>
      ${shown.length ? nothing : html`<p class="muted">No model matches these filters.</p>`}`;
  }
}
