/** Runs a command as an outsider would (see {@link outsiderEnv}) and collects its output. */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { outsiderEnv } from "./env.js";

export interface RunResult {
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  input?: string;
  /**
   * Send stdout to this file instead of a pipe, for tools that print a lot and then call process.exit()
   * (output to a pipe can be cut short; writes to a file are synchronous). `stdout` is then read from the file.
   */
  stdoutFile?: string;
}

export function run(cmd: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const command = [cmd, ...args].join(" ");
  return new Promise((resolvePromise, reject) => {
    const fd = options.stdoutFile ? openSync(options.stdoutFile, "w") : undefined;
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: outsiderEnv(options.env),
      stdio: [options.input === undefined ? "ignore" : "pipe", fd ?? "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      reject(new Error(`${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (fd !== undefined) {
        closeSync(fd);
        stdout = readFileSync(options.stdoutFile!, "utf8");
      }
      resolvePromise({ command, code, signal, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
    if (child.stdin) {
      child.stdin.on("error", () => {});
      child.stdin.end(options.input);
    }
  });
}

/** A readable account of a finished command, for assertion messages. */
export function describeRun(r: RunResult, limit = 4000): string {
  const cut = (s: string) => (s.length > limit ? `${s.slice(0, limit)}\n… (${s.length - limit} more characters)` : s);
  return `$ ${r.command}\nexit ${r.code ?? r.signal}${r.stdout ? `\n--- stdout\n${cut(r.stdout)}` : ""}${r.stderr ? `\n--- stderr\n${cut(r.stderr)}` : ""}`;
}

/** Runs and throws with the full output unless the command exits 0. */
export async function runOk(cmd: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) throw new Error(describeRun(r));
  return r;
}
