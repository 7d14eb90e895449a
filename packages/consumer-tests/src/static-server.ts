/** A tiny static HTTP server on loopback, like a CDN or a static host: records every request it answers. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  /** Bytes of the file served (uncompressed; this server does not gzip). */
  bytes: number;
  /** True once the whole answer was handed to the connection (the response's `finish` event). */
  complete: boolean;
}

export interface StaticServer {
  origin: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * Serves `root` under `prefix` (e.g. "/npm/@archgal/components@0.1.0/cdn/"). `cors` adds
 * `Access-Control-Allow-Origin: *` as public CDNs do.
 */
export async function serveStatic(root: string, options: { prefix?: string; cors?: boolean } = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = decodeURIComponent(url.pathname);
    const finish = (status: number, headers: Record<string, string> = {}, bytes = 0) => {
      const served: ServedRequest = { method: req.method ?? "GET", path, status, bytes, complete: false };
      requests.push(served);
      res.on("finish", () => (served.complete = true));
      res.writeHead(status, { ...(options.cors ? { "access-control-allow-origin": "*" } : {}), "cache-control": "no-store", ...headers });
    };
    if (!path.startsWith(prefix)) {
      finish(404);
      res.end("not found");
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      finish(403);
      res.end("forbidden");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      finish(404);
      res.end("not found");
      return;
    }
    finish(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }, statSync(file).size);
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
