/**
 * The error the importer throws when a config.json cannot become a spec.
 */

/** One reason a config cannot be imported. */
export interface HfImportProblem {
  /** Dotted path of the offending config field, e.g. `text_config.hidden_size`; empty for the config as a whole. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/** Formats problems one per line: `path: message`. */
export function formatProblems(problems: readonly HfImportProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n");
}

/**
 * Thrown by `importHuggingFaceConfig` when the config cannot be imported: not a JSON object, fields of the
 * wrong type or out of range, required fields missing, or a `model_type` the importer cannot describe.
 * `problems` lists every problem found, not just the first.
 */
export class HfImportError extends Error {
  /** Every problem found. */
  readonly problems: HfImportProblem[];

  constructor(problems: HfImportProblem[], subject = "config.json") {
    super(`cannot import ${subject}:\n${formatProblems(problems)}`);
    this.name = "HfImportError";
    this.problems = problems;
  }
}
