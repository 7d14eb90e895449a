/** Helpers to put fixture files into the temporary consumer project and run them there. */
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fixturesDir } from "./env.js";
import { describeRun, run, type RunResult } from "./run.js";
import { consumer } from "./state.js";

/** Copies fixtures/<fixture> into <project>/<name> (one folder per test file, so parallel files never clash). */
export function stage(name: string, fixture: string): string {
  const dir = join(consumer().projectDir, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(fixturesDir, fixture), dir, { recursive: true });
  return dir;
}

/** Runs `node …args` in dir and parses the last line of stdout as JSON; throws with the output otherwise. */
export async function nodeJson<T = Record<string, unknown>>(
  dir: string,
  args: string[],
  env?: Record<string, string>,
): Promise<{ value: T; run: RunResult }> {
  const r = await run(process.execPath, args, { cwd: dir, timeoutMs: 60_000, ...(env ? { env } : {}) });
  if (r.code !== 0) throw new Error(describeRun(r));
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return { value: JSON.parse(last) as T, run: r };
  } catch {
    throw new Error(`expected JSON on the last line of stdout\n${describeRun(r)}`);
  }
}
