/**
 * Golden parameter counts of imported configs. Each golden value is derived tensor by tensor from the modeling
 * code cited in the importer (see the family files), independently of `params.ts`; the configs are the
 * fixtures in ./fixtures (architecture keys only, each with its `_source`), or class defaults where noted.
 *
 * Notation: V vocab, d hidden, L layers, H heads, K kv heads, h head_dim, I intermediate, E experts,
 * Ie expert width; attn(q,k,v,o) = d·(H + 2K)·h + H·h·d; gated MLP = 3·d·I; RMSNorm = d, LayerNorm = 2d.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countParams } from "../params.js";
import { validateSpec } from "../validate.js";
import { importHuggingFaceConfig } from "./index.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;

interface Golden {
  /** Fixture file, or an inline config. */
  config: string | Record<string, unknown>;
  /** The model_type it exercises. */
  type: string;
  /** Parameters of the main model (countParams().total, MTP modules excluded). */
  total: number;
  /** Parameters including MTP modules, when the config has them. */
  withMtp?: number;
}

const goldens: Golden[] = [
  // GPT-2 small: wte 50257·768 + wpe 1024·768 + 12 × [ln_1 2·768, c_attn 768·2304 + 2304, c_proj 768² + 768,
  // ln_2 2·768, c_fc 768·3072 + 3072, c_proj 3072·768 + 768] + ln_f 2·768; lm_head tied. = 124,439,808, the
  // count GPT2LMHeadModel reports (also src/golden.test.ts).
  { config: "gpt2-small", type: "gpt2", total: 124_439_808 },
  // Llama 3.2 1B: tied; V 128256·2048 + 16 × [attn(32, 8, 64) 2048·3072 + 2048·2048, MLP 3·2048·8192,
  // 2 RMSNorm] + final norm = 1,235,814,400.
  { config: "llama-3.2-1b", type: "llama", total: 1_235_814_400 },
  // Mistral 7B v0.1: untied 2·32000·4096 + 32 × [attn(32, 8, 128), MLP 3·4096·14336, 2·4096] + 4096
  // = 7,241,732,096 (as src/golden.test.ts).
  { config: "mistral-7b-v0.1", type: "mistral", total: 7_241_732_096 },
  // Mixtral 8x7B: untied 2·32000·4096 + 32 × [attn(32, 8, 128), router 8·4096, 8 experts × 3·4096·14336,
  // 2·4096] + 4096 = 46,702,792,704.
  { config: "mixtral-8x7b", type: "mixtral", total: 46_702_792_704 },
  // Qwen3 0.6B: tied 151936·1024 + 28 × [attn(16, 8, 128) with q_norm/k_norm 2·128, MLP 3·1024·3072, 2·1024]
  // + 1024 = 596,049,920.
  { config: "qwen3-0.6b", type: "qwen3", total: 596_049_920 },
  // Qwen3-30B-A3B: untied 2·151936·2048 + 48 × [attn(32, 4, 128) + 2·128, router 128·2048,
  // 128 × 3·2048·768, 2·2048] + 2048 = 30,532,122,624.
  { config: "qwen3-30b-a3b", type: "qwen3_moe", total: 30_532_122_624 },
  // Qwen3-Next-80B-A3B: untied 2·151936·2048; 12 gated-attention layers [q_proj 2048·(2·16·256), k/v
  // 2·2048·2·256, o 4096·2048, q/k norm 2·256]; 36 Gated DeltaNet layers [in_proj_qkvz 2048·(2·2048 + 2·4096),
  // in_proj_ba 2048·64, conv1d (2·2048 + 4096)·4, dt_bias 32, A_log 32, norm 128, out_proj 4096·2048];
  // every layer MoE [router 512·2048, 512 × 3·2048·512, shared expert 3·2048·512, shared gate 2048] + 2 norms;
  // final norm = 79,674,391,296.
  { config: "qwen3-next-80b-a3b", type: "qwen3_next", total: 79_674_391_296 },
  // Gemma 2 9B: tied 256000·3584 + 42 × [attn(16, 8, 256), MLP 3·3584·14336, 4 norms (sandwich)] + 3584
  // = 9,241,705,984.
  { config: "gemma-2-9b", type: "gemma2", total: 9_241_705_984 },
  // Gemma 3 27B (text_config; vocab from the Gemma3TextConfig default 262208): tied 262208·5376 + 62 ×
  // [attn(32, 16, 128) + q/k norm 2·128, MLP 3·5376·21504, 4 norms] + 5376 = 27,009,346,304.
  { config: "gemma-3-27b", type: "gemma3", total: 27_009_346_304 },
  // Gemma 3 1B: tied 262144·1152 + 26 × [attn(4, 1, 256) + 2·256, MLP 3·1152·6912, 4·1152] + 1152
  // = 999,885,952.
  { config: "gemma-3-1b", type: "gemma3_text", total: 999_885_952 },
  // OLMo 2 7B: untied 2·100352·4096 + 32 × [attn(32, 32, 128), q_norm 4096 + k_norm 4096, MLP 3·4096·11008,
  // 2 post-norms] + 4096 = 7,298,617,344.
  { config: "olmo-2-7b", type: "olmo2", total: 7_298_617_344 },
  // OLMo 3 32B: untied 2·100278·5120 + 64 × [attn(40, 8, 128), q_norm 5120 + k_norm 1024, MLP 3·5120·27648,
  // 2·5120] + 5120 = 32,233,522,176.
  { config: "olmo-3-32b", type: "olmo3", total: 32_233_522_176 },
  // Phi-4 (Phi3ForCausalLM): untied 2·100352·5120 + 40 × [qkv_proj 5120·(40 + 2·10)·128, o_proj 5120²,
  // gate_up_proj 5120·2·17920, down_proj 17920·5120, 2·5120] + 5120 = 14,659,507,200.
  { config: "phi-4", type: "phi3", total: 14_659_507_200 },
  // GPT-OSS-20B: untied 2·201088·2880 + 24 × [q/k/v/o with biases: 2880·(64 + 16)·64 + (64 + 16)·64 +
  // 4096·2880 + 2880, sinks 64, router 32·2880 + 32, 32 experts × (gate_up 2880·5760 + 5760, down 2880·2880
  // + 2880), 2·2880] + 2880 = 20,914,757,184.
  { config: "gpt-oss-20b", type: "gpt_oss", total: 20_914_757_184 },
  // DeepSeek V3 (HF config): untied 2·129280·7168; MLA per layer [q_a 7168·1536, q_a_layernorm 1536,
  // q_b 1536·128·192, kv_a 7168·576, kv_a_layernorm 512, kv_b 512·128·256, o 16384·7168]; 3 dense layers
  // (MLP 3·7168·18432) and 58 MoE layers (router 256·7168 + correction bias 256, 256 × 3·7168·2048, shared
  // 3·7168·2048); 2 norms per layer; final norm = 671,026,419,200. The MTP module adds enorm, hnorm,
  // eh_proj 2·7168², one MoE block with its 2 norms and a final norm: 682,636,487,424 in all.
  { config: "deepseek-v3", type: "deepseek_v3", total: 671_026_419_200, withMtp: 682_636_487_424 },
  // DeepSeek V3 inference config (config_671B.json): the same model; Gate.bias exists since dim == 7168.
  { config: "deepseek-v3-inference", type: "(DeepSeek inference)", total: 671_026_419_200 },
  // DeepSeek V2-Lite inference config (config_16B.json): untied 2·102400·2048; MLA with q_lora_rank 0
  // [wq 2048·16·192, wkv_a 2048·576, kv_norm 512, wkv_b 512·16·256, wo 2048·2048]; 1 dense layer (3·2048·10944),
  // 26 MoE layers (gate 64·2048 without bias (dim ≠ 7168), 64 × 3·2048·1408, shared 3·2048·2816); 2 norms per
  // layer; final norm = 15,706,484,224.
  { config: "deepseek-v2-lite-inference", type: "(DeepSeek inference)", total: 15_706_484_224 },
  // GLM-4.7: untied 2·151552·5120; attention [q/k/v with bias: 5120·(96 + 16)·128 + (96 + 16)·128, o
  // 12288·5120, q/k norm 2·128]; 3 dense layers (3·5120·12288), 89 MoE layers (router 160·5120 + bias 160,
  // 160 × 3·5120·1536, shared 3·5120·1536); 2 norms per layer; final norm = 352,797,829,024; one MTP module
  // (2 + 2 + 1 norms, eh_proj 2·5120², attention, MoE) brings it to 356,785,898,816.
  { config: "glm-4.7", type: "glm4_moe", total: 352_797_829_024, withMtp: 356_785_898_816 },
  // GLM-4.5-Air (INTELLECT-3 copy): 46 layers, hidden 4096, 1 dense (10944) + 45 MoE (128 × 1408, shared
  // 1408), q/k/v biases, no q/k norm: 106,852,251,264 main, 109,227,310,848 with the MTP module.
  { config: "glm-4.5-air", type: "glm4_moe", total: 106_852_251_264, withMtp: 109_227_310_848 },
  // MiniMax-M2: untied 2·200064·3072 + 62 × [attn(48, 8, 128), q_norm 6144 + k_norm 1024 (all heads),
  // router 256·3072 + correction bias 256, 256 × 3·3072·1536, 2·3072] + 3072 = 228,689,764,864; 3 MTP
  // modules (num_mtp_modules) bring it to 239,752,572,160.
  { config: "minimax-m2", type: "minimax_m2", total: 228_689_764_864, withMtp: 239_752_572_160 },
  // Nemotron 3 Nano 30B-A3B: untied 2·131072·2688 + final norm; one norm per block; 23 Mamba-2 blocks
  // [in_proj 2688·(2·4096 + 2·8·128 + 64), conv1d (4096 + 2048)·4 + bias 6144, dt_bias/A_log/D 3·64,
  // gated norm 4096, out_proj 4096·2688]; 6 attention blocks attn(32, 2, 128); 23 MoE blocks [router
  // 128·2688 + bias 128, 128 × 2·2688·1856 (relu², not gated), shared 2·2688·3712] = 31,577,940,288.
  { config: "nemotron-3-nano-30b-a3b", type: "nemotron_h", total: 31_577_940_288 },
  // Nemotron 3 Nano 4B: Mamba-2 (96 heads × 80), attention attn(40, 8, 128) and relu² MLP blocks
  // (2·3136·12544) by the 42-character pattern, one norm each, untied = 3,973,556,832.
  { config: "nemotron-3-nano-4b", type: "nemotron_h", total: 3_973_556_832 },
  // Tiny Aya (Cohere2): tied 262144·2048 + 36 × [attn(16, 4, 128), MLP 3·2048·11008, one weight-only
  // LayerNorm 2048] + 2048 = 3,349,227,520.
  { config: "tiny-aya", type: "cohere2", total: 3_349_227_520 },

  // Class defaults (the configuration class docstrings name the checkpoint they reproduce).
  // FalconConfig defaults = tiiuae/falcon-7b: tied 65024·4544 + 32 × [query_key_value 4544·(4544 + 2·64),
  // dense 4544², MLP 2·4544·18176, one input LayerNorm 2·4544] + ln_f 2·4544 = 6,921,720,704.
  { config: { model_type: "falcon", hidden_size: 4544, num_hidden_layers: 32, num_attention_heads: 71 }, type: "falcon", total: 6_921_720_704 },
  // PhiConfig defaults = microsoft/phi-1: 51200·2048 + 24 × [q/k/v/dense 4·(2048² + 2048), fc1 2048·8192 + 8192,
  // fc2 8192·2048 + 2048, one LayerNorm 2·2048] + final LayerNorm + lm_head 51200·2048 + 51200 = 1,418,270,720.
  {
    config: { model_type: "phi", hidden_size: 2048, num_hidden_layers: 24, num_attention_heads: 32, intermediate_size: 8192 },
    type: "phi",
    total: 1_418_270_720,
  },
  // StableLmConfig defaults = stablelm-3b-4e1t: untied 2·50304·2560 + 32 × [4·2560², MLP 3·2560·6912,
  // 2 LayerNorms 4·2560] + 2·2560 = 2,795,443,200.
  {
    config: { model_type: "stablelm", hidden_size: 2560, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 6912 },
    type: "stablelm",
    total: 2_795_443_200,
  },
  // Starcoder2Config defaults: tied 49152·3072 + 30 × [attn(24, 2, 128) with q/k/v/o biases, c_fc 3072·12288
  // + 12288, c_proj 12288·3072 + 3072, 2 LayerNorms] + 2·3072 = 3,030,371,328.
  {
    config: { model_type: "starcoder2", hidden_size: 3072, num_hidden_layers: 30, num_attention_heads: 24, intermediate_size: 12288 },
    type: "starcoder2",
    total: 3_030_371_328,
  },
  // CohereConfig defaults = c4ai-command-r-v01: tied 256000·8192 + 40 × [4·8192², MLP 3·8192·22528, one
  // weight-only LayerNorm 8192] + 8192 = 34,980,831,232.
  {
    config: { model_type: "cohere", hidden_size: 8192, num_hidden_layers: 40, num_attention_heads: 64, intermediate_size: 22528 },
    type: "cohere",
    total: 34_980_831_232,
  },
  // GemmaConfig defaults = gemma-7b: tied 256000·3072 + 28 × [attn(16, 16, 256), MLP 3·3072·24576, 2·3072]
  // + 3072 = 8,537,680,896.
  {
    config: { model_type: "gemma", hidden_size: 3072, num_hidden_layers: 28, num_attention_heads: 16, intermediate_size: 24576 },
    type: "gemma",
    total: 8_537_680_896,
  },
  // Exaone4Config defaults: untied 2·102400·4096 + 32 × [attn(32, 32, 128) + q/k norm 2·128, MLP
  // 3·4096·16384, 2 post-norms] + 4096 = 9,429,069,824.
  {
    config: { model_type: "exaone4", hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 16384 },
    type: "exaone4",
    total: 9_429_069_824,
  },
];

describe("golden parameter counts of imported configs", () => {
  it("cover at least 15 model types", () => {
    expect(new Set(goldens.map((g) => g.type)).size).toBeGreaterThanOrEqual(15);
  });

  for (const g of goldens) {
    const label = typeof g.config === "string" ? g.config : `${g.type} defaults`;
    it(`${label} (${g.type}): ${g.total.toLocaleString("en")}`, () => {
      const config = typeof g.config === "string" ? fixture(g.config) : g.config;
      const { spec } = importHuggingFaceConfig(config);
      expect(validateSpec(spec).issues).toEqual([]);
      const counts = countParams(spec);
      expect(counts.uncounted).toEqual([]);
      expect(counts.total).toBe(g.total);
      expect(counts.totalWithMtp).toBe(g.withMtp ?? g.total);
    });
  }
});
