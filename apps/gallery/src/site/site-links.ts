/**
 * Addresses of the site's pages (relative, so the built site works from any folder of any static server).
 */

export function modelHref(id: string): string {
  return `./model.html?id=${encodeURIComponent(id)}`;
}

export function compareHref(ids: readonly string[]): string {
  return `./compare.html?models=${ids.map(encodeURIComponent).join(",")}`;
}

export function conceptHref(tag: string): string {
  return `./concept.html?id=${encodeURIComponent(tag)}`;
}

export function homeHref(params?: URLSearchParams): string {
  const q = params?.toString();
  return q ? `./?${q}` : "./";
}
