import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../build/precompress-plugin.js";
// @ts-expect-error plain ESM script without types
import { pickEncoding, serveStatic } from "./static-server.mjs";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("pickEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(pickEncoding("identity")).toBeUndefined();
    expect(pickEncoding("*;q=0")).toBeUndefined();
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});

describe("static server with precompressed twins", () => {
  const dir = mkdtempSync(join(tmpdir(), "archgal-static-"));
  const page = `<!doctype html><title>t</title>${"<p>archgal gallery page</p>".repeat(200)}`;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), page);
    writeFileSync(join(dir, "assets", "app-abc123.js"), `console.log(${JSON.stringify("x".repeat(4000))});`);
    writeFileSync(join(dir, "tiny.json"), "{}");
    writeFileSync(join(dir, "image.png"), Buffer.alloc(4096, 7));
    precompressDir(dir);
    server = await serveStatic(dir, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes twins only for compressible files above the threshold", () => {
    expect(existsSync(join(dir, "index.html.br"))).toBe(true);
    expect(existsSync(join(dir, "index.html.gz"))).toBe(true);
    expect(existsSync(join(dir, "tiny.json.br"))).toBe(false);
    expect(existsSync(join(dir, "image.png.br"))).toBe(false);
  });

  it("sends brotli to a browser that accepts it, with the same content", async () => {
    const r = await get(server.url, { "Accept-Encoding": "gzip, br" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers.vary).toBe("Accept-Encoding");
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(page.length / 10);
    expect(brotliDecompressSync(r.body).toString()).toBe(page);
  });

  it("sends gzip when brotli is not accepted, and the plain file when nothing is", async () => {
    const gz = await get(server.url, { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(page);
    const plain = await get(server.url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  it("gives hashed assets a long immutable lifetime and revalidates the rest by ETag", async () => {
    const asset = await get(`${server.url}assets/app-abc123.js`, { "Accept-Encoding": "br" });
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const first = await get(server.url);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await get(server.url, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("answers HEAD without a body and refuses paths outside the root", async () => {
    const head = await get(server.url, { "Accept-Encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const outside = await get(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(outside.status);
    const missing = await get(`${server.url}nope.html`);
    expect(missing.status).toBe(404);
  });
});
