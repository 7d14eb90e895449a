/**
 * Reading input files: regular files only (a FIFO, a device such as /dev/zero or a socket is refused before it
 * is read), of bounded size, with errors that name the file.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { CliError } from "./cli-error.js";

/** Largest spec or config file the CLI reads: 10 MiB (real specs and configs are a few KiB). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

const describeKind = (s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}) =>
  s.isDirectory()
    ? "is a directory"
    : s.isFIFO()
      ? "is a FIFO"
      : s.isCharacterDevice() || s.isBlockDevice()
        ? "is a device"
        : s.isSocket()
          ? "is a socket"
          : "is not a regular file";

const errnoMessage = (path: string, error: unknown): CliError => {
  const code = (error as NodeJS.ErrnoException).code;
  return new CliError(
    code === "ENOENT"
      ? `${path}: no such file`
      : code === "EISDIR"
        ? `${path}: is a directory`
        : `${path}: cannot read (${code ?? String(error)})`,
  );
};

/** Reads a regular file of at most `limit` bytes as UTF-8; anything else is a {@link CliError}. */
export async function readInputFile(path: string, limit = MAX_INPUT_BYTES): Promise<string> {
  const tooLarge = (size: number | string) =>
    new CliError(`${path}: ${size} bytes is larger than the ${limit}-byte limit for an input file`);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw errnoMessage(path, error);
  }
  // Checked before opening: opening a FIFO for reading blocks until a writer appears.
  if (!info.isFile()) throw new CliError(`${path}: ${describeKind(info)}; expected a regular file`);
  if (info.size > limit) throw tooLarge(info.size);
  let handle;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since, opening it does not hang.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw errnoMessage(path, error);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new CliError(`${path}: ${describeKind(opened)}; expected a regular file`);
    // Read at most limit + 1 bytes, whatever the size said: the file may grow while it is read.
    const buffer = Buffer.alloc(Math.min(limit, opened.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > limit) throw tooLarge(`more than ${limit}`);
        break;
      }
    }
    return buffer.subarray(0, length).toString("utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw errnoMessage(path, error);
  } finally {
    await handle.close();
  }
}
