/**
 * The model types added beyond the first families (see import.ts for those): importers by `model_type`, aliases,
 * multimodal wrappers read from `text_config`, and the decoder-only text types the spec cannot express yet.
 */
import {
  arcee,
  cwm,
  ernie45,
  exaone,
  glm,
  glm4,
  helium,
  hunyuanV1Dense,
  internlm,
  internlm3,
  jais2,
  minicpm,
  ministral,
  ministral3,
  nanochat,
  seedOss,
  smollm3,
} from "./dense-more.js";
import { gemma4Text, vaultgemma } from "./gemma.js";
import { bloom, chatglm, codegen, gptBigcode, gptj, gptNeo, gptNeox, mpt, nemotron, persimmon, qwenV1 } from "./classic.js";
import type { FamilyImporter } from "./draft.js";
import { qwen3VlText } from "./llama-family.js";
import { glm4vMoeText, qwen3VlMoeText } from "./moe.js";
import { bamba, graniteMoeHybrid, lfm2, lfm2Moe, mamba2, qwen35MoeText, qwen35Text } from "./hybrid-more.js";
import { glm4MoeLite, longcatFlash, minicpm3 } from "./deepseek.js";
import { deepseekV32, glmMoeDsa } from "./deepseek-sparse.js";
import { kimiLinear } from "./kimi-linear.js";
import { laguna } from "./laguna.js";
import { mimo, mimoV2Flash } from "./mimo.js";
import { motif } from "./motif.js";
import { dbrx, flexOlmo, graniteMoe, graniteMoeShared, olmoe, phimoe } from "./moe-routed.js";
import { afmoe, bailingMoe, deepseekV1, dots1, ernie45Moe, hunyuanV1Moe, llama4Text } from "./moe-shared-experts.js";

/** Importers by `model_type`. */
export const moreFamilies: Readonly<Record<string, FamilyImporter>> = {
  afmoe,
  arcee,
  bailing_moe: bailingMoe,
  bamba,
  bloom,
  chatglm,
  codegen,
  cwm,
  dbrx,
  deepseek: deepseekV1,
  deepseek_v32: deepseekV32,
  dots1,
  ernie4_5: ernie45,
  ernie4_5_moe: ernie45Moe,
  exaone,
  flex_olmo: flexOlmo,
  gemma4_text: gemma4Text,
  glm,
  glm4,
  glm4_moe_lite: glm4MoeLite,
  glm_moe_dsa: glmMoeDsa,
  glm4v_moe_text: glm4vMoeText,
  gpt_bigcode: gptBigcode,
  gpt_neo: gptNeo,
  gpt_neox: gptNeox,
  gptj,
  granitemoe: graniteMoe,
  granitemoehybrid: graniteMoeHybrid,
  granitemoeshared: graniteMoeShared,
  helium,
  hunyuan_v1_dense: hunyuanV1Dense,
  hunyuan_v1_moe: hunyuanV1Moe,
  internlm,
  internlm3,
  jais2,
  kimi_linear: kimiLinear,
  laguna,
  lfm2,
  lfm2_moe: lfm2Moe,
  llama4_text: llama4Text,
  longcat_flash: longcatFlash,
  mamba2,
  mimo,
  mimo_v2_flash: mimoV2Flash,
  Motif: motif,
  minicpm,
  minicpm3,
  ministral,
  ministral3,
  mpt,
  nanochat,
  nemotron,
  olmoe,
  persimmon,
  phimoe,
  qwen: qwenV1,
  qwen3_5_moe_text: qwen35MoeText,
  qwen3_5_text: qwen35Text,
  qwen3_vl_moe_text: qwen3VlMoeText,
  qwen3_vl_text: qwen3VlText,
  seed_oss: seedOss,
  smollm3,
  vaultgemma,
};

/** Other spellings of a supported `model_type` (beyond Falcon's, in import.ts). */
export const moreAliases: Readonly<Record<string, string>> = {
  // Kimi K2 checkpoints name model_type kimi_k2 but their auto_map loads configuration_deepseek.DeepseekV3Config
  // and DeepseekV3ForCausalLM (moonshotai/Kimi-K2-Instruct config.json).
  kimi_k2: "deepseek_v3",
  // transformers' CONFIG_MAPPING_NAMES maps these onto the same configuration classes (models/auto/
  // configuration_auto.py @001002320fa01a489bb9b93976a7e4cd1a46291c: code_llama → LlamaConfig, gpt-sw3 → GPT2Config).
  code_llama: "llama",
  "gpt-sw3": "gpt2",
};

/** Multimodal wrappers whose text model sits in `text_config`, and the text model's type. */
export const moreTextModels: Readonly<Record<string, string>> = {
  gemma4: "gemma4_text",
  glm4v_moe: "glm4v_moe_text",
  llama4: "llama4_text",
  qwen3_5: "qwen3_5_text",
  qwen3_5_moe: "qwen3_5_moe_text",
  qwen3_vl: "qwen3_vl_text",
  qwen3_vl_moe: "qwen3_vl_moe_text",
};

/**
 * Wrappers whose own configuration class holds the `tie_word_embeddings` that ties the output head
 * (Qwen3VLConfig and Qwen3VLMoeConfig, default false, configuration_qwen3_vl.py / configuration_qwen3_vl_moe.py).
 */
export const wrapperTiesHead: ReadonlySet<string> = new Set(["qwen3_vl", "qwen3_vl_moe"]);

/** Decoder-only text types the spec cannot describe yet, and the missing piece (see the kind formulas for each). */
export const notExpressible: Readonly<Record<string, string>> = {
  mamba: "Mamba-1 mixers (selective scan with x_proj/dt_proj, no heads) are not a mixer kind yet",
  falcon_mamba: "Mamba-1 mixers (with the extra B/C/dt RMSNorms) are not a mixer kind yet",
  jamba: "its Mamba-1 layers are not a mixer kind yet",
  recurrent_gemma: "the RG-LRU recurrent block (Griffin) is not a mixer kind yet",
  rwkv: "RWKV time-mixing and channel-mixing blocks are not a mixer kind yet",
  rwkv7: "RWKV-7 time-mixing blocks are not a mixer kind yet",
  falcon_h1: "each layer runs attention and Mamba-2 in parallel, which the layer pattern cannot describe yet",
  zamba: "shared attention blocks reused across layers are not expressible yet",
  zamba2: "shared attention blocks with per-use LoRA adapters are not expressible yet",
  gemma3n: "AltUp and LAuReL blocks (Gemma 3n) are not expressible yet",
  gemma3n_text: "AltUp and LAuReL blocks (Gemma 3n) are not expressible yet",
  apertus: "the xIELU activation (learnable alpha_p and alpha_n in every MLP) has no equivalent in the spec",
  jetmoe: "mixture-of-attention-heads experts are not expressible yet",
  doge: "dynamic mask attention (A and dt_proj per layer), learned residual weights and the CDMoE retrieval experts are not expressible yet",
  diffllama: "differential attention (learnable lambda vectors, group norm per head) is not expressible yet",
  opt: "its learned position table has 2 offset rows and word_embed_proj_dim projections the spec cannot count",
  "openai-gpt": "post-norm blocks without a final norm are not expressible yet",
  xlstm: "xLSTM blocks (sLSTM/mLSTM with their gates and up-projections as transformers builds them) are not mapped yet",
  bitnet: "BitNet's extra sub-norms inside attention and MLP are not expressible yet",
};
