// A tiny static file server for the built site (no dependencies): used by `pnpm start` and the e2e tests.
// It serves the brotli or gzip twin that the build wrote next to a file (build/precompress-plugin.ts) when the
// browser accepts it, hashed assets with a one-year immutable lifetime, and everything else revalidated by ETag.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * The encoding to send for an Accept-Encoding header: "br", "gzip" or undefined. Honours q=0 exclusions.
 * @param {string | undefined} header
 */
export function pickEncoding(header) {
  if (!header) return undefined;
  const accepted = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return undefined;
}

const twin = { br: ".br", gzip: ".gz" };

/** Serves `root` on `host:port` (port 0 = any free port; a taken port moves on to the next one when `fallback`). */
export function serveStatic(root, { port = 0, host = "127.0.0.1", fallback = true } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error("not a file");
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      const headers = {
        "Content-Type": types[extname(file)] ?? "application/octet-stream",
        "Cache-Control": file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        ETag: etag,
        Vary: "Accept-Encoding",
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      let body = file;
      let size = stat.size;
      const encoding = pickEncoding(req.headers["accept-encoding"]);
      if (encoding) {
        try {
          const compressed = statSync(file + twin[encoding]);
          body = file + twin[encoding];
          size = compressed.size;
          headers["Content-Encoding"] = encoding;
        } catch {
          // No twin for this file (small or binary): send it as it is.
        }
      }
      res.writeHead(200, { ...headers, "Content-Length": size });
      if (req.method === "HEAD") res.end();
      else createReadStream(body).pipe(res);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((resolvePromise, reject) => {
    let attempt = port;
    server.on("error", (err) => {
      if (err.code === "EADDRINUSE" && fallback && attempt !== 0 && attempt < port + 50) {
        attempt += 1;
        server.listen(attempt, host);
      } else reject(err);
    });
    server.on("listening", () => {
      const address = server.address();
      const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
      resolvePromise({
        server,
        port: address.port,
        url: `http://${shownHost}:${address.port}/`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
    server.listen(attempt, host);
  });
}
