import { describe, expect, it } from "vitest";
import { eagerChunks } from "./compile-hint-plugin.js";

describe("eagerChunks", () => {
  it("follows static imports from the entries and leaves dynamic-only chunks and assets out", () => {
    const bundle = {
      "home.js": { type: "chunk", isEntry: true, imports: ["shared.js"], dynamicImports: ["poster.js"] },
      "model.js": { type: "chunk", isEntry: true, imports: ["shared.js", "lit.js"] },
      "shared.js": { type: "chunk", imports: ["lit.js"] },
      "lit.js": { type: "chunk", imports: [] },
      "poster.js": { type: "chunk", imports: ["worker-only.js"] },
      "worker-only.js": { type: "chunk", imports: [] },
      "style.css": { type: "asset" },
    };
    expect([...eagerChunks(bundle)].sort()).toEqual(["home.js", "lit.js", "model.js", "shared.js"]);
  });

  it("terminates on import cycles", () => {
    const bundle = { "a.js": { type: "chunk", isEntry: true, imports: ["b.js"] }, "b.js": { type: "chunk", imports: ["a.js"] } };
    expect(eagerChunks(bundle).size).toBe(2);
  });
});
