import type { Concept, DecoderType } from "@archgal/schema";

/** What the light index knows of a model without loading its spec. */
export interface ModelIndexEntry {
  /** Stable id, e.g. `deepseek-v3`: the `model` attribute of `<llm-arch>`. */
  id: string;
  /** Display name. */
  name: string;
  /** Creator organisation. */
  org: string;
  /** Release date, `YYYY-MM-DD`. */
  releaseDate: string;
  /** Derived decoder type. */
  decoderType: DecoderType;
  /** Derived attention label, e.g. `GQA`, `MLA`, `GQA + Gated DeltaNet`. */
  attention: string;
  /**
   * Computed parameters: `total` (main model, MTP modules apart), the headline `active` (weights a token multiplies
   * through: embedding look-ups not counted, head counted) and `activeWithLookups` (look-up tables counted).
   */
  params: { total: number; active: number; activeWithLookups: number };
  /** KV cache per token in the gallery's bf16 convention. */
  kvCacheBytesPerToken: number;
  /** Supported context, or null when unlimited. */
  contextLength: number | null;
  /** Layers in the main stack. */
  numLayers: number;
  /** Derived concept tags. */
  concepts: Concept[];
  /** The model this one derives from. */
  derivedFrom?: string;
}
