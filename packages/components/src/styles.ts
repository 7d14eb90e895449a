/**
 * Shared styles: the theme (every colour is a `--llm-arch-*` custom property with a light and a dark
 * default), the error box, the fact sheet table and the popover.
 */
import { css, unsafeCSS } from "lit";
import { colorNames, palette, type Theme } from "@archgal/renderer/lean";

const vars = (t: Theme) => unsafeCSS(colorNames.map((n) => `--_${n}:var(--llm-arch-${n},${palette[t][n]});`).join(""));

/**
 * The theme: private `--_<name>` properties resolve to the public `--llm-arch-<name>` when set, else to the
 * theme's default. `theme="dark"` switches the defaults; `theme="auto"` follows `prefers-color-scheme`.
 */
export const themeStyles = css`
  :host {
    ${vars("light")}
    display: block;
    color: var(--_text);
    background: var(--_background);
    font: 0.875rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
    container-type: inline-size;
    -webkit-text-size-adjust: 100%;
  }
  :host([theme="dark"]) {
    ${vars("dark")}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme="auto"]) {
      ${vars("dark")}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .error {
    border: 2px solid var(--_diff);
    background: var(--_diff-fill);
    color: var(--_text);
    border-radius: 8px;
    padding: 0.75rem 1rem;
  }
  .error strong {
    display: block;
  }
  .error ul {
    margin: 0.4rem 0 0;
    padding-left: 1.2rem;
  }
  .error code {
    font-weight: 600;
  }
  .loading {
    color: var(--_text-muted);
    padding: 1rem;
    margin: 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--_background);
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.05em;
    padding: 0.4rem 0.6rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.35rem 0.6rem;
    border-top: 1px solid color-mix(in srgb, var(--_line) 22%, transparent);
  }
  th {
    font-weight: 600;
    color: var(--_text-muted);
    white-space: nowrap;
  }
  .muted {
    color: var(--_text-muted);
  }
`;
