import { describe, expect, it } from "vitest";
import { countParams } from "./params.js";
import { kvCacheBytesPerToken } from "./kv-cache.js";
import { kvCacheBytes } from "./cache-size.js";
import { compareWithOfficial } from "./official.js";
import { validateSpec } from "./validate.js";
import { deepseekV3, gemma3_27b, gpt2Small, llama2_7b, llama3_8b, mistral7b } from "../test-fixtures/golden-specs.js";

const KiB = 1024;

describe("golden parameter counts", () => {
  it("fixtures are valid specs", () => {
    for (const spec of [gpt2Small, llama2_7b, llama3_8b, mistral7b, deepseekV3, gemma3_27b]) {
      expect(validateSpec(spec).issues).toEqual([]);
    }
  });

  // GPT2LMHeadModel (transformers modeling_gpt2.py): wte 50257×768, wpe 1024×768, 12 blocks of
  // ln_1, c_attn (768→2304 + bias), c_proj, ln_2, c_fc (768→3072 + bias), c_proj; ln_f; lm_head tied.
  // 124,439,808 is what `GPT2LMHeadModel.num_parameters()` reports (7,087,872 per block).
  it("GPT-2 small has 124,439,808 parameters", () => {
    const p = countParams(gpt2Small);
    expect(p.total).toBe(124_439_808);
    expect(p.breakdown.positionEmbedding).toBe(1024 * 768);
    expect(p.breakdown.head).toBe(0);
  });

  // LlamaForCausalLM with the Llama-2-7b-hf config: embed 32000×4096, 32 × (q,k,v,o 4096², gate/up/down
  // 4096×11008, 2 RMSNorm), final norm, untied lm_head. 6,738,415,616 is the count reported for the
  // checkpoint (e.g. keras-hub's llama_7b_en preset metadata `params: 6738415616`).
  it("Llama 2 7B has 6,738,415,616 parameters", () => {
    expect(countParams(llama2_7b).total).toBe(6_738_415_616);
  });

  // Same class with GQA (8 KV heads of 128) and a 128,256-token vocabulary: 8,030,261,248, the count on the
  // Meta-Llama-3-8B model page (safetensors metadata).
  it("Llama 3 8B has 8,030,261,248 parameters and 128 KiB KV per token", () => {
    expect(countParams(llama3_8b).total).toBe(8_030_261_248);
    expect(kvCacheBytesPerToken(llama3_8b)).toBe(128 * KiB);
  });

  // MistralForCausalLM, Mistral-7B-v0.1 config: 7,241,732,096 (safetensors metadata of the model page).
  it("Mistral 7B has 7,241,732,096 parameters", () => {
    expect(countParams(mistral7b).total).toBe(7_241_732_096);
  });

  it("official comparisons hold within the stated rounding", () => {
    for (const spec of [gpt2Small, llama2_7b, llama3_8b, mistral7b]) {
      expect(compareWithOfficial(spec).total.ok, spec.id).toBe(true);
    }
  });
});

describe("DeepSeek V3", () => {
  // README_WEIGHTS.md: 671B main model (36.7B activated) plus an MTP module of 11.5B unique parameters
  // (embedding and head shared with the main model); the 671B/37B figures leave the MTP module out.
  const p = countParams(deepseekV3);
  it("counts 671B total without the MTP module, and 37B active (36.6B multiplied through)", () => {
    const check = compareWithOfficial(deepseekV3);
    expect(check.total.ok).toBe(true);
    expect(Math.abs(check.total.computed - 671e9) / 671e9).toBeLessThan(0.001);
    expect(check.active?.ok).toBe(true);
    expect(check.active?.computed).toBe(36_625_618_432);
  });
  it("reports the MTP module separately (11.5B unique per README_WEIGHTS.md)", () => {
    expect(p.mtp).toBe(p.breakdown.mtp);
    expect(p.mtp).toBeGreaterThan(11.4e9);
    expect(p.mtp).toBeLessThan(11.7e9);
    expect(p.total).toBe(671_026_419_200);
    expect(p.totalWithMtp).toBe(p.total + p.mtp);
  });
  it("multiplies 36.63B parameters per token (head 0.93B in, embedding rows out; 37.55B with them)", () => {
    expect(p.active).toBe(36_625_618_432);
    expect(p.activeWithLookups).toBe(37_552_297_472);
    expect(p.lookups).toBe(129280 * 7168);
    expect(p.activeBreakdown.embedding).toBe(0);
    expect(p.activeBreakdown.head).toBe(129280 * 7168);
  });
  it("caches 68.6 KiB per token: 61 layers × (512 latent + 64 rope) × 2 bytes", () => {
    expect(kvCacheBytesPerToken(deepseekV3)).toBe(61 * 576 * 2);
    expect(kvCacheBytesPerToken(deepseekV3) / KiB).toBeCloseTo(68.6, 1);
  });
});

describe("Gemma 3 27B KV cache", () => {
  it("is 496 KiB per token in the gallery convention (62 layers × 2 × 16 × 128 × 2 bytes)", () => {
    expect(kvCacheBytesPerToken(gemma3_27b)).toBe(496 * KiB);
  });
  it("caps the 52 sliding-window layers at 1,024 tokens for a 128k context", () => {
    const ctx = 131_072;
    const perLayerToken = 2 * 16 * 128 * 2;
    const size = kvCacheBytes(gemma3_27b, { contextLength: ctx });
    expect(size.kv).toBe(10 * perLayerToken * ctx + 52 * perLayerToken * 1024);
    expect(size.naive).toBe(62 * perLayerToken * ctx);
    expect(size.state).toBe(0);
    // 10 global layers × 128k tokens = 10 GiB plus 0.4 GiB of windows, versus 62 GiB without the cap.
    expect(size.kv / 2 ** 30).toBeCloseTo(10.41, 2);
    expect(size.naive / 2 ** 30).toBe(62);
  });
});
