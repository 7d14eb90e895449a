/**
 * Reading safetensors checkpoints from disk for `archgal count`: only the header bytes of each file are read
 * (8 bytes, then the header length they state), never the weights.
 */
import { open, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SafetensorsInput, SafetensorsShard } from "@archgal/schema/hf";
import { CliError } from "./cli-error.js";
import { readInputFile } from "./input-file.js";

/** The largest index.json read (a real one for a 1T-parameter MoE is a few MB). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

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

/** Reads one file's header bytes and its size: a whole file, its header bytes alone, or its bare JSON header. */
export async function readShardHeader(path: string): Promise<SafetensorsShard> {
  const { readSafetensorsHeaderBytes, SafetensorsError, MAX_SAFETENSORS_HEADER_BYTES } = await import("@archgal/schema/hf");
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw errnoMessage(path, error);
  }
  try {
    const { size } = await handle.stat();
    const read = async (start: number, end: number): Promise<Uint8Array> => {
      const length = Math.max(0, Math.min(end, size) - start);
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    };
    // The JSON header alone, without the 8-byte length: read it whole (bounded like a header).
    const first = await read(0, 1);
    if (first[0] === 0x7b) {
      if (size > MAX_SAFETENSORS_HEADER_BYTES)
        throw new CliError(`${path}: a ${size}-byte JSON header exceeds the ${MAX_SAFETENSORS_HEADER_BYTES}-byte limit`);
      return read(0, size);
    }
    const header = await readSafetensorsHeaderBytes(read).catch((error: unknown) => {
      if (error instanceof SafetensorsError) throw new CliError(`${path}: ${error.message}`);
      throw error;
    });
    // A file of exactly 8 + N bytes is the header alone (its data left out on purpose); otherwise the data
    // section must fit the file exactly.
    return size === header.length ? { header } : { header, fileSize: size };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw errnoMessage(path, error);
  } finally {
    await handle.close();
  }
}

async function readIndex(path: string): Promise<unknown> {
  const text = await readInputFile(path, MAX_INDEX_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * A path → what `countSafetensors` reads:
 * - a directory: its `model.safetensors.index.json`, else its `model.safetensors`;
 * - a `.json` file with a `weight_map`: a sharded index, read with the shards beside it;
 * - any other file: one safetensors file, or its header bytes alone (with or without the 8-byte length).
 */
export async function readCheckpoint(path: string): Promise<{ input: SafetensorsInput; files: string[] }> {
  const info = await stat(path).catch((error: unknown) => {
    throw errnoMessage(path, error);
  });
  if (info.isDirectory()) {
    const index = join(path, "model.safetensors.index.json");
    if (
      await stat(index).then(
        () => true,
        () => false,
      )
    )
      return readCheckpoint(index);
    const single = join(path, "model.safetensors");
    if (
      await stat(single).then(
        () => true,
        () => false,
      )
    )
      return readCheckpoint(single);
    throw new CliError(`${path}: no model.safetensors.index.json or model.safetensors in this directory`);
  }
  if (path.endsWith(".json")) {
    const json = await readIndex(path);
    if (typeof json === "object" && json !== null && !Array.isArray(json) && Object.prototype.hasOwnProperty.call(json, "weight_map")) {
      const { parseSafetensorsIndex, SafetensorsError } = await import("@archgal/schema/hf");
      let files: string[];
      try {
        files = parseSafetensorsIndex(json).shardFiles;
      } catch (error) {
        if (error instanceof SafetensorsError) throw new CliError(`${path}: ${error.message}`);
        throw error;
      }
      const dir = dirname(path);
      const shards: Record<string, SafetensorsShard> = {};
      for (const file of files) shards[file] = await readShardHeader(join(dir, file));
      return { input: { index: json, shards }, files: files.map((f) => join(dir, f)) };
    }
    // A bare JSON header (what the Hub's API or `safetensors` tooling print): count it as is.
    return { input: new TextEncoder().encode(JSON.stringify(json)), files: [path] };
  }
  return { input: await readShardHeader(path), files: [path] };
}
