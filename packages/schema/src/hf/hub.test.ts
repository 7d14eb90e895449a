/**
 * fetchHubConfig against a local double of the Hub (node:http on 127.0.0.1, an ephemeral port): never the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubError, fetchHubConfig, parseHubId } from "./hub.js";
import { importHuggingFaceConfig } from "./import.js";

const config = {
  model_type: "llama",
  vocab_size: 1000,
  hidden_size: 64,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  intermediate_size: 128,
};
const seen: { url: string; authorization: string | undefined }[] = [];
let server: Server;
let endpoint: string;
const pending = new Set<ServerResponse>();

/** The Hub's `/<org>/<name>/resolve/<rev>/config.json` layout, with the cases the client must handle. */
function hub(req: IncomingMessage, res: ServerResponse): void {
  seen.push({ url: req.url ?? "", authorization: req.headers.authorization });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/config\.json$/.exec(req.url ?? "");
  if (!m) return json(404, { error: "Entry not found" }, { "x-error-code": "EntryNotFound" });
  const [, repo, rev] = m;
  const revision = decodeURIComponent(rev!);
  switch (repo) {
    case "acme/tiny":
      if (revision !== "main" && revision !== "v1" && revision !== "refs/pr/1")
        return json(404, { error: "Invalid rev id" }, { "x-error-code": "RevisionNotFound" });
      return json(200, config, { "x-repo-commit": "0123456789abcdef0123456789abcdef01234567" });
    case "acme/old-name":
      res.writeHead(307, { location: `/acme/tiny/resolve/${rev}/config.json` });
      return void res.end();
    case "acme/gated":
      if (!req.headers.authorization)
        return json(401, { error: "Access to model acme/gated is restricted." }, { "x-error-code": "GatedRepo" });
      if (req.headers.authorization !== "Bearer good")
        return json(403, { error: "not in the authorized list" }, { "x-error-code": "GatedRepo" });
      return json(200, config);
    case "acme/slow":
      pending.add(res);
      return; // never answers; the client's timeout must fire
    case "acme/html":
      res.writeHead(200, { "content-type": "text/html" });
      return void res.end("<!DOCTYPE html><html>oops</html>");
    case "acme/array":
      return json(200, [1, 2]);
    case "acme/huge":
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(`{"pad":"${"x".repeat(20_000)}"}`);
    case "acme/broken":
      return json(500, { error: "boom" });
    default:
      return json(401, { error: "Repository not found" }, { "x-error-code": "RepoNotFound" });
  }
}

beforeAll(async () => {
  server = createServer(hub);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of pending) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    return error as HubError;
  }
  throw new Error("expected a HubError");
}

describe("parseHubId", () => {
  it.each([
    ["Qwen/Qwen3-8B", { repo: "Qwen/Qwen3-8B" }],
    ["meta-llama/Llama-3.2-1B@main", { repo: "meta-llama/Llama-3.2-1B", revision: "main" }],
    ["acme/tiny@refs/pr/1", { repo: "acme/tiny", revision: "refs/pr/1" }],
    ["config.json", undefined],
    ["models/acme/tiny", undefined],
    ["./tiny", undefined],
    ["acme/tiny.json", undefined],
    ["acme/..", undefined],
    ["acme/tiny@", undefined],
    ["acme /tiny", undefined],
  ])("%s", (arg, expected) => {
    expect(parseHubId(arg)).toEqual(expected);
  });
});

describe("fetchHubConfig", () => {
  it("GETs <endpoint>/<repo>/resolve/<revision>/config.json and pins the commit in sourceUrl", async () => {
    const r = await fetchHubConfig("acme/tiny", { endpoint, token: "" });
    expect(r.config).toEqual(config);
    expect(r.url).toBe(`${endpoint}/acme/tiny/resolve/main/config.json`);
    expect(r.commit).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(r.sourceUrl).toBe(`${endpoint}/acme/tiny/blob/0123456789abcdef0123456789abcdef01234567/config.json`);
    expect(importHuggingFaceConfig(r.config, { sourceUrl: r.sourceUrl }).spec.architecture.dModel).toBe(64);
  });

  it("takes the revision from @rev or the option, encoded as one path segment", async () => {
    expect((await fetchHubConfig("acme/tiny@v1", { endpoint })).revision).toBe("v1");
    const pr = await fetchHubConfig("acme/tiny", { endpoint, revision: "refs/pr/1" });
    expect(pr.url).toBe(`${endpoint}/acme/tiny/resolve/refs%2Fpr%2F1/config.json`);
  });

  it("follows the Hub's redirect of a renamed repo", async () => {
    expect((await fetchHubConfig("acme/old-name", { endpoint })).config).toEqual(config);
  });

  it("honours HF_ENDPOINT and HF_TOKEN from the environment", async () => {
    const saved = { e: process.env.HF_ENDPOINT, t: process.env.HF_TOKEN };
    process.env.HF_ENDPOINT = endpoint;
    process.env.HF_TOKEN = "good";
    try {
      expect((await fetchHubConfig("acme/gated")).config).toEqual(config);
      expect(seen.at(-1)).toEqual({ url: "/acme/gated/resolve/main/config.json", authorization: "Bearer good" });
    } finally {
      for (const [k, v] of [
        ["HF_ENDPOINT", saved.e],
        ["HF_TOKEN", saved.t],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it("says to set HF_TOKEN for a gated repo without one, and to accept the terms when the token has no access", async () => {
    const noToken = await failure(fetchHubConfig("acme/gated", { endpoint, token: "" }));
    expect(noToken).toMatchObject({ kind: "unauthorized", status: 401 });
    expect(noToken.message).toMatch(/acme\/gated@main: the Hub needs a token \(401\).*set HF_TOKEN/);
    const denied = await failure(fetchHubConfig("acme/gated", { endpoint, token: "bad" }));
    expect(denied).toMatchObject({ kind: "gated", status: 403 });
    expect(denied.message).toMatch(/gated; accept its terms on .*\/acme\/gated/);
  });

  it("tells a missing revision from a missing repo", async () => {
    const rev = await failure(fetchHubConfig("acme/tiny@nope", { endpoint }));
    expect(rev).toMatchObject({ kind: "not-found", status: 404 });
    expect(rev.message).toMatch(/revision "nope" not found in acme\/tiny/);
    const repo = await failure(fetchHubConfig("acme/missing", { endpoint, token: "" }));
    expect(repo.kind).toBe("unauthorized");
    expect(repo.message).toMatch(/or does not exist/);
  });

  it("times out on a Hub that does not answer", async () => {
    const e = await failure(fetchHubConfig("acme/slow", { endpoint, timeoutMs: 200 }));
    expect(e.kind).toBe("timeout");
    expect(e.message).toMatch(/no answer from .* within 200 ms/);
  });

  it("reports an unreachable Hub as offline", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await failure(fetchHubConfig("acme/tiny", { endpoint: `http://127.0.0.1:${port}` }));
    expect(e.kind).toBe("offline");
    expect(e.message).toMatch(/cannot reach .* \(ECONNREFUSED\): offline/);
  });

  it("reports a DNS failure from the fetch it is given", async () => {
    const dns = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("getaddrinfo ENOTFOUND huggingface.co"), { code: "ENOTFOUND" }),
    });
    const e = await failure(fetchHubConfig("acme/tiny", { endpoint: "https://huggingface.co", fetch: () => Promise.reject(dns) }));
    expect(e.message).toMatch(/cannot reach https:\/\/huggingface\.co \(ENOTFOUND\)/);
  });

  it("rejects HTML, a JSON array, an oversized body and a server error", async () => {
    expect((await failure(fetchHubConfig("acme/html", { endpoint }))).message).toMatch(
      /config\.json is not JSON .*starts with "<!DOCTYPE html>/,
    );
    expect((await failure(fetchHubConfig("acme/array", { endpoint }))).message).toMatch(/must be a JSON object, got an array/);
    expect(await failure(fetchHubConfig("acme/huge", { endpoint, maxBytes: 10_000 }))).toMatchObject({ kind: "too-large" });
    expect(await failure(fetchHubConfig("acme/broken", { endpoint }))).toMatchObject({ kind: "http", status: 500 });
  });

  it("refuses a malformed id and a plain-http endpoint that is not loopback", async () => {
    expect((await failure(fetchHubConfig("not an id", { endpoint }))).message).toMatch(/expected org\/name or org\/name@revision/);
    expect((await failure(fetchHubConfig("acme/tiny", { endpoint: "http://example.com" }))).message).toMatch(/must use https/);
  });
});
