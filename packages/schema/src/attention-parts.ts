/**
 * How attention labels join several mixers (`GQA + Gated DeltaNet`) and how they split again. A module of its own
 * with no imports, so that code that only reads labels (the model list's filters) does not pull in the kind registry.
 */

/** What joins the labels of a model's mixers. */
export const attentionSeparator = " + ";

/** The parts of an attention label as `attentionLabel` joins them: `GQA + Gated DeltaNet` → `["GQA", "Gated DeltaNet"]`. */
export function attentionParts(label: string): string[] {
  return label.split(attentionSeparator).map((s) => s.trim());
}
