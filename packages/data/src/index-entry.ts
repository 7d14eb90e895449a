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
  /** Computed parameters (all, including MTP modules) and active per token. */
  params: { total: number; active: number };
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
