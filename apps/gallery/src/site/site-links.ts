/**
 * Addresses of the site's pages (relative, so the built site works from any folder of any static server).
 *
 * Every model and concept has a page of its own, pre-rendered at build time (`model-<id>.html`,
 * `concept-<tag>.html`), so it reads without JavaScript; `model.html?id=…` and `concept.html?id=…` serve any
 * other id (closed models, not-found pages, old links).
 */

/** File name of a model's pre-rendered page. */
export function modelPageFile(id: string): string {
  return `model-${id}.html`;
}

/** File name of a concept's pre-rendered page. */
export function conceptPageFile(tag: string): string {
  return `concept-${tag}.html`;
}

const fileSafe = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Whether an id has a pre-rendered page of its own (the dataset's and the catalogue's ids all do). */
export function hasPageFile(id: string): boolean {
  return fileSafe.test(id);
}

export function modelHref(id: string): string {
  return hasPageFile(id) ? `./${modelPageFile(id)}` : `./model.html?id=${encodeURIComponent(id)}`;
}

export function compareHref(ids: readonly string[]): string {
  return `./compare.html?models=${ids.map(encodeURIComponent).join(",")}`;
}

export function conceptHref(tag: string): string {
  return hasPageFile(tag) ? `./${conceptPageFile(tag)}` : `./concept.html?id=${encodeURIComponent(tag)}`;
}

export function homeHref(params?: URLSearchParams): string {
  const q = params?.toString();
  return q ? `./?${q}` : "./";
}

/** The id a page address names: `?id=` first, else the `<prefix>-<id>.html` file name. */
function idFromLocation(where: Pick<Location, "search" | "pathname">, prefix: string): string {
  const param = new URLSearchParams(where.search).get("id");
  if (param !== null) return param;
  const file = where.pathname.slice(where.pathname.lastIndexOf("/") + 1);
  const m = new RegExp(`^${prefix}-(.+)\\.html$`).exec(file);
  if (!m) return "";
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** The model id of a model page's address. */
export function modelIdFromLocation(where: Pick<Location, "search" | "pathname">): string {
  return idFromLocation(where, "model");
}

/** The concept tag of a concept page's address. */
export function conceptIdFromLocation(where: Pick<Location, "search" | "pathname">): string {
  return idFromLocation(where, "concept");
}
