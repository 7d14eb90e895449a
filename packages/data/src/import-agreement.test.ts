/**
 * The importer agrees with the dataset: for every dataset model whose published configuration is held in
 * test-fixtures/hf-configs.json (each record names the public place it was read from), importing the config gives the
 * same architecture as the dataset entry and the same parameter count. Where they differ, the reason is listed
 * here, one by one; anything else fails.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countParams, type DatasetEntry } from "@archgal/schema";
import { compareArchitectures, importHuggingFaceConfig } from "@archgal/schema/hf";

interface ConfigRecord {
  /** The dataset id. */
  id: string;
  /** Where the configuration was read: a URL, a repository + path + commit, or a paper. */
  source: Record<string, string>;
  config: Record<string, unknown>;
  /** Values the creator documents outside the file (e.g. the MTP layer of DeepSeek V3's release). */
  configExtraFromDocs?: Record<string, unknown>;
}

/**
 * Records transcribed from litgpt (or from READMEs and class defaults) carry no `model_type`; these are the
 * transformers classes of their checkpoints (the model cards name them), so the importer reads each with its own
 * class defaults and structure rather than refusing it as an unknown type.
 */
const modelTypes: Record<string, string> = {
  "qwen3-0.6b": "qwen3",
  "qwen3-4b": "qwen3",
  "qwen3-8b": "qwen3",
  "qwen3-32b": "qwen3",
  "phi-4": "phi3",
  "gpt2-xl": "gpt2",
  "olmo-3-32b": "olmo3",
  "smollm3-3b": "smollm3",
  "qwen2.5-7b": "qwen2",
  "gpt-oss-120b": "gpt_oss",
  "gpt-oss-20b": "gpt_oss",
  "glm-4.5": "glm4_moe",
  "minimax-m2": "minimax_m2",
  "nemotron-3-nano-30b-a3b": "nemotron_h",
  "llama-4-scout": "llama4_text",
  "llama-4-maverick": "llama4_text",
};

/** Known, explained differences between an imported config and the dataset entry (path prefixes, or /regexps/). */
const explained: Record<string, Record<string, string>> = {
  "deepseek-v3": {
    contextLength:
      "the inference config has no max_position_embeddings; the importer derives 163,840 from original_seq_len × rope factor, the dataset uses the 128K the model card states",
    "positional.scaling": "the inference config omits the YaRN β/mscale fields that the HF config.json carries",
  },
  "olmo-3-7b": {
    vocabSize:
      "the stored record lists only part of the config (no vocab_size, rope_scaling or rms_norm_eps), so the importer fills Olmo3Config defaults; the dataset takes them from the official config",
    "positional.scaling": "as above: rope_scaling is not in the stored record",
    "norm.eps": "as above: rms_norm_eps is not in the stored record",
    params: "as above: the default vocabulary (50,304 instead of 100,278) changes the embedding and head",
    "/^layers\\.[\\d-]+\\.mixer\\.rope$/":
      "as above: without rope_scaling in the record there is nothing for the sliding layers to opt out of",
  },
  "smollm3-3b": {
    contextLength:
      "the stored record is the stage-1 pretraining config (4,096 tokens, θ 50,000); the released model was extended to 64k with θ 5,000,000",
    "positional.theta": "as above",
    "/^layers\\.[\\d-]+\\.mixer\\.rope$/": "as above: the stage-1 config has no no_rope_layers list, so its layers all use RoPE",
  },
  "qwen3-0.6b": {
    contextLength: "config.json says 40,960 positions; the dataset keeps the 32,768-token native context the model card states",
  },
  "qwen3-4b": {
    contextLength: "config.json says 40,960 positions; the dataset keeps the 32,768-token native context the model card states",
  },
  "qwen3-8b": {
    contextLength: "config.json says 40,960 positions; the dataset keeps the 32,768-token native context the model card states",
  },
  "qwen3-32b": {
    contextLength: "config.json says 40,960 positions; the dataset keeps the 32,768-token native context the model card states",
  },
  "glm-4.5-air": {
    "ffns.moe.router.routedScale":
      "the stored record is INTELLECT-3's copy (routed_scaling_factor 1.0); the dataset keeps GLM-4.5-Air's own value",
  },
};

const records = (
  JSON.parse(readFileSync(fileURLToPath(new URL("../test-fixtures/hf-configs.json", import.meta.url)), "utf8")) as {
    records: ConfigRecord[];
  }
).records;
const modelsDir = fileURLToPath(new URL("../models/", import.meta.url));
const loadEntry = (id: string): DatasetEntry | undefined => {
  try {
    return JSON.parse(readFileSync(`${modelsDir}${id}.json`, "utf8")) as DatasetEntry;
  } catch {
    return undefined;
  }
};

/** The config's own keys, with documented extras merged. */
const configOf = (r: ConfigRecord, id: string) => ({
  ...(modelTypes[id] && !("model_type" in r.config) ? { model_type: modelTypes[id] } : {}),
  ...r.config,
  ...r.configExtraFromDocs,
});

const pairs = records
  .map((r) => ({ record: r, id: r.id }))
  .map((p) => ({ ...p, entry: loadEntry(p.id) }))
  .filter((p): p is typeof p & { entry: DatasetEntry } => p.entry !== undefined);

describe("import agrees with the dataset", () => {
  it("covers the stored configs, each of a dataset model and naming its public source", () => {
    expect(pairs.length).toBe(records.length);
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    for (const r of records)
      expect(
        Object.keys(r.source).some((k) => ["url", "repo", "paper", "of"].includes(k)),
        r.id,
      ).toBe(true);
  });

  for (const { record, id, entry } of pairs) {
    it(`${id}: same architecture and parameter count`, (ctx) => {
      let imported;
      try {
        imported = importHuggingFaceConfig(configOf(record, id), { id });
      } catch (error) {
        // A record that is not a whole config (a README table, a fragment) cannot be imported: say which.
        ctx.annotate(`not importable: ${(error as Error).message.split("\n")[0]}`);
        expect((error as Error).name).toBe("HfImportError");
        return;
      }
      const known = explained[id] ?? {};
      const covered = (path: string, key: string) =>
        key.startsWith("/") ? new RegExp(key.slice(1, -1)).test(path) : path === key || path.startsWith(`${key}.`);
      const differences = compareArchitectures(imported.spec.architecture, entry.architecture).filter(
        (path) => !Object.keys(known).some((k) => covered(path, k)),
      );
      expect(differences).toEqual([]);
      if (!known.params) expect(countParams(imported.spec).total).toBe(countParams(entry).total);
    });
  }
});
