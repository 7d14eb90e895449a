/**
 * Links out of the site (model links, licences, sources, published statements): only URLs the schema's one
 * allow-list accepts become an `href`; anything else is shown as plain text.
 */
import { safeHref } from "@archgal/schema/metrics";
import { h, type Attrs } from "./dom-builder.js";

type Children = Parameters<typeof h>[2][];

/** An `<a rel="noopener">` to `url` when it is an allowed http(s) link, else a `<span>` with the same content. */
export function externalLink(url: unknown, attrs: Attrs | null, ...children: Children): HTMLElement {
  const href = safeHref(url);
  return href ? h("a", { ...attrs, href, rel: "noopener" }, ...children) : h("span", attrs, ...children);
}
