/**
 * What each page of the built site loads before any interaction (scripts/page-sizes.mjs: the HTML, its styles,
 * its entry script and every module it preloads, brotli as served). The importer — the biggest library the site
 * has — loads on the "Your model" page only; the scripts and styles of every page stay inside a budget, so that a
 * new feature cannot make the other pages heavier unnoticed. Budgets are today's sizes plus about 1 KiB.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { appDir, startSite } from "./site-harness.js";
// @ts-expect-error: a plain ES module without type declarations
import { pageSizes } from "../scripts/page-sizes.mjs";

const KiB = 1024;
/** Scripts and styles (brotli) a page may load before interaction. */
const SCRIPT_BUDGETS: Record<string, number> = {
  "index.html": 41 * KiB,
  "model.html": 94 * KiB,
  "model-deepseek-v3.html": 94 * KiB,
  "compare.html": 77.5 * KiB,
  "concepts.html": 41.5 * KiB,
  "concept-MLA.html": 42.5 * KiB,
  "poster.html": 27.5 * KiB,
  "your-model.html": 102 * KiB,
};

const dist = join(appDir, "dist");
type Size = { bytes: number; html: number; assets: number; files: string[] };
let sizes: Record<string, Size | undefined>;

beforeAll(async () => {
  if (!existsSync(join(dist, "index.html"))) await (await startSite()).close(); // builds dist/ when it is missing
  sizes = pageSizes(dist);
});

describe("page weight", () => {
  it("loads the Hugging Face importer on the Your model page only", () => {
    const importer = readdirSync(join(dist, "assets")).filter(
      (f) => f.endsWith(".js") && readFileSync(join(dist, "assets", f), "utf8").includes("nothing is guessed by default"),
    );
    expect(importer.length, "the importer's chunk is found by one of its messages").toBeGreaterThan(0);
    for (const [page, s] of Object.entries(sizes)) {
      const loaded = s!.files.filter((f) => importer.some((i) => f.endsWith(i)));
      if (page === "your-model.html") continue;
      expect(loaded, page).toEqual([]);
    }
    const yourModel = readFileSync(join(dist, "your-model.html"), "utf8");
    const entry = /<script[^>]*src="\.?\/?(assets\/[^"]+\.js)"/.exec(yourModel)![1]!;
    const reachable = [entry, ...sizes["your-model.html"]!.files].map((f) => readFileSync(join(dist, f), "utf8")).join("\n");
    expect(
      importer.some((i) => reachable.includes(i)),
      "Your model reaches the importer",
    ).toBe(true);
  });

  it.each(Object.entries(SCRIPT_BUDGETS))("%s keeps its scripts and styles inside the budget", (page, budget) => {
    const s = sizes[page];
    expect(s, `${page} is built`).toBeDefined();
    expect(
      s!.assets,
      `${page}: ${(s!.assets / KiB).toFixed(2)} KiB of scripts and styles (budget ${(budget / KiB).toFixed(1)} KiB)`,
    ).toBeLessThanOrEqual(budget);
  });
});
