/**
 * Reading a fetched body as JSON with a size limit, in a chunk of its own loaded with the first response (the
 * element's first script stays small). It imports nothing, so that no shared module is split out of that script.
 */

/** What went wrong reading a body (the caller adds the URL and id). */
export interface ReadFailure {
  kind: "too-large" | "not-json";
  message: string;
}

/**
 * The body of `res` parsed as JSON, read as it streams in and cancelled as soon as it passes `maxBytes` bytes
 * (so a huge or endless body is never held in memory). Errors of the stream itself (a timeout) are thrown.
 */
export async function readJson(res: Response, url: string, maxBytes: number): Promise<{ value: unknown } | ReadFailure> {
  let text = "";
  if (res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (let n = 0, chunk; !(chunk = await reader.read()).done; ) {
      if ((n += chunk.value.length) > maxBytes) {
        reader.cancel().catch(() => {});
        return { kind: "too-large", message: `${url} is larger than ${maxBytes} bytes` };
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    text += decoder.decode();
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { kind: "not-json", message: `${url} is not JSON` };
  }
}
