/**
 * The README's list of model types is generated from the importer: this test fails when it is stale. Regenerate
 * with `ARCHGAL_WRITE_README=1 pnpm exec vitest run src/hf/readme.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelTypesMarkdown, supportedModelTypes } from "./index.js";

const readme = new URL("../../README.md", import.meta.url);
const start = "<!-- model-types -->";
const end = "<!-- /model-types -->";

describe("README model-type list", () => {
  it("matches the importer's supported and refused types", () => {
    const text = readFileSync(readme, "utf8");
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    const expected = `${start}\n${modelTypesMarkdown()}\n${end}`;
    const current = text.slice(from, to + end.length);
    if (process.env.ARCHGAL_WRITE_README === "1" && current !== expected) {
      writeFileSync(readme, text.slice(0, from) + expected + text.slice(to + end.length));
      return;
    }
    expect(current).toBe(expected);
  });

  it("lists every supported type", () => {
    const block = modelTypesMarkdown();
    for (const t of supportedModelTypes) expect(block).toContain(`\`${t}\` (`);
  });
});
