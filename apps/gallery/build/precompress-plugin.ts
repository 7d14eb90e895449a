/**
 * Precompressed output: after the build, every text file of the site (HTML, JS, CSS, JSON, SVG) larger than
 * 1 KiB gets a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) twin, which `scripts/static-server.mjs`
 * serves to browsers that accept them. Compressing once at build time lets the server answer with the smallest
 * encoding at no per-request cost.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** File endings that are worth compressing. */
export const compressibleExtensions = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".map"]);
/** Files smaller than this are served as they are. */
export const MIN_COMPRESS_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `.br` and `.gz` twins next to every compressible file under `dir`; returns how many files were compressed.
 * A file whose twins are already newer than it (written by an earlier build pass into the same directory) is left.
 */
export function precompressDir(dir: string): number {
  let count = 0;
  for (const path of [...files(dir)]) {
    if (!compressibleExtensions.has(extname(path))) continue;
    const stat = statSync(path);
    if (stat.size < MIN_COMPRESS_BYTES) continue;
    if ([".br", ".gz"].every((ext) => existsSync(path + ext) && statSync(path + ext).mtimeMs >= stat.mtimeMs)) continue;
    const body = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count++;
  }
  return count;
}

/** The Vite plugin: precompresses the output directory once the bundle is written. */
export function precompressPlugin(): Plugin {
  let outDir = "dist";
  return {
    name: "archgal-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir.startsWith("/") ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      handler() {
        precompressDir(outDir);
      },
    },
  };
}
