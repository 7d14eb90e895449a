/** Just enough semver for version sanity checks (x.y.z with an optional pre-release). */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

export function parseVersion(v: string): Version | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? "" } : undefined;
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: ${x ? b : a}`);
  return (
    x.major - y.major ||
    x.minor - y.minor ||
    x.patch - y.patch ||
    (x.pre === y.pre ? 0 : x.pre === "" ? 1 : y.pre === "" ? -1 : x.pre < y.pre ? -1 : 1)
  );
}

/** Whether `version` satisfies a simple range: ^x.y.z, ~x.y.z, >=x.y(.z), x.y.z, *, or a || list of those. */
export function satisfies(version: string, range: string): boolean {
  return range.split("||").some((part) => {
    const r = part.trim();
    if (r === "*" || r === "") return true;
    const m = /^(\^|~|>=|>|=)?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?$/.exec(r);
    if (!m) return false;
    const op = m[1] ?? "=";
    const base = `${m[2]}.${m[3] ?? 0}.${m[4] ?? 0}${m[5] ?? ""}`;
    const v = parseVersion(version)!;
    const b = parseVersion(base)!;
    const cmp = compareVersions(version, base);
    if (op === ">=") return cmp >= 0;
    if (op === ">") return cmp > 0;
    if (op === "=") return cmp === 0;
    if (cmp < 0) return false;
    if (op === "~") return v.major === b.major && v.minor === b.minor;
    // ^: same left-most non-zero component
    if (b.major > 0) return v.major === b.major;
    if (b.minor > 0) return v.major === 0 && v.minor === b.minor;
    return v.major === 0 && v.minor === 0 && v.patch === b.patch;
  });
}
