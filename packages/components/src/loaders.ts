/**
 * Where model data comes from. Every element asks a {@link ModelLoader}; the default one depends on the
 * build:
 *
 * - npm/bundler build: `import("@archgal/data")`, whose `loadModel(id)` imports that one model's JSON module
 *   (bundlers emit one chunk per model, so a page downloads only what it shows);
 * - CDN build (`cdn/llm-arch.js`): `fetch("<base>/<id>.json")` with `<base>` = the `models/` folder next to
 *   the script, or the `data-base` attribute of the script tag, or {@link setDataBase}.
 *
 * An element's own `data-base` attribute overrides both, and {@link setModelLoader} replaces everything.
 */
import type { ModelIndexEntry } from "@archgal/data";
import { ArchError } from "./errors.js";
import { defaultLoader } from "./default-loader.js";

/** A model's entry in the light index (what the gallery lists without loading specs). */
export type GalleryEntry = ModelIndexEntry;

/** Loads model data. Both methods reject with an {@link ArchError}. */
export interface ModelLoader {
  /** One model's spec as plain JSON (the element validates it). */
  load(id: string): Promise<unknown>;
  /** The light index of every model. */
  index(): Promise<readonly GalleryEntry[]>;
}

let custom: ModelLoader | undefined;
let base: string | undefined;

/** Replaces the loader of every element (pass `undefined` to go back to the default). */
export function setModelLoader(loader: ModelLoader | undefined): void {
  custom = loader;
}

/**
 * Makes every element fetch `<url>/<id>.json` and `<url>/index.json` (the layout of `cdn/models/`), e.g. to
 * serve the data from your own host. Relative URLs resolve against the page. `undefined` restores the default.
 */
export function setDataBase(url: string | URL | undefined): void {
  base = url === undefined ? undefined : String(url);
}

/** The base set with {@link setDataBase}, if any. */
export function getDataBase(): string | undefined {
  return base;
}

/** Model ids: lower-case letters and digits separated by single `-` or `.` (checked before any fetch). */
export const modelIdPattern = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** The loader an element uses: its own `data-base`, else {@link setModelLoader}'s, else {@link setDataBase}'s, else the build's default. */
export function loaderFor(elementBase?: string | null): ModelLoader {
  if (elementBase) return cdnLoader(elementBase);
  return custom ?? (base !== undefined ? cdnLoader(base) : defaultLoader);
}

/** Fetches a URL and parses it as JSON, turning each failure into an {@link ArchError}. */
export async function fetchJson(url: string, id?: string): Promise<unknown> {
  let res: Response;
  const at = id ? { id, url } : { url };
  try {
    res = await fetch(url);
  } catch (cause) {
    throw new ArchError({ kind: "network", message: `could not reach ${url}`, ...at }, { cause });
  }
  if (!res.ok) {
    if (id && res.status === 404) throw new ArchError({ kind: "unknown-model", message: `unknown model "${id}" (no ${url})`, status: 404, ...at });
    throw new ArchError({ kind: "http", message: `${url} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`, status: res.status, ...at });
  }
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ArchError({ kind: "not-json", message: `${url} is not JSON`, ...at }, { cause });
  }
}

/** Throws the `unknown-model` error for an id that cannot be a model id. */
export function checkId(id: string): void {
  if (!modelIdPattern.test(id)) throw new ArchError({ kind: "unknown-model", id, message: `unknown model "${id}" (not a model id)` });
}

/**
 * A loader that fetches `<base>/<id>.json` and `<base>/index.json`, the layout of the CDN build's `models/`
 * folder. `base` is resolved against the page.
 */
export function cdnLoader(baseUrl: string | URL): ModelLoader {
  const dir = new URL(String(baseUrl).replace(/\/?$/, "/"), document.baseURI);
  let index: Promise<readonly GalleryEntry[]> | undefined;
  return {
    load(id) {
      checkId(id);
      return fetchJson(new URL(`${id}.json`, dir).href, id);
    },
    index() {
      return (index ??= fetchJson(new URL("index.json", dir).href).then((v) => {
        if (!Array.isArray(v)) throw new ArchError({ kind: "not-json", message: "the model index is not a list" });
        return v as GalleryEntry[];
      }));
    },
  };
}
