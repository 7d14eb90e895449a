/**
 * Hostile input to the CLI, through the built bin: outputs that are symbolic links, inputs that are not
 * regular files or are too large, PNGs too large to allocate, layer patterns of 10^12 blocks.
 */
import { execFile } from "node:child_process";
import { chmod, lstat, mkdtemp, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const exec = promisify(execFile);

/** Runs the bin; a process that hangs is killed after 60 s (far above the ~1 s these take) and reported as such. */
async function archgal(...args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; killed?: boolean; signal?: string; stdout: string; stderr: string };
    return { code: e.killed ? `killed (${e.signal})` : e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archgal-hostile-"));
});

describe("-o never writes through a symbolic link", () => {
  it("refuses a link to another file and leaves both the link and the file as they were", async () => {
    const target = join(dir, "precious.txt");
    await writeFile(target, "keep me");
    await chmod(target, 0o444);
    const link = join(dir, "out.svg");
    await symlink(target, link);
    const r = await archgal("render", "llama-3-8b", "-o", link);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is a symbolic link");
    expect(await readFile(target, "utf8")).toBe("keep me");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
  });

  it("still replaces an ordinary file in place", async () => {
    const out = join(dir, "plain.svg");
    await writeFile(out, "old");
    const r = await archgal("render", "llama-3-8b", "-o", out);
    expect(r.code).toBe(0);
    expect(await readFile(out, "utf8")).toMatch(/^<svg /);
  });
});

describe("inputs are regular files of at most 10 MiB", () => {
  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    const fifo = join(dir, "spec.json");
    await exec("mkfifo", [fifo]);
    const r = await archgal("validate", fifo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${fifo}: is a FIFO; expected a regular file`);
  });

  it("refuses /dev/zero without reading it", async () => {
    const r = await archgal("stats", "/dev/zero");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("/dev/zero: is a device; expected a regular file");
  });

  it("refuses a file over 10 MiB, naming the limit", async () => {
    const big = join(dir, "big.json");
    await writeFile(big, `[${"0,".repeat(5.5 * 1024 * 1024)}0]`);
    const r = await archgal("validate", big);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bytes is larger than the 10485760-byte limit for an input file");
  });
});

describe("sizes", () => {
  it("refuses a PNG beyond 300 megapixels before allocating it", async () => {
    const r = await archgal("render", "llama-3-8b", "--width", "100000", "-o", join(dir, "huge.png"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a 100000 × \d+ px PNG is \d+ megapixels, more than the 300 allowed; pass a smaller --width/);
  });

  it("stats refuses a pattern of 10^12 blocks in numLayers 1 instead of printing it", async () => {
    const spec = JSON.parse(await readFile(fileURLToPath(new URL("../../data/models/llama-3-8b.json", import.meta.url)), "utf8"));
    const first = spec.architecture.layers[0];
    spec.architecture.numLayers = 1;
    spec.architecture.layers = [
      {
        repeat: 1,
        shortcut: true,
        layers: [{ repeat: 10_000, layers: [{ repeat: 10_000, layers: [{ mixer: first.mixer, ffn: first.ffn, count: 10_000 }] }] }],
      },
    ];
    const file = join(dir, "huge.json");
    await writeFile(file, JSON.stringify(spec));
    const r = await archgal("stats", file);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("1000000000000");
    expect(r.stderr).toContain("expands to 1000000000000 blocks; at most 10000 are allowed");
  });
});
