/**
 * A spec carried in the page address: `#spec=<base64url(deflate-raw(JSON))>`. Nothing leaves the browser;
 * the fragment is never sent to a server. Both directions are bounded: a link longer than
 * {@link MAX_LINK_CHARS} is not made, and decoding stops past {@link MAX_SPEC_BYTES} of JSON.
 */

import { readBytes } from "./read-stream.js";

/** Longest fragment made or read (a 1-trillion-parameter MoE spec compresses to about 2 KB). */
export const MAX_LINK_CHARS = 32_000;
/** Most JSON bytes a fragment may decompress to. */
export const MAX_SPEC_BYTES = 512 * 1024;

/** Thrown when a fragment cannot be read; the message says why. */
export class SpecLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpecLinkError";
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  return readBytes(stream, { limit, tooLarge: () => new SpecLinkError(`the link's spec is larger than ${limit} bytes`) });
}

/** The fragment value (without `#spec=`) for a spec, or a SpecLinkError when it would be too long. */
export async function encodeSpecLink(spec: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(spec));
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const encoded = toBase64Url(await readAll(stream, MAX_LINK_CHARS));
  if (encoded.length > MAX_LINK_CHARS)
    throw new SpecLinkError(`this spec is too large to share in a link (${encoded.length} characters; limit ${MAX_LINK_CHARS})`);
  return encoded;
}

/** The spec JSON (parsed, not yet validated) of a fragment value. */
export async function decodeSpecLink(value: string): Promise<unknown> {
  if (value.length > MAX_LINK_CHARS) throw new SpecLinkError(`the link is too long (${value.length} characters; limit ${MAX_LINK_CHARS})`);
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new SpecLinkError("the link is damaged: its spec is not base64url text");
  let bytes: Uint8Array;
  try {
    const compressed = fromBase64Url(value);
    bytes = await readAll(new Blob([compressed]).stream().pipeThrough(new DecompressionStream("deflate-raw")), MAX_SPEC_BYTES);
  } catch (error) {
    if (error instanceof SpecLinkError) throw error;
    throw new SpecLinkError("the link is damaged: its spec does not decompress (was it cut short?)");
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new SpecLinkError("the link is damaged: its spec is not JSON");
  }
}

/** The `spec` parameter of a location hash (`#spec=…`), if any. */
export function specParam(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get("spec") ?? undefined;
}
