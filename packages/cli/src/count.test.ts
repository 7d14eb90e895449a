/**
 * `archgal count`, through the built bin, on safetensors files written here.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const exec = promisify(execFile);

async function archgal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type Tensor = [name: string, dtype: "BF16" | "F32", shape: number[]];
const size = (dtype: string) => (dtype === "F32" ? 4 : 2);

/** A safetensors file: 8-byte little-endian length, JSON header, then `data` zeroed data bytes (all of them by default). */
function safetensors(tensors: Tensor[], options: { withData?: boolean } = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  let offset = 0;
  for (const [name, dtype, shape] of tensors) {
    const bytes = shape.reduce((a, b) => a * b, 1) * size(dtype);
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + (options.withData === false ? 0 : offset));
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  return out;
}

/** Llama-style tensors: embeddings, `layers` blocks, final norm, head unless tied. */
function llama(o: {
  vocab: number;
  d: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ff: number;
  tied: boolean;
}): Tensor[] {
  const t: Tensor[] = [["model.embed_tokens.weight", "BF16", [o.vocab, o.d]]];
  for (let i = 0; i < o.layers; i++) {
    const p = `model.layers.${i}`;
    t.push(
      [`${p}.input_layernorm.weight`, "BF16", [o.d]],
      [`${p}.self_attn.q_proj.weight`, "BF16", [o.heads * o.headDim, o.d]],
      [`${p}.self_attn.k_proj.weight`, "BF16", [o.kvHeads * o.headDim, o.d]],
      [`${p}.self_attn.v_proj.weight`, "BF16", [o.kvHeads * o.headDim, o.d]],
      [`${p}.self_attn.o_proj.weight`, "BF16", [o.d, o.heads * o.headDim]],
      [`${p}.post_attention_layernorm.weight`, "BF16", [o.d]],
      [`${p}.mlp.gate_proj.weight`, "BF16", [o.ff, o.d]],
      [`${p}.mlp.up_proj.weight`, "BF16", [o.ff, o.d]],
      [`${p}.mlp.down_proj.weight`, "BF16", [o.d, o.ff]],
    );
  }
  t.push(["model.norm.weight", "BF16", [o.d]]);
  if (!o.tied) t.push(["lm_head.weight", "BF16", [o.vocab, o.d]]);
  return t;
}

const tiny = { vocab: 64, d: 8, layers: 2, heads: 2, kvHeads: 1, headDim: 4, ff: 16, tied: false };
// 64·8 embed + 2·(8 + 64 + 32 + 32 + 64 + 8 + 3·128) + 8 norm + 64·8 head
const tinyTotal = 512 + 2 * 592 + 8 + 512;
// meta-llama/Llama-3.2-1B config.json (the dataset's llama-3.2-1b entry): vocab 128256, hidden 2048, 16 layers,
// 32 heads of 64, 8 KV heads, intermediate 8192, tied embeddings.
const llama32_1b = { vocab: 128256, d: 2048, layers: 16, heads: 32, kvHeads: 8, headDim: 64, ff: 8192, tied: true };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archgal-count-"));
});

describe("archgal count", () => {
  it("counts a whole file by dtype and component", async () => {
    const file = join(dir, "tiny.safetensors");
    await writeFile(file, safetensors(llama(tiny)));
    const r = await archgal("count", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${tinyTotal.toLocaleString("en-US")} parameters`);
    expect(r.stdout).toMatch(/by dtype\n\s+BF16\s+2,216\s+4,432 bytes/);
    expect(r.stdout).toMatch(/^\s+ffn\s+768\b/m);
    expect(r.stdout).toMatch(/^\s+attention\.q\s+128\b/m);
    const json = JSON.parse((await archgal("count", file, "--json")).stdout);
    expect(json).toMatchObject({
      total: tinyTotal,
      tensors: 21,
      byDtype: { BF16: tinyTotal },
      byComponent: { embedding: 512, head: 512, attention: 384, ffn: 768, norms: 40 },
    });
  });

  it("counts the header bytes alone and the bare JSON header the same", async () => {
    const headerOnly = join(dir, "header-only.safetensors");
    const bytes = safetensors(llama(tiny), { withData: false });
    await writeFile(headerOnly, bytes);
    const bare = join(dir, "header.json");
    await writeFile(bare, bytes.subarray(8));
    for (const path of [headerOnly, bare]) {
      const r = await archgal("count", path, "--json");
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).total).toBe(tinyTotal);
    }
  });

  it("reads a sharded index with its shards, from the index or its directory", async () => {
    const sharded = join(dir, "sharded");
    await mkdir(sharded);
    const all = llama(tiny);
    const a = all.slice(0, 10);
    const b = all.slice(10);
    await writeFile(join(sharded, "model-00001-of-00002.safetensors"), safetensors(a));
    await writeFile(join(sharded, "model-00002-of-00002.safetensors"), safetensors(b));
    const weightMap = Object.fromEntries([
      ...a.map(([n]) => [n, "model-00001-of-00002.safetensors"]),
      ...b.map(([n]) => [n, "model-00002-of-00002.safetensors"]),
    ]);
    await writeFile(
      join(sharded, "model.safetensors.index.json"),
      JSON.stringify({ metadata: { total_size: tinyTotal * 2 }, weight_map: weightMap }),
    );
    for (const path of [join(sharded, "model.safetensors.index.json"), sharded]) {
      const r = await archgal("count", path, "--json");
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ total: tinyTotal, files: 2, warnings: [] });
    }
  });

  it("agrees exactly with the dataset's Llama 3.2 1B, component by component", async () => {
    const file = join(dir, "llama-3.2-1b.safetensors");
    await writeFile(file, safetensors(llama(llama32_1b), { withData: false }));
    const r = await archgal("count", file, "--spec", "llama-3.2-1b");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("1,235,814,400 parameters");
    expect(r.stdout).toContain("spec llama-3.2-1b: 1,235,814,400 parameters, the same in every component");
  });

  it("lists the components that differ from a spec and exits 1", async () => {
    const file = join(dir, "untied.safetensors");
    await writeFile(file, safetensors(llama({ ...llama32_1b, tied: false }), { withData: false }));
    const r = await archgal("count", file, "--spec", "llama-3.2-1b");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\s+head\s+262,668,288\s+0\s+\+262,668,288$/m);
    expect(r.stderr).toMatch(/differs from llama-3\.2-1b/);
    const json = JSON.parse((await archgal("count", file, "--spec", "llama-3.2-1b", "--json")).stdout);
    expect(json.spec).toEqual({
      id: "llama-3.2-1b",
      totalWithMtp: 1235814400,
      matches: false,
      differences: [{ component: "head", checkpoint: 262668288, spec: 0, difference: 262668288 }],
    });
  });

  it("gives one clear line for a missing file, a hostile header, a truncated file, a missing shard", async () => {
    const missing = await archgal("count", join(dir, "nope.safetensors"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.safetensors: no such file/);

    const hostile = join(dir, "hostile.safetensors");
    const bytes = new Uint8Array(16);
    new DataView(bytes.buffer).setBigUint64(0, 2n ** 62n, true);
    await writeFile(hostile, bytes);
    const h = await archgal("count", hostile);
    expect(h.code).toBe(1);
    expect(h.stderr).toMatch(/hostile\.safetensors: header length \d+ bytes exceeds the 100000000-byte limit/);

    const truncated = join(dir, "truncated.safetensors");
    await writeFile(truncated, safetensors(llama(tiny)).subarray(0, 200));
    const t = await archgal("count", truncated);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/truncated\.safetensors: truncated header|the file holds only/);

    const shardDir = join(dir, "missing-shard");
    await mkdir(shardDir);
    await writeFile(
      join(shardDir, "model.safetensors.index.json"),
      JSON.stringify({ weight_map: { "lm_head.weight": "model-00001-of-00001.safetensors" } }),
    );
    const s = await archgal("count", shardDir);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/model-00001-of-00001\.safetensors: no such file/);
  });
});
