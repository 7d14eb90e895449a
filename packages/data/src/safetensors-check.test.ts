/**
 * An independent check of a dataset count against a real checkpoint's published size: GPT-2 (124M) as stored in
 * openai-community/gpt2's `model.safetensors`. Hugging Face's safetensors documentation prints that file's
 * element count, `{ 'F32' => 137022720 }` (huggingface/safetensors, docs/source/metadata_parsing.mdx, "Example
 * output"), and shows its header's tensor names without a `transformer.` prefix (`h.10.ln_1.weight`, F32, [768]).
 * The header below lists the tensors transformers' GPT2Model registers (src/transformers/models/gpt2/
 * modeling_gpt2.py: `wte`, `wpe`, per block `ln_1`, `attn.c_attn`/`c_proj` as Conv1D [in, out], the causal-mask
 * buffer `attn.bias` [1, 1, 1024, 1024], `ln_2`, `mlp.c_fc`/`c_proj`, then `ln_f`; the head is tied to `wte`).
 */
import { describe, expect, it } from "vitest";
import { countParams } from "@archgal/schema";
import { countSafetensors } from "@archgal/schema/hf";
import { loadModel } from "./index.js";

type Tensor = [name: string, shape: number[]];

function gpt2Tensors(layers: number, d: number, vocab: number, positions: number): Tensor[] {
  const out: Tensor[] = [
    ["wte.weight", [vocab, d]],
    ["wpe.weight", [positions, d]],
  ];
  for (let i = 0; i < layers; i++) {
    const h = `h.${i}.`;
    out.push(
      [`${h}ln_1.weight`, [d]],
      [`${h}ln_1.bias`, [d]],
      [`${h}attn.bias`, [1, 1, positions, positions]],
      [`${h}attn.c_attn.weight`, [d, 3 * d]],
      [`${h}attn.c_attn.bias`, [3 * d]],
      [`${h}attn.c_proj.weight`, [d, d]],
      [`${h}attn.c_proj.bias`, [d]],
      [`${h}ln_2.weight`, [d]],
      [`${h}ln_2.bias`, [d]],
      [`${h}mlp.c_fc.weight`, [d, 4 * d]],
      [`${h}mlp.c_fc.bias`, [4 * d]],
      [`${h}mlp.c_proj.weight`, [4 * d, d]],
      [`${h}mlp.c_proj.bias`, [d]],
    );
  }
  out.push(["ln_f.weight", [d]], ["ln_f.bias", [d]]);
  return out;
}

/** A safetensors header (8-byte little-endian length + JSON) of F32 tensors laid out one after another. */
function header(tensors: Tensor[]): Uint8Array {
  const json: Record<string, unknown> = { __metadata__: { format: "pt" } };
  let offset = 0;
  for (const [name, shape] of tensors) {
    const size = shape.reduce((a, b) => a * b, 1) * 4;
    json[name] = { dtype: "F32", shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  const text = new TextEncoder().encode(JSON.stringify(json));
  const out = new Uint8Array(8 + text.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  return out;
}

describe("gpt-2-small against openai-community/gpt2's model.safetensors", () => {
  const spec = loadModel("gpt-2-small");

  it("the checkpoint's published element count is the spec's parameters plus the causal-mask buffers", async () => {
    const s = await spec;
    const a = s.architecture;
    const count = countSafetensors(header(gpt2Tensors(a.numLayers, a.dModel, a.vocabSize, a.contextLength!)));
    expect(count.elements).toBe(137_022_720); // Hugging Face's figure for the file
    expect(count.byComponent.buffer).toBe(a.numLayers * a.contextLength! * a.contextLength!);
    expect(count.total).toBe(countParams(s).total);
    expect(count.total).toBe(124_439_808);
  });
});
