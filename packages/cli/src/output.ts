/**
 * Writing results: atomically (a temporary file renamed into place), so an error never leaves a partial file.
 */
import { dirname } from "node:path";
import { access, constants, stat } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
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
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`${path}: is a directory`);
}

/** Writes `data` to `path` atomically, with a clear error for a missing or unwritable directory. */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  await assertWritable(path);
  try {
    await writeFileAtomic(path, typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot write (${code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "is a directory" : (code ?? String(error))})`);
  }
}

/** Writes to a file when `path` is given, else to stdout. */
export async function emit(text: string, path: string | undefined): Promise<void> {
  if (path) await writeOutput(path, text);
  else process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}
