/**
 * The base of every archgal element: the `theme` attribute and the effective light/dark theme, which follows
 * `prefers-color-scheme` when the theme is `auto`.
 */
import { LitElement, type PropertyDeclarations } from "lit";
import type { Theme } from "@archgal/renderer/lean";

/** The `theme` attribute's values. */
export type ThemeSetting = "light" | "dark" | "auto";

const dark = () => (typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined);

/** A Lit element with a reflected `theme` (`light` | `dark` | `auto`). */
export class ThemedElement extends LitElement {
  /** @internal */
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  /** Colour theme: `light` (default), `dark`, or `auto` (follows the reader's `prefers-color-scheme`). */
  declare theme: ThemeSetting;

  #media = dark();
  #onMedia = () => {
    if (this.theme === "auto") this.requestUpdate();
  };

  constructor() {
    super();
    this.theme = "light";
  }

  /** The theme in effect: `theme`, or the reader's preference when it is `auto`. */
  get effectiveTheme(): Theme {
    if (this.theme === "dark") return "dark";
    // Read a fresh query, not the listened-to one: reading `matches` on the listened list between a change and
    // its event would update the list's state and Chromium would then skip the change event (and the redraw).
    if (this.theme === "auto") return dark()?.matches ? "dark" : "light";
    return "light";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media?.addEventListener("change", this.#onMedia);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.removeEventListener("change", this.#onMedia);
  }
}
