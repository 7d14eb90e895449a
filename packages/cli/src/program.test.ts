/**
 * The CLI contract (design §5), exercised through the built `archgal` bin in real processes.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, writeFile, chmod, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { loadModel, modelIds } from "@archgal/data";

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

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archgal-cli-"));
});

describe("archgal list", () => {
  it("prints the ids, and JSON with id, name, org, releaseDate", async () => {
    const text = await archgal("list");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^deepseek-v3\s/m);
    const json = await archgal("list", "--json");
    const rows = JSON.parse(json.stdout) as { id: string; name: string; org: string; releaseDate: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(70);
    expect(rows.find((r) => r.id === "deepseek-v3")).toMatchObject({
      name: expect.any(String),
      org: expect.any(String),
      releaseDate: "2024-12-26",
    });
  });
});

describe("archgal stats", () => {
  it("gives the DeepSeek V3 contract fields: 671B without MTP, KV 68.6 KiB", async () => {
    const r = await archgal("stats", "deepseek-v3", "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.id).toBe("deepseek-v3");
    expect(Math.abs(s.params.total - 671e9) / 671e9).toBeLessThan(0.01);
    expect(s.params.mtp).toBeGreaterThan(11e9);
    expect(s.kvCacheBytesPerToken).toBe(61 * 576 * 2);
  });
  it("reports a dense model's active count without its embedding rows, from a spec file too", async () => {
    const r = await archgal("stats", "llama-3-8b", "--json");
    const s = JSON.parse(r.stdout);
    expect(s.params.activeWithLookups).toBe(s.params.total);
    expect(s.params.active).toBe(s.params.total - 128256 * 4096);
    expect(s.params.total).toBe(8_030_261_248);
    expect(s.kvCacheBytesPerToken).toBe(131072);
    const file = join(dir, "llama.json");
    const spec = JSON.parse(await readFile(fileURLToPath(new URL("../../data/models/llama-3-8b.json", import.meta.url)), "utf8"));
    await writeFile(file, JSON.stringify(spec));
    const fromFile = JSON.parse((await archgal("stats", file, "--json")).stdout);
    expect(fromFile.params.total).toBe(8_030_261_248);
  });
  it("fails with exit 1 and a message for an unknown id", async () => {
    const r = await archgal("stats", "gpt-5");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown model "gpt-5"/);
    expect(r.stdout).toBe("");
  });
  it("answers a closed model with what its creator published and its open relatives", async () => {
    const r = await archgal("stats", "gemini");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Gemini is a closed model: Google DeepMind has not published its architecture/);
    expect(r.stderr).toMatch(/arxiv\.org\/abs\/2403\.05530/);
    expect(r.stderr).toMatch(/gemma-3-27b/);
    expect(r.stdout).toBe("");
  });
  it("fails for a missing file", async () => {
    const r = await archgal("stats", join(dir, "missing.json"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.json: no such file/);
  });
});

describe("archgal validate", () => {
  it("exits 0 for valid specs", async () => {
    const ok = fileURLToPath(new URL("../../data/models/gemma-3-27b.json", import.meta.url));
    const r = await archgal("validate", ok);
    expect(r.code).toBe(0);
  });
  it("exits 1 with one line per problem, naming the field path", async () => {
    const spec = JSON.parse(await readFile(fileURLToPath(new URL("../../data/models/llama-3-8b.json", import.meta.url)), "utf8"));
    spec.architecture.mixers[Object.keys(spec.architecture.mixers)[0]!].kvHeads = 7;
    spec.architecture.dModel = -1;
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify(spec));
    const broken = join(dir, "broken.json");
    await writeFile(broken, "{ not json");
    const r = await archgal("validate", bad, broken);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^archgal: /);
    expect(r.stderr).toMatch(/bad\.json: architecture\.dModel: expected a positive integer, got -1/);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});

describe("archgal render, compare, poster", () => {
  it("renders an SVG to stdout and to a file, themed", async () => {
    const out = await archgal("render", "deepseek-v3", "--theme", "dark");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^<svg[^>]*role="img"/);
    const file = join(dir, "ds.svg");
    expect((await archgal("render", "deepseek-v3", "-o", file)).code).toBe(0);
    expect(await readFile(file, "utf8")).toContain("<title");
  });
  it("outlines what is new in a dataset model against its family, unless --no-highlight", async () => {
    const out = await archgal("render", "deepseek-v3.2");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/<g data-component="mixer:mla" [^>]*data-new="true">/);
    expect(out.stdout).toContain("New in this model: DeepSeek Sparse Attention (DSA).</desc>");
    const plain = await archgal("render", "deepseek-v3.2", "--no-highlight");
    expect(plain.stdout).not.toContain("data-new");
    // A spec file has no family to compare with: no outlines.
    const file = join(dir, "v32.json");
    await writeFile(file, JSON.stringify(await loadModel("deepseek-v3.2")));
    expect((await archgal("render", file)).stdout).toBe(plain.stdout);
  });
  it("renders a PNG with the shipped font, colours resolved", async () => {
    const file = join(dir, "qwen.png");
    const r = await archgal("render", "qwen3-next-80b-a3b", "-o", file, "--width", "800");
    expect(r.code).toBe(0);
    const png = await readFile(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(800);
  });
  it("--compact draws the narrow-column figure: no zoom panels, the notes listed, a layer strip", async () => {
    const viewBoxWidth = (svg: string) => Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1]);
    const full = await archgal("render", "nemotron-3-nano-30b-a3b");
    const compact = await archgal("render", "nemotron-3-nano-30b-a3b", "--compact");
    expect(compact.code).toBe(0);
    expect(viewBoxWidth(compact.stdout)).toBeLessThan(viewBoxWidth(full.stdout) / 2);
    expect(compact.stdout).not.toContain('data-component="panel:');
    expect(full.stdout).toContain('data-component="panel:');
    expect(compact.stdout).toContain("Layer mix");
    expect(compact.stdout).toContain('data-kind="layer-cell"');
    const file = join(dir, "compact.png");
    expect((await archgal("render", "deepseek-v3", "--compact", "-o", file, "--width", "480")).code).toBe(0);
    expect((await readFile(file)).readUInt32BE(16)).toBe(480);
  });
  it("compares two models and refuses one or five", async () => {
    expect((await archgal("compare", "llama-3-8b", "mistral-7b", "-o", join(dir, "cmp.svg"))).code).toBe(0);
    const one = await archgal("compare", "llama-3-8b");
    expect(one.code).toBe(1);
    const five = await archgal("compare", "llama-3-8b", "mistral-7b", "qwen3-8b", "phi-4", "gpt-2-xl");
    expect(five.code).toBe(1);
    expect(five.stderr).toMatch(/2 to 4 models/);
  });
  it("draws the poster of every model as an upright sheet of compact cells, or with --cells full as wide as the gallery's", async () => {
    const file = join(dir, "poster.svg");
    expect((await archgal("poster", "-o", file, "--order", "type")).code).toBe(0);
    const svg = await readFile(file, "utf8");
    const size = (text: string) => /<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(text)!.slice(1).map(Number);
    const [w, h] = size(svg);
    expect(h! / w!).toBeGreaterThan(1.1);
    expect(svg.match(/<g data-model="/g)).toHaveLength(modelIds.length);
    expect(svg).not.toContain('data-component="panel:');
    expect((await archgal("poster", "-o", file, "--cells", "full")).code).toBe(0);
    expect(size(await readFile(file, "utf8"))[0]).toBeGreaterThanOrEqual(14570);
    const bad = await archgal("poster", "--cells", "tiny");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--cells: expected compact or full, got "tiny"');
  });
});

describe("archgal import", () => {
  const config = {
    model_type: "my_llama",
    vocab_size: 1000,
    hidden_size: 64,
    num_hidden_layers: 4,
    num_attention_heads: 8,
    intermediate_size: 128,
  };

  it("refuses an unknown model_type, naming --guess", async () => {
    const file = join(dir, "unknown.json");
    await writeFile(file, JSON.stringify(config));
    const out = await archgal("import", file);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('"my_llama" is not a supported model_type');
    expect(out.stderr).toContain("--guess");
    expect(out.stderr).not.toMatch(/TypeError|at .*\.js/);
  });

  it("with --guess imports it, marked as guessed in the name, the notes and the first warning", async () => {
    const file = join(dir, "unknown-guess.json");
    await writeFile(file, JSON.stringify(config));
    const out = await archgal("import", file, "--guess");
    expect(out.code).toBe(0);
    const spec = JSON.parse(out.stdout) as { name: string; notes: string[] };
    expect(spec.name).toBe("my_llama (guessed)");
    expect(spec.notes[0]).toMatch(/^Guessed:/);
    expect(out.stderr.split("\n")[0]).toMatch(/^warning: guessed: /);
  });

  it('refuses model_type "constructor" with a clear error', async () => {
    const file = join(dir, "constructor.json");
    await writeFile(file, JSON.stringify({ ...config, model_type: "constructor" }));
    const out = await archgal("import", file);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain("model_type");
    expect(out.stderr).not.toContain("unexpected error");
  });
});

describe("writing files", () => {
  it("leaves no partial file when the output directory is missing or unwritable", async () => {
    const r = await archgal("render", "llama-3-8b", "-o", join(dir, "nope", "x.svg"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not exist/);
    const ro = join(dir, "readonly");
    await mkdir(ro);
    await chmod(ro, 0o500);
    if (process.getuid?.() !== 0) {
      const w = await archgal("render", "llama-3-8b", "-o", join(ro, "x.svg"));
      expect(w.code).toBe(1);
      expect(await readdir(ro)).toEqual([]);
    }
  });
  it("rejects an unknown output format before doing any work", async () => {
    const r = await archgal("render", "llama-3-8b", "-o", join(dir, "x.jpg"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/must end in \.svg or \.png/);
  });
  it("leaves no file when the model is unknown", async () => {
    const out = join(dir, "unknown.svg");
    const r = await archgal("render", "nope-1b", "-o", out);
    expect(r.code).toBe(1);
    expect((await readdir(dir)).includes("unknown.svg")).toBe(false);
  });
});

describe("archgal fit", () => {
  it("Llama 3 8B bf16 on one H100: 16.06 GB of weights, decode bound ≈ 3.35 TB/s ÷ 16.08 GB", async () => {
    const r = await archgal("fit", "llama-3-8b", "--gpu", "h100", "--context", "8k", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fit.weights.total).toBe(16_060_522_496);
    expect(out.fit.fits).toBe(true);
    expect(out.speed.label).toBe("upper bound (roofline)");
    expect(out.speed.decode.perSequence).toBeCloseTo(3.35e12 / (16_060_522_496 - 1_050_673_152 + 1_073_741_824), 6);
    const text = await archgal("fit", "llama-3-8b", "--gpu", "h100");
    expect(text.stdout).toMatch(/verdict\s+Fits on one NVIDIA H100 SXM 80GB/);
    expect(text.stdout).toMatch(/weights\s+16\.06 GB/);
    expect(text.stdout).toMatch(/decode\s+≤ 208 tokens\/s per sequence/);
  });

  it("compares models side by side on 2 × H100 and says plainly which do not fit", async () => {
    const r = await archgal(
      "fit",
      "llama-3-8b",
      "qwen3-32b",
      "deepseek-v3",
      "--gpu",
      "h100",
      "--gpus",
      "2",
      "--context",
      "32k",
      "--batch",
      "4",
      "--dtype",
      "fp8",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^On 2 × NVIDIA H100 SXM 80GB · context 32,768 · batch 4/);
    expect(r.stdout).toMatch(/fits\s+yes\s+yes\s+no/);
    expect(r.stdout).toMatch(/DeepSeek[^:]*: Does not fit on 2 × NVIDIA H100 SXM 80GB/);
    const json = JSON.parse((await archgal("fit", "llama-3-8b", "qwen3-32b", "--gpu", "h100", "--gpus", "2", "--json")).stdout);
    expect(json).toHaveLength(2);
  });

  it("errors name the flag", async () => {
    const cases: [string[], RegExp][] = [
      [["--gpus", "0"], /--gpus: expected a positive whole number, got "0"/],
      [["--gpus", "2.5"], /--gpus: expected a positive whole number/],
      [["--context", "12x"], /--context: expected a token count like 8192, 128k or 1M, got "12x"/],
      [["--context", "-8k"], /--context:/],
      [["--batch", "NaN"], /--batch: expected a positive whole number/],
      [["--dtype", "fp7"], /--dtype: unknown dtype or scheme "fp7"/],
      [["--kv-dtype", "fp4"], /--kv-dtype: expected one of/],
      [["--overhead", "150%"], /--overhead: expected a percentage/],
    ];
    for (const [args, message] of cases) {
      const r = await archgal("fit", "llama-3-8b", "--gpu", "h100", ...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
    expect((await archgal("fit", "llama-3-8b")).stderr).toMatch(/--gpu: required/);
    expect((await archgal("fit", "llama-3-8b", "--gpu", "toaster")).stderr).toMatch(/--gpu: unknown device "toaster"/);
    expect((await archgal("fit", "llama-3-8b", "--gpu", "custom")).stderr).toMatch(/--gpu custom: needs --memory-gb and --bandwidth-gbps/);
    expect((await archgal("fit", "a", "b", "c", "d", "e", "--gpu", "h100")).code).toBe(1);
  });

  it("takes a custom device", async () => {
    const r = await archgal(
      "fit",
      "llama-3-8b",
      "--gpu",
      "custom",
      "--memory-gb",
      "24",
      "--bandwidth-gbps",
      "1000",
      "--tflops",
      "150",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fit.device.name).toBe("Custom device");
  });
});
