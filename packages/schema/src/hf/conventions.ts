/**
 * Configs of a `model_type` the importer does not know, read the way `LlamaConfig` / `LlamaForCausalLM`
 * would read them, as long as they follow Llama's conventions. Every default the import relies on becomes a
 * warning naming the field and the value assumed (the import function words them); fields that imply a
 * structure Llama cannot describe (experts, latent attention, recurrent mixers) make the import refuse.
 */
import type { ConfigReader } from "./config-reader.js";
import { attentionOf, biases, denseDecoder, mlpOf, readCore } from "./decoder.js";
import type { FamilyImporter } from "./draft.js";

/** Fields whose presence means the model is not a Llama-style dense decoder. */
const foreignFields = [
  "num_experts",
  "num_local_experts",
  "n_routed_experts",
  "moe_intermediate_size",
  "q_lora_rank",
  "kv_lora_rank",
  "hybrid_override_pattern",
  "layers_block_type",
  "attn_type_list",
  "linear_num_value_heads",
  "mamba_num_heads",
  "ssm_state_size",
  "n_layer",
  "n_embd",
] as const;

/** Fields Llama has no use for that change the structure when set; ignored with a warning. */
const ignoredFields = [
  "sliding_window",
  "layer_types",
  "use_qk_norm",
  "qk_norm",
  "no_rope_layers",
  "parallel_attn",
  "use_parallel_residual",
] as const;

/** The fields every config must carry to be read by Llama's conventions. */
export const llamaRequiredFields = ["vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size"] as const;

/** An importer for an unknown `model_type`, following LlamaConfig (configuration_llama.py, see llama-family.ts). */
export function llamaConventions(modelType: string): FamilyImporter {
  return {
    configClass: "LlamaConfig",
    build(r: ConfigReader) {
      const label = modelType ? `model_type "${modelType}"` : "a config without model_type";
      for (const field of foreignFields) {
        const v = r.value(field);
        if (v !== undefined && v !== 0 && v !== false) {
          r.problem(field, `${label} is not supported, and "${field}" implies an architecture Llama's conventions cannot describe`);
        }
      }
      r.warn(
        `${label} is not supported; imported by Llama's conventions (LlamaForCausalLM): pre-norm RMSNorm blocks of ` +
          "softmax attention (GQA from num_key_value_heads, biases from attention_bias) and a gated MLP (hidden_act, mlp_bias), " +
          "RoPE from rope_theta/rope_scaling, untied head unless tie_word_embeddings",
      );
      for (const field of ignoredFields) {
        const v = r.value(field);
        if (v !== undefined && v !== false && !(Array.isArray(v) && v.every((t) => t === "full_attention"))) {
          r.warn(`assumed "${field}" has no effect (Llama has no such field): ${JSON.stringify(v).slice(0, 60)} ignored`);
        }
      }
      const core = readCore(r, {
        vocabSize: undefined,
        kvHeads: "heads",
        activation: "silu",
        maxPositions: 2048,
        eps: 1e-6,
        tied: false,
        theta: 10000,
        attentionBias: false,
        mlpBias: false,
        recordDerived: true,
      });
      return denseDecoder(core, attentionOf(core, biases(core.attentionBias, core.attentionBias)), mlpOf(core));
    },
  };
}
