/**
 * Causal encoder–decoder (DeepSeek V4.1's CED): one causal stack cut in two. The lower layers (the encoder) run for
 * every prompt token; the decoder above them takes its global keys and values from the encoder's output, projected
 * by the decoder's own KV source, instead of computing them layer by layer.
 *
 * In DeepSeek-V4.1-Flash (transformers `configuration_deepseek_v41.py` and `modeling_deepseek_v41.py`) layers 0–19
 * are the encoder and 20–39 the decoder: layer 20 is the decoder's only KV source (compress ratio 1), so its
 * compressor reads layer 20's input, the encoder's output, and layers 21–39 reuse those rows. Every decoder layer
 * keeps only its own sliding window of uncompressed rows, so a prefill has to run the decoder on the last prompt
 * tokens that window holds, not on every prompt token; a generated token runs the whole stack. Per prompt token a
 * prefill therefore multiplies through the encoder and the decoder's cache writer only.
 */
import type { BlockFeature } from "../mixer-kind.js";
import type { LayerCount, PositiveInt } from "../../spec-types.js";

/** A causal stack split into an encoder (the lower layers) and a decoder that reads the encoder's cache. */
export interface CausalEncoderDecoder {
  /** Layers 0 … encoderLayers − 1 form the encoder; the layers above them the decoder. */
  encoderLayers: LayerCount;
  /**
   * Prompt tokens a prefill still runs through the decoder, to rebuild the decoder layers' sliding windows (the
   * last `decoderReplay` prompt tokens; DeepSeek's "SWA bounded replay"). Absent when the creators do not state it.
   */
  decoderReplay?: PositiveInt;
}

export const causalEncoderDecoder = {
  id: "causal-encoder-decoder",
  // The split changes which weights a prompt token runs (`activePrefillParams`), not what is stored.
  params: () => {},
  stackForm: (arch) => (arch.encoderDecoder ? "causal encoder-decoder" : undefined),
} satisfies BlockFeature;
