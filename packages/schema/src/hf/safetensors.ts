/**
 * `countSafetensors`: exact parameter counts of a safetensors checkpoint from its headers alone.
 *
 * A `.safetensors` file starts with an 8-byte little-endian header length N, then N bytes of UTF-8 JSON
 * (`{"<tensor>": {"dtype", "shape", "data_offsets": [begin, end]}, …, "__metadata__": {…}}`), then the tensor
 * data. A sharded checkpoint adds `model.safetensors.index.json` (`{"metadata": {"total_size"}, "weight_map":
 * {"<tensor>": "<shard file>"}}`). Everything here reads bytes (`Uint8Array` / `ArrayBuffer`), so it runs in a
 * browser as well as in Node; the weights themselves are never needed.
 *
 * The header is validated as strictly as the safetensors library does: the length is capped (100 MB), the JSON
 * must be an object of tensor entries with known dtypes, non-negative integer shapes and data offsets that tile
 * the data section exactly (no gap, no overlap, each entry's byte size matching dtype × shape), and the data
 * section must fit in the file when its size is known.
 */

/** The largest header accepted, in bytes (the safetensors library's own limit). */
export const MAX_SAFETENSORS_HEADER_BYTES = 100_000_000;

/** Bits per element of each safetensors dtype (the format's `Dtype` enum). */
const DTYPE_BITS: ReadonlyMap<string, number> = new Map([
  ["BOOL", 8],
  ["F4", 4],
  ["F6_E2M3", 6],
  ["F6_E3M2", 6],
  ["U8", 8],
  ["I8", 8],
  ["F8_E5M2", 8],
  ["F8_E4M3", 8],
  ["F8_E8M0", 8],
  ["I16", 16],
  ["U16", 16],
  ["F16", 16],
  ["BF16", 16],
  ["I32", 32],
  ["U32", 32],
  ["F32", 32],
  ["C64", 64],
  ["F64", 64],
  ["I64", 64],
  ["U64", 64],
]);

/** The dtype names a header may use. */
export const safetensorsDtypes: readonly string[] = Object.freeze([...DTYPE_BITS.keys()]);

/** Thrown when a header, an index or a shard set is not a valid safetensors checkpoint. */
export class SafetensorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SafetensorsError";
  }
}

/** One tensor entry of a header. */
export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  /** Byte range in the data section (after the header). */
  dataOffsets: [number, number];
  /** Number of elements (product of the shape; 1 for a scalar). */
  elements: number;
}

/** A parsed, validated header. */
export interface SafetensorsHeader {
  tensors: SafetensorsTensor[];
  /** `__metadata__` (string → string), empty when absent. */
  metadata: Record<string, string>;
  /** N, the JSON header's length in bytes. */
  headerBytes: number;
  /** Size of the data section the header describes (the largest end offset). */
  dataBytes: number;
}

/** A file's bytes: the whole file, its first 8 + N bytes, or the JSON header alone (starting with `{`). */
export type SafetensorsBytes = Uint8Array | ArrayBuffer;

/** A shard of a sharded checkpoint: its bytes, or its header bytes plus the size of the whole file. */
export type SafetensorsShard = SafetensorsBytes | { header: SafetensorsBytes; fileSize?: number };

/** What {@link countSafetensors} reads. */
export type SafetensorsInput =
  | SafetensorsShard
  | {
      /** The parsed (or unparsed) `model.safetensors.index.json`. */
      index: unknown;
      /** Every shard named by the index's `weight_map`, by file name. */
      shards: Readonly<Record<string, SafetensorsShard>>;
    };

/**
 * Families of tensors, by name. The coarse ones match `countParams`' breakdown (`ParamComponent`), plus
 * `vision` (vision/audio encoders and their projectors), `quantization` (scales and zero points of quantized
 * checkpoints), `buffer` (stored non-parameters such as `inv_freq` or GPT-2's causal mask) and `other`.
 */
export type TensorComponent =
  | "embedding"
  | "positionEmbedding"
  | "perLayerEmbedding"
  | "ngramEmbedding"
  | "hyperConnections"
  | "attention"
  | "linearMixer"
  | "ffn"
  | "router"
  | "routedExperts"
  | "sharedExperts"
  | "norms"
  | "head"
  | "mtp"
  | "vision"
  | "quantization"
  | "buffer"
  | "other";

/** Options of {@link countSafetensors}. */
export interface CountSafetensorsOptions {
  /**
   * Layers of the main model. Tensors of layers numbered this or above (DeepSeek V3's layer 61, Kimi K2's …)
   * are multi-token-prediction modules and counted under `mtp`. Without it only names containing `mtp` are.
   */
  mainLayers?: number;
  /** Size of the whole file when `input` is a single file's header bytes, to check the data section fits. */
  fileSize?: number;
}

/** Exact counts of a checkpoint. */
export interface SafetensorsCount {
  /** Parameters: every tensor's elements except `quantization` and `buffer` entries. */
  total: number;
  /** Elements of every tensor, parameters or not. */
  elements: number;
  /** Tensors in the checkpoint. */
  tensors: number;
  /** Files read (1 for a single file). */
  files: number;
  /** Bytes of tensor data the headers describe (what `total_size` of an index states). */
  dataBytes: number;
  /** Elements by dtype. */
  byDtype: Record<string, number>;
  /** Bytes by dtype. */
  bytesByDtype: Record<string, number>;
  /** Elements by component. Components with no tensor are absent. */
  byComponent: Partial<Record<TensorComponent, number>>;
  /** Elements by finer family, e.g. `attention.q`, `attention.kv`, `ffn.up`, `routedExperts.down`, `norms.layer`. */
  byFamily: Record<string, number>;
  /** `__metadata__` of the (first) file. */
  metadata: Record<string, string>;
  /** Names of up to 20 tensors counted under `other`, for the reader to check. */
  unclassified: string[];
  /** Things worth knowing: packed quantized weights whose element count is not a parameter count, a `total_size` mismatch. */
  warnings: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const asBytes = (b: SafetensorsBytes): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));

/**
 * Reads the 8-byte little-endian header length at the start of `bytes`, checked against the 100 MB cap.
 * Throws a {@link SafetensorsError} when fewer than 8 bytes are given or the length is out of bounds.
 */
export function safetensorsHeaderLength(bytes: SafetensorsBytes): number {
  const b = asBytes(bytes);
  if (b.length < 8) throw new SafetensorsError(`not a safetensors file: ${b.length} bytes, the 8-byte header length is missing`);
  const view = new DataView(b.buffer, b.byteOffset, 8);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(MAX_SAFETENSORS_HEADER_BYTES))
    throw new SafetensorsError(`header length ${n} bytes exceeds the ${MAX_SAFETENSORS_HEADER_BYTES}-byte limit (not a safetensors file?)`);
  if (n < 2n) throw new SafetensorsError(`header length ${n} bytes is too short for a JSON object`);
  return Number(n);
}

/**
 * Reads just the header of a file through `read(start, end)` (two reads: 8 bytes, then N), so a caller can
 * hand it a file handle or an HTTP range request without ever loading the weights.
 */
export async function readSafetensorsHeaderBytes(read: (start: number, end: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  const prefix = await read(0, 8);
  const n = safetensorsHeaderLength(prefix);
  const json = await read(8, 8 + n);
  if (json.length < n) throw new SafetensorsError(`truncated header: the length says ${n} bytes, only ${json.length} follow`);
  const out = new Uint8Array(8 + n);
  out.set(prefix.subarray(0, 8), 0);
  out.set(json.subarray(0, n), 8);
  return out;
}

function checkedInt(v: unknown, where: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    throw new SafetensorsError(`${where}: expected a non-negative integer, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Parses and validates a header. `bytes` is a whole file, its first 8 + N bytes, or the JSON header alone
 * (bytes starting with `{`). `fileSize`, when known (or when `bytes` is the whole file), must hold the data.
 */
export function parseSafetensorsHeader(bytes: SafetensorsBytes, options: { fileSize?: number; label?: string } = {}): SafetensorsHeader {
  const b = asBytes(bytes);
  const label = options.label ? `${options.label}: ` : "";
  try {
    let jsonBytes: Uint8Array;
    let headerBytes: number;
    let fileSize = options.fileSize;
    if (b.length > 0 && b[0] === 0x7b /* { */) {
      if (b.length > MAX_SAFETENSORS_HEADER_BYTES)
        throw new SafetensorsError(`header of ${b.length} bytes exceeds the ${MAX_SAFETENSORS_HEADER_BYTES}-byte limit`);
      jsonBytes = b;
      headerBytes = b.length;
    } else {
      headerBytes = safetensorsHeaderLength(b);
      if (b.length < 8 + headerBytes)
        throw new SafetensorsError(`truncated header: the length says ${headerBytes} bytes, only ${b.length - 8} follow`);
      jsonBytes = b.subarray(8, 8 + headerBytes);
      if (fileSize === undefined && b.length > 8 + headerBytes) fileSize = b.length;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(jsonBytes);
    } catch {
      throw new SafetensorsError("header is not valid UTF-8");
    }
    if (!text.startsWith("{")) throw new SafetensorsError("header does not start with '{'");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new SafetensorsError(`header is not valid JSON (${(error as Error).message})`);
    }
    if (!isPlainObject(json)) throw new SafetensorsError("header must be a JSON object");
    const tensors: SafetensorsTensor[] = [];
    let metadata: Record<string, string> = {};
    for (const [name, entry] of Object.entries(json)) {
      if (name === "__metadata__") {
        if (!isPlainObject(entry)) throw new SafetensorsError("__metadata__: expected an object of strings");
        for (const [k, v] of Object.entries(entry))
          if (typeof v !== "string") throw new SafetensorsError(`__metadata__.${k}: expected a string, got ${JSON.stringify(v)}`);
        metadata = entry as Record<string, string>;
        continue;
      }
      if (!isPlainObject(entry)) throw new SafetensorsError(`${name}: expected {dtype, shape, data_offsets}`);
      for (const key of Object.keys(entry))
        if (key !== "dtype" && key !== "shape" && key !== "data_offsets") throw new SafetensorsError(`${name}: unknown field "${key}"`);
      const dtype = entry.dtype;
      if (typeof dtype !== "string" || !DTYPE_BITS.has(dtype))
        throw new SafetensorsError(`${name}.dtype: expected one of ${safetensorsDtypes.join(", ")}, got ${JSON.stringify(dtype)}`);
      if (!Array.isArray(entry.shape))
        throw new SafetensorsError(`${name}.shape: expected an array of integers, got ${JSON.stringify(entry.shape)}`);
      let elements = 1;
      const shape = entry.shape.map((d, i) => {
        const n = checkedInt(d, `${name}.shape[${i}]`);
        elements *= n;
        if (!Number.isSafeInteger(elements))
          throw new SafetensorsError(`${name}.shape: ${JSON.stringify(entry.shape)} has too many elements`);
        return n;
      });
      const offsets = entry.data_offsets;
      if (!Array.isArray(offsets) || offsets.length !== 2)
        throw new SafetensorsError(`${name}.data_offsets: expected [begin, end], got ${JSON.stringify(offsets)}`);
      const begin = checkedInt(offsets[0], `${name}.data_offsets[0]`);
      const end = checkedInt(offsets[1], `${name}.data_offsets[1]`);
      if (end < begin) throw new SafetensorsError(`${name}.data_offsets: end ${end} is before begin ${begin}`);
      const bits = elements * DTYPE_BITS.get(dtype)!;
      if (bits % 8 !== 0) throw new SafetensorsError(`${name}: ${elements} elements of ${dtype} do not fill whole bytes`);
      if (end - begin !== bits / 8)
        throw new SafetensorsError(
          `${name}.data_offsets: [${begin}, ${end}] holds ${end - begin} bytes, but ${dtype} ${JSON.stringify(shape)} needs ${bits / 8}`,
        );
      tensors.push({ name, dtype, shape, dataOffsets: [begin, end], elements });
    }
    // The entries must tile the data section: sorted by offset, each begins where the previous ended.
    const sorted = [...tensors].sort((a, c) => a.dataOffsets[0] - c.dataOffsets[0] || a.dataOffsets[1] - c.dataOffsets[1]);
    let cursor = 0;
    for (const t of sorted) {
      if (t.dataOffsets[0] !== cursor)
        throw new SafetensorsError(
          `${t.name}.data_offsets: begins at ${t.dataOffsets[0]}, expected ${cursor} (${t.dataOffsets[0] > cursor ? "a gap" : "an overlap"} in the data section)`,
        );
      cursor = t.dataOffsets[1];
    }
    if (fileSize !== undefined) {
      const available = fileSize - 8 - headerBytes;
      if (cursor > available)
        throw new SafetensorsError(
          `the tensors need ${cursor} bytes of data, but the file holds only ${Math.max(0, available)} after the header`,
        );
      if (cursor < available)
        throw new SafetensorsError(`${available - cursor} bytes after the last tensor are not described by the header`);
    }
    return { tensors, metadata, headerBytes, dataBytes: cursor };
  } catch (error) {
    if (error instanceof SafetensorsError && label) throw new SafetensorsError(label + error.message);
    throw error;
  }
}

/** Where a tensor goes: its component and finer family. */
export interface TensorFamily {
  component: TensorComponent;
  family: string;
}

const QUANT =
  /(^|\.)(weight_scale_inv|weight_scale|input_scale|weight_zero_point|scales|qzeros|g_idx|SCB|weight_format|absmax|quant_map|quant_state[^.]*|nested_absmax|nested_quant_map|zeros)$/;
const BUFFER = /(^|\.)(inv_freq|masked_bias|_float_tensor|position_ids)$|(^|\.)attn\.bias$/;
const VISION =
  /(^|\.)(vision_tower|vision_model|vision_encoder|visual|vision|vit|image_encoder|multi_modal_projector|mm_projector|vision_projection|embed_vision|image_newline|audio_tower|audio_model|audio_encoder|embed_audio|audio)(\.|$)/;
const LAYER = /(?:^|\.)(?:layers|layer|h|blocks|block|decoder_layers)\.(\d+)\./;

function projFamily(leaf: string): string | undefined {
  if (/^(q_proj|wq|query|q|q_a_proj|q_b_proj|wq_a|wq_b)$/.test(leaf)) return "q";
  if (/^(k_proj|wk|key|k)$/.test(leaf)) return "k";
  if (/^(v_proj|wv|value|v)$/.test(leaf)) return "v";
  if (/^(kv_a_proj_with_mqa|kv_b_proj|wkv_a|wkv_b|wkv|kv_proj)$/.test(leaf)) return "kv";
  if (/^(qkv_proj|c_attn|query_key_value|Wqkv|wqkv|qkv)$/.test(leaf)) return "qkv";
  if (/^(o_proj|wo|out_proj|dense|c_proj|o|wo_a|wo_b)$/.test(leaf)) return "o";
  if (/norm|layernorm/.test(leaf)) return "norm";
  if (/^(sinks|attention_sinks)$/.test(leaf)) return "sinks";
  return undefined;
}

function mlpFamily(leaf: string): string {
  if (/^(gate_proj|w1|wi_0|gate)$/.test(leaf)) return "gate";
  if (/^(up_proj|w3|wi_1|c_fc|fc1|dense_h_to_4h|up|wi)$/.test(leaf)) return "up";
  if (/^(gate_up_proj|w13|fc1_gate_up)$/.test(leaf)) return "gate_up";
  if (/^(down_proj|w2|wo|c_proj|fc2|dense_4h_to_h|down)$/.test(leaf)) return "down";
  return "other";
}

/**
 * Classifies one tensor by its name, e.g. `model.layers.3.self_attn.q_proj.weight` → attention / `attention.q`.
 * Covers the naming of transformers' modeling code (Llama, Qwen, Mixtral, DeepSeek, GPT-2, NeoX, Falcon,
 * Nemotron-H, Gemma 3n, vision towers) and of DeepSeek's own inference checkpoints.
 */
export function classifyTensor(name: string, options: { mainLayers?: number } = {}): TensorFamily {
  const parts = name.split(".");
  const last = parts[parts.length - 1] ?? "";
  // Drop the parameter's own name (weight / bias / …) to get the module path.
  const isParamLeaf = /^(weight|bias|scale|A_log|D|dt_bias|e_score_correction_bias)$/.test(last);
  const modules = isParamLeaf ? parts.slice(0, -1) : parts;
  const leaf = modules[modules.length - 1] ?? "";
  if (QUANT.test(name)) return { component: "quantization", family: `quantization.${last}` };
  if (BUFFER.test(name)) return { component: "buffer", family: `buffer.${last}` };
  if (VISION.test(name)) return { component: "vision", family: "vision" };
  const layerMatch = LAYER.exec(name);
  const layer = layerMatch ? Number(layerMatch[1]) : undefined;
  if (
    /(^|\.)(mtp|mtp_layers|nextn)(\.|$|_)/.test(name) ||
    (layer !== undefined && options.mainLayers !== undefined && layer >= options.mainLayers)
  )
    return { component: "mtp", family: "mtp" };
  const has = (re: RegExp) => modules.some((m) => re.test(m));

  if (layer === undefined) {
    if (/per_layer/.test(name)) return { component: "perLayerEmbedding", family: "perLayerEmbedding" };
    if (/^(wpe|position_embeddings|embed_positions|pos_emb)$/.test(leaf))
      return { component: "positionEmbedding", family: "positionEmbedding" };
    if (/ngram|engram/.test(name)) return { component: "ngramEmbedding", family: "ngramEmbedding" };
    if (/^(embed_tokens|wte|word_embeddings|tok_embeddings|embed_in|embeddings|embed|word_embedding|tok_emb)$/.test(leaf))
      return { component: "embedding", family: "embedding" };
    if (/^(lm_head|embed_out|output|head)$/.test(leaf)) return { component: "head", family: "head" };
    if (/hc_|hyper/.test(name)) return { component: "hyperConnections", family: "hyperConnections" };
    if (/norm|ln_f|final_layernorm|layernorm/.test(leaf)) return { component: "norms", family: "norms.final" };
    return { component: "other", family: "other" };
  }

  // Inside a layer.
  if (/per_layer/.test(name)) return { component: "perLayerEmbedding", family: "perLayerEmbedding" };
  if (has(/^hc_|hyper_conn/)) return { component: "hyperConnections", family: "hyperConnections" };
  if (has(/^(shared_experts?|shared_mlp)$/)) return { component: "sharedExperts", family: `sharedExperts.${mlpFamily(leaf)}` };
  if (/^shared_expert_gate$/.test(leaf)) return { component: "sharedExperts", family: "sharedExperts.gate" };
  if (has(/^experts$/)) return { component: "routedExperts", family: `routedExperts.${mlpFamily(leaf === "experts" ? last : leaf)}` };
  const inMoe = has(/^(mlp|block_sparse_moe|feed_forward|moe|ffn|mixer)$/);
  if (inMoe && /^(gate|router|gate_proj_router|classifier)$/.test(leaf) && !/proj$/.test(leaf))
    return { component: "router", family: "router" };
  if (last === "e_score_correction_bias" || has(/^router$/)) return { component: "router", family: "router" };
  if (has(/^(self_attn|attn|attention|self_attention|cross_attn)$/)) {
    const f = projFamily(leaf);
    if (has(/^indexer$/)) return { component: "attention", family: "attention.indexer" };
    return { component: "attention", family: `attention.${f ?? "other"}` };
  }
  if (has(/^(linear_attn|mamba|ssm|conv|short_conv|mlstm|mlstm_layer|deltanet|token_mixer|linear_attention)$/))
    return { component: "linearMixer", family: "linearMixer" };
  if (has(/^mixer$/)) {
    // Nemotron-H / Mamba: `mixer` holds whichever sublayer this block is.
    const f = projFamily(leaf);
    if (f && f !== "norm" && f !== "o") return { component: "attention", family: `attention.${f}` };
    if (leaf === "o_proj") return { component: "attention", family: "attention.o" };
    if (/^(up_proj|down_proj|gate_proj)$/.test(leaf)) return { component: "ffn", family: `ffn.${mlpFamily(leaf)}` };
    return { component: "linearMixer", family: "linearMixer" };
  }
  if (has(/^(mlp|feed_forward|ffn|dense_ffn|block_sparse_moe|moe)$/)) return { component: "ffn", family: `ffn.${mlpFamily(leaf)}` };
  if (/norm|^ln_\d$|^ln\d$|layernorm/.test(leaf)) return { component: "norms", family: "norms.layer" };
  return { component: "other", family: "other" };
}

const add = (rec: Record<string, number>, key: string, n: number) => {
  rec[key] = (rec[key] ?? 0) + n;
};

interface Located {
  header: SafetensorsHeader;
  file: string;
}

function headerOf(shard: SafetensorsShard, label: string, fileSize?: number): SafetensorsHeader {
  if (shard instanceof Uint8Array || shard instanceof ArrayBuffer)
    return parseSafetensorsHeader(shard, { label, ...(fileSize !== undefined ? { fileSize } : {}) });
  if (!isPlainObject(shard) || !("header" in shard)) throw new SafetensorsError(`${label}: expected bytes or {header, fileSize}`);
  return parseSafetensorsHeader(shard.header, { label, ...(shard.fileSize !== undefined ? { fileSize: shard.fileSize } : {}) });
}

/**
 * Validates a parsed `model.safetensors.index.json` and returns its weight map and stated `total_size`.
 * `json` may also be the file's text.
 */
export function parseSafetensorsIndex(json: unknown): { weightMap: Record<string, string>; totalSize?: number; shardFiles: string[] } {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new SafetensorsError(`index: not valid JSON (${(error as Error).message})`);
    }
  }
  if (!isPlainObject(value)) throw new SafetensorsError("index: expected a JSON object with weight_map");
  const map = value.weight_map;
  if (!isPlainObject(map)) throw new SafetensorsError("index.weight_map: expected an object of tensor name → shard file");
  const weightMap: Record<string, string> = {};
  for (const [tensor, file] of Object.entries(map)) {
    if (typeof file !== "string" || file.length === 0)
      throw new SafetensorsError(`index.weight_map.${tensor}: expected a shard file name, got ${JSON.stringify(file)}`);
    if (file.includes("/") || file.includes("\\") || file === ".." || file === ".")
      throw new SafetensorsError(`index.weight_map.${tensor}: shard "${file}" must be a file name beside the index, not a path`);
    weightMap[tensor] = file;
  }
  let totalSize: number | undefined;
  if (value.metadata !== undefined && value.metadata !== null) {
    if (!isPlainObject(value.metadata)) throw new SafetensorsError("index.metadata: expected an object");
    if (value.metadata.total_size !== undefined) totalSize = checkedInt(value.metadata.total_size, "index.metadata.total_size");
  }
  return { weightMap, ...(totalSize !== undefined ? { totalSize } : {}), shardFiles: [...new Set(Object.values(weightMap))].sort() };
}

/**
 * Counts the parameters of a safetensors checkpoint exactly, by dtype and by component, from headers only.
 *
 * `input` is one file (its bytes, its first 8 + N bytes, or the JSON header text's bytes; `{header, fileSize}`
 * to check the data section against the real file size), or `{index, shards}`: a parsed
 * `model.safetensors.index.json` and every shard it names. Each tensor is classified by its name
 * ({@link classifyTensor}); `total` leaves out quantization scales and stored buffers.
 *
 * Throws a {@link SafetensorsError} naming the file and tensor for any malformed header, a tensor the index
 * maps to a shard that does not hold it (or the reverse), a tensor in two shards, or a missing shard.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(await file.slice(0, 8 + headerLength).arrayBuffer());
 * const { total, byDtype, byComponent } = countSafetensors(bytes);
 * ```
 */
export function countSafetensors(input: SafetensorsInput, options: CountSafetensorsOptions = {}): SafetensorsCount {
  const located: Located[] = [];
  const warnings: string[] = [];
  let statedTotal: number | undefined;
  if (isPlainObject(input) && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer) && "index" in input) {
    const { index, shards } = input as { index: unknown; shards: Readonly<Record<string, SafetensorsShard>> };
    const { weightMap, totalSize, shardFiles } = parseSafetensorsIndex(index);
    statedTotal = totalSize;
    if (!isPlainObject(shards)) throw new SafetensorsError("shards: expected an object of file name → bytes");
    const seen = new Map<string, string>();
    for (const file of shardFiles) {
      if (!own(shards, file)) throw new SafetensorsError(`${file}: shard named by the index is missing`);
      const header = headerOf(shards[file]!, file);
      for (const t of header.tensors) {
        const other = seen.get(t.name);
        if (other !== undefined) throw new SafetensorsError(`${t.name}: stored in both ${other} and ${file}`);
        seen.set(t.name, file);
        if (!own(weightMap, t.name)) throw new SafetensorsError(`${file}: holds ${t.name}, which the index does not list`);
        if (weightMap[t.name] !== file)
          throw new SafetensorsError(`${t.name}: the index puts it in ${weightMap[t.name]}, but ${file} holds it`);
      }
      located.push({ header, file });
    }
    for (const [tensor, file] of Object.entries(weightMap))
      if (!seen.has(tensor)) throw new SafetensorsError(`${tensor}: the index puts it in ${file}, which does not hold it`);
  } else {
    located.push({ header: headerOf(input as SafetensorsShard, "safetensors", options.fileSize), file: "" });
  }

  const result: SafetensorsCount = {
    total: 0,
    elements: 0,
    tensors: 0,
    files: located.length,
    dataBytes: 0,
    byDtype: {},
    bytesByDtype: {},
    byComponent: {},
    byFamily: {},
    metadata: located[0]?.header.metadata ?? {},
    unclassified: [],
    warnings,
  };
  let packed = false;
  for (const { header } of located) {
    result.dataBytes += header.dataBytes;
    for (const t of header.tensors) {
      const { component, family } = classifyTensor(t.name, options);
      result.tensors += 1;
      result.elements += t.elements;
      if (component !== "quantization" && component !== "buffer") result.total += t.elements;
      add(result.byDtype, t.dtype, t.elements);
      add(result.bytesByDtype, t.dtype, t.dataOffsets[1] - t.dataOffsets[0]);
      add(result.byComponent as Record<string, number>, component, t.elements);
      add(result.byFamily, family, t.elements);
      if (component === "other" && result.unclassified.length < 20) result.unclassified.push(t.name);
      if (/(^|\.)(qweight|weight_packed)$/.test(t.name)) packed = true;
    }
  }
  if (packed) warnings.push("packed quantized weights (qweight): their element counts are not parameter counts");
  if (statedTotal !== undefined && statedTotal !== result.dataBytes)
    warnings.push(`index metadata.total_size is ${statedTotal} bytes, but the shards hold ${result.dataBytes}`);
  return result;
}
