// A tiny static file server on 127.0.0.1 (random port) for the bench and the screenshots: serves the package
// directory, so pages load cdn/llm-arch.js and cdn/models/*.json over HTTP like from a CDN.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** Serves `dir` (default: the package directory); resolves with `{ url, close() }`. */
export function serve(dir = resolve(dirname(fileURLToPath(import.meta.url)), "..")) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

/** Path of a Chromium: $CHROME_PATH or Debian's. */
export function chromiumPath() {
  return process.env.CHROME_PATH || "/usr/bin/chromium";
}

/** Flags for headless Chromium on these machines. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
