/**
 * Light and dark mode: follows the system until the visitor chooses, then remembers the choice.
 * (The inline boot script in each page's head applies it before the first paint.)
 */

export type SiteTheme = "light" | "dark";

const storageKey = "archgal-theme";
const eventName = "archgal-theme-change";
const media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;

function storedTheme(): SiteTheme | undefined {
  try {
    const t = localStorage.getItem(storageKey);
    return t === "light" || t === "dark" ? t : undefined;
  } catch {
    return undefined;
  }
}

/** The theme in force. */
export function currentTheme(): SiteTheme {
  // light when there is no page (pre-rendering at build time); the boot script and hydration follow the visitor
  return typeof document !== "undefined" && document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function apply(theme: SiteTheme): void {
  if (currentTheme() === theme && document.documentElement.dataset.theme) return syncToggles(theme);
  document.documentElement.dataset.theme = theme;
  syncToggles(theme);
  document.dispatchEvent(new CustomEvent<SiteTheme>(eventName, { detail: theme }));
}

function syncToggles(theme: SiteTheme): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    b.setAttribute("aria-pressed", String(theme === "dark"));
  }
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
  if (meta) meta.content = theme;
}

/** Sets and remembers the theme. */
export function setTheme(theme: SiteTheme): void {
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  apply(theme);
}

/** Calls `listener` whenever the theme changes. */
export function onThemeChange(listener: (theme: SiteTheme) => void): void {
  document.addEventListener(eventName, (e) => listener((e as CustomEvent<SiteTheme>).detail));
}

/** Wires the header toggle and the system preference. */
export function initTheme(): void {
  apply(storedTheme() ?? (media?.matches ? "dark" : "light"));
  media?.addEventListener("change", (e) => {
    if (!storedTheme()) apply(e.matches ? "dark" : "light");
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    b.addEventListener("click", () => setTheme(currentTheme() === "dark" ? "light" : "dark"));
  }
}
