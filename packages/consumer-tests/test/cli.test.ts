/** The installed `archgal` bin, run with npx in the consumer project as a user would. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeJson, stage } from "../src/project.js";
import { describeRun, run, type RunResult } from "../src/run.js";
import { consumer, requireInstalled } from "../src/state.js";
import { svgFacts } from "../src/svg.js";

let dir = "";
beforeAll(() => {
  dir = stage("cli-run", "cli");
});

/** `npx archgal …` exactly as a user types it (npx resolves the project's node_modules/.bin/archgal). */
const npxArchgal = (...args: string[]): Promise<RunResult> => run("npx", ["--no", "archgal", ...args], { cwd: dir, timeoutMs: 90_000 });
/** The same installed bin shim without npx's ~1 s start-up, for the remaining commands. */
const archgal = (...args: string[]): Promise<RunResult> =>
  run(join(consumer().projectDir, "node_modules", ".bin", "archgal"), args, { cwd: dir, timeoutMs: 90_000 });

function ok(r: RunResult): RunResult {
  expect(r.code, describeRun(r)).toBe(0);
  return r;
}

function json<T>(r: RunResult): T {
  ok(r);
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON\n${describeRun(r)}`);
  }
}

const library = (id: string) =>
  nodeJson<{ ids: string[]; total: number; active: number; kv: number }>(dir, ["stats.mjs", id]).then((r) => r.value);

describe("archgal (the installed bin)", () => {
  it("npx archgal list prints every model id", async () => {
    requireInstalled("@archgal/cli", "@archgal/data");
    const [r, lib] = await Promise.all([npxArchgal("list"), library("llama-3-8b")]);
    ok(r);
    const printed = r.stdout
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[0])
      .filter(Boolean);
    expect(printed).toEqual(lib.ids);
  });

  it("list --json prints id, name, org and releaseDate for each model", async () => {
    requireInstalled("@archgal/cli", "@archgal/data");
    const list = json<{ id: string; name: string; org: string; releaseDate: string }[]>(await archgal("list", "--json"));
    expect(list.length).toBeGreaterThanOrEqual(70);
    for (const m of list) expect(Object.keys(m)).toEqual(expect.arrayContaining(["id", "name", "org", "releaseDate"]));
  });

  it("npx archgal stats deepseek-v3 --json agrees with @archgal/schema on the installed data", async () => {
    requireInstalled("@archgal/cli", "@archgal/data", "@archgal/schema");
    const [r, lib] = await Promise.all([npxArchgal("stats", "deepseek-v3", "--json"), library("deepseek-v3")]);
    const s = json<{ id: string; params: { total: number; active: number }; kvCacheBytesPerToken: number }>(r);
    expect(s.id).toBe("deepseek-v3");
    expect(s.params.total).toBe(lib.total);
    expect(s.params.active).toBe(lib.active);
    expect(s.kvCacheBytesPerToken).toBe(lib.kv);
  });

  it("render llama-3-8b -o out.svg writes a well-formed, accessible SVG", async () => {
    requireInstalled("@archgal/cli", "@archgal/renderer");
    const r = ok(await archgal("render", "llama-3-8b", "-o", "out.svg"));
    expect(
      r.stderr
        .split("\n")
        .filter((l) => l && !l.startsWith("npm warn"))
        .join("\n"),
    ).toBe("");
    const f = svgFacts(readFileSync(join(dir, "out.svg"), "utf8"));
    expect(f.wellFormed).toBe(true);
    expect(f.role).toBe("img");
    expect(f.title).toContain("Llama 3");
    expect(f.text).toContain("8.03B");
  });

  it("render llama-3-8b -o out.png rasterises with the fonts the package depends on", async () => {
    requireInstalled("@archgal/cli", "@archgal/renderer");
    ok(await archgal("render", "llama-3-8b", "-o", "out.png", "--width", "800"));
    const png = readFileSync(join(dir, "out.png"));
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.readUInt32BE(16)).toBe(800);
    expect(statSync(join(dir, "out.png")).size).toBeGreaterThan(10_000);
  });

  it("import a Hugging Face config.json, then validate and stats the imported spec", async () => {
    requireInstalled("@archgal/cli", "@archgal/schema");
    ok(await archgal("import", "llama-3-8b.config.json", "-o", "imported.json", "--id", "my-llama", "--name", "My Llama"));
    const spec = JSON.parse(readFileSync(join(dir, "imported.json"), "utf8")) as { id: string };
    expect(spec.id).toBe("my-llama");
    ok(await archgal("validate", "imported.json"));
    const s = json<{ params: { total: number } }>(await archgal("stats", "imported.json", "--json"));
    expect(s.params.total).toBe(8030261248);
  });

  it("an unknown model exits 1 with the error on stderr only", async () => {
    requireInstalled("@archgal/cli");
    const r = await archgal("stats", "no-such-model");
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/unknown model/);
  });
});
