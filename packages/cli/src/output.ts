/**
 * Writing results: atomically (an exclusively created temporary file renamed into place), so an error never
 * leaves a partial file, and never through a symbolic link.
 */
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { unlinkSync } from "node:fs";
import { access, constants, lstat, open, rename, stat, unlink } from "node:fs/promises";
import { CliError } from "./cli-error.js";

/** Checks before any work that `path` can be written: its directory exists, is a directory and is writable. */
export async function assertWritable(path: string): Promise<void> {
  const dir = dirname(path);
  let isDir: boolean;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    throw new CliError(`${path}: directory ${dir} does not exist`);
  }
  if (!isDir) throw new CliError(`${path}: ${dir} is not a directory`);
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new CliError(`${path}: cannot write (permission denied)`);
  }
  const existing = await lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink())
    throw new CliError(`${path}: is a symbolic link; refusing to write through it (remove it or choose another path)`);
  if (existing?.isDirectory()) throw new CliError(`${path}: is a directory`);
  if (existing && !existing.isFile()) throw new CliError(`${path}: is not a regular file`);
}

/** Temporary files being written: removed if the process is interrupted, so a signal leaves no stray file. */
const pending = new Set<string>();
let signalsHooked = false;
function removePendingOnSignal(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const temp of pending) {
        try {
          unlinkSync(temp);
        } catch {
          /* already renamed or removed */
        }
      }
      process.kill(process.pid, signal); // the default action, now that the handler is gone
    });
  }
}

/** Writes `data` to `path` atomically, with a clear error for a missing or unwritable directory. */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  await assertWritable(path);
  // "wx": created here or not at all, so the temporary name cannot be a link planted in advance. The rename
  // replaces the directory entry at `path` itself: a link put there meanwhile is replaced, never followed.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let created = false;
  removePendingOnSignal();
  pending.add(temp);
  try {
    const handle = await open(temp, "wx", 0o666);
    created = true;
    try {
      await handle.writeFile(typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    pending.delete(temp);
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    pending.delete(temp);
    throw new CliError(
      `${path}: cannot write (${code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "is a directory" : (code ?? String(error))})`,
    );
  }
}

/** Writes to a file when `path` is given, else to stdout. */
export async function emit(text: string, path: string | undefined): Promise<void> {
  if (path) await writeOutput(path, text);
  else process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}
