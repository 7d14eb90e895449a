import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import Ajv from "ajv";
import { validateSpec } from "./validate.js";
import { deepseekV3, gemma3_27b, gpt2Small, llama3_8b } from "../test-fixtures/golden-specs.js";

const schemaPath = fileURLToPath(new URL("../schema.json", import.meta.url));

/** Structural fixtures: both validators must agree on each. */
function fixtures(): { name: string; value: unknown }[] {
  const base = structuredClone(llama3_8b) as unknown as Record<string, any>;
  const mutate = (name: string, f: (s: Record<string, any>) => void) => {
    const s = structuredClone(base);
    f(s);
    return { name, value: s };
  };
  return [
    { name: "gpt2", value: gpt2Small },
    { name: "llama3", value: llama3_8b },
    { name: "gemma3", value: gemma3_27b },
    { name: "deepseek", value: deepseekV3 },
    { name: "minimal", value: { id: "x", name: "x", architecture: llama3_8b.architecture } },
    mutate("negative dModel", (s) => (s.architecture.dModel = -1)),
    mutate("fractional heads", (s) => (s.architecture.mixers.attn.heads = 2.5)),
    mutate("string vocab", (s) => (s.architecture.vocabSize = "32000")),
    mutate("unknown top-level field", (s) => (s.extra = 1)),
    mutate("unknown mixer field", (s) => (s.architecture.mixers.attn.foo = 1)),
    mutate("unknown mixer kind", (s) => (s.architecture.mixers.attn.kind = "retention")),
    mutate("bad id", (s) => (s.id = "Bad Id")),
    mutate("bad date", (s) => (s.releaseDate = "2024-13-01")),
    mutate("javascript url", (s) => (s.links.config = "javascript:alert(1)")),
    mutate("missing architecture", (s) => delete s.architecture),
    mutate("empty layers", (s) => (s.architecture.layers = [])),
    mutate("null context", (s) => (s.architecture.contextLength = null)),
    mutate("nope layer", (s) => (s.architecture.mixers.attn.rope = false)),
    mutate("rope true", (s) => (s.architecture.mixers.attn.rope = true)),
    mutate("fraction > 1", (s) => (s.architecture.positional.fraction = 1.5)),
    mutate("layer group", (s) => (s.architecture.layers = [{ repeat: 16, layers: [{ mixer: "attn", ffn: "mlp", count: 2 }] }])),
    mutate("empty group", (s) => (s.architecture.layers = [{ repeat: 2, layers: [] }])),
    mutate("bad scope component", (s) => (s.officialParams.scope = { excludes: ["vision"] })),
  ];
}

describe("JSON Schema and zod agree", () => {
  it("the generated schema exists (run the build first)", () => {
    expect(existsSync(schemaPath)).toBe(true);
  });
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = existsSync(schemaPath) ? ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8"))) : () => false;
  for (const { name, value } of fixtures()) {
    it(`agree on ${name}`, () => {
      const zod = validateSpec(value).success;
      const json = validate(value) as boolean;
      expect({ name, json }).toEqual({ name, json: zod });
    });
  }
  it("relation checks are zod-only: the JSON Schema accepts kv heads that do not divide heads", () => {
    const s = structuredClone(llama3_8b) as unknown as Record<string, any>;
    s.architecture.mixers.attn.kvHeads = 7;
    expect(validate(s)).toBe(true);
    expect(validateSpec(s).success).toBe(false);
  });
});
