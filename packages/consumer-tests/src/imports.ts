/**
 * Module specifiers a shipped file imports: static and dynamic imports, require() calls, and
 * `/// <reference types>` directives, found by TypeScript's own pre-processor (a real scanner, so strings and
 * comments that merely contain the word "from" or "import" are not mistaken for imports).
 */
import ts from "typescript";

export function importedSpecifiers(code: string): string[] {
  const info = ts.preProcessFile(code, true, true);
  return [...new Set([...info.importedFiles.map((f) => f.fileName), ...info.typeReferenceDirectives.map((f) => f.fileName)])];
}
