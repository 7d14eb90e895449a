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
  /**
   * What is new in a model against its family (its index entry's `newMechanisms`), for the diagram's accent
   * outlines; asked alongside `load`. Optional: a loader without it gets no outlines.
   */
  newMechanisms?(id: string): Promise<unknown>;
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

/**
 * Limits of every fetch of model data (`src`, `data-base`, the CDN build's `models/` folder): the whole response
 * must arrive within `timeout` ms, else a `timeout` error; reading stops past `maxBytes` bytes with a
 * `too-large` error. Change them before the elements load.
 */
export const fetchLimits = { timeout: 30_000, maxBytes: 5_000_000 };

/**
 * Fetches a URL and parses it as JSON within {@link fetchLimits}, turning each failure into an {@link ArchError}.
 * Reading and judging the answer is a small chunk of its own, loaded while the request is under way.
 */
export async function fetchJson(url: string, id?: string): Promise<unknown> {
  const reading = import("./read-json.js");
  const signal = AbortSignal.timeout(fetchLimits.timeout);
  const answer = fetch(url, { signal });
  answer.catch(() => {}); // handled by readJson, which may arrive after a fast failure
  const read = await (await reading).readJson(answer, { url, ...(id ? { id } : {}) }, fetchLimits, signal);
  if ("value" in read) return read.value;
  throw new ArchError(read.detail, { cause: read.cause });
}

/** Throws the `unknown-model` error for an id that cannot be a model id. */
export function checkId(id: string): void {
  if (!modelIdPattern.test(id)) throw new ArchError({ kind: "unknown-model", id, message: `unknown model "${id}" (not a model id)` });
}

/**
 * A loader that fetches `<base>/<id>.json`, `<base>/new-mechanisms/<id>.json` (what is new in the model, a few
 * hundred bytes, asked alongside it) and `<base>/index.json`, the layout of the CDN build's `models/` folder.
 * `base` is resolved against the page.
 */
export function cdnLoader(baseUrl: string | URL): ModelLoader {
  let dir: URL;
  try {
    dir = new URL(String(baseUrl).replace(/\/?$/, "/"), document.baseURI);
  } catch (cause) {
    throw new ArchError({ kind: "load", message: `the data location "${String(baseUrl).slice(0, 200)}" is not a URL` }, { cause });
  }
  let index: Promise<readonly GalleryEntry[]> | undefined;
  return {
    load(id) {
      checkId(id);
      return fetchJson(new URL(`${id}.json`, dir).href, id);
    },
    newMechanisms(id) {
      checkId(id);
      return fetchJson(new URL(`new-mechanisms/${id}.json`, dir).href, id);
    },
    index() {
      // The gallery checks the entries (`checkIndex`), in its own chunk.
      return (index ??= fetchJson(new URL("index.json", dir).href) as Promise<GalleryEntry[]>);
    },
  };
}
