/**
 * The errors an element can show. Each is visible in the element (a `role="alert"` box, `::part(error)`) and
 * is sent as the detail of an `llm-arch-error` event.
 */
import type { SpecIssue } from "@archgal/schema";

/**
 * What went wrong:
 * - `unknown-model`: no model with that id (or not a valid id);
 * - `network`: the URL could not be reached;
 * - `http`: the server answered with an error status (e.g. 404);
 * - `timeout`: the server did not answer in full within `fetchLimits.timeout` ms;
 * - `too-large`: the response is larger than `fetchLimits.maxBytes` (reading stopped there);
 * - `not-json`: the response is not JSON (or, for the gallery, not a list of model entries);
 * - `invalid-spec`: the JSON is not a valid spec (see `issues`);
 * - `load`: the data could not be asked for, e.g. a `src` or `data-base` that is not a URL, or a loader that
 *   failed without an {@link ArchError};
 * - `render`: the spec is valid but could not be drawn;
 * - `usage`: the element is used wrongly (e.g. a comparison of one model).
 */
export type ArchErrorKind =
  "unknown-model" | "network" | "http" | "timeout" | "too-large" | "not-json" | "invalid-spec" | "load" | "render" | "usage";

/** Detail of an `llm-arch-error` event. */
export interface ArchErrorDetail {
  /** What went wrong. */
  kind: ArchErrorKind;
  /** A readable message, as shown in the element. */
  message: string;
  /** The model id asked for, if any. */
  id?: string;
  /** The URL that failed, if any. */
  url?: string;
  /** The HTTP status, for `http`. */
  status?: number;
  /** Every validation problem (field path and message), for `invalid-spec`. */
  issues?: SpecIssue[];
}

/** An error carrying an {@link ArchErrorDetail}; loaders throw it. */
export class ArchError extends Error {
  /** What went wrong. */
  readonly detail: ArchErrorDetail;
  constructor(detail: ArchErrorDetail, options?: { cause?: unknown }) {
    super(detail.message, options);
    this.name = "ArchError";
    this.detail = detail;
  }
}

/**
 * The detail of any thrown value: an {@link ArchError}'s own, or for anything else a `load` error when it was
 * thrown while loading (e.g. a `data-base` that is not a URL), else a `render` error.
 */
export function errorDetail(error: unknown, loading = false): ArchErrorDetail {
  if (error instanceof ArchError) return error.detail;
  return {
    kind: loading ? "load" : "render",
    message: `could not ${loading ? "load" : "draw"} the model: ${error instanceof Error ? error.message : String(error)}`,
  };
}
