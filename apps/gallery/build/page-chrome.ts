/**
 * The header, skip link and footer every page shares, injected into each HTML entry at build time
 * (so they are in the static HTML: no layout shift, and they work before any script runs).
 */

/** The site's sections, in navigation order. */
export const sections = [
  { id: "models", href: "./", label: "Models" },
  { id: "compare", href: "./compare.html", label: "Compare" },
  { id: "concepts", href: "./concepts.html", label: "Concepts" },
  { id: "poster", href: "./poster.html", label: "Poster" },
  { id: "your-model", href: "./your-model.html", label: "Your model" },
] as const;

/** Which section each HTML entry belongs to. */
export const pageSection: Record<string, string> = {
  "index.html": "models",
  "model.html": "models",
  "compare.html": "compare",
  "concepts.html": "concepts",
  "concept.html": "concepts",
  "poster.html": "poster",
  "your-model.html": "your-model",
};

/**
 * Sets the theme before the first paint: the stored choice, else the system preference.
 * Kept tiny and inline so a dark-mode visitor never sees a white flash.
 */
export const themeBootScript = `<script>(function(){try{var t=localStorage.getItem("archgal-theme");}catch(e){}if(t!=="light"&&t!=="dark"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";}document.documentElement.dataset.theme=t;})();</script>`;

const sunIcon = `<svg class="icon icon-sun" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="4.5"/><path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1"/></svg>`;
const moonIcon = `<svg class="icon icon-moon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M20.5 14.2A8.5 8.5 0 0 1 9.8 3.5a8.5 8.5 0 1 0 10.7 10.7z"/></svg>`;

/** The header of one page, with its section marked as current. */
export function siteHeader(section: string | undefined): string {
  const links = sections
    .map((s) => `<li><a href="${s.href}"${s.id === section ? ' aria-current="page"' : ""}>${s.label}</a></li>`)
    .join("");
  return `<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="site-header-inner">
    <a class="brand" href="./" aria-label="archgal home">
      <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect x="3" y="3" width="26" height="26" rx="7"/><path d="M10 22V15M16 22V10M22 22v-9"/></svg>
      <span>archgal</span>
    </a>
    <nav class="site-nav" aria-label="Sections"><ul>${links}</ul></nav>
    <button type="button" class="theme-toggle" data-theme-toggle aria-pressed="false" title="Toggle dark mode">
      ${sunIcon}${moonIcon}<span class="visually-hidden">Dark mode</span>
    </button>
  </div>
</header>`;
}

/** The footer. */
export function siteFooter(): string {
  return `<footer class="site-footer">
  <p>Every figure on this site is drawn from structured data: parameters, KV cache and labels are computed from each model's architecture spec, not typed in.
  Specs and sources: <code>@archgal/data</code>. Diagrams: <code>@archgal/renderer</code> and the <code>&lt;llm-arch&gt;</code> web component.
  <a href="./data/models.json" download>Download every spec with its computed numbers (JSON)</a>.</p>
</footer>`;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Open Graph and Twitter card tags for a page, from its own `<title>` and description (pages that show one
 * model or concept update them once the content is known; see src/site/page-meta.ts).
 */
export function openGraphTags(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "archgal";
  const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "";
  return [
    `<meta property="og:site_name" content="archgal" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${escapeAttr(title)}" />`,
    `<meta property="og:description" content="${escapeAttr(description)}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].join("\n    ");
}

/** A page's HTML with its own title and description (also in its Open Graph tags). */
export function withPageMeta(html: string, meta: { title: string; description: string }): string {
  const title = escapeAttr(meta.title);
  const description = escapeAttr(meta.description);
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/(<meta name="description" content=")[^"]*"/, `$1${description}"`)
    .replace(/(<meta property="og:title" content=")[^"]*"/, `$1${title}"`)
    .replace(/(<meta property="og:description" content=")[^"]*"/, `$1${description}"`);
}
