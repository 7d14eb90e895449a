/**
 * Reading a fetched answer as JSON within limits of time and size, and naming what went wrong, in a chunk of its
 * own loaded while the request is under way (the element's first script stays small). It imports nothing at run
 * time, so that no shared module is split out of that script; the caller turns a failure into an `ArchError`.
 */
import type { ArchErrorDetail } from "./errors.js";

/** The parsed JSON, or what went wrong (with the error that caused it, if any). */
export type ReadResult = { value: unknown } | { detail: ArchErrorDetail; cause?: unknown };

/**
 * Waits for `answer` and reads its body as it streams in, cancelling it as soon as it passes `limits.maxBytes`
 * bytes (so a huge or endless body is never held in memory); `signal` is the request's timeout.
 */
export async function readJson(
  answer: Promise<Response>,
  at: { url: string; id?: string },
  limits: { timeout: number; maxBytes: number },
  signal: AbortSignal,
): Promise<ReadResult> {
  const { url, id } = at;
  const fail = (detail: Omit<ArchErrorDetail, "url" | "id">, cause?: unknown): ReadResult => ({ detail: { ...detail, ...at }, cause });
  let text = "";
  try {
    const res = await answer;
    if (!res.ok) {
      if (id && res.status === 404) return fail({ kind: "unknown-model", message: `unknown model "${id}" (no ${url})`, status: 404 });
      return fail({
        kind: "http",
        message: `${url} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`,
        status: res.status,
      });
    }
    if (res.body) {
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (let n = 0, chunk; !(chunk = await reader.read()).done;) {
        if ((n += chunk.value.length) > limits.maxBytes) {
          reader.cancel().catch(() => {});
          return fail({ kind: "too-large", message: `${url} is larger than ${limits.maxBytes} bytes` });
        }
        text += decoder.decode(chunk.value, { stream: true });
      }
      text += decoder.decode();
    }
  } catch (cause) {
    return signal.aborted
      ? fail({ kind: "timeout", message: `${url} did not answer within ${limits.timeout / 1000} s` }, cause)
      : fail({ kind: "network", message: `could not reach ${url}` }, cause);
  }
  try {
    return { value: JSON.parse(text) };
  } catch (cause) {
    return fail({ kind: "not-json", message: `${url} is not JSON` }, cause);
  }
}
