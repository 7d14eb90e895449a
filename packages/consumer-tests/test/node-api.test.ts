/**
 * @archgal/data and @archgal/schema from Node, installed from their tarballs: ESM import, CommonJS require,
 * lazy loading of one model file, documented subpath exports, and the extension API with the consumer's own zod.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { workspaceRoot } from "../src/env.js";
import { nodeJson, stage } from "../src/project.js";
import { consumer, requireInstalled } from "../src/state.js";
import { svgFacts } from "../src/svg.js";

let dir = "";
beforeAll(() => {
  dir = stage("node-api", "node");
});

interface DataResult {
  count: number;
  idsCount: number;
  firstId: string;
  has: boolean;
  entry: { id: string; params: { total: number; active: number }; kvCacheBytesPerToken: number } | undefined;
  specId: string;
  valid: boolean;
  stats: { total: number; active: number; mtp: number; kv: number; decoderType: string; attention: string };
  unknown: { isUnknownModelError: boolean; message: string } | null;
}

describe("@archgal/data + @archgal/schema from Node ESM", () => {
  it("lists the models, loads deepseek-v3 lazily and computes its stats", async () => {
    requireInstalled("@archgal/schema", "@archgal/data");
    const log = join(dir, "loads-esm.log");
    writeFileSync(log, "");
    const { value: r } = await nodeJson<DataResult>(dir, ["--import", "./record-loads.mjs", "data-esm.mjs", "deepseek-v3"], {
      LOAD_LOG: log,
    });
    expect(r.count).toBeGreaterThanOrEqual(70);
    expect(r.idsCount).toBe(r.count);
    expect(r.has).toBe(true);
    expect(r.specId).toBe("deepseek-v3");
    expect(r.valid).toBe(true);
    // The index and the computed stats agree (README: 671026419200, MTP reported apart).
    expect(r.stats.total).toBe(r.entry?.params.total);
    expect(r.stats.active).toBe(r.entry?.params.active);
    expect(r.stats.kv).toBe(r.entry?.kvCacheBytesPerToken);
    expect(r.stats.total).toBeGreaterThan(660e9);
    expect(r.stats.total).toBeLessThan(680e9);
    expect(r.stats.mtp).toBeGreaterThan(0);
    expect(r.stats.decoderType).toBe("Sparse MoE");
    expect(r.unknown?.isUnknownModelError).toBe(true);

    // Lazy: exactly one model file was read, the one asked for.
    const modelFiles = readFileSync(log, "utf8")
      .split("\n")
      .filter((u) => /\/models\/[^/]+\.json$/.test(u));
    expect(modelFiles.map((u) => u.split("/").at(-1))).toEqual(["deepseek-v3.json"]);
  });

  it("imports the documented subpaths: models/<id>.json, schema.json, package.json, /hf", async () => {
    requireInstalled("@archgal/schema", "@archgal/data");
    const { value: r } = await nodeJson<{
      modelId: string;
      modelValid: boolean;
      jsonSchemaKeys: string[];
      dataVersion: string;
      hfExports: string[];
    }>(dir, ["subpaths.mjs"]);
    expect(r.modelId).toBe("deepseek-v3");
    expect(r.modelValid).toBe(true);
    expect(r.jsonSchemaKeys.length).toBeGreaterThan(0);
    expect(r.hfExports, "@archgal/schema/hf must export importHuggingFaceConfig (README: Importing a Hugging Face config.json)").toContain(
      "importHuggingFaceConfig",
    );
  });
});

describe("@archgal/data + @archgal/schema from CommonJS require", () => {
  it("require()s both packages, loads a model lazily and computes its stats", async () => {
    requireInstalled("@archgal/schema", "@archgal/data");
    const log = join(dir, "loads-cjs.log");
    writeFileSync(log, "");
    const { value: r } = await nodeJson<{
      count: number;
      entry: DataResult["entry"];
      valid: boolean;
      stats: { total: number; active: number; kv: number };
      dataVersion: string;
      schemaJson: string;
      resolved: { data: string; schema: string };
    }>(dir, ["--import", "./record-loads.mjs", "data-cjs.cjs", "llama-3-8b"], { LOAD_LOG: log });
    expect(r.count).toBeGreaterThanOrEqual(70);
    expect(r.valid).toBe(true);
    expect(r.stats.total).toBe(r.entry?.params.total);
    expect(r.stats.total).toBe(8030261248);
    expect(r.stats.kv).toBe(131072);
    expect(r.resolved.data).toMatch(/\.cjs$/);
    expect(r.resolved.schema).toMatch(/\.cjs$/);
    expect(r.schemaJson).toBe("object");
    const modelFiles = readFileSync(log, "utf8")
      .split("\n")
      .filter((u) => /\/models\/[^/]+\.json$/.test(u));
    expect(modelFiles.map((u) => u.split("/").at(-1))).toEqual(["llama-3-8b.json"]);
  });

  it("require()s @archgal/schema/hf", async () => {
    requireInstalled("@archgal/schema");
    const { value: r } = await nodeJson<{ hfExports: string[] }>(dir, ["hf-cjs.cjs"]);
    expect(r.hfExports).toContain("importHuggingFaceConfig");
  });
});

describe("extension API with the consumer's own zod/mini", () => {
  it("validates a custom spec with a field and a mixer kind of its own, counts its params, rejects typos", async () => {
    requireInstalled("@archgal/schema");
    const { value: r } = await nodeJson<{
      ok: boolean;
      okIssues: string;
      benchmark: number | null;
      coreRejects: boolean;
      typoIssues: string | null;
      wrongTypeIssues: string | null;
      linearMixer: number | null;
      total: number | null;
      statsTotal: number | null;
      decoderType: string | null;
      layerMix: string | null;
      attention: string | null;
      kv: number | null;
      state: number | null;
      flopsAttention: number | null;
      svg: string | null;
      bareSvg: string | null;
    }>(dir, ["extend.mjs"]);
    expect(r.okIssues).toBe("");
    expect(r.ok).toBe(true);
    expect(r.benchmark).toBe(71.5);
    expect(r.coreRejects).toBe(true);
    expect(r.typoIssues).toMatch(/benchmrk/);
    expect(r.wrongTypeIssues).toMatch(/benchmark/);
    expect(r.linearMixer).toBe(24 * 5 * 2048 * 8 * 256);
    expect(r.statsTotal).toBe(r.total);
    // The README's retention kind in every facet: a recurrent decoder, no KV cache, its fixed state, its FLOPs.
    expect(r.decoderType).toBe("Recurrent");
    expect(r.layerMix).toBe("24 retention");
    expect(r.attention).toBe("retention");
    expect(r.kv).toBe(0);
    expect(r.state).toBe(24 * 8 * 256 * 256 * 4);
    expect(r.flopsAttention).toBe(24 * 2 * 3 * 8 * 256 * 256);
  });

  it("renders the README's retention kind with its own panel, decoder type and state size", async () => {
    requireInstalled("@archgal/schema", "@archgal/renderer");
    const { value: r } = await nodeJson<{ svg: string | null; bareSvg: string | null }>(dir, ["extend.mjs"]);
    const f = svgFacts(r.svg ?? "");
    expect(f.wellFormed).toBe(true);
    // Its own zoom panel (the definition's title and fact rows, then its state), not the generic one.
    expect(r.svg).toContain('data-component="panel:custom-0"');
    expect(f.text).toContain("Multi-scale Retention");
    expect(f.text).toContain("Head dim: 256");
    expect(f.text).toContain("Fixed-size state per layer: 524,288 values; no KV cache");
    expect(f.text).not.toContain("Custom mixer");
    // The subtitle's decoder type, and the callout from the kind's `callout` facet.
    expect(f.text).toMatch(/\bRecurrent · /);
    expect(f.text).toContain("8 heads");
    // Without `{ kinds }` the renderer knows the mixer by its fields alone.
    const bare = svgFacts(r.bareSvg ?? "");
    expect(bare.text).toContain("Custom mixer: retention");
    expect(bare.text).not.toContain("Recurrent");
  });
});

describe("isolation from the workspace", () => {
  it("our packages resolve to copies inside the consumer project, and workspace-only tools do not resolve", async () => {
    const state = requireInstalled("@archgal/schema", "@archgal/data");
    const { value: r } = await nodeJson<{ resolved: Record<string, string>; leaks: string[]; nodePath: string | null }>(dir, [
      "isolation.cjs",
    ]);
    for (const [name, path] of Object.entries(r.resolved)) {
      if (path.startsWith("unresolved")) continue; // a missing package fails its own tests
      expect(path.startsWith(state.projectDir), `${name} → ${path}`).toBe(true);
    }
    expect(r.leaks).toEqual([]);
    expect(r.nodePath).toBeNull();
    expect(consumer().projectDir.startsWith(workspaceRoot), "the consumer project must live outside the workspace").toBe(false);
  });
});
