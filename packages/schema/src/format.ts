/**
 * Human formatting of counts and sizes, shared by the CLI, renderer and components.
 */

/** `671000000000` → `671B`, `124439808` → `124M`, `1.6e12` → `1.6T`. */
export function formatCount(n: number, digits = 3): string {
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, suffix] of units) {
    if (Math.abs(n) >= size) return `${trimNumber(n / size, digits)}${suffix}`;
  }
  return String(n);
}

/** A number to `digits` significant digits without trailing zeros. */
export function trimNumber(n: number, digits = 3): string {
  if (n === 0) return "0";
  const s = Number(n.toPrecision(digits));
  return s >= 1000 ? formatInt(s) : String(s);
}

/** Bytes as B, KiB, MiB, GiB or TiB with up to three significant digits. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${trimNumber(value, 3)} ${units[i]}`;
}

/**
 * A token count (a context length) the way its creators write it, never rounded: `k`/`M` in decimal only for
 * exact multiples of 1,000 (`512000` → `512k`, `2000000` → `2M`), in binary only for powers of two
 * (`131072` → `128k`, `1048576` → `1M`), anything else in full with separators (`202752` → `202,752`,
 * `196608` → `196,608`). Counts below 10,000 print in full (`8192` → `8,192`). `null` → `no explicit limit`.
 * The one rule of the figures, the compare tables, the fact sheets and the CLI.
 */
export function formatTokens(n: number | null): string {
  if (n === null) return "no explicit limit";
  if (!Number.isSafeInteger(n) || n < 10_000) return formatInt(n);
  if (n % 1000 === 0) return n >= 1_000_000 ? `${String(n / 1_000_000)}M` : `${formatInt(n / 1000)}k`;
  // A power of two: exactly one bit set (safe integers only, so the division below is exact).
  let p = 0;
  for (let m = n; m % 2 === 0 && p < 60; m /= 2) p++;
  if (2 ** p !== n) return formatInt(n);
  return p >= 20 ? `${formatInt(2 ** (p - 20))}M` : `${formatInt(2 ** (p - 10))}k`;
}

/**
 * Integer with thousands separators: `7168` → `7,168`, `-1234.5` → `-1,235` (rounded half up, like `Math.round`).
 * The same text as `toLocaleString("en-US")` for every finite number below 1e21, without starting the ICU locale machinery
 * (which costs tens of milliseconds on the first call in a fresh page). Non-finite values print as `String(n)`.
 */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n);
  const digits = Math.abs(r) < 1e21 ? String(Math.abs(r)) : BigInt(Math.abs(r)).toString();
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) {
    const part = digits.slice(Math.max(0, end - 3), end);
    out = out ? `${part},${out}` : part;
  }
  return r < 0 ? `-${out}` : out;
}

/**
 * Orders text for listings without ICU: case-insensitively by UTF-16 code units, ties broken by the exact text, so
 * the order is total and the same everywhere. (`localeCompare` starts the ICU collator, tens of milliseconds on its
 * first call in a fresh page.)
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
