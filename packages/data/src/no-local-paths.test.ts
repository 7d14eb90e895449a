/**
 * The project names public places only: no file of the repository points at a path of some machine or at a
 * document beside the repository, and no source or note records how a figure was looked up instead of where it
 * is published (a repository + path + commit, a URL, a paper).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const self = relative(root, fileURLToPath(import.meta.url))
  .split(sep)
  .join("/");

const textFile = /\.(?:[cm]?[jt]sx?|json|md|ya?ml|html|css|svg|txt|sh)$|(?:^|\/)\.[a-z-]+rc$|(?:^|\/)(?:LICENSE|\.gitignore|\.npmrc)$/;
const skipDirs = new Set(["node_modules", "dist", ".git", ".turbo", "reports", "coverage", "cdn"]);

/** The repository's files: `git ls-files` in a checkout, else a walk that skips build output. */
function repositoryFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .split("\0")
      .filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(join(root, dir))) {
        const path = dir ? `${dir}/${name}` : name;
        if (statSync(join(root, path)).isDirectory()) {
          if (!skipDirs.has(name)) walk(path);
        } else out.push(path);
      }
    };
    walk("");
    return out;
  }
}

/** Never in any file: absolute paths of a machine and the reading folder beside the repository. */
const everywhere: [string, RegExp][] = [
  ["a machine path", /(?:^|[\s"'`(=:])\/(?:work|home|nfs|Users|mnt|root)\/[\w.-]/],
  ["a folder beside the repository", /\.\.\/shared\b|\bshared\/reference\b/],
  [
    "a look-up instead of a public place",
    new RegExp(
      [
        "find" + "_string",
        "read" + "_file",
        "fetch github:",
        "search-index",
        "pages search",
        "code search",
        "search corpus",
        "fetched repo",
      ].join("|"),
      "i",
    ),
  ],
  [
    "a note about how the work was done",
    new RegExp(
      ["this session", "stored (?:page|cop(?:y|ies))", "by a peer", "dossier", "sourcing/", "the team's shared", "\\(request: "].join("|"),
      "i",
    ),
  ],
  ["a reading-material file", /\b(?:dense|moe-hybrid)\.json\b|gallery-2026-05-27\.tsv|model-ids\.tsv|\bgallery TSV\b/i],
];
/** Also never in data files (JSON): temporary folders and file URLs. */
const inData: [string, RegExp][] = [
  ["a temporary folder", /\/tmp\//],
  ["a file URL", /\bfile:\/\//],
];

const files = repositoryFiles().filter((f) => f !== self && f !== "pnpm-lock.yaml" && textFile.test(f));

describe("no machine paths or workflow notes", () => {
  it("finds the repository's files", () => {
    expect(files.some((f) => f.startsWith("packages/data/models/"))).toBe(true);
  });

  it("names public places only", () => {
    const problems: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        continue; // listed by git but deleted in the working tree
      }
      const rules = file.endsWith(".json") ? [...everywhere, ...inData] : everywhere;
      text.split("\n").forEach((line, i) => {
        for (const [what, pattern] of rules) {
          const m = pattern.exec(line);
          if (m) problems.push(`${file}:${i + 1}: ${what}: …${line.slice(Math.max(0, m.index - 30), m.index + 50)}…`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it("recognises each kind of problem", () => {
    const all = [...everywhere, ...inData];
    const hits = (line: string) => all.filter(([, p]) => p.test(line)).map(([what]) => what);
    expect(hits(`"via": "/home/builder/notes/x.tsv"`)).toContain("a machine path");
    expect(hits("see ../shared/reference/configs")).toContain("a folder beside the repository");
    expect(hits("fetch github:owner/repo @abc")).toContain("a look-up instead of a public place");
    expect(hits("not read this session")).toContain("a note about how the work was done");
    expect(hits("copied to /tmp/x")).toContain("a temporary folder");
    expect(hits("https://github.com/owner/repo/blob/abc/work/x.py")).toEqual([]);
  });
});
