/**
 * The one URL allow-list for links: every link a spec carries (links, licence, sources, published statements)
 * is validated against it and checked again wherever it becomes an `href`.
 */

/**
 * An allowed link: `http://` or `https://` in lower case, then no white space, control character, quote,
 * angle bracket or backslash — so `JaVaScRiPt:`, `" javascript:"` and `"java\tscript:"` are all refused.
 */
// eslint-disable-next-line no-control-regex
export const linkUrlPattern = /^https?:\/\/[^\s"'<>\\\x00-\x1f\x7f-\x9f]+$/;

/** Whether `value` is a link the allow-list accepts ({@link linkUrlPattern}, at most 2,048 characters). */
export function isSafeUrl(value: unknown): value is string {
  return typeof value === "string" && value.length <= 2048 && linkUrlPattern.test(value);
}

/** `value` when it is an allowed link, else `undefined`: bind this, never the raw value, to an `href`. */
export function safeHref(value: unknown): string | undefined {
  return isSafeUrl(value) ? value : undefined;
}
