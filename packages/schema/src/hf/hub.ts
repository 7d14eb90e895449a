/**
 * `fetchHubConfig`: a model's `config.json` from the Hugging Face Hub (or a mirror), with clear errors.
 *
 * It GETs `<endpoint>/<org>/<name>/resolve/<revision>/config.json`, as the Hub's own clients do, following
 * the Hub's redirects (renamed repos, CDN). Uses the global `fetch` (Node 20+, browsers) unless one is passed.
 */

/** The default Hub. `HF_ENDPOINT` (read from the environment when there is one) or `endpoint` replaces it. */
export const DEFAULT_HUB_ENDPOINT = "https://huggingface.co";

/** What went wrong, for callers that branch on it. */
export type HubErrorKind =
  "invalid-id" | "unauthorized" | "gated" | "not-found" | "offline" | "timeout" | "too-large" | "not-json" | "http";

/** Thrown by {@link fetchHubConfig}; `message` says what to do about it. */
export class HubError extends Error {
  readonly kind: HubErrorKind;
  /** HTTP status, when the Hub answered. */
  readonly status: number | undefined;
  constructor(kind: HubErrorKind, message: string, status?: number) {
    super(message);
    this.name = "HubError";
    this.kind = kind;
    this.status = status;
  }
}

/** Options of {@link fetchHubConfig}. */
export interface FetchHubConfigOptions {
  /** Branch, tag or commit; default `main` (or the `@revision` of the id). */
  revision?: string;
  /** Hub base URL; default `HF_ENDPOINT` from the environment, else `https://huggingface.co`. Must be HTTPS (plain HTTP only for loopback hosts). */
  endpoint?: string;
  /** Access token for gated and private repos, sent as `Authorization: Bearer`; default `HF_TOKEN` from the environment. */
  token?: string;
  /** The `fetch` to use; default the global one. */
  fetch?: typeof fetch;
  /** Give up after this many milliseconds, body included; default 30 000. */
  timeoutMs?: number;
  /** Largest config accepted, in bytes; default 4 MiB (real configs are a few KB). */
  maxBytes?: number;
}

/** A fetched config. */
export interface HubConfig {
  /** The parsed `config.json` (a JSON object). */
  config: Record<string, unknown>;
  /** `org/name`. */
  repo: string;
  /** The revision asked for. */
  revision: string;
  /** The commit the Hub resolved it to (`X-Repo-Commit`), when it says. */
  commit?: string;
  /** The `resolve` URL requested. */
  url: string;
  /** A human-facing URL of the file (`…/blob/<commit or revision>/config.json`), e.g. for a spec's source. */
  sourceUrl: string;
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9_])?$/;

/**
 * Parses `org/name` or `org/name@revision`; `undefined` when `arg` is not shaped like a Hub model id (a path with
 * more segments, a `.json` file name, spaces, `..`).
 */
export function parseHubId(arg: string): { repo: string; revision?: string } | undefined {
  const at = arg.indexOf("@");
  const repo = at === -1 ? arg : arg.slice(0, at);
  const revision = at === -1 ? undefined : arg.slice(at + 1);
  const parts = repo.split("/");
  if (parts.length !== 2 || !parts.every((p) => NAME.test(p) && !p.includes(".."))) return undefined;
  if (repo.endsWith(".json")) return undefined;
  if (revision !== undefined && (revision.length === 0 || revision.length > 200 || /\s/.test(revision))) return undefined;
  return revision === undefined ? { repo } : { repo, revision };
}

const env = (name: string): string | undefined => {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === undefined || value === "" ? undefined : value;
};

function checkedEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HubError("invalid-id", `Hub endpoint "${raw}" is not a URL (HF_ENDPOINT or the endpoint option)`);
  }
  const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new HubError("invalid-id", `Hub endpoint "${raw}" must use https (plain http only for localhost)`);
  return url.href.replace(/\/+$/, "");
}

const networkCode = (error: unknown): string | undefined => {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Fetches `config.json` of a Hub model repo.
 *
 * `id` is `org/name`, optionally `org/name@revision` (the `revision` option wins). Errors are {@link HubError}s
 * that say what to do: 401 (private, gated or missing repo: set `HF_TOKEN`), 403 (gated: accept the model's
 * terms on its Hub page with the token's account), 404 (repo, revision or file not found, told apart by the Hub's
 * `X-Error-Code`), offline or DNS failure, timeout, a config over `maxBytes`, a body that is not a JSON object.
 *
 * @example
 * ```ts
 * const { config, sourceUrl } = await fetchHubConfig("Qwen/Qwen3-8B");
 * const { spec, warnings } = importHuggingFaceConfig(config, { sourceUrl });
 * ```
 */
export async function fetchHubConfig(id: string, options: FetchHubConfigOptions = {}): Promise<HubConfig> {
  const parsed = parseHubId(id);
  if (!parsed) throw new HubError("invalid-id", `"${id}" is not a Hub model id: expected org/name or org/name@revision`);
  const revision = options.revision ?? parsed.revision ?? "main";
  const endpoint = checkedEndpoint(options.endpoint ?? env("HF_ENDPOINT") ?? DEFAULT_HUB_ENDPOINT);
  const token = options.token ?? env("HF_TOKEN");
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== "function") throw new HubError("offline", "no fetch available in this runtime (Node 20+ or a browser needed)");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const rev = encodeURIComponent(revision);
  const url = `${endpoint}/${parsed.repo}/resolve/${rev}/config.json`;
  const where = `${parsed.repo}@${revision}`;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeoutError = () => new HubError("timeout", `${where}: no answer from ${endpoint} within ${timeoutMs} ms`);
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { Accept: "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        redirect: "follow",
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) throw timeoutError();
      const code = networkCode(error);
      throw new HubError(
        "offline",
        `${where}: cannot reach ${endpoint}${code ? ` (${code})` : ""}: offline, or a DNS or proxy problem? (set HF_ENDPOINT to use a mirror)`,
      );
    }
    const errorCode = response.headers.get("x-error-code") ?? "";
    if (response.status === 401)
      throw new HubError(
        "unauthorized",
        token
          ? `${where}: the Hub rejected the token (401): check HF_TOKEN, or the repo does not exist`
          : `${where}: the Hub needs a token (401): the repo is private or gated, or does not exist; set HF_TOKEN to an access token`,
        401,
      );
    if (response.status === 403 || errorCode === "GatedRepo")
      throw new HubError(
        "gated",
        `${where}: access denied (${response.status}): the repo is gated; accept its terms on ${endpoint}/${parsed.repo} with the account of ${token ? "your HF_TOKEN" : "a token, then set HF_TOKEN"}`,
        response.status,
      );
    if (response.status === 404) {
      const what =
        errorCode === "RevisionNotFound"
          ? `revision "${revision}" not found in ${parsed.repo}`
          : errorCode === "EntryNotFound"
            ? `${parsed.repo} has no config.json at revision "${revision}"`
            : errorCode === "RepoNotFound"
              ? `repo ${parsed.repo} not found`
              : `not found: no repo ${parsed.repo}, no revision "${revision}", or no config.json in it`;
      throw new HubError("not-found", `${where}: ${what} (404)`, 404);
    }
    if (!response.ok)
      throw new HubError("http", `${where}: the Hub answered ${response.status} ${response.statusText}`.trimEnd(), response.status);
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes)
      throw new HubError("too-large", `${where}: config.json is ${declared} bytes, over the ${maxBytes}-byte limit`);
    const bytes = await readBounded(response, maxBytes, where).catch((error: unknown) => {
      if (timedOut) throw timeoutError();
      throw error;
    });
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new HubError("not-json", `${where}: config.json is not UTF-8 text`);
    }
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      const start = text.trimStart().slice(0, 40).replace(/\s+/g, " ");
      throw new HubError(
        "not-json",
        `${where}: config.json is not JSON (${(error as Error).message}; it starts with ${JSON.stringify(start)})`,
      );
    }
    if (typeof config !== "object" || config === null || Array.isArray(config))
      throw new HubError(
        "not-json",
        `${where}: config.json must be a JSON object, got ${Array.isArray(config) ? "an array" : typeof config}`,
      );
    const commit = response.headers.get("x-repo-commit") ?? undefined;
    const sourceUrl = `${endpoint}/${parsed.repo}/blob/${commit ?? rev}/config.json`;
    return { config: config as Record<string, unknown>, repo: parsed.repo, revision, ...(commit ? { commit } : {}), url, sourceUrl };
  } finally {
    clearTimeout(timer);
  }
}

async function readBounded(response: Response, maxBytes: number, where: string): Promise<Uint8Array> {
  const tooLarge = () => new HubError("too-large", `${where}: config.json is over the ${maxBytes}-byte limit`);
  if (!response.body) {
    const buffer = new Uint8Array(await response.arrayBuffer());
    if (buffer.length > maxBytes) throw tooLarge();
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
