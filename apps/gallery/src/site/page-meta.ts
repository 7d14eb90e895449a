/**
 * The page's title, description and link-preview (Open Graph) tags, set once a page knows what it shows
 * (a model, a comparison, a concept). The static HTML carries generic values for the page type.
 */

/** The `<meta>` whose `attr` is `key` (created in `<head>` when missing), set to `content`. */
function setMeta(attr: "name" | "property", key: string, content: string): void {
  let el = document.head.querySelector<HTMLMetaElement>(`meta[${attr}="${key}"]`);
  if (!el) {
    el = document.createElement("meta");
    el.setAttribute(attr, key);
    document.head.append(el);
  }
  el.setAttribute("content", content);
}

export interface PageMeta {
  title: string;
  description: string;
  /** A site-relative image address (e.g. a figure thumbnail), made absolute for previews. */
  image?: string;
}

export function setPageMeta({ title, description, image }: PageMeta): void {
  document.title = title;
  setMeta("name", "description", description);
  setMeta("property", "og:title", title);
  setMeta("property", "og:description", description);
  setMeta("property", "og:url", location.href);
  if (image) {
    setMeta("property", "og:image", new URL(image, location.href).href);
    setMeta("name", "twitter:card", "summary_large_image");
  }
}
