// Generates schema.json (JSON Schema draft-07) from the documented interfaces in src/spec-types.ts.
import { writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import * as TJS from "typescript-json-schema";

const root = resolve(fileURLToPath(import.meta.url), "../..");
// spec-types.ts re-exports the interfaces of the kind modules (src/kinds/), which are modern TypeScript.
const program = TJS.getProgramFromFiles([resolve(root, "src/spec-types.ts")], {
  strict: true,
  skipLibCheck: true,
  target: "es2022",
  lib: ["es2022"],
});
const schema = TJS.generateSchema(program, "ModelSpec", {
  required: true,
  noExtraProps: true,
  strictNullChecks: true,
  titles: false,
  ref: true,
  aliasRef: false,
  topRef: false,
  validationKeywords: ["TJS-type"],
});
if (!schema) {
  console.error("typescript-json-schema produced no schema");
  process.exit(1);
}
schema.$id = "https://archgal.dev/schema/model-spec.json";
schema.title = "archgal model spec";
const out = resolve(root, "schema.json");
writeFileSync(`${out}.tmp`, `${JSON.stringify(schema, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}`);
