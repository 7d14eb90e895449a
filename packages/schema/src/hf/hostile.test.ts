/**
 * Hostile configs: inherited property names as model types, absurd layer counts, and errors that must name the
 * config key rather than a spec path.
 */
import { describe, expect, it } from "vitest";
import { HfImportError, importHuggingFaceConfig } from "./index.js";

const core = {
  vocab_size: 1000,
  hidden_size: 64,
  num_hidden_layers: 4,
  num_attention_heads: 8,
  num_key_value_heads: 2,
  intermediate_size: 128,
};

function problemsOf(config: unknown): { path: string; message: string }[] {
  try {
    importHuggingFaceConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(HfImportError);
    return (error as HfImportError).problems;
  }
  throw new Error("expected the import to fail");
}

describe("hostile configs", () => {
  for (const modelType of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    it(`model_type "${modelType}" is refused with a clear error, not a TypeError`, () => {
      const config = JSON.parse(JSON.stringify({ ...core, model_type: modelType })) as unknown;
      const problems = problemsOf(config);
      expect(problems[0]?.path).toBe("model_type");
      expect(problems[0]?.message).toContain(`"${modelType}"`);
    });
  }

  it("a text_config with an inherited model_type name is not followed", () => {
    const problems = problemsOf({ model_type: "my_wrapper", text_config: { ...core, model_type: "constructor" } });
    expect(problems[0]?.path).toBe("model_type");
  });

  for (const layers of [1e7, 2 ** 32, 2 ** 53, 1e300]) {
    it(`num_hidden_layers ${layers} is refused before any layer list is built`, () => {
      const problems = problemsOf({ ...core, model_type: "llama", num_hidden_layers: layers });
      expect(problems).toEqual([{ path: "num_hidden_layers", message: expect.stringContaining("at most 10000 layers") }]);
    });
  }

  it("layer counts are capped in every spelling and inside text_config", () => {
    expect(problemsOf({ model_type: "gpt2", n_embd: 64, n_layer: 2 ** 32, n_head: 8 })[0]?.path).toBe("n_layer");
    expect(problemsOf({ model_type: "gemma3", text_config: { ...core, num_hidden_layers: 1e7 } })[0]?.path).toBe(
      "text_config.num_hidden_layers",
    );
  });

  it("a per-layer pattern longer than the layer cap is refused", () => {
    const problems = problemsOf({ model_type: "nemotron_h", ...core, hybrid_override_pattern: "M".repeat(20_000) });
    expect(problems[0]?.path).toBe("hybrid_override_pattern");
  });

  it("errors name the config key, not the spec path", () => {
    const problems = problemsOf({ ...core, model_type: "llama", num_key_value_heads: 3 });
    expect(problems[0]?.path).toBe("num_key_value_heads");
    const nested = problemsOf({ model_type: "gemma3", text_config: { ...core, num_key_value_heads: 3 } });
    expect(nested[0]?.path).toBe("text_config.num_key_value_heads");
  });
});
