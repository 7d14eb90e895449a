import { describe, expect, it } from "vitest";
import { countParams } from "../params.js";
import { importHuggingFaceConfig } from "./import.js";
import {
  MAX_SAFETENSORS_HEADER_BYTES,
  SafetensorsError,
  classifyTensor,
  countSafetensors,
  parseSafetensorsHeader,
  readSafetensorsHeaderBytes,
  safetensorsHeaderLength,
} from "./safetensors.js";

const BYTES: Record<string, number> = { BF16: 2, F16: 2, F32: 4, I8: 1, U8: 1, F8_E4M3: 1, I64: 8, I32: 4 };

type Spec = [name: string, dtype: string, shape: number[]];

/** A safetensors header (8-byte length + JSON), with data offsets laid out in order; `data` appends zeroed data. */
function header(tensors: Spec[], options: { metadata?: Record<string, string>; data?: boolean; pad?: number } = {}): Uint8Array {
  const json: Record<string, unknown> = {};
  if (options.metadata) json.__metadata__ = options.metadata;
  let offset = 0;
  for (const [name, dtype, shape] of tensors) {
    const size = shape.reduce((a, b) => a * b, 1) * (BYTES[dtype] ?? 1);
    json[name] = { dtype, shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  return rawHeader(JSON.stringify(json) + " ".repeat(options.pad ?? 0), options.data ? offset : 0);
}

function rawHeader(text: string, dataBytes = 0): Uint8Array {
  const json = new TextEncoder().encode(text);
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  return out;
}

const llamaLayer = (i: number, d: number, kv: number, ff: number): Spec[] => [
  [`model.layers.${i}.input_layernorm.weight`, "BF16", [d]],
  [`model.layers.${i}.self_attn.q_proj.weight`, "BF16", [d, d]],
  [`model.layers.${i}.self_attn.k_proj.weight`, "BF16", [kv, d]],
  [`model.layers.${i}.self_attn.v_proj.weight`, "BF16", [kv, d]],
  [`model.layers.${i}.self_attn.o_proj.weight`, "BF16", [d, d]],
  [`model.layers.${i}.post_attention_layernorm.weight`, "BF16", [d]],
  [`model.layers.${i}.mlp.gate_proj.weight`, "BF16", [ff, d]],
  [`model.layers.${i}.mlp.up_proj.weight`, "BF16", [ff, d]],
  [`model.layers.${i}.mlp.down_proj.weight`, "BF16", [d, ff]],
];

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(SafetensorsError);
    return (error as Error).message;
  }
  throw new Error("expected a SafetensorsError");
}

describe("countSafetensors on one file", () => {
  const tensors: Spec[] = [
    ["model.embed_tokens.weight", "BF16", [100, 16]],
    ...llamaLayer(0, 16, 8, 32),
    ...llamaLayer(1, 16, 8, 32),
    ["model.norm.weight", "F32", [16]],
    ["lm_head.weight", "BF16", [100, 16]],
  ];

  it("counts every tensor by dtype, component and family", () => {
    const c = countSafetensors(header(tensors, { metadata: { format: "pt" }, data: true }));
    const layer = 16 + 256 + 128 + 128 + 256 + 16 + 512 * 3;
    expect(c.total).toBe(1600 + 2 * layer + 16 + 1600);
    expect(c.tensors).toBe(tensors.length);
    expect(c.byDtype).toEqual({ BF16: c.total - 16, F32: 16 });
    expect(c.bytesByDtype).toEqual({ BF16: 2 * (c.total - 16), F32: 64 });
    expect(c.byComponent).toEqual({ embedding: 1600, head: 1600, norms: 2 * 32 + 16, attention: 2 * 768, ffn: 2 * 1536 });
    expect(c.byFamily["attention.q"]).toBe(512);
    expect(c.byFamily["attention.k"]).toBe(256);
    expect(c.byFamily["ffn.down"]).toBe(1024);
    expect(c.metadata).toEqual({ format: "pt" });
    expect(c.unclassified).toEqual([]);
    expect(c.dataBytes).toBe(2 * (c.total - 16) + 64);
  });

  it("gives the same count from the header bytes alone, the JSON header alone, or an ArrayBuffer", () => {
    const full = countSafetensors(header(tensors, { data: true }));
    const bytes = header(tensors);
    expect(countSafetensors(bytes).total).toBe(full.total);
    expect(countSafetensors(bytes.slice(8)).total).toBe(full.total);
    expect(countSafetensors(bytes.buffer as ArrayBuffer).total).toBe(full.total);
    expect(countSafetensors({ header: bytes, fileSize: bytes.length + full.dataBytes }).total).toBe(full.total);
  });

  it("accepts a header padded with spaces", () => {
    expect(countSafetensors(header(tensors, { pad: 5 })).tensors).toBe(tensors.length);
  });

  it("reads only the header through a range reader", async () => {
    const file = header(tensors, { data: true });
    const reads: [number, number][] = [];
    const bytes = await readSafetensorsHeaderBytes(async (start, end) => {
      reads.push([start, end]);
      return file.slice(start, end);
    });
    expect(reads).toEqual([
      [0, 8],
      [8, 8 + safetensorsHeaderLength(file)],
    ]);
    expect(countSafetensors(bytes).total).toBe(countSafetensors(file).total);
  });

  it("puts layers at or above mainLayers, and mtp-named tensors, under mtp", () => {
    const c = countSafetensors(header([...llamaLayer(0, 4, 4, 8), ...llamaLayer(1, 4, 4, 8), ["mtp.fc.weight", "BF16", [4, 8]]]), {
      mainLayers: 1,
    });
    expect(c.byComponent.mtp).toBe(4 + 16 * 4 + 4 + 96 + 32);
  });

  it("keeps quantization scales and buffers out of the total", () => {
    const c = countSafetensors(
      header([
        ["model.layers.0.self_attn.q_proj.weight", "F8_E4M3", [256, 256]],
        ["model.layers.0.self_attn.q_proj.weight_scale_inv", "F32", [2, 2]],
        ["model.layers.0.self_attn.rotary_emb.inv_freq", "F32", [32]],
      ]),
    );
    expect(c.total).toBe(65536);
    expect(c.elements).toBe(65536 + 4 + 32);
    expect(c.byComponent).toEqual({ attention: 65536, quantization: 4, buffer: 32 });
  });
});

describe("classifyTensor", () => {
  it.each([
    ["model.layers.3.mlp.experts.17.down_proj.weight", "routedExperts", "routedExperts.down"],
    ["model.layers.3.mlp.experts.gate_up_proj", "routedExperts", "routedExperts.gate_up"],
    ["model.layers.3.mlp.shared_experts.up_proj.weight", "sharedExperts", "sharedExperts.up"],
    ["model.layers.3.mlp.shared_expert_gate.weight", "sharedExperts", "sharedExperts.gate"],
    ["model.layers.3.mlp.gate.weight", "router", "router"],
    ["model.layers.3.mlp.gate.e_score_correction_bias", "router", "router"],
    ["model.layers.3.block_sparse_moe.gate.weight", "router", "router"],
    ["model.layers.0.self_attn.kv_a_proj_with_mqa.weight", "attention", "attention.kv"],
    ["model.layers.0.self_attn.kv_a_layernorm.weight", "attention", "attention.norm"],
    ["model.layers.0.self_attn.q_norm.weight", "attention", "attention.norm"],
    ["model.layers.0.self_attn.sinks", "attention", "attention.sinks"],
    ["model.layers.0.linear_attn.in_proj_qkvz.weight", "linearMixer", "linearMixer"],
    ["backbone.layers.0.mixer.in_proj.weight", "linearMixer", "linearMixer"],
    ["backbone.layers.0.mixer.A_log", "linearMixer", "linearMixer"],
    ["backbone.layers.5.mixer.q_proj.weight", "attention", "attention.q"],
    ["backbone.layers.5.mixer.o_proj.weight", "attention", "attention.o"],
    ["backbone.layers.1.mixer.up_proj.weight", "ffn", "ffn.up"],
    ["backbone.embeddings.weight", "embedding", "embedding"],
    ["backbone.norm_f.weight", "norms", "norms.final"],
    ["h.0.attn.c_attn.weight", "attention", "attention.qkv"],
    ["h.0.attn.bias", "buffer", "buffer.bias"],
    ["h.0.ln_1.weight", "norms", "norms.layer"],
    ["h.0.mlp.c_fc.weight", "ffn", "ffn.up"],
    ["wpe.weight", "positionEmbedding", "positionEmbedding"],
    ["transformer.h.0.self_attention.query_key_value.weight", "attention", "attention.qkv"],
    ["layers.0.attention.wq.weight", "attention", "attention.q"],
    ["layers.0.attention_norm.weight", "norms", "norms.layer"],
    ["layers.0.feed_forward.w1.weight", "ffn", "ffn.gate"],
    ["tok_embeddings.weight", "embedding", "embedding"],
    ["output.weight", "head", "head"],
    ["model.vision_tower.blocks.0.attn.qkv.weight", "vision", "vision"],
    ["model.multi_modal_projector.linear_1.weight", "vision", "vision"],
    ["mtp.layers.0.self_attn.q_proj.weight", "mtp", "mtp"],
    ["model.embed_tokens_per_layer.weight", "perLayerEmbedding", "perLayerEmbedding"],
  ])("%s → %s", (name, component, family) => {
    expect(classifyTensor(name)).toEqual({ component, family });
  });
});

describe("sharded checkpoints", () => {
  const shardA = header([["model.embed_tokens.weight", "BF16", [10, 4]], ...llamaLayer(0, 4, 4, 8)]);
  const shardB = header([...llamaLayer(1, 4, 4, 8), ["model.norm.weight", "BF16", [4]]]);
  const weightMap = (): Record<string, string> => {
    const map: Record<string, string> = {};
    for (const [file, bytes] of [
      ["a.safetensors", shardA],
      ["b.safetensors", shardB],
    ] as const)
      for (const t of parseSafetensorsHeader(bytes).tensors) map[t.name] = file;
    return map;
  };

  it("sums the shards named by the index", () => {
    const single = countSafetensors(
      header([
        ["model.embed_tokens.weight", "BF16", [10, 4]],
        ...llamaLayer(0, 4, 4, 8),
        ...llamaLayer(1, 4, 4, 8),
        ["model.norm.weight", "BF16", [4]],
      ]),
    );
    const c = countSafetensors({
      index: { metadata: { total_size: single.dataBytes }, weight_map: weightMap() },
      shards: { "a.safetensors": shardA, "b.safetensors": shardB },
    });
    expect(c.total).toBe(single.total);
    expect(c.files).toBe(2);
    expect(c.byComponent).toEqual(single.byComponent);
    expect(c.warnings).toEqual([]);
  });

  it("warns when total_size disagrees with the shards", () => {
    const c = countSafetensors({
      index: { metadata: { total_size: 1 }, weight_map: weightMap() },
      shards: { "a.safetensors": shardA, "b.safetensors": shardB },
    });
    expect(c.warnings.join()).toMatch(/total_size is 1 bytes/);
  });

  it("rejects a missing shard, a tensor in the wrong shard, an unlisted tensor, a path as shard name", () => {
    const shards = { "a.safetensors": shardA, "b.safetensors": shardB };
    expect(errorOf(() => countSafetensors({ index: { weight_map: weightMap() }, shards: { "a.safetensors": shardA } }))).toMatch(
      /b\.safetensors: shard named by the index is missing/,
    );
    const moved = { ...weightMap(), "model.norm.weight": "a.safetensors" };
    expect(errorOf(() => countSafetensors({ index: { weight_map: moved }, shards }))).toMatch(
      /model\.norm\.weight: the index puts it in a\.safetensors, but b\.safetensors holds it/,
    );
    const { ["model.norm.weight"]: _dropped, ...fewer } = weightMap();
    expect(errorOf(() => countSafetensors({ index: { weight_map: fewer }, shards }))).toMatch(
      /holds model\.norm\.weight, which the index does not list/,
    );
    const extra = { ...weightMap(), "lm_head.weight": "b.safetensors" };
    expect(errorOf(() => countSafetensors({ index: { weight_map: extra }, shards }))).toMatch(
      /lm_head\.weight: the index puts it in b\.safetensors, which does not hold it/,
    );
    expect(errorOf(() => countSafetensors({ index: { weight_map: { x: "../x.safetensors" } }, shards }))).toMatch(/must be a file name/);
    expect(errorOf(() => countSafetensors({ index: { weight_map: [] }, shards }))).toMatch(/index\.weight_map: expected an object/);
    expect(errorOf(() => countSafetensors({ index: "{", shards }))).toMatch(/index: not valid JSON/);
  });

  it("names the shard in a header error", () => {
    expect(
      errorOf(() =>
        countSafetensors({ index: { weight_map: { x: "bad.safetensors" } }, shards: { "bad.safetensors": new Uint8Array(3) } }),
      ),
    ).toMatch(/^bad\.safetensors: not a safetensors file/);
  });
});

describe("hostile and malformed headers", () => {
  const entry = (e: unknown) => rawHeader(JSON.stringify({ t: e }));
  it.each([
    ["too short", new Uint8Array(4), /8-byte header length is missing/],
    [
      "a length over the cap",
      (() => {
        const b = new Uint8Array(16);
        new DataView(b.buffer).setBigUint64(0, BigInt(MAX_SAFETENSORS_HEADER_BYTES) + 1n, true);
        return b;
      })(),
      /exceeds the 100000000-byte limit/,
    ],
    [
      "a length near 2^64",
      (() => {
        const b = new Uint8Array(16);
        new DataView(b.buffer).setBigUint64(0, 2n ** 64n - 1n, true);
        return b;
      })(),
      /exceeds/,
    ],
    [
      "a length past the bytes",
      (() => {
        const b = rawHeader("{}");
        new DataView(b.buffer).setBigUint64(0, 50n, true);
        return b;
      })(),
      /truncated header: the length says 50 bytes, only 2 follow/,
    ],
    ["not JSON", rawHeader("{nope"), /not valid JSON/],
    ["not an object", rawHeader("[1]"), /does not start with '\{'/],
    [
      "invalid UTF-8",
      (() => {
        const b = rawHeader('{"a":1}');
        b[10] = 0xff;
        return b;
      })(),
      /not valid UTF-8/,
    ],
    ["an unknown dtype", entry({ dtype: "F128", shape: [1], data_offsets: [0, 16] }), /t\.dtype: expected one of BOOL, .*got "F128"/],
    [
      "a fractional dim",
      entry({ dtype: "F32", shape: [1.5], data_offsets: [0, 4] }),
      /t\.shape\[0\]: expected a non-negative integer, got 1\.5/,
    ],
    ["a negative dim", entry({ dtype: "F32", shape: [-1], data_offsets: [0, 4] }), /t\.shape\[0\]/],
    ["a shape string", entry({ dtype: "F32", shape: "4", data_offsets: [0, 16] }), /t\.shape: expected an array/],
    ["an overflowing shape", entry({ dtype: "F32", shape: [2 ** 40, 2 ** 40], data_offsets: [0, 4] }), /too many elements/],
    [
      "offsets that disagree with the shape",
      entry({ dtype: "F32", shape: [4], data_offsets: [0, 8] }),
      /holds 8 bytes, but F32 \[4\] needs 16/,
    ],
    ["reversed offsets", entry({ dtype: "F32", shape: [0], data_offsets: [8, 0] }), /end 0 is before begin 8/],
    ["three offsets", entry({ dtype: "F32", shape: [1], data_offsets: [0, 4, 8] }), /expected \[begin, end\]/],
    ["an unknown field", entry({ dtype: "F32", shape: [1], data_offsets: [0, 4], extra: 1 }), /unknown field "extra"/],
    ["a gap", entry({ dtype: "F32", shape: [1], data_offsets: [4, 8] }), /begins at 4, expected 0 \(a gap/],
    ["sub-byte elements", entry({ dtype: "F4", shape: [3], data_offsets: [0, 2] }), /do not fill whole bytes/],
    ["metadata values that are not strings", rawHeader(JSON.stringify({ __metadata__: { a: 1 } })), /__metadata__\.a: expected a string/],
    ["an entry that is not an object", rawHeader(JSON.stringify({ t: 5 })), /t: expected \{dtype, shape, data_offsets\}/],
  ])("rejects %s", (_what, bytes, message) => {
    expect(errorOf(() => countSafetensors(bytes))).toMatch(message);
  });

  it("rejects overlapping tensors", () => {
    const text = JSON.stringify({
      a: { dtype: "F32", shape: [2], data_offsets: [0, 8] },
      b: { dtype: "F32", shape: [1], data_offsets: [4, 8] },
    });
    expect(errorOf(() => countSafetensors(rawHeader(text)))).toMatch(/b\.data_offsets: begins at 4, expected 8 \(an overlap/);
  });

  it("rejects a file too short for its tensors, and trailing bytes the header does not describe", () => {
    const bytes = header([["t", "F32", [4]]]);
    expect(errorOf(() => countSafetensors({ header: bytes, fileSize: bytes.length + 8 }))).toMatch(
      /need 16 bytes of data, but the file holds only 8/,
    );
    expect(errorOf(() => countSafetensors({ header: bytes, fileSize: bytes.length + 20 }))).toMatch(/4 bytes after the last tensor/);
  });

  it("rejects an oversized bare JSON header without reading it", () => {
    const big = new Uint8Array(MAX_SAFETENSORS_HEADER_BYTES + 1);
    big[0] = 0x7b;
    expect(errorOf(() => countSafetensors(big))).toMatch(/exceeds the 100000000-byte limit/);
  });
});

describe("a real checkpoint: Llama 3.2 3B", () => {
  // model.safetensors.index.json of a public copy of meta-llama/Llama-3.2-3B (PANDASANG1231/llama_3.2-3B-huggingface-shard0
  // @fe83a2cc87d5fa4bddd44ee59f71e091631f87c2) states metadata.total_size 6425499648 bytes of BF16 tensors, named
  // model.embed_tokens, model.layers.{0..27}.{input_layernorm, self_attn.{q,k,v,o}_proj, post_attention_layernorm,
  // mlp.{gate,up,down}_proj} and model.norm (tied: no lm_head). Shapes from the model's config.json.
  it("counts 3,212,749,824 parameters, half the index's total_size, equal to the spec and to the imported config", () => {
    // meta-llama/Llama-3.2-3B config.json (as the dataset's llama-3.2-3b entry cites it).
    const config = {
      model_type: "llama",
      vocab_size: 128256,
      hidden_size: 3072,
      num_hidden_layers: 28,
      num_attention_heads: 24,
      num_key_value_heads: 8,
      intermediate_size: 8192,
      tie_word_embeddings: true,
      max_position_embeddings: 131072,
      rope_theta: 500000,
      rms_norm_eps: 1e-5,
      hidden_act: "silu",
    };
    const d = config.hidden_size;
    const kv = config.num_key_value_heads * (d / config.num_attention_heads);
    const tensors: Spec[] = [["model.embed_tokens.weight", "BF16", [config.vocab_size, d]]];
    for (let i = 0; i < config.num_hidden_layers; i++) tensors.push(...llamaLayer(i, d, kv, config.intermediate_size));
    tensors.push(["model.norm.weight", "BF16", [d]]);
    const c = countSafetensors(header(tensors));
    expect(c.dataBytes).toBe(6425499648);
    expect(c.total).toBe(3212749824);
    const { spec } = importHuggingFaceConfig(config);
    const computed = countParams(spec);
    expect(computed.totalWithMtp).toBe(c.total);
    for (const [k, v] of Object.entries(c.byComponent)) expect(computed.breakdown[k as keyof typeof computed.breakdown]).toBe(v);
  });
});
