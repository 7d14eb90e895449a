/**
 * Reading a byte stream to its end with a bound, reporting progress: the spec link's decompression and the
 * poster's download share it.
 */

export interface ReadStreamOptions {
  /** Most bytes to accept; past it the stream is cancelled and `tooLarge()` is thrown. Default: no bound. */
  limit?: number;
  /** The error thrown past `limit`. */
  tooLarge?: () => Error;
  /** Called with the bytes received so far after each chunk. */
  onProgress?: (bytes: number) => void;
}

/** The stream's chunks, in order. */
export async function readChunks(
  stream: ReadableStream<Uint8Array>,
  options: ReadStreamOptions = {},
): Promise<{ chunks: Uint8Array[]; total: number }> {
  const limit = options.limit ?? Infinity;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw options.tooLarge?.() ?? new RangeError(`more than ${limit} bytes`);
    }
    chunks.push(value);
    options.onProgress?.(total);
  }
  return { chunks, total };
}

/** The stream's bytes in one array. */
export async function readBytes(stream: ReadableStream<Uint8Array>, options: ReadStreamOptions = {}): Promise<Uint8Array> {
  const { chunks, total } = await readChunks(stream, options);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
