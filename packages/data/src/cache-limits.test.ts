/**
 * What bounds each model's cache (`cacheLimits`, read by the gallery's memory calculator), from each mixer kind's
 * own cache facets: no kind that caches per token is ever described as a fixed state.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cacheLimits, coreKinds, type DatasetEntry } from "@archgal/schema";

const dir = fileURLToPath(new URL("../models/", import.meta.url));
const load = (id: string) => JSON.parse(readFileSync(`${dir}${id}.json`, "utf8")) as DatasetEntry;
const ids = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5));

describe("cache limits", () => {
  it.each([
    ["gpt-oss-120b", [{ kind: "window", label: "sliding-window GQA", tokens: 128 }]],
    ["qwen3-next-80b-a3b", [{ kind: "state", label: "Gated DeltaNet" }]],
    // The window-only layers keep 128 uncompressed rows; the compressed rows of the others cover the whole context.
    ["deepseek-v4-flash", [{ kind: "window", label: "sliding-window MQA", tokens: 128 }]],
    ["minimax-m3", []], // MiniMax sparse attention caches keys and values per token
    ["deepseek-v3", []],
  ])("%s", (id, want) => {
    expect(cacheLimits(load(id))).toEqual(want);
  });

  it("Gemma 4 E2B's KV-shared layers store none of their own", () => {
    expect(cacheLimits(load("gemma-4-e2b")).filter((l) => l.kind === "none").length).toBeGreaterThan(0);
  });

  it("a fixed state is only ever said of a linear-attention, SSM or convolution mixer, over the whole dataset", () => {
    let states = 0;
    for (const id of ids) {
      const spec = load(id);
      const families = new Map(Object.values(spec.architecture.mixers).map((m) => [coreKinds.of(m)!.label(m), coreKinds.of(m)!.family]));
      for (const l of cacheLimits(spec)) {
        if (l.kind !== "state") continue;
        states++;
        expect(families.get(l.label), `${id}: ${l.label}`).not.toBe("attention");
      }
    }
    expect(states).toBeGreaterThan(10);
  });
});
