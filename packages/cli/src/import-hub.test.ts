/**
 * `archgal import <org>/<name>[@revision]` against a local double of the Hugging Face Hub (node:http on
 * 127.0.0.1, ephemeral port; the bin finds it through HF_ENDPOINT). Never the network.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const exec = promisify(execFile);

// Qwen/Qwen3-0.6B config.json, the fields the importer reads (as the schema's qwen3 fixtures carry them).
const qwen = {
  architectures: ["Qwen3ForCausalLM"],
  model_type: "qwen3",
  vocab_size: 151936,
  hidden_size: 1024,
  intermediate_size: 3072,
  num_hidden_layers: 28,
  num_attention_heads: 16,
  num_key_value_heads: 8,
  head_dim: 128,
  max_position_embeddings: 40960,
  rope_theta: 1000000,
  rms_norm_eps: 1e-6,
  tie_word_embeddings: true,
  hidden_act: "silu",
  attention_bias: false,
};

let server: Server;
let endpoint: string;
let dir: string;
const requests: { url: string; auth?: string }[] = [];
const pending = new Set<ServerResponse>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archgal-hub-"));
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body);
    };
    const m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/config\.json$/.exec(req.url ?? "");
    if (!m) return send(404, "{}", { "x-error-code": "EntryNotFound" });
    const [, repo, rev] = m;
    if (repo === "Qwen/Qwen3-0.6B") {
      if (rev !== "main" && rev !== "abc123") return send(404, '{"error":"Invalid rev id"}', { "x-error-code": "RevisionNotFound" });
      return send(200, JSON.stringify(qwen), { "x-repo-commit": "c1899de289a04d12100db370d81485cdf75e47ca" });
    }
    if (repo === "Qwen/Qwen3-Old") {
      res.writeHead(302, { location: `/Qwen/Qwen3-0.6B/resolve/${rev}/config.json` });
      return void res.end();
    }
    if (repo === "meta-llama/Gated") {
      if (req.headers.authorization === "Bearer hf_ok") return send(200, JSON.stringify(qwen));
      return req.headers.authorization
        ? send(403, '{"error":"not authorized"}', { "x-error-code": "GatedRepo" })
        : send(401, '{"error":"restricted"}', { "x-error-code": "GatedRepo" });
    }
    if (repo === "acme/slow") return void pending.add(res);
    if (repo === "acme/html") return send(200, "<html>rate limited</html>", { "content-type": "text/html" });
    if (repo === "acme/bad-config") return send(200, JSON.stringify({ ...qwen, hidden_size: "wide" }));
    return send(401, '{"error":"Repository not found"}', { "x-error-code": "RepoNotFound" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of pending) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function archgal(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HF_ENDPOINT: endpoint, ...env };
  if (!("HF_TOKEN" in env)) delete childEnv.HF_TOKEN;
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { env: childEnv, cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("archgal import <org>/<name>", () => {
  it("fetches config.json from HF_ENDPOINT and imports it, with the resolved commit as source", async () => {
    const r = await archgal(["import", "Qwen/Qwen3-0.6B"]);
    expect(r.code, r.stderr).toBe(0);
    const spec = JSON.parse(r.stdout);
    expect(spec).toMatchObject({ id: "qwen3-0.6b", name: "Qwen3-0.6B", architecture: { dModel: 1024, numLayers: 28 } });
    expect(spec.sources[0].url).toBe(`${endpoint}/Qwen/Qwen3-0.6B/blob/c1899de289a04d12100db370d81485cdf75e47ca/config.json`);
    expect(requests.at(-1)).toEqual({ url: "/Qwen/Qwen3-0.6B/resolve/main/config.json" });
  });

  it("takes @revision and --revision, writes -o atomically", async () => {
    const out = join(dir, "qwen.json");
    const r = await archgal(["import", "Qwen/Qwen3-0.6B@abc123", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).architecture.vocabSize).toBe(151936);
    expect(requests.at(-1)?.url).toBe("/Qwen/Qwen3-0.6B/resolve/abc123/config.json");
    const bad = await archgal(["import", "Qwen/Qwen3-0.6B", "--revision", "nope"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/archgal: Qwen\/Qwen3-0\.6B@nope: revision "nope" not found in Qwen\/Qwen3-0\.6B \(404\)/);
  });

  it("follows a redirect", async () => {
    const r = await archgal(["import", "Qwen/Qwen3-Old"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).architecture.dModel).toBe(1024);
  });

  it("sends HF_TOKEN for a gated repo, and says what to do without one or with a token lacking access", async () => {
    const ok = await archgal(["import", "meta-llama/Gated"], { HF_TOKEN: "hf_ok" });
    expect(ok.code, ok.stderr).toBe(0);
    expect(requests.at(-1)?.auth).toBe("Bearer hf_ok");
    const none = await archgal(["import", "meta-llama/Gated"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/the Hub needs a token \(401\): the repo is private or gated, or does not exist; set HF_TOKEN/);
    const denied = await archgal(["import", "meta-llama/Gated"], { HF_TOKEN: "hf_other" });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/access denied \(403\): the repo is gated; accept its terms/);
  });

  it("reports a timeout, an unreachable Hub, a non-JSON answer and a config the importer rejects", async () => {
    const slow = await archgal(["import", "acme/slow", "--timeout", "0.3"]);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toMatch(/acme\/slow@main: no answer from .* within 300 ms/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = await archgal(["import", "acme/tiny"], { HF_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): offline/);
    const html = await archgal(["import", "acme/html"]);
    expect(html.stderr).toMatch(/config\.json is not JSON/);
    const bad = await archgal(["import", "acme/bad-config"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/acme\/bad-config: cannot import[\s\S]*hidden_size/);
    const insecure = await archgal(["import", "acme/tiny"], { HF_ENDPOINT: "http://hub.example" });
    expect(insecure.stderr).toMatch(/must use https/);
  });

  it("reads a local file that exists even when its path looks like a Hub id", async () => {
    await mkdir(join(dir, "Qwen"), { recursive: true });
    await writeFile(join(dir, "Qwen", "local"), JSON.stringify({ ...qwen, hidden_size: 2048, head_dim: 128 }));
    const before = requests.length;
    const r = await archgal(["import", "Qwen/local"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).architecture.dModel).toBe(2048);
    expect(requests.length).toBe(before);
    const missing = await archgal(["import", "missing/config.json"]);
    expect(missing.stderr).toMatch(/missing\/config\.json: no such file/);
  });
});
