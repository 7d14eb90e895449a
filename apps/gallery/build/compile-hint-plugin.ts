/**
 * V8's explicit compile hint on the scripts every page runs at once: each page's entry chunk and the chunks it
 * imports statically start with `//# allFunctionsCalledOnLoad`, so Chromium compiles their functions eagerly on a
 * background thread while they stream, instead of one by one on the main thread during the first draw. Chunks
 * loaded later (a model's data, the fit calculator, the poster) are left to lazy compilation.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

/** The magic comment, as the first line of a file. */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** The chunks of a bundle that some entry reaches through static imports only (the entries included). */
export function eagerChunks(bundle: Record<string, { type: string; isEntry?: boolean; imports?: string[] }>): Set<string> {
  const eager = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (eager.has(file) || chunk?.type !== "chunk") return;
    eager.add(file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const [file, chunk] of Object.entries(bundle)) if (chunk.type === "chunk" && chunk.isEntry) visit(file);
  return eager;
}

/** Prepends the compile hint to every chunk that `eagerChunks` finds. */
export function compileHintPlugin(): Plugin {
  return {
    name: "archgal-compile-hint",
    apply: "build",
    // On the written files: Vite adds its preload helper to the top of chunks after every plugin's generateBundle.
    writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      for (const file of eagerChunks(bundle)) {
        const path = join(dir, file);
        const code = readFileSync(path, "utf8");
        if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, COMPILE_HINT + code);
      }
    },
  };
}
